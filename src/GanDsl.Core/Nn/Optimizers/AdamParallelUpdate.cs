using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Nn.Optimizers;

/// <summary>
/// One Adam step over all parameters as a single job on the GEMM's persistent threads: the parameters are cut into
/// fixed chunks, so one wake-up serves the whole step. Every element's update is the same IEEE sequence whichever
/// thread runs it, so the result does not depend on the thread count.
/// </summary>
internal sealed class AdamParallelUpdate : ParallelJob
{
    private const int Chunk = 32 * 1024;

    private readonly List<(int Parameter, int Start, int Length)> _chunks = new();
    private int[] _chunkedSizes = [];
    private AdamConstants _k;
    private IReadOnlyList<Tensor> _parameters = [];
    private Tensor[] _m = [], _v = [];

    public void Run(in AdamConstants k, IReadOnlyList<Tensor> parameters, Tensor[] m, Tensor[] v)
    {
        (_k, _parameters, _m, _v) = (k, parameters, m, v);
        Plan(parameters);
        RunAll(_chunks.Count);
        _parameters = [];
    }

    public override void Run(int part)
    {
        var (index, start, length) = _chunks[part];
        var grad = _parameters[index].Grad!; // chunks exist only for parameters that had a gradient when planned
        Adam.UpdateRange(_k, _parameters[index].Data.AsSpan(start, length), grad.Data.AsSpan(start, length),
            _m[index].Data.AsSpan(start, length), _v[index].Data.AsSpan(start, length));
    }

    // Re-plans only when the set of parameters with gradients changes (a progressive stage, a frozen layer).
    private void Plan(IReadOnlyList<Tensor> parameters)
    {
        if (_chunkedSizes.Length != parameters.Count) _chunkedSizes = new int[parameters.Count];
        bool same = true;
        for (int i = 0; i < parameters.Count; i++)
        {
            int size = parameters[i].Grad is null ? -1 : parameters[i].Size;
            if (_chunkedSizes[i] != size) same = false;
            _chunkedSizes[i] = size;
        }

        if (same && _chunks.Count > 0) return;
        _chunks.Clear();
        for (int i = 0; i < parameters.Count; i++)
            for (int start = 0; start < Math.Max(_chunkedSizes[i], 0); start += Chunk)
                _chunks.Add((i, start, Math.Min(Chunk, _chunkedSizes[i] - start)));
    }
}
