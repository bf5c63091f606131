using System.Buffers.Binary;
using GanDsl.IO;

namespace GanDsl.Imaging;

/// <summary>
/// Writes animated PNG (APNG) files that loop forever, e.g. <c>RUN/evolution.png</c>, the fixed-noise grid
/// over epochs. Frame 0 is the default image (IDAT), so viewers without APNG support show the first grid.
/// </summary>
public static class AnimatedPng
{
    /// <summary>The largest delay one frame can carry (fcTL's delay numerator is 16 bits, in milliseconds here).</summary>
    public const int MaxDelayMilliseconds = ushort.MaxValue;

    /// <summary>
    /// Writes <paramref name="frames"/> (at least one, all of the same size and channel count) as an APNG to
    /// <paramref name="stream"/> (left open). Every frame shows for <paramref name="frameDelayMilliseconds"/>;
    /// the last one for <paramref name="lastFrameDelayMilliseconds"/> when given, so a loop pauses on the final result.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<GridImage> frames, int frameDelayMilliseconds = 500,
        int? lastFrameDelayMilliseconds = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Validate(frames, frameDelayMilliseconds, lastFrameDelayMilliseconds);
        var first = frames[0];

        stream.Write(PngChunks.Signature);
        PngChunks.WriteHeader(stream, first.Width, first.Height, first.Channels);
        Span<byte> actl = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(actl, (uint)frames.Count);
        BinaryPrimitives.WriteUInt32BigEndian(actl[4..], 0); // num_plays 0: loop forever
        PngChunks.Write(stream, "acTL", actl);

        // fcTL and fdAT share one sequence that starts at 0 and has no gaps.
        uint sequence = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            int delay = i == frames.Count - 1 ? lastFrameDelayMilliseconds ?? frameDelayMilliseconds : frameDelayMilliseconds;
            PngChunks.Write(stream, "fcTL", FrameControl(sequence++, first.Width, first.Height, delay));
            var data = PngChunks.CompressImage(frames[i]);
            if (i == 0)
            {
                PngChunks.Write(stream, "IDAT", data);
                continue;
            }
            var fdat = new byte[4 + data.Length];
            BinaryPrimitives.WriteUInt32BigEndian(fdat, sequence++);
            data.CopyTo(fdat.AsSpan(4));
            PngChunks.Write(stream, "fdAT", fdat);
        }
        PngChunks.WriteEnd(stream);
    }

    /// <summary>Writes the APNG to <paramref name="path"/> atomically (temporary file in the same folder, then a rename).</summary>
    public static void WriteFile(string path, IReadOnlyList<GridImage> frames, int frameDelayMilliseconds = 500,
        int? lastFrameDelayMilliseconds = null)
    {
        Validate(frames, frameDelayMilliseconds, lastFrameDelayMilliseconds); // fail before touching the disk
        AtomicFile.Write(path, stream => Write(stream, frames, frameDelayMilliseconds, lastFrameDelayMilliseconds));
    }

    /// <summary>The APNG file's bytes.</summary>
    public static byte[] Encode(IReadOnlyList<GridImage> frames, int frameDelayMilliseconds = 500,
        int? lastFrameDelayMilliseconds = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, frames, frameDelayMilliseconds, lastFrameDelayMilliseconds);
        return buffer.ToArray();
    }

    private static byte[] FrameControl(uint sequence, int width, int height, int delayMilliseconds)
    {
        var fctl = new byte[26];
        var span = fctl.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, sequence);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], (uint)height);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], 0); // x offset: every frame covers the canvas
        BinaryPrimitives.WriteUInt32BigEndian(span[16..], 0); // y offset
        BinaryPrimitives.WriteUInt16BigEndian(span[20..], (ushort)delayMilliseconds);
        BinaryPrimitives.WriteUInt16BigEndian(span[22..], 1000); // delay denominator: milliseconds
        fctl[24] = 0; // dispose op: none
        fctl[25] = 0; // blend op: source (replace the canvas)
        return fctl;
    }

    private static void Validate(IReadOnlyList<GridImage> frames, int delay, int? lastDelay)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
            throw new ArgumentException("An animated PNG needs at least one frame; pass one grid per epoch.", nameof(frames));
        CheckDelay(delay, nameof(delay));
        if (lastDelay is { } last) CheckDelay(last, nameof(lastDelay));
        var first = frames[0] ?? throw new ArgumentException("Frame 0 is null; pass a GridImage for every frame.", nameof(frames));
        first.Validate();
        for (int i = 1; i < frames.Count; i++)
        {
            var f = frames[i] ?? throw new ArgumentException($"Frame {i} is null; pass a GridImage for every frame.", nameof(frames));
            f.Validate();
            if (f.Width != first.Width || f.Height != first.Height || f.Channels != first.Channels)
                throw new ArgumentException(
                    $"Frame {i} is {f.Width}×{f.Height}×{f.Channels} but frame 0 is {first.Width}×{first.Height}×{first.Channels}; " +
                    "every frame of an animated PNG must have the same size and channel count.", nameof(frames));
        }
    }

    private static void CheckDelay(int milliseconds, string name)
    {
        if (milliseconds is < 0 or > MaxDelayMilliseconds)
            throw new ArgumentOutOfRangeException(name, milliseconds,
                $"A frame delay must be between 0 and {MaxDelayMilliseconds} ms.");
    }
}
