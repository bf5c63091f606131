using System.Buffers.Binary;
using System.IO.Compression;
using CsCheck;
using GanDsl.Data;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Data;

public class IdxReaderTests
{
    [Fact]
    public void Raw_and_gzip_files_round_trip() =>
        Gen.Select(Sized.PositiveInt, Sized.PositiveInt, Sized.PositiveInt, Gen.Bool).ForAll((n, h, w, gzip) =>
    {
        int count = n % 20 + 1, height = h % 9 + 1, width = w % 9 + 1;
        using var tmp = new TempFolder();
        string suffix = gzip ? ".gz" : "";
        var pixels = IdxFixtures.Pixels(count, height, width);
        var labels = IdxFixtures.Labels(count);
        IdxWriter.WriteImages(tmp.File("img" + suffix), pixels, count, height, width);
        IdxWriter.WriteLabels(tmp.File("lbl" + suffix), labels);

        var (images, readLabels) = IdxReader.ReadPair(tmp.File("img" + suffix), tmp.File("lbl" + suffix));
        bool compressed = File.ReadAllBytes(tmp.File("img" + suffix)).AsSpan(0, 2).SequenceEqual(new byte[] { 0x1f, 0x8b });
        return compressed == gzip && images.Count == count && images.Height == height && images.Width == width
               && images.Pixels.AsSpan().SequenceEqual(pixels) && readLabels.AsSpan().SequenceEqual(labels);
    }, iter: 30);

    [Fact]
    public void Gzip_is_detected_by_content_not_by_name()
    {
        using var tmp = new TempFolder();
        var pixels = IdxFixtures.Pixels(3, 2, 2);
        IdxWriter.WriteImages(tmp.File("a.gz"), pixels, 3, 2, 2);
        File.Move(tmp.File("a.gz"), tmp.File("images-without-extension"));
        IdxWriter.WriteImages(tmp.File("raw.gz.bin"), pixels, 3, 2, 2); // ".bin": written raw

        Assert.Equal(pixels, IdxReader.ReadImages(tmp.File("images-without-extension")).Pixels);
        Assert.Equal(pixels, IdxReader.ReadImages(tmp.File("raw.gz.bin")).Pixels);
    }

    [Fact]
    public void Header_is_big_endian_with_the_standard_magic()
    {
        using var tmp = new TempFolder();
        IdxWriter.WriteImages(tmp.File("img"), IdxFixtures.Pixels(2, 3, 5), 2, 3, 5);
        var bytes = File.ReadAllBytes(tmp.File("img"));
        Assert.Equal(new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 5 }, bytes[..16]);
        Assert.Equal(16 + 30, bytes.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_image_file_is_refused_with_the_promised_and_held_sizes(bool gzip)
    {
        using var tmp = new TempFolder();
        string name = "train-images-idx3-ubyte" + (gzip ? ".gz" : "");
        var full = Idx(IdxReader.ImagesMagic, 10, 28, 28, new byte[10 * 784]);
        byte[] cut = full[..1234];
        File.WriteAllBytes(tmp.File(name), gzip ? Gzip(cut) : cut);

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(tmp.File(name)));
        Sentences.AssertOne(e.Message, name);
        Text.Has(e.Message, "is truncated: the header promises 10 images of 28x28 (7856 bytes) but the file holds 1234");
        Text.Has(e.Message, gzip ? "1234 bytes once decompressed" : "1234 bytes;");
    }

