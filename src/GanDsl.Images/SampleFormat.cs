using System.Globalization;

namespace GanDsl.Images;

/// <summary>One stored sample: Channels planes of Height x Width bytes (C x H x W, the net's layout).</summary>
internal readonly record struct SampleFormat(int Channels, int Height, int Width)
{
    /// <summary>The channel counts an image converts to: gray (luma), RGB, RGBA.</summary>
    public static readonly int[] SupportedChannels = [1, 3, 4];

    /// <summary>Bytes in one sample.</summary>
    public int Size => Channels * Height * Width;

    /// <summary>The format of a net input shape [C, H, W], or a sentence saying why images cannot fill it.</summary>
    public static SampleFormat From(IReadOnlyList<int> sampleShape, string directory)
    {
        ArgumentNullException.ThrowIfNull(sampleShape);
        string shape = "[" + string.Join(", ", sampleShape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
        if (sampleShape.Count != 3 || sampleShape[1] <= 0 || sampleShape[2] <= 0)
            throw new ImageFolderException($"The net takes samples of {shape}, but images become [channels, height, width] samples; give the net an input of three positive dimensions, such as [3, 64, 64].", directory);
        if (Array.IndexOf(SupportedChannels, sampleShape[0]) < 0)
            throw new ImageFolderException($"The net takes {shape}, but images convert only to 1 (grayscale), 3 (RGB) or 4 (RGBA) channels; give the net's input one of those channel counts.", directory);
        if ((long)sampleShape[0] * sampleShape[1] * sampleShape[2] > int.MaxValue)
            throw new ImageFolderException($"The net takes {shape}, more than {int.MaxValue} values a sample; use a smaller input.", directory);
        return new SampleFormat(sampleShape[0], sampleShape[1], sampleShape[2]);
    }

    /// <summary>The shape as the training loop sees it.</summary>
    public int[] Shape => [Channels, Height, Width];

    /// <summary>"3x64x64".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channels}x{Height}x{Width}");
}
