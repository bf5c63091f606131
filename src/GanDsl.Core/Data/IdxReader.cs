using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace GanDsl.Data;

/// <summary>
/// Reads IDX files (LeCun's MNIST format: big-endian header, unsigned bytes), raw or gzip-compressed; gzip is
/// recognised by its magic bytes, not by the file name. Every problem becomes a one-sentence
/// <see cref="DatasetException"/> naming the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an image file: u8 data (0x08), three dimensions (N, H, W).</summary>
    public const int ImagesMagic = 0x0803;

    /// <summary>Magic number of a label file: u8 data (0x08), one dimension (N).</summary>
    public const int LabelsMagic = 0x0801;

    private const string Redownload = "delete it and download it again";

    /// <summary>Reads an IDX image file (magic 0x0803: N×H×W unsigned bytes), raw or gzip-compressed.</summary>
    /// <exception cref="DatasetException">The file is missing, unreadable, not an image file, or shorter or longer than its header says.</exception>
    public static IdxImages ReadImages(string path)
    {
        using var file = Open(path, out bool gzip);
        Span<byte> header = stackalloc byte[16];
        ReadHeader(file, path, header, ImagesMagic, "image", "labels");
        int count = Dimension(path, header, 4, "image count");
        int height = Dimension(path, header, 8, "height");
        int width = Dimension(path, header, 12, "width");
        long payload = (long)count * height * width;
        string promise = string.Create(CultureInfo.InvariantCulture,
            $"{count} images of {height}x{width} ({payload + 16} bytes)");
        if (payload > Array.MaxLength)
            throw new DatasetException($"{path} is not a usable IDX file: the header promises {promise}, more than GanDsl can hold in memory; check that it is an image file of MNIST's format.");
        byte[] pixels = ReadPayload(file, path, gzip, 16, payload, promise);
        return new IdxImages(count, height, width, pixels);
    }

    /// <summary>Reads an IDX label file (magic 0x0801: N unsigned bytes), raw or gzip-compressed.</summary>
    /// <exception cref="DatasetException">The file is missing, unreadable, not a label file, or shorter or longer than its header says.</exception>
    public static byte[] ReadLabels(string path)
    {
        using var file = Open(path, out bool gzip);
        Span<byte> header = stackalloc byte[8];
        ReadHeader(file, path, header, LabelsMagic, "label", "images");
        int count = Dimension(path, header, 4, "label count");
        string promise = string.Create(CultureInfo.InvariantCulture, $"{count} labels ({count + 8L} bytes)");
        return ReadPayload(file, path, gzip, 8, count, promise);
    }

    /// <summary>Reads an image file and its label file and checks that they describe the same number of samples.</summary>
    public static (IdxImages Images, byte[] Labels) ReadPair(string imagesPath, string labelsPath)
    {
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != images.Count)
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                $"{labelsPath} holds {labels.Length} labels but {imagesPath} holds {images.Count} images; use the image and label files of the same split (train-* with train-*, t10k-* with t10k-*)."));
        return (images, labels);
    }

    private static Stream Open(string path, out bool gzip)
    {
        if (Directory.Exists(path))
            throw new DatasetException($"{path} is a folder, not an IDX file; pass the file itself or use --dataset DIR for the folder.");
        if (!File.Exists(path))
            throw new DatasetException($"{path} does not exist; check the path, or pass the folder that holds the dataset with --dataset DIR.");
        FileStream raw;
        try
        {
            raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{path} cannot be opened ({e.Message.TrimEnd('.')}); check its permissions.", e);
        }
        Span<byte> magic = stackalloc byte[2];
        int got = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        raw.Position = 0;
        gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        return gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }

    // The magic is checked as soon as its four bytes are in, so a swapped or foreign file is named as such
    // even when it is shorter than the expected header.
    private static void ReadHeader(Stream file, string path, Span<byte> header, int magic, string kind, string otherKind)
    {
        int got = ReadSome(file, path, header);
        if (got >= 4) CheckMagic(path, header, magic, kind, otherKind);
        if (got < header.Length)
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                $"{path} is truncated: an IDX {kind} file starts with a header of {header.Length} bytes but the file holds {got}; {Redownload}."));
    }

    private static void CheckMagic(string path, ReadOnlySpan<byte> header, int expected, string kind, string otherKind)
    {
        int magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic == expected) return;
        int other = expected == ImagesMagic ? LabelsMagic : ImagesMagic;
        string hint = magic == other
            ? $"it is a {otherKind} file; check that the image and label files are not swapped"
            : $"check that it is an IDX {kind} file of MNIST's format or {Redownload}";
        throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
            $"{path} has the wrong magic number 0x{magic:X8} for an IDX {kind} file (expected 0x{expected:X8}, {expected}); {hint}."));
    }

    private static int Dimension(string path, ReadOnlySpan<byte> header, int offset, string what)
    {
        uint value = BinaryPrimitives.ReadUInt32BigEndian(header[offset..]);
        if (value == 0 || value > int.MaxValue)
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                $"{path} has an invalid header: its {what} is {value}; {Redownload}."));
        return (int)value;
    }

    private static byte[] ReadPayload(Stream file, string path, bool gzip, int headerSize, long payload, string promise)
    {
        var data = new byte[payload];
        int got = ReadSome(file, path, data);
        string unit = gzip ? " bytes once decompressed" : " bytes";
        if (got < payload)
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                $"{path} is truncated: the header promises {promise} but the file holds {headerSize + (long)got}{unit}; {Redownload}."));
        long extra = CountRest(file, path);
        if (extra > 0)
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                $"{path} has the wrong size: the header promises {promise} but the file holds {headerSize + payload + extra}{unit}; {Redownload}."));
        return data;
    }

    // Reads until the buffer is full or the data ends; a damaged gzip stream is reported, not thrown raw.
    private static int ReadSome(Stream file, string path, Span<byte> buffer)
    {
        try
        {
            return file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException($"{path} is not a valid gzip file ({e.Message.TrimEnd('.')}); {Redownload}.", e);
        }
    }

    private static long CountRest(Stream file, string path)
    {
        Span<byte> scratch = stackalloc byte[4096];
        long total = 0;
        int n;
        while ((n = ReadSome(file, path, scratch)) > 0) total += n;
        return total;
    }
}