    [Fact]
    public void Gzip_file_cut_in_the_middle_is_refused()
    {
        using var tmp = new TempFolder();
        var gz = Gzip(Idx(IdxReader.ImagesMagic, 50, 28, 28, IdxFixtures.Pixels(50, 28, 28)));
        File.WriteAllBytes(tmp.File("cut.gz"), gz[..(gz.Length / 2)]);

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(tmp.File("cut.gz")));
        Sentences.AssertOne(e.Message, "cut.gz");
        Assert.True(e.Message.Contains("truncated") || e.Message.Contains("not a valid gzip"), e.Message);
    }

    [Fact]
    public void File_shorter_than_the_header_is_refused()
    {
        using var tmp = new TempFolder();
        File.WriteAllBytes(tmp.File("t10k-labels-idx1-ubyte"), [0, 0, 8]);
        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(tmp.File("t10k-labels-idx1-ubyte")));
        Sentences.AssertOne(e.Message, "t10k-labels-idx1-ubyte");
        Text.Has(e.Message, "header of 8 bytes but the file holds 3;");
    }

    [Fact]
    public void Wrong_magic_is_refused()
    {
        using var tmp = new TempFolder();
        File.WriteAllBytes(tmp.File("junk.idx"), Idx(0x12345678, 1, 1, 1, [0]));
        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(tmp.File("junk.idx")));
        Sentences.AssertOne(e.Message, "junk.idx");
        Text.Has(e.Message, "wrong magic number 0x12345678");
        Text.Has(e.Message, "2051");
    }

    [Fact]
    public void Swapped_image_and_label_files_are_named_as_such()
    {
        using var tmp = new TempFolder();
        var (images, labels) = IdxFixtures.WritePair(tmp.Path, "img", "lbl", 4);
        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadPair(labels, images));
        Sentences.AssertOne(e.Message, labels);
        Text.Has(e.Message, "it is a labels file");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void File_larger_than_the_header_promises_is_refused(bool gzip)
    {
        using var tmp = new TempFolder();
        string name = "train-labels-idx1-ubyte" + (gzip ? ".gz" : "");
        byte[] bytes = [0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3, 4, 5];
        File.WriteAllBytes(tmp.File(name), gzip ? Gzip(bytes) : bytes);

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(tmp.File(name)));
        Sentences.AssertOne(e.Message, name);
        Text.Has(e.Message, "has the wrong size: the header promises 3 labels (11 bytes) but the file holds 13");
    }

    [Fact]
    public void Zero_dimension_is_refused()
    {
        using var tmp = new TempFolder();
        File.WriteAllBytes(tmp.File("empty"), Idx(IdxReader.ImagesMagic, 0, 28, 28, []));
        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(tmp.File("empty")));
        Sentences.AssertOne(e.Message, "empty");
        Text.Has(e.Message, "image count is 0");
    }

    [Fact]
    public void Image_and_label_count_mismatch_names_both_files()
    {
        using var tmp = new TempFolder();
        IdxWriter.WriteImages(tmp.File("train-images-idx3-ubyte"), IdxFixtures.Pixels(6, 2, 2), 6, 2, 2);
        IdxWriter.WriteLabels(tmp.File("t10k-labels-idx1-ubyte"), IdxFixtures.Labels(5));

        var e = Assert.Throws<DatasetException>(() =>
            IdxReader.ReadPair(tmp.File("train-images-idx3-ubyte"), tmp.File("t10k-labels-idx1-ubyte")));
        Sentences.AssertOne(e.Message, "t10k-labels-idx1-ubyte");
        Text.Has(e.Message, "train-images-idx3-ubyte");
        Text.Has(e.Message, "holds 5 labels but");
        Text.Has(e.Message, "holds 6 images");
    }

    [Fact]
    public void Missing_file_is_refused()
    {
        using var tmp = new TempFolder();
        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(tmp.File("nowhere-images.gz")));
        Sentences.AssertOne(e.Message, "nowhere-images.gz");
        Text.Has(e.Message, "does not exist");
    }

    [Fact]
    public void A_folder_in_place_of_the_file_is_refused()
    {
        using var tmp = new TempFolder();
        string dir = tmp.Folder("train-images-idx3-ubyte");
        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(dir));
        Sentences.AssertOne(e.Message, "train-images-idx3-ubyte");
    }

    internal static byte[] Idx(int magic, int count, int height, int width, byte[] data)
    {
        var bytes = new byte[16 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), height);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), width);
        data.CopyTo(bytes, 16);
        return bytes;
    }

    internal static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(data);
        return ms.ToArray();
    }
}
