using CsCheck;
using GanDsl.Data;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void Bytes_are_scaled_to_minus_one_to_one()
    {
        var images = new IdxImages(1, 1, 4, [0, 255, 128, 51]);
        var data = Dataset.FromIdx("x", images, [3], classes: 10);
        Assert.Equal(new[] { -1f, 1f, 128 / 127.5f - 1f, 51 / 127.5f - 1f }, data.Images);
        Assert.Equal([3], data.Labels);
    }

    [Fact]
    public void Writer_inverts_the_scaling_for_every_byte() =>
        Gen.Byte.ForAll(value =>
    {
        Span<float> scaled = stackalloc float[1];
        Dataset.Scale([value], scaled);
        return IdxWriter.ToByte(scaled[0]) == value;
    }, iter: 50);

    [Fact]
    public void Writer_clamps_values_outside_the_range()
    {
        Assert.Equal((byte)0, IdxWriter.ToByte(-3f));
        Assert.Equal((byte)255, IdxWriter.ToByte(7f));
        Assert.Equal((byte)0, IdxWriter.ToByte(float.NaN));
    }

    [Fact]
    public void Float_images_written_as_idx_read_back_within_half_a_step()
    {
        using var tmp = new TempFolder();
        float[] generated = [-1f, -0.5f, 0f, 0.25f, 0.999f, 1f];
        IdxWriter.WriteImages(tmp.File("samples.idx"), generated, 1, 2, 3);
        var back = Dataset.FromIdx("s", IdxReader.ReadImages(tmp.File("samples.idx")), [0], 1);
        for (int i = 0; i < generated.Length; i++) Assert.InRange(back.Images[i] - generated[i], -0.5f / 127.5f - 1e-6f, 0.5f / 127.5f + 1e-6f);
    }

    [Fact]
    public void Create_copies_its_inputs_and_describes_the_shape()
    {
        float[] images = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        int[] labels = [0, 1];
        var data = Dataset.Create("toy", images, labels, channels: 3, height: 1, width: 2, classes: 2);
        images[0] = 99;
        labels[0] = 1;

        Assert.Equal((2, 3, 1, 2, 2, 6), (data.Count, data.Channels, data.Height, data.Width, data.Classes, data.SampleSize));
        Assert.Equal(1f, data.Images[0]);
        Assert.Equal(0, data.Labels[0]);
        Assert.Equal(new float[] { 7, 8, 9, 10, 11, 12 }, data.Image(1).ToArray());
    }

    [Fact]
    public void Create_refuses_inconsistent_data()
    {
        Assert.Throws<ArgumentException>(() => Dataset.Create("toy", new float[5], [0, 0], 1, 1, 3, 1));
        Assert.Throws<ArgumentException>(() => Dataset.Create("toy", new float[2], [0, 2], 1, 1, 1, 2));
        Assert.Throws<ArgumentException>(() => Dataset.Create("toy", [], [], 1, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dataset.Create("toy", new float[1], [0], 0, 1, 1, 1));
    }

    [Fact]
    public void Labels_beyond_the_classes_in_an_idx_file_are_refused_naming_it()
    {
        var e = Assert.Throws<DatasetException>(() =>
            Dataset.FromIdx("mnist", new IdxImages(2, 1, 1, [0, 0]), [1, 12], 10, "train-labels-idx1-ubyte.gz"));
        Sentences.AssertOne(e.Message, "train-labels-idx1-ubyte.gz");
        Text.Has(e.Message, "label 12 at sample 1");
    }

    [Fact]
    public void CopyBatch_gathers_the_samples_in_index_order()
    {
        var data = Dataset.Create("toy", [0, 0, 10, 11, 20, 21, 30, 31], [0, 1, 2, 3], 1, 1, 2, 4);
        var images = new float[6];
        var labels = new int[3];
        data.CopyBatch([3, 0, 2], images, labels);
        Assert.Equal(new float[] { 30, 31, 0, 0, 20, 21 }, images);
        Assert.Equal([3, 0, 2], labels);
        Assert.Throws<ArgumentException>(() => data.CopyBatch([0, 1, 2], new float[5], labels));
    }
}
