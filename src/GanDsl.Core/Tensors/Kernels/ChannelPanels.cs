namespace GanDsl.Tensors.Kernels;

/// <summary>
/// A of the weight gradient's implicit GEMM: an NCHW gradient seen as the channel-major matrix [C, N·P] (row c, column
/// (n, q) = src[n, c, q]) and packed straight into MR-row panels, a block per image, as <see cref="GemmPacking"/> packs
/// the stored matrix: the same values in the same places, without the reorder.
/// </summary>
internal sealed unsafe class ChannelPanels : PanelSource
{
    public float* Source;
    public int Channels, Plane;

    public override void Pack(int panel, int start, int count, int p0, int kc, float* dst)
    {
        for (int q = 0; q < count; q += panel)
        {
            int rows = Math.Min(panel, count - q);
            float* to = dst + (nint)q * kc;
            for (int step = 0; step < kc;)
            {
                int j = p0 + step, n = j / Plane, at = j % Plane, length = Math.Min(kc - step, Plane - at);
                GemmPacking.Transpose(Source + ((long)n * Channels + start + q) * Plane + at, Plane, rows, length, to + (nint)step * panel, panel);
                step += length;
            }
        }
    }
}
