using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// Inverted dropout: in training each element is zeroed with probability p and the survivors scaled by 1/(1−p);
    /// in evaluation the input passes unchanged. The mask takes one draw from <paramref name="rng"/> as the key of a
    /// counter-based generator (<see cref="DropoutKernel"/>), so it fills on every thread with the same bits.
    /// </summary>
    public static Tensor Dropout(Tensor x, double p, bool training, Rng rng)
    {
        if (p < 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout: p must be in [0, 1) but is {p}.");
        if (!training || p == 0) return x;
        float keep = (float)(1 - p), scale = 1f / keep;
        var mask = Tensor.Pooled(x.Shape, clear: false); // every element is written
        var y = Tensor.Pooled(x.Shape, clear: false);
        DropoutKernel.Fill(rng.NextUInt64(), keep, scale, 0f, mask.Data, x.Data, y.Data); // one draw keys the whole mask
        return Recorder.Record(y, "dropout", x, g => Mul(g, mask)); // the mask is a constant, so this rule is differentiable too
    }

    /// <summary>
    /// Channel dropout: in training each (sample, channel) plane of [N, C, …] is zeroed with probability p and the others scaled by
    /// 1/(1−p), as torch.nn.Dropout2d; in evaluation the input passes unchanged.
    /// </summary>
    public static Tensor Dropout2d(Tensor x, double p, bool training, Rng rng)
    {
        if (p < 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout2d: p must be in [0, 1) but is {p}.");
        if (x.Rank < 3) throw new ArgumentException($"dropout2d: needs an input [N, C, H, W] but got {x.Shape}.");
        if (!training || p == 0) return x;
        float keep = (float)(1 - p), scale = 1f / keep;
        var dims = new int[x.Rank];
        Array.Fill(dims, 1);
        (dims[0], dims[1]) = (x.Shape[0], x.Shape[1]);
        var mask = Tensor.Pooled(new Shape(dims), clear: false); // a constant, every element drawn: its plane broadcasts over H and W
        DropoutKernel.Fill(rng.NextUInt64(), keep, scale, 0f, mask.Data, default, default);
        return Mul(x, mask);
    }

    /// <summary>max(x, min), with gradient 1 where x &gt; min.</summary>
    public static Tensor ClampMin(Tensor x, float min)
    {
        var y = Tensor.Pooled(x.Shape);
        var xs = x.Data;
        var ys = y.Data;
        for (int i = 0; i < xs.Length; i++) ys[i] = xs[i] > min ? xs[i] : min;
        return Recorder.Record(y, "clamp_min", x, g => Mul(g, Constant(x, v => v > min ? 1f : 0f)));
    }
}
