using GanDsl.Imaging;

namespace GanDsl.Tests.Imaging;

public class PngTests
{
    private static IEnumerable<GridImage> Corpus()
    {
        foreach (var ch in new[] { 1, 3 })
        {
            yield return TestImages.Noise(1, 1, ch, seed: 1);
            yield return TestImages.Noise(1, 9, ch, seed: 2);
            yield return TestImages.Noise(13, 1, ch, seed: 3);
            yield return TestImages.Noise(37, 23, ch, seed: 4);
            yield return TestImages.Gradient(64, 48, ch);
            yield return TestImages.Stripes(31, 17, ch);
            yield return TestImages.Diagonal(40, 40, ch);
            yield return TestImages.Generate(5, 5, ch, (_, _, _) => 255);
            yield return SampleGrid.Create(Enumerable.Range(0, 10 * ch * 12 * 12).Select(i => MathF.Sin(i * 0.05f)).ToArray(), 10, ch, 12, 12);
        }
    }

    [Fact]
    public void WrittenFilesPassPngcheckAndDecodeToTheSamePixels()
    {
        using var folder = new TempFolder();
        var images = Corpus().ToList();
        var paths = images.Select((img, i) => folder.File($"image-{i}.png")).ToArray();
        for (int i = 0; i < images.Count; i++) Png.WriteFile(paths[i], images[i]);

        ExternalDecoders.AssertPngcheckAccepts(paths);
        var decoded = ExternalDecoders.DecodeWithPython(paths);
        for (int i = 0; i < images.Count; i++)
        {
            var (img, d) = (images[i], decoded[i]);
            Assert.Equal((img.Width, img.Height, img.Channels), (d.Width, d.Height, d.Channels));
            Assert.Equal(["IHDR", "IDAT", "IEND"], d.Chunks);
            Assert.Null(d.NumFrames);
            Assert.Equal(img.Pixels, Assert.Single(d.Frames));
        }
        // The corpus is chosen so the adaptive filter picks every filter type; the decoder has undone each of them.
        Assert.Equal([0, 1, 2, 3, 4], decoded.SelectMany(d => d.Filters).Distinct().Order());
    }

    [Fact]
    public void StreamFileAndEncodeGiveTheSameDeterministicBytes()
    {
        using var folder = new TempFolder();
        var image = TestImages.Gradient(20, 10, 3);
        using var stream = new MemoryStream();
        Png.Write(stream, image);
        Png.WriteFile(folder.File("a.png"), image);
        Assert.Equal(stream.ToArray(), Png.Encode(image));
        Assert.Equal(stream.ToArray(), File.ReadAllBytes(folder.File("a.png")));
        Assert.Equal(Png.Encode(image), Png.Encode(image with { Pixels = (byte[])image.Pixels.Clone() }));
    }

    [Fact]
    public void HeaderDeclaresEightBitGrayOrRgb()
    {
        var gray = PngChunkReader.Read(Png.Encode(TestImages.Gradient(300, 2, 1)))[0];
        var rgb = PngChunkReader.Read(Png.Encode(TestImages.Gradient(2, 300, 3)))[0];
        Assert.Equal("IHDR", gray.Type);
        Assert.Equal([0, 0, 1, 44, 0, 0, 0, 2, 8, 0, 0, 0, 0], gray.Data);
        Assert.Equal([0, 0, 0, 2, 0, 0, 1, 44, 8, 2, 0, 0, 0], rgb.Data);
    }

    [Fact]
    public void WriteFileReplacesAnExistingFileCreatesTheFolderAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "samples", "epoch-001.png");
        Png.WriteFile(path, TestImages.Noise(8, 8, 1, seed: 5));
        var second = TestImages.Gradient(9, 7, 3);
        Png.WriteFile(path, second);
        Assert.Equal(Png.Encode(second), File.ReadAllBytes(path));
        Assert.Equal(["epoch-001.png"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(0, 4, 1, 0, "positive width and height")]
    [InlineData(4, 4, 2, 32, "1 (gray) or 3 (RGB) channels")]
    [InlineData(4, 4, 3, 47, "needs 48 pixel bytes but has 47")]
    public void InvalidImagesAreRefusedBeforeAnyFileIsWritten(int width, int height, int channels, int bytes, string message)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.png");
        var e = Assert.Throws<ArgumentException>(() => Png.WriteFile(path, new GridImage(width, height, channels, new byte[bytes])));
        Assert.Contains(message, e.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
