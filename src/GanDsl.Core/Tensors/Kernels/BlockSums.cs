using System.Numerics.Tensors;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The sums of a broadcast's gradient over its repeated blocks (<see cref="Elementwise.SumTo"/> where the target is one
/// block of the source): source [outer, mid, inner] summed into target [mid]. Large ones are split over the pool by
/// ranges of targets; each target still adds its blocks in order on one thread, so every thread count gives the serial
/// loop's bits.
/// </summary>
internal static class BlockSums
{
    // Below this many source elements a helper's wake-up costs more than the sums.
    private const int ParallelElements = 64 * 1024;

    [ThreadStatic] private static Job? _job;

    /// <summary>target[m] = Σ_o Σ_i source[o, m, i], o in order; target is overwritten.</summary>
    public static void Run(float[] source, float[] target, int outer, int mid, int inner)
    {
        var j = _job ??= new Job();
        (j.Source, j.Target, j.Outer, j.Mid, j.Inner) = (source, target, outer, mid, inner);
        // Column sums (inner 1) are vector adds of whole rows: ranges of at least 64 columns keep them vectors.
        j.PerPart = inner == 1 ? Math.Max(64, (mid + 7) / 8) : Math.Max(1, (mid + 15) / 16);
        int parts = (mid + j.PerPart - 1) / j.PerPart;
        if (source.Length < ParallelElements || parts < 2) for (int p = 0; p < parts; p++) j.Run(p);
        else j.RunAll(parts);
        (j.Source, j.Target) = (null!, null!);
    }

    private sealed class Job : ParallelJob
    {
        public float[] Source = null!, Target = null!;
        public int Outer, Mid, Inner, PerPart;

        public override void Run(int part)
        {
            int first = part * PerPart, count = Math.Min(Mid, first + PerPart) - first;
            var t = Target.AsSpan(first, count);
            t.Clear();
            if (Inner == 1)
            {
                for (int o = 0; o < Outer; o++) TensorPrimitives.Add(t, Source.AsSpan(o * Mid + first, count), t);
                return;
            }
            for (int o = 0; o < Outer; o++)
                for (int m = 0; m < count; m++)
                    t[m] += TensorPrimitives.Sum(Source.AsSpan((o * Mid + first + m) * Inner, Inner));
        }
    }
}
