using System.Numerics.Tensors;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The sums of a broadcast's gradient over its repeated blocks (<see cref="Elementwise.SumTo"/> where the target is one
/// block of the source): source [outer, mid, inner] summed into target [mid]. Column sums (inner 1) split the columns
/// into ranges over the pool; plane sums (inner above 1) split the planes into runs in memory order, keep each plane's
/// vector sum, and add a target's sums in order after the job (walking one target's planes across the outer index
/// instead starts a new stream every plane). Either way each target adds its blocks in order, so every thread count gives
/// the serial loop's bits.
/// </summary>
internal static class BlockSums
{
    // Below this many source elements a helper's wake-up costs more than the sums.
    private const int ParallelElements = 64 * 1024;

    // Plane sums: about this many source values a part.
    private const int PartElements = 32 * 1024;

    [ThreadStatic] private static Job? _job;

    /// <summary>target[m] = Σ_o Σ_i source[o, m, i], o in order; target is overwritten.</summary>
    public static void Run(float[] source, float[] target, int outer, int mid, int inner)
    {
        var j = _job ??= new Job();
        (j.Source, j.Target, j.Outer, j.Mid, j.Inner) = (source, target, outer, mid, inner);
        int blocks = inner == 1 ? mid : outer * mid;
        // Column sums (inner 1) are vector adds of whole rows: ranges of at least 64 columns keep them vectors.
        j.PerPart = inner == 1 ? Math.Max(64, (mid + 7) / 8) : Math.Max(1, PartElements / inner);
        if (inner > 1) j.PlaneSums = j.SumsFor(blocks);
        int parts = (blocks + j.PerPart - 1) / j.PerPart;
        if (source.Length < ParallelElements || parts < 2) for (int p = 0; p < parts; p++) j.Run(p);
        else j.RunAll(parts);
        if (inner > 1) AddInOrder(j.PlaneSums!, target, outer, mid);
        (j.Source, j.Target, j.PlaneSums) = (null!, null!, null);
    }

    /// <summary>target[m] = the sums of planes [o, m] added for o in order from 0 (a float sum, as the serial loop's).</summary>
    public static void AddInOrder(ReadOnlySpan<float> planeSums, Span<float> target, int outer, int mid)
    {
        for (int m = 0; m < mid; m++)
        {
            float sum = 0f;
            for (int o = 0; o < outer; o++) sum += planeSums[o * mid + m];
            target[m] = sum;
        }
    }

    private sealed class Job : ParallelJob
    {
        public float[] Source = null!, Target = null!;
        public float[]? PlaneSums;
        public int Outer, Mid, Inner, PerPart;
        private float[] _sums = [];

        /// <summary>Room for one sum a plane, kept from call to call.</summary>
        public float[] SumsFor(int planes) => _sums.Length >= planes ? _sums : _sums = new float[planes];

        public override void Run(int part)
        {
            int first = part * PerPart;
            if (Inner > 1)
            {
                int end = Math.Min(Outer * Mid, first + PerPart);
                for (int plane = first; plane < end; plane++)
                    PlaneSums![plane] = TensorPrimitives.Sum(Source.AsSpan(plane * Inner, Inner));
                return;
            }
            int count = Math.Min(Mid, first + PerPart) - first;
            var t = Target.AsSpan(first, count);
            t.Clear();
            for (int o = 0; o < Outer; o++) TensorPrimitives.Add(t, Source.AsSpan(o * Mid + first, count), t);
        }
    }
}
