using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Nn.Optimizers;

/// <summary>
/// One Adam step over all parameters as a single job on the persistent <see cref="WorkerPool"/>: the parameters are cut into
/// fixed chunks, so one wake-up serves the whole step. Every element's update is the same IEEE sequence whichever
/// thread runs it, so the result does not depend on the thread count.
/// </summary>
internal sealed class AdamParallelUpdate : ParallelJob
{
    private readonly List<(int Parameter, int Start, int Length)> _chunks = new();
    private AdamConstants _k;
    private IReadOnlyList<Tensor> _parameters = [];
    private Tensor[] _m = [], _v = [];

    public void Run(in AdamConstants k, IReadOnlyList<Tensor> parameters, Tensor[] m, Tensor[] v)
    {
        (_k, _parameters, _m, _v) = (k, parameters, m, v);
        GradientChunks.Plan(parameters, _chunks);
        RunAll(_chunks.Count);
        _parameters = [];
    }

    public override void Run(int part)
    {
        var (index, start, length) = _chunks[part];
        var grad = _parameters[index].Grad!; // chunks exist only for parameters with a gradient
        Adam.UpdateRange(_k, _parameters[index].Data.AsSpan(start, length), grad.Data.AsSpan(start, length),
            _m[index].Data.AsSpan(start, length), _v[index].Data.AsSpan(start, length));
    }
}
