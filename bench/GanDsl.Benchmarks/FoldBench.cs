using System.Runtime.InteropServices;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>
/// `--fold`: col2im of dcgan's stride-2 input gradients (<see cref="PlaneUnfold.Fold"/>), a channel at a time over parts
/// of a batch of 128 as the implicit input gradient cuts them. One thread's CPU time in ns a pixel, medians of the rounds.
/// </summary>
internal static unsafe class FoldBench
{
    public static void Run(int rounds)
    {
        Console.WriteLine($"col2im, vector width {KernelSettings.BestAvailable}, one thread, ns a pixel, median of {rounds}");
        Measure("dcgan 32<-64 onto 14x14", ConvGeometry.ForConv(128, 32, 14, 14, 64, 4, 2, 1), rounds);
        Measure("dcgan 64<-128 onto 7x7", ConvGeometry.ForConv(128, 64, 7, 7, 128, 3, 2, 1), rounds);
    }

    private static void Measure(string name, ConvGeometry g, int rounds)
    {
        int kk = g.Kernel * g.Kernel, images = (int)Math.Clamp(128 * 1024 / ((long)g.PatchSize * g.OutPlane), 1, g.Batch);
        int columns = images * g.OutPlane;
        long imageStride = (long)g.InChannels * g.InPlane;
        var windows = PatchWindow.All(g, []);
        // One part's product (every channel's kk rows) and the whole batch's gradient, as in the step.
        float* cols = Alloc((long)g.PatchSize * columns), dx = Alloc(g.Batch * imageStride);
        for (long i = 0; i < (long)g.PatchSize * columns; i++) cols[i] = i % 11 - 5;
        var times = new List<double>();
        for (int round = 0; round < rounds; round++)
            times.Add(BenchClock.PerCall(10, true, () =>
            {
                for (int n0 = 0; n0 + images <= g.Batch; n0 += images)
                    for (int c = 0; c < g.InChannels; c++)
                        PlaneUnfold.Fold(g, windows.AsSpan(0, kk), cols + (long)c * kk * columns, columns,
                            dx + n0 * imageStride + (long)c * g.InPlane, imageStride, images);
            }));
        double pixels = g.Batch / images * images * imageStride;
        Console.WriteLine($"{name,-26}{times.Order().ElementAt(times.Count / 2) * 1e6 / pixels,8:F3}");
        NativeMemory.AlignedFree(cols);
        NativeMemory.AlignedFree(dx);
    }

    private static float* Alloc(long floats) => (float*)NativeMemory.AlignedAlloc((nuint)(floats * sizeof(float)), 64);
}
