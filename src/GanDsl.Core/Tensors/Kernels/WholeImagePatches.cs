namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The convolution whose single patch is the whole image (kernel = height = width, no padding: a DCGAN's last
/// discriminator and first generator layer). Its patch row (c, ky, kx) of image n is pixel (c, ky, kx) of that image, so
/// im2col is the transpose of x seen as [N, Cin·k·k] and col2im the transpose back, with no sums. Done in 8×8 register
/// blocks: the general loops would touch one value per image and kernel offset.
/// </summary>
internal static unsafe class WholeImagePatches
{
    public const int ColumnsPerPart = 8;

    public static bool Applies(in ConvGeometry g) =>
        g.OutPlane == 1 && g.Padding == 0 && g.Kernel == g.Height && g.Kernel == g.Width;

    /// <summary>dst[q·dstStride + r] = src[r·srcStride + q] for r in [0, rows) and q in [q0, q1).</summary>
    public static void Transpose(float* src, int srcStride, float* dst, int dstStride, int rows, int q0, int q1)
    {
        int r = 0;
        if (KernelSettings.Allows(VectorWidth.Bits256) && Transpose8x8.IsSupported && q1 - q0 == 8)
            for (; r <= rows - 8; r += 8)
                Transpose8x8.Block(src + (long)r * srcStride + q0, srcStride, dst + (long)q0 * dstStride + r, dstStride);
        for (; r < rows; r++)
        for (int q = q0; q < q1; q++)
            dst[(long)q * dstStride + r] = src[(long)r * srcStride + q];
    }
}
