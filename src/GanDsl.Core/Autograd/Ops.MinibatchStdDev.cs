using GanDsl.Tensors;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// ProGAN's minibatch standard deviation on [N, C, H, W]: G = min(<paramref name="groupSize"/>, N) samples per group, sample n
    /// in group n mod (N/G); each feature's standard deviation over its group (biased, √(var + <paramref name="eps"/>)) is
    /// averaged over C·H·W and appended as channel C of every sample of the group. Written with recorded ops, so it is
    /// differentiable to any order (the gradient penalty and R1 differentiate a critic's backward).
    /// </summary>
    public static Tensor MinibatchStdDev(Tensor x, int groupSize, float eps = 1e-8f)
    {
        if (x.Rank != 4) throw new ArgumentException($"minibatch_stddev: needs an input [N, C, H, W] but got {x.Shape}.");
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], w = x.Shape[3];
        int g = Math.Min(groupSize, n);
        if (g < 1 || n % g != 0)
            throw new ArgumentException($"MinibatchStdDev({groupSize}) needs a batch size divisible by its group size {g} but got {n}; use a batch size that is a multiple of {groupSize}.");
        int m = n / g;
        var grouped = Reshape(x, g, m, c, h, w);
        var centered = Sub(grouped, Mean(grouped, 0, keepDim: true));
        var std = Sqrt(AddScalar(Mean(Mul(centered, centered), 0), eps));           // [M, C, H, W]
        var perGroup = Mean(Reshape(std, m, c * h * w), 1, keepDim: true);              // [M, 1]
        var plane = Expand(Reshape(perGroup, 1, m, 1, 1), new Shape(g, m, 1, h * w));  // sample g·M + j takes group j's value
        return Concat(new[] { x, Reshape(plane, n, 1, h, w) }, 1);
    }
}
