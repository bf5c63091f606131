namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Gather and its adjoint, serial for one plane, and split over the pool for index maps that keep each of several output
/// planes inside its input plane (max pooling, nearest upsampling). Output plane q reads only input plane q, so whole
/// planes are split over the pool: the gather is a copy either way, and in the scatter every target still receives its
/// contributions in index order from one thread, so the sums have the serial loop's bits for any thread count.
/// </summary>
internal static class PlaneGatherKernel
{
    private const int ElementsPerPart = 16 * 1024;

    [ThreadStatic] private static Job? _job;

    /// <summary>r[i] = x[index[i]] for every i of <paramref name="r"/>, which holds <paramref name="planes"/> planes.</summary>
    public static void Gather(float[] x, int[] index, float[] r, int planes) => Run(x, index, r, planes, scatter: false);

    /// <summary>
    /// r = 0, then r[index[i]] += g[i] for every i of <paramref name="g"/>, which holds <paramref name="planes"/> planes (each
    /// part clears its own planes of r first, so r may come uncleared).
    /// </summary>
    public static void ScatterAdd(float[] g, int[] index, float[] r, int planes) => Run(g, index, r, planes, scatter: true);

    private static void Run(float[] source, int[] index, float[] r, int planes, bool scatter)
    {
        int count = scatter ? source.Length : r.Length;
        int plane = count / planes, planesPerPart = Math.Max(1, ElementsPerPart / Math.Max(1, plane));
        int parts = (planes + planesPerPart - 1) / planesPerPart;
        var job = _job ??= new Job();
        (job.Source, job.Index, job.Result, job.Scatter) = (source, index, r, scatter);
        (job.Plane, job.PlanesPerPart, job.Planes) = (plane, planesPerPart, planes);
        if (parts <= 2) for (int p = 0; p < parts; p++) job.Run(p);
        else job.RunAll(parts);
        (job.Source, job.Index, job.Result) = (null!, null!, null!);
    }

    private sealed class Job : ParallelJob
    {
        public float[] Source = null!, Result = null!;
        public int[] Index = null!;
        public int Plane, PlanesPerPart, Planes;
        public bool Scatter;

        public override void Run(int part)
        {
            int start = part * PlanesPerPart * Plane, end = Math.Min(Planes, (part + 1) * PlanesPerPart) * Plane;
            var (source, index, result) = (Source, Index, Result);
            if (Scatter)
            {
                int targetPlane = result.Length / Planes, first = part * PlanesPerPart;
                result.AsSpan(first * targetPlane, (Math.Min(Planes, first + PlanesPerPart) - first) * targetPlane).Clear();
                for (int i = start; i < end; i++) result[index[i]] += source[i];
            }
            else for (int i = start; i < end; i++) result[i] = source[index[i]];
        }
    }
}
