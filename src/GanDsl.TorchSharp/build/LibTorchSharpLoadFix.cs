// Compiled by MSBuild's RoslynCodeTaskFactory (GanDsl.TorchSharp.targets) and, with GANDSL_ELF_TESTS defined, by the torch
// tests. Plain C# on netstandard: it runs inside whatever MSBuild builds the user's application.
#nullable disable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace GanDsl.TorchSharp.Build
{
#if !GANDSL_ELF_TESTS
    /// <summary>Patches every libLibTorchSharp.so under <see cref="Folder"/> that this system's libstdc++ cannot load.</summary>
    public sealed class GanDslPatchLibTorchSharp : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public string Folder { get; set; }

        public override bool Execute()
        {
            if (!Directory.Exists(Folder)) return true;
            var libstdcxx = LibTorchSharpLoadFix.SystemLibStdCxx();
            if (libstdcxx == null) return true;
            var available = LibTorchSharpLoadFix.DefinedVersions(File.ReadAllBytes(libstdcxx));
            foreach (var library in Directory.GetFiles(Folder, LibTorchSharpLoadFix.LibraryName, SearchOption.AllDirectories))
            {
                string outcome = LibTorchSharpLoadFix.Apply(library, available);
                if (outcome != null)
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "GanDsl.TorchSharp: " + library + ": " + outcome);
            }
            return true;
        }
    }
