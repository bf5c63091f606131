using GanDsl.Tensors;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// Inverted dropout: in training each element is zeroed with probability p and the survivors scaled by 1/(1−p);
    /// in evaluation the input passes unchanged.
    /// </summary>
    public static Tensor Dropout(Tensor x, double p, bool training, Rng rng)
    {
        if (p < 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout: p must be in [0, 1) but is {p}.");
        if (!training || p == 0) return x;
        float keep = (float)(1 - p), scale = 1f / keep;
        var mask = Tensor.Pooled(x.Shape, clear: false); // every element is written
        rng.FillBelow(mask.Data, keep, scale, 0f);
        var y = Tensor.Pooled(x.Shape, clear: false);
        System.Numerics.Tensors.TensorPrimitives.Multiply(x.Data, mask.Data, y.Data);
        return Recorder.Record(y, "dropout", x, g => Mul(g, mask)); // the mask is a constant, so this rule is differentiable too
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
