using GanDsl.Imaging;

namespace GanDsl.Tests.Imaging;

public class AnimatedPngTests
{
    private static List<GridImage> Frames(int count, int channels) =>
        Enumerable.Range(0, count).Select(i => TestImages.Generate(19, 11, channels, (x, y, c) => x * 10 + y * 3 + c + i * 40)).ToList();

    [Fact]
    public void ChunksAreOrderedAndSequenceNumbersRunWithoutGaps()
    {
        var chunks = PngChunkReader.Read(AnimatedPng.Encode(Frames(4, 1), frameDelayMilliseconds: 250, lastFrameDelayMilliseconds: 2000));

        Assert.Equal(["IHDR", "acTL", "fcTL", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND"], chunks.Select(c => c.Type));
        var actl = chunks[1].Data;
        Assert.Equal(4u, PngChunkReader.U32(actl, 0));  // num_frames
        Assert.Equal(0u, PngChunkReader.U32(actl, 4));  // num_plays: loop forever
        var sequence = chunks.Where(c => c.Type is "fcTL" or "fdAT").Select(c => PngChunkReader.U32(c.Data, 0));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (uint)i), sequence);

        var controls = chunks.Where(c => c.Type == "fcTL").Select(c => c.Data).ToList();
        Assert.All(controls, f =>
        {
            Assert.Equal(26, f.Length);
            Assert.Equal((19u, 11u, 0u, 0u), (PngChunkReader.U32(f, 4), PngChunkReader.U32(f, 8), PngChunkReader.U32(f, 12), PngChunkReader.U32(f, 16)));
            Assert.Equal(1000, PngChunkReader.U16(f, 22));
        });
        Assert.Equal([250, 250, 250, 2000], controls.Select(f => (int)PngChunkReader.U16(f, 20)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FilesPassPngcheckAndEveryFrameDecodesToItsPixels(int channels)
    {
        using var folder = new TempFolder();
        var frames = Frames(5, channels);
        var path = folder.File("evolution.png");
        AnimatedPng.WriteFile(path, frames, frameDelayMilliseconds: 400);
        var single = folder.File("single.png");
        AnimatedPng.WriteFile(single, frames.Take(1).ToList());

        ExternalDecoders.AssertPngcheckAccepts(path, single);
        var decoded = ExternalDecoders.DecodeWithPython(path, single);
        Assert.Equal(5, decoded[0].NumFrames);
        Assert.Equal(0, decoded[0].NumPlays);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8], decoded[0].Sequence);
        Assert.All(decoded[0].Delays, d => Assert.Equal([400, 1000], d));
        Assert.Equal(frames.Select(f => f.Pixels), decoded[0].Frames);
        Assert.Equal(1, decoded[1].NumFrames);
        Assert.Equal([0], decoded[1].Sequence);
        Assert.Equal(frames[0].Pixels, Assert.Single(decoded[1].Frames));
    }

    [Fact]
    public void FramesOfDifferentSizesAreRefusedWithTheFrameNamed()
    {
        using var folder = new TempFolder();
        var frames = new List<GridImage> { TestImages.Gradient(4, 4, 1), TestImages.Gradient(4, 4, 1), TestImages.Gradient(5, 4, 1) };
        var e = Assert.Throws<ArgumentException>(() => AnimatedPng.WriteFile(folder.File("x.png"), frames));
        Assert.Contains("Frame 2 is 5×4×1 but frame 0 is 4×4×1", e.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void NoFramesOrAnOutOfRangeDelayAreRefused()
    {
        Assert.Contains("at least one frame", Assert.Throws<ArgumentException>(() => AnimatedPng.Encode([])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnimatedPng.Encode(Frames(2, 1), frameDelayMilliseconds: 70_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnimatedPng.Encode(Frames(2, 1), lastFrameDelayMilliseconds: -1));
    }
}