#endif

    /// <summary>
    /// The one ELF edit that makes TorchSharp's native glue load where libstdc++ is older than the one it was linked with:
    /// each libstdc++ version it needs but the system lacks is marked weak (VER_FLG_WEAK in .gnu.version_r), which the loader
    /// accepts, provided no relocation refers to a symbol of that version (then nothing would ever look for it). TorchSharp
    /// 0.107 needs GLIBCXX_3.4.32 only for std::ios_base_library_init, a reference GCC 13's iostream header plants.
    /// </summary>
    public static class LibTorchSharpLoadFix
    {
        public const string LibraryName = "libLibTorchSharp.so";
        private const string LibStdCxx = "libstdc++.so.6";
        private const uint SectionVerdef = 0x6ffffffd, SectionVerneed = 0x6ffffffe, SectionVersym = 0x6fffffff;
        private const uint SectionDynsym = 11, SectionRela = 4, SectionRel = 9;
        private const ushort WeakFlag = 0x2;

        /// <summary>The libstdc++ the loader finds first on a usual x86-64 or arm64 Linux; null when none is there.</summary>
        public static string SystemLibStdCxx()
        {
            foreach (var folder in new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" })
            {
                var path = Path.Combine(folder, LibStdCxx);
                if (File.Exists(path)) return path;
            }
            return null;
        }

        /// <summary>
        /// Patches <paramref name="library"/> for a libstdc++ defining <paramref name="available"/>: returns what it did, or why it
        /// could not, or null when nothing was needed. The patched bytes go to a new file that replaces the old one, so a
        /// hard link into the NuGet cache is never written through.
        /// </summary>
        public static string Apply(string library, ICollection<string> available)
        {
            var bytes = File.ReadAllBytes(library);
            var plan = Plan(bytes, available);
            if (plan.Problem != null) return plan.Problem;
            if (plan.FlagOffsets.Count == 0) return null;
            foreach (int offset in plan.FlagOffsets) WriteU16(bytes, offset, (ushort)(ReadU16(bytes, offset) | WeakFlag));
            var temporary = library + ".gandsl-patch";
            File.Copy(library, temporary, true);
            File.WriteAllBytes(temporary, bytes);
            File.Replace(temporary, library, null);
            return "marked " + string.Join(", ", plan.Weakened) + " weak (this system's libstdc++ lacks it; no symbol of it is used at run time)";
        }

        /// <summary>What <see cref="Apply"/> would change in <paramref name="elf"/>.</summary>
        public sealed class Patch
        {
            public List<int> FlagOffsets = new List<int>();
            public List<string> Weakened = new List<string>();
            public string Problem;
        }

        public static Patch Plan(byte[] elf, ICollection<string> available)
        {
            var patch = new Patch();
            var sections = Sections(elf);
            if (sections == null)
            {
                patch.Problem = "not a 64-bit little-endian ELF file; left as it is";
                return patch;
            }
            var missing = new Dictionary<ushort, int>();
            foreach (var s in sections)
            {
                if (s.Type != SectionVerneed) continue;
                long strings = sections[s.Link].Offset;
                long entry = s.Offset;
                for (uint i = 0; i < s.Info; i++)
                {
                    // Verneed: vn_cnt at 2, vn_file at 4, vn_aux at 8, vn_next at 12; Vernaux: flags 4, other 6, name 8, next 12.
                    ushort count = ReadU16(elf, entry + 2);
                    string file = Text(elf, strings + ReadU32(elf, entry + 4));
                    long aux = entry + ReadU32(elf, entry + 8);
                    for (int j = 0; j < count; j++)
                    {
                        ushort flags = ReadU16(elf, aux + 4), index = ReadU16(elf, aux + 6);
                        string name = Text(elf, strings + ReadU32(elf, aux + 8));
                        if (file == LibStdCxx && !available.Contains(name) && (flags & WeakFlag) == 0)
                        {
                            missing[index] = (int)(aux + 4);
                            patch.Weakened.Add(name);
                        }
                        aux += ReadU32(elf, aux + 12);
                    }
                    entry += ReadU32(elf, entry + 12);
                }
            }
            if (missing.Count == 0) return patch;
            var used = RelocatedVersions(elf, sections);
            foreach (var index in missing.Keys)
                if (used.Contains(index))
                {
                    patch.Problem = "needs " + string.Join(", ", patch.Weakened) + " for a symbol it calls; install GCC 13's libstdc++ (or newer)";
                    return patch;
                }
            patch.FlagOffsets.AddRange(missing.Values);
            return patch;
        }

        /// <summary>The version names a library defines (.gnu.version_d), e.g. GLIBCXX_3.4.30.</summary>
        public static HashSet<string> DefinedVersions(byte[] elf)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var sections = Sections(elf);
            if (sections == null) return names;
            foreach (var s in sections)
            {
                if (s.Type != SectionVerdef) continue;
                long strings = sections[s.Link].Offset;
                long entry = s.Offset;
                for (uint i = 0; i < s.Info; i++)
                {
                    // Verdef: vd_cnt at 6, vd_aux at 12, vd_next at 16; the first Verdaux names the version.
                    if (ReadU16(elf, entry + 6) > 0) names.Add(Text(elf, strings + ReadU32(elf, entry + ReadU32(elf, entry + 12))));
                    entry += ReadU32(elf, entry + 16);
                }
            }
            return names;
        }

        /// <summary>The version indexes of the dynamic symbols that some relocation refers to.</summary>
        private static HashSet<ushort> RelocatedVersions(byte[] elf, List<Section> sections)
        {
            var result = new HashSet<ushort>();
            int dynsym = sections.FindIndex(s => s.Type == SectionDynsym);
            var versym = sections.Find(s => s.Type == SectionVersym);
            if (dynsym < 0 || versym == null) return result;
            foreach (var s in sections)
            {
                if ((s.Type != SectionRela && s.Type != SectionRel) || s.Link != dynsym) continue;
                long size = s.Type == SectionRela ? 24 : 16;
                for (long at = s.Offset; at + size <= s.Offset + s.Size; at += size)
                {
                    long symbol = (long)(ReadU64(elf, at + 8) >> 32);
                    if (symbol != 0) result.Add((ushort)(ReadU16(elf, versym.Offset + 2 * symbol) & 0x7fff));
                }
            }
            return result;
        }

        private sealed class Section
        {
            public uint Type;
            public long Offset;
            public long Size;
            public int Link;
            public uint Info;
        }

        private static List<Section> Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
                return null;
            long table = (long)ReadU64(elf, 0x28);
            int entrySize = ReadU16(elf, 0x3A), count = ReadU16(elf, 0x3C);
            var sections = new List<Section>();
            for (int i = 0; i < count; i++)
            {
                long at = table + (long)i * entrySize;
                sections.Add(new Section
                {
                    Type = ReadU32(elf, at + 4),
                    Offset = (long)ReadU64(elf, at + 24),
                    Size = (long)ReadU64(elf, at + 32),
                    Link = (int)ReadU32(elf, at + 40),
                    Info = ReadU32(elf, at + 44),
                });
            }
            return sections;
        }

        private static string Text(byte[] elf, long at)
        {
            long end = at;
            while (elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, (int)at, (int)(end - at));
        }

        private static ushort ReadU16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);
        private static uint ReadU32(byte[] b, long at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
        private static ulong ReadU64(byte[] b, long at) => ReadU32(b, at) | (ulong)ReadU32(b, at + 4) << 32;

        private static void WriteU16(byte[] b, long at, ushort value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }
    }
}
