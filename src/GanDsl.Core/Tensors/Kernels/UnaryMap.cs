namespace GanDsl.Tensors.Kernels;

/// <summary>A function applied element by element from one span into another (TensorPrimitives.Tanh, Exp, ...).</summary>
internal delegate void SpanMap(ReadOnlySpan<float> x, Span<float> y);

/// <summary>
/// Runs a <see cref="SpanMap"/> over a large tensor in parts on the worker pool: a generator's tanh over its output images
/// ran alone on the caller while the other thread waited. Each part is at least <see cref="PartLength"/> long (the last one
/// takes the rest), so every element goes through the map's vector loop as in one call over the whole span, and the bits
/// are that call's, for any thread count.
/// </summary>
internal static class UnaryMap
{
    /// <summary>The shortest part: a multiple of every vector width, and large enough to pay for a hand-over.</summary>
    public const int PartLength = 16 * 1024;

    /// <summary>y = map(x) element by element; x and y have the same length.</summary>
    public static void Run(float[] x, float[] y, SpanMap map)
    {
        if (x.Length != y.Length) throw new ArgumentException($"A map writes as many values as it reads, but x has {x.Length} and y {y.Length}.", nameof(y));
        int parts = x.Length / PartLength;
        if (parts <= 2 || KernelSettings.Threads == 1)
        {
            map(x, y);
            return;
        }

        var job = Job.ForThisThread;
        (job.X, job.Y, job.Map, job.Parts) = (x, y, map, parts);
        try
        {
            job.RunAll(parts);
        }
        finally
        {
            (job.X, job.Y, job.Map) = (null!, null!, null!); // keep no tensor alive through the cached job
        }
    }

    private sealed class Job : ParallelJob
    {
        [ThreadStatic] private static Job? _forThisThread;
        public static Job ForThisThread => _forThisThread ??= new Job();

        public float[] X = null!, Y = null!;
        public SpanMap Map = null!;
        public int Parts;

        public override void Run(int part)
        {
            int from = part * PartLength, to = part == Parts - 1 ? X.Length : from + PartLength;
            Map(X.AsSpan(from, to - from), Y.AsSpan(from, to - from));
        }
    }
}
