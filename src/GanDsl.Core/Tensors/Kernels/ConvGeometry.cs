namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The sizes of one 2-D convolution seen as a map from an input [N, Cin, H, W] to an output [N, Cout, Ho, Wo]
/// with a square kernel. A transposed convolution is the same geometry read backwards.
/// </summary>
public readonly record struct ConvGeometry(int Batch, int InChannels, int Height, int Width, int OutChannels,
    int Kernel, int Stride, int Padding, int OutHeight, int OutWidth)
{
    /// <summary>Values in one receptive field, Cin·k·k: the row length of the im2col matrix.</summary>
    public int PatchSize => InChannels * Kernel * Kernel;
    /// <summary>Output pixels per channel, Ho·Wo.</summary>
    public int OutPlane => OutHeight * OutWidth;
    /// <summary>Input pixels per channel, H·W.</summary>
    public int InPlane => Height * Width;

    /// <summary>The geometry of a convolution over the given input; Ho = ⌊(H + 2p − k) / s⌋ + 1.</summary>
    public static ConvGeometry ForConv(int batch, int inChannels, int height, int width, int outChannels, int kernel, int stride, int padding) =>
        new(batch, inChannels, height, width, outChannels, kernel, stride, padding,
            (height + 2 * padding - kernel) / stride + 1, (width + 2 * padding - kernel) / stride + 1);
}
