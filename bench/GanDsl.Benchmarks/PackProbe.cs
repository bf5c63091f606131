using GanDsl.Tensors.Kernels;
namespace GanDsl.Benchmarks;
internal static unsafe class PackProbe
{
    public static void Run()
    {
        foreach (var g in new[] { ConvGeometry.ForConv(128, 64, 7, 7, 128, 3, 2, 1), ConvGeometry.ForConv(128, 32, 14, 14, 64, 4, 2, 1) })
        {
            var x = new float[g.Batch * g.InChannels * g.InPlane];
            var pp = new PatchPanels();
            int n = g.Batch * g.OutPlane, k = g.PatchSize;
            float* dst = (float*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc((nuint)(512 * 320 + 64) * 4, 64);
            fixed (float* px = x)
            {
                pp.Prepare(PatchGrid.Of(g, px));
                for (int rep = 0; rep < 5; rep++)
                {
                    double t0 = ConvAb.ThreadCpuMs();
                    for (int j0 = 0; j0 < n; j0 += 512)
                    for (int p0 = 0; p0 < k; p0 += 288)
                        pp.Pack(32, j0, Math.Min(512, n - j0), p0, Math.Min(288, k - p0), dst);
                    double t1 = ConvAb.ThreadCpuMs();
                    Console.WriteLine($"{g}: pack all {t1 - t0:F3} ms for {(long)n * k / 1e6:F2} M floats");
                }
            }
        }
    }
}
