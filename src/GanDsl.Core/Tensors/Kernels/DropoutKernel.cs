using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Dropout masks from a counter-based generator. Pair j of a mask (elements 2j and 2j+1) is decided by SplitMix64's
/// output for the counter key + (j+1)·γ: the low 32 bits decide element 2j, the high 32 bits element 2j+1, each by its
/// top 24 bits u as u &lt; ⌈p·2²⁴⌉. Since no draw depends on the one before it, a mask fills in parallel chunks and
/// vector lanes, and every path and thread count gives the same bits as <see cref="Uniform24"/> element by element.
/// The sequential generator gives only the key, one draw per mask, so its state moves on by one draw whatever the size.
/// </summary>
internal static unsafe class DropoutKernel
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL; // SplitMix64's counter increment
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL, Mix2 = 0x94D049BB133111EBUL;
    private const int Chunk = 16 * 1024; // even, so a chunk starts on a pair

    [ThreadStatic] private static Job? _job;

    /// <summary>The 24-bit uniform that decides element <paramref name="index"/> of the mask keyed by <paramref name="key"/>.</summary>
    internal static uint Uniform24(ulong key, long index)
    {
        ulong draw = Mix(key + ((ulong)(index >> 1) + 1) * Gamma);
        return (uint)(draw >> (int)(32 * (index & 1))) >> 8;
    }

    /// <summary>The threshold u must stay below for probability <paramref name="probability"/>: u·2⁻²⁴ &lt; p ⇔ u &lt; ⌈p·2²⁴⌉.</summary>
    internal static int Threshold(float probability) => (int)Math.Ceiling((double)probability * (1 << 24));

    /// <summary>
    /// mask[i] = <paramref name="hit"/> with probability <paramref name="probability"/>, else <paramref name="miss"/>;
    /// and, when <paramref name="x"/> is not empty, y[i] = x[i]·mask[i] in the same pass.
    /// </summary>
    public static void Fill(ulong key, float probability, float hit, float miss, Span<float> mask, ReadOnlySpan<float> x, Span<float> y)
    {
        if (!x.IsEmpty && (x.Length != mask.Length || y.Length != mask.Length))
            throw new ArgumentException($"dropout: the input ({x.Length}), mask ({mask.Length}) and output ({y.Length}) must have the same length.");
        var k = new Draw(key, Threshold(probability), hit, miss);
        fixed (float* pm = mask, px = x, py = y)
        {
            if (mask.Length <= 2 * Chunk)
            {
                Range(k, pm, px, py, 0, mask.Length);
                return;
            }
            var j = _job ??= new Job();
            j.K = k;
            j.Mask = pm;
            j.X = px;
            j.Y = py;
            j.Length = mask.Length;
            j.RunAll((mask.Length + Chunk - 1) / Chunk);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * Mix1;
        z = (z ^ (z >> 27)) * Mix2;
        return z ^ (z >> 31);
    }

    private readonly record struct Draw(ulong Key, int Threshold, float Hit, float Miss);

    // start is even. x null: the mask only.
    private static void Range(in Draw k, float* mask, float* x, float* y, int start, int end)
    {
        int i = start;
        if (KernelSettings.Allows(VectorWidth.Bits512) && Vector512.IsHardwareAccelerated)
        {
            var counter = Vector512.Create(k.Key) + (Vector512.Create((ulong)(start >> 1) + 1) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7)) * Gamma;
            var advance = Vector512.Create(unchecked(8 * Gamma));
            var threshold = Vector512.Create(k.Threshold);
            var (hit, miss) = (Vector512.Create(k.Hit), Vector512.Create(k.Miss));
            for (; i <= end - 16; i += 16, counter += advance)
            {
                var z = counter;
                z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Mix1;
                z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Mix2;
                z ^= Vector512.ShiftRightLogical(z, 31);
                var u = Vector512.ShiftRightLogical(z.AsUInt32(), 8).AsInt32();
                var m = Vector512.ConditionalSelect(Vector512.LessThan(u, threshold).AsSingle(), hit, miss);
                m.Store(mask + i);
                if (x != null) (Vector512.Load(x + i) * m).Store(y + i);
            }
        }
        else if (KernelSettings.Allows(VectorWidth.Bits256) && Vector256.IsHardwareAccelerated)
        {
            var counter = Vector256.Create(k.Key) + (Vector256.Create((ulong)(start >> 1) + 1) + Vector256.Create(0UL, 1, 2, 3)) * Gamma;
            var advance = Vector256.Create(unchecked(4 * Gamma));
            var threshold = Vector256.Create(k.Threshold);
            var (hit, miss) = (Vector256.Create(k.Hit), Vector256.Create(k.Miss));
            for (; i <= end - 8; i += 8, counter += advance)
            {
                var z = counter;
                z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Mix1;
                z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Mix2;
                z ^= Vector256.ShiftRightLogical(z, 31);
                var u = Vector256.ShiftRightLogical(z.AsUInt32(), 8).AsInt32();
                var m = Vector256.ConditionalSelect(Vector256.LessThan(u, threshold).AsSingle(), hit, miss);
                m.Store(mask + i);
                if (x != null) (Vector256.Load(x + i) * m).Store(y + i);
            }
        }
        for (; i < end; i++)
        {
            float m = Uniform24(k.Key, i) < (uint)k.Threshold ? k.Hit : k.Miss;
            mask[i] = m;
            if (x != null) y[i] = x[i] * m;
        }
    }

    private sealed class Job : ParallelJob
    {
        public Draw K;
        public float* Mask, X, Y;
        public int Length;

        public override void Run(int part)
        {
            int start = part * Chunk;
            Range(K, Mask, X, Y, start, Math.Min(Length, start + Chunk));
        }
    }
}
