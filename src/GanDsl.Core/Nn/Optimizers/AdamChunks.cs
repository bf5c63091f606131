using GanDsl.Tensors.Kernels;

namespace GanDsl.Nn.Optimizers;

/// <summary>
/// A large parameter's Adam update split into chunks over the engine's persistent threads. The update is element-wise,
/// so the split changes no bit of the result; it only spreads the memory traffic (p, g, m, v) over both cores.
/// </summary>
internal sealed class AdamChunks : ParallelJob
{
    /// <summary>Below this many elements one thread is quicker than waking another.</summary>
    public const int ParallelLength = 64 * 1024;

    private const int Chunk = 32 * 1024;

    [ThreadStatic] private static AdamChunks? job;

    private AdamConstants _k;
    private float[] _p = [], _g = [], _m = [], _v = [];

    public static void Run(in AdamConstants k, float[] p, float[] g, float[] m, float[] v)
    {
        var j = job ??= new AdamChunks();
        (j._k, j._p, j._g, j._m, j._v) = (k, p, g, m, v);
        j.RunAll((p.Length + Chunk - 1) / Chunk);
        j._p = j._g = j._m = j._v = []; // no reference kept to the caller's buffers
    }

    public override void Run(int part)
    {
        int start = part * Chunk, length = Math.Min(Chunk, _p.Length - start);
        Adam.UpdateRange(_k, _p.AsSpan(start, length), _g.AsSpan(start, length), _m.AsSpan(start, length), _v.AsSpan(start, length));
    }
}
