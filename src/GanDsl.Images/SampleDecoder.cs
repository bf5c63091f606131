using System.Buffers;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace GanDsl.Images;

/// <summary>
/// One file to one sample: SkiaSharp decodes it to straight RGBA (no colour management, as PIL does by default; 16-bit
/// samples keep their high byte; a GIF gives its first frame), <see cref="ChannelConversion"/> makes the net's channels
/// and <see cref="Resampler"/> scales and crops them. Thread-safe: workers share one decoder.
/// </summary>
internal sealed class SampleDecoder(SampleFormat format, ImageFolderOptions options)
{
    /// <summary>The most pixels an image may have (16K x 16K), so one decode's buffers stay a few GiB at most.</summary>
    public const long MaxPixels = 1L << 28;

    /// <summary>The longest side allowed, which keeps the resampler's integer sums inside their range.</summary>
    public const int MaxSide = 1 << 20;

    private int _decoded;

    /// <summary>How many files were decoded (the cache test counts on this being 0 on a hit).</summary>
    public int Decoded => Volatile.Read(ref _decoded);

    /// <summary>Writes the file's sample (C x H x W bytes) to <paramref name="destination"/>, or returns why it cannot.</summary>
    public ImageProblem? Decode(ImageFile file, Span<byte> destination)
    {
        SKData data;
        try
        {
            using var stream = File.OpenRead(file.FullPath);
            data = SKData.Create(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImageProblem.Unreadable(file, e);
        }
        using (data)
        using (var codec = data is null ? null : SKCodec.Create(data))
        {
            if (codec is null) return ImageProblem.NotAnImage(file);
            int width = codec.Info.Width, height = codec.Info.Height;
            if ((long)width * height > MaxPixels || width > MaxSide || height > MaxSide)
                return ImageProblem.TooLarge(file, width, height);
            if (!options.AllowUpscaling && (width < format.Width || height < format.Height))
                return ImageProblem.TooSmall(file, width, height, format);
            Interlocked.Increment(ref _decoded);
            return DecodePixels(file, codec, width, height, destination);
        }
    }

    private ImageProblem? DecodePixels(ImageFile file, SKCodec codec, int width, int height, Span<byte> destination)
    {
        int pixels = width * height;
        byte[] rgba = ArrayPool<byte>.Shared.Rent(pixels * 4);
        byte[] planes = ArrayPool<byte>.Shared.Rent(pixels * format.Channels);
        try
        {
            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            SKCodecResult result;
            var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
            try { result = codec.GetPixels(info, handle.AddrOfPinnedObject()); }
            finally { handle.Free(); }
            // Lenient decoders fill missing rows; a sample with blank rows would be silently wrong, so only Success counts.
            if (result != SKCodecResult.Success) return ImageProblem.Incomplete(file, result);
            ChannelConversion.ToPlanes(rgba.AsSpan(0, pixels * 4), format.Channels, options.Background, planes);
            Resampler.CoverAndCrop(planes.AsSpan(0, pixels * format.Channels), format.Channels, height, width,
                destination, format.Height, format.Width);
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
            ArrayPool<byte>.Shared.Return(planes);
        }
    }
}
