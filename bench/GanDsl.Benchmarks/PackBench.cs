using System.Runtime.InteropServices;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>
/// `--pack [rounds]`: the weight gradient's transposed patch panels (<see cref="TransposedPatchPanels"/>) of dcgan's
/// stride-2 layers, packed k block by k block and four panels at a time, as a tile of the weight gradient's GEMM packs
/// them. One thread's CPU time in ns a packed value, medians of the rounds, the source batch in L3 (3.2 MB for D2).
/// </summary>
internal static unsafe class PackBench
{
    private const int PanelsPerTile = 4;

    public static void Run(int rounds)
    {
        Console.WriteLine($"transposed patch panels, one thread, ns a packed value, median of {rounds}");
        Measure("dcgan D2 32->64 k4 s2 14x14", ConvGeometry.ForConv(128, 32, 14, 14, 64, 4, 2, 1), rounds);
        Measure("dcgan D3 64->128 k3 s2 7x7", ConvGeometry.ForConv(128, 64, 7, 7, 128, 3, 2, 1), rounds);
    }

    private static void Measure(string name, ConvGeometry g, int rounds)
    {
        long sourceFloats = (long)g.Batch * g.InChannels * g.InPlane;
        float* x = Alloc(sourceFloats);
        for (long i = 0; i < sourceFloats; i++) x[i] = i % 13 - 6;
        var patches = new PatchPanels();
        patches.Prepare(PatchGrid.Of(g, x));
        var rows = new TransposedPatchPanels { Patches = patches };
        int k = g.Batch * g.OutPlane, n = g.PatchSize, nr = PackedBRows.PanelWidth, kc = GemmTask.KBlock(k), tile = PanelsPerTile * nr;
        float* dst = Alloc((long)tile * kc + 16); // a store may spill 16 floats past the last panel
        void PackAll()
        {
            for (int j0 = 0; j0 < n; j0 += tile)
                for (int p0 = 0; p0 < k; p0 += kc)
                    rows.Pack(nr, j0, Math.Min(tile, n - j0), p0, Math.Min(kc, k - p0), dst);
        }

        for (int i = 0; i < 3; i++) PackAll();
        var times = new List<double>();
        for (int round = 0; round < rounds; round++) times.Add(BenchClock.PerCall(5, true, PackAll));
        Console.WriteLine($"{name,-30}{times.Order().ElementAt(times.Count / 2) * 1e6 / ((double)k * n),8:F3}");
        NativeMemory.AlignedFree(x);
        NativeMemory.AlignedFree(dst);
    }

    private static float* Alloc(long floats) => (float*)NativeMemory.AlignedAlloc((nuint)(floats * sizeof(float)), 64);
}
