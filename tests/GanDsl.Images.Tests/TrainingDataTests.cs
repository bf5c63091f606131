using GanDsl.Images.Tests.Support;
using GanDsl.Training;

namespace GanDsl.Images.Tests;

/// <summary>The <see cref="ITrainingData"/> contract the adversarial loop relies on.</summary>
public class TrainingDataTests
{
    [Fact]
    public void Batches_follow_the_indices_given()
    {
        using var s = new Scratch();
        s.Put("a/1.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        s.Put("b/2.png", PngFile.Bytes8(1, 1, PngFile.Gray, 255));
        ITrainingData data = s.Load(1, 1, 1);
        var values = new float[3];
        var labels = new int[3];
        data.CopyBatch([1, 0, 1], values, labels);
        Assert.Equal([1f, -1f, 1f], values);
        Assert.Equal([1, 0, 1], labels);
        Assert.Equal([1, 1, 1], data.SampleShape);
        ((IDisposable)data).Dispose();
    }

    [Fact]
    public void Short_buffers_and_bad_indices_are_refused()
    {
        using var s = new Scratch();
        s.Put("a/1.png", PngFile.Bytes8(2, 2, PngFile.Gray, 0, 0, 0, 0));
        using var data = s.Load(1, 2, 2);
        var e = Assert.Throws<ArgumentException>(() => data.CopyBatch([0, 0], new float[7], new int[2]));
        Assert.Equal("The sample buffer holds 7 floats but 2 samples of 1x2x2 need 8. (Parameter 'samples')", e.Message);
        Assert.Throws<ArgumentException>(() => data.CopyBatch([0, 0], new float[8], new int[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.CopyBatch([1], new float[4], new int[1]));
    }

    [Fact]
    public void A_disposed_dataset_cannot_be_read()
    {
        using var s = new Scratch();
        s.Put("a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        var data = s.Load(1, 1, 1);
        data.Dispose();
        data.Dispose(); // twice is harmless
        Assert.Throws<ObjectDisposedException>(() => data.CopyBatch([0], new float[1], new int[1]));
    }

    [Fact]
    public void Describes_itself()
    {
        using var s = new Scratch();
        s.Put("x/a.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        s.Put("y/b.png", PngFile.Bytes8(1, 1, PngFile.Gray, 0));
        using var data = s.Load(3, 1, 1);
        Assert.Equal($"{s.Images}: 2 images of 3x1x1, 2 classes", data.ToString());
    }
}
