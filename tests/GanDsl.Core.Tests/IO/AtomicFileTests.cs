using GanDsl.IO;

namespace GanDsl.Core.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void AFailedAtomicWriteKeepsThePreviousFileAndRemovesTheTemporaryOne()
    {
        using var folder = new TempFolder();
        var path = folder.File("evolution.png");
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("simulated disk failure");
        }));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void The_target_changes_only_on_commit_and_an_abandoned_write_leaves_no_trace()
    {
        using var folder = new TempFolder();
        var path = folder.File("sub", "config.json");
        using (var file = AtomicFile.Begin(path))
        {
            file.Stream.Write("{}"u8);
            Assert.False(File.Exists(path)); // a reader sees nothing until the rename
            Assert.True(File.Exists(file.TemporaryPath));
            Assert.StartsWith(".", Path.GetFileName(file.TemporaryPath)); // hidden while it is written
            file.Commit();
        }
        Assert.Equal("{}"u8.ToArray(), File.ReadAllBytes(path));

        using (var abandoned = AtomicFile.Begin(path)) abandoned.Stream.Write("half"u8);
        Assert.Equal("{}"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["config.json"], Directory.GetFiles(folder.File("sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void Text_is_written_as_utf8_without_a_byte_order_mark()
    {
        using var folder = new TempFolder();
        AtomicFile.WriteAllText(folder.File("run.json"), "α\n");
        Assert.Equal(new byte[] { 0xCE, 0xB1, 0x0A }, File.ReadAllBytes(folder.File("run.json")));
    }
}
