using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.TorchSharp;

/// <summary>
/// Caps LibTorch's oneDNN at SSE4.1 on AMD Zen 5 (family 1Ah) processors unless the user chose an ISA. On a 2-core Zen 5
/// EPYC virtual machine, LibTorch 2.10's oneDNN 3.7.1 returns wrong values and NaNs from its AVX-512, AVX2 and AVX
/// convolution kernels (the torch parity tests of every convolution layer and reference net fail there: 49 with oneDNN's
/// own choice, 29 capped at AVX2, 3 at AVX, none at SSE4.1), while the same tests passed with oneDNN's own choice on
/// the machines earlier test runs of this project used. oneDNN reads <c>ONEDNN_MAX_CPU_ISA</c> from the C library's environment when it creates its first
/// primitive, so the cap is set when this assembly loads, before any torch call. Setting <c>ONEDNN_MAX_CPU_ISA</c> (or
/// <c>DNNL_MAX_CPU_ISA</c>) yourself, e.g. to <c>ALL</c>, overrides it.
/// </summary>
internal static class OneDnnIsaCap
{
    /// <summary>The environment variables oneDNN reads (the second is its older name).</summary>
    internal const string Variable = "ONEDNN_MAX_CPU_ISA", LegacyVariable = "DNNL_MAX_CPU_ISA";

    /// <summary>The ISA set where the wrong results were seen and the user set none.</summary>
    internal const string Cap = "SSE41";

    /// <summary>The first AMD family whose oneDNN results were wrong (Zen 5).</summary>
    private const int Zen5Family = 0x1A;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "oneDNN reads the variable once, at its first primitive; later is too late.")]
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || !IsZen5OrLater()) return;
        if (Environment.GetEnvironmentVariable(Variable) is not null || Environment.GetEnvironmentVariable(LegacyVariable) is not null) return;
        // .NET keeps its own copy of the environment on Unix; LibTorch reads the C library's, so set it there too.
        Environment.SetEnvironmentVariable(Variable, Cap);
        _ = setenv(Variable, Cap, 0);
    }

    /// <summary>True on an AMD processor of family 1Ah or later (CPUID leaf 0's vendor, leaf 1's family fields).</summary>
    internal static bool IsZen5OrLater()
    {
        if (!X86Base.IsSupported) return false;
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        bool amd = ebx == 0x68747541 && edx == 0x69746E65 && ecx == 0x444D4163; // "Auth" "enti" "cAMD"
        if (!amd) return false;
        int eax = X86Base.CpuId(1, 0).Eax;
        int family = (eax >> 8) & 0xF;
        if (family == 0xF) family += (eax >> 20) & 0xFF;
        return family >= Zen5Family;
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
}
