using GanDsl.IO;

namespace GanDsl.Core.Tests.IO;

public class AtomicFolderTests
{
    private static string[] Entries(string folder) =>
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void A_new_folder_appears_complete_and_replaces_the_old_one_whole()
    {
        using var root = new TempFolder();
        var target = root.File("checkpoints", "best");
        AtomicFolder.Write(target, temp =>
        {
            Assert.False(Directory.Exists(target)); // nothing under the final name while it is filled
            File.WriteAllText(Path.Combine(temp, "a.txt"), "one");
            File.WriteAllText(Path.Combine(temp, "b.txt"), "one");
        });
        Assert.Equal(["a.txt", "b.txt"], Entries(target));

        AtomicFolder.Write(target, temp => File.WriteAllText(Path.Combine(temp, "c.txt"), "two"));
        Assert.Equal(["c.txt"], Entries(target)); // replaced, not merged
        Assert.Equal(["best"], Entries(root.File("checkpoints"))); // no .tmp or .old left beside it
    }

    [Fact]
    public void A_crash_while_filling_keeps_the_old_folder_and_the_next_write_clears_the_debris()
    {
        using var root = new TempFolder();
        var target = root.File("step-0000010");
        AtomicFolder.Write(target, temp => File.WriteAllText(Path.Combine(temp, "state.json"), "good"));
        Assert.Throws<IOException>(() => AtomicFolder.Write(target, temp =>
        {
            File.WriteAllText(Path.Combine(temp, "state.json"), "half");
            throw new IOException("simulated crash");
        }));
        Assert.Equal("good", File.ReadAllText(Path.Combine(target, "state.json")));

        AtomicFolder.Write(target, temp => File.WriteAllText(Path.Combine(temp, "state.json"), "next"));
        Assert.Equal("next", File.ReadAllText(Path.Combine(target, "state.json")));
        Assert.Equal(["step-0000010"], Entries(root.Path));
    }
}
