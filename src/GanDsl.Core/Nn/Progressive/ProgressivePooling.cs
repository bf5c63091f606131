using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Nn.Progressive;

/// <summary>Resolution changes between stages: average pooling down (images), nearest-neighbour upsampling up.</summary>
public static class ProgressivePooling
{
    /// <summary>
    /// Average pooling over non-overlapping f×f windows: [N, C, H, W] → [N, C, H/f, W/f] (H and W divisible by f), as
    /// torch's <c>avg_pool2d(x, f)</c>. Its backward spreads each gradient evenly over its window, written with ops so it
    /// is itself differentiable (gradient penalties).
    /// </summary>
    public static Tensor AvgPool2d(Tensor x, int factor)
    {
        if (x.Rank != 4) throw new ArgumentException($"avg_pool2d: needs an input [N, C, H, W] but got {x.Shape}.");
        if (factor <= 0) throw new ArgumentException($"avg_pool2d: the factor must be positive but is {factor}.");
        if (factor == 1) return x;
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], w = x.Shape[3];
        if (h % factor != 0 || w % factor != 0)
            throw new ArgumentException($"avg_pool2d: the input {h}x{w} of {x.Shape} is not divisible by the factor {factor}.");
        int ho = h / factor, wo = w / factor;
        var result = Tensor.Pooled(new Shape(n, c, ho, wo));
        float scale = 1f / (factor * factor);
        var xs = x.Data;
        var rs = result.Data;
        int o = 0;
        for (int plane = 0; plane < n * c; plane++)
        {
            int baseIndex = plane * h * w;
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++)
                {
                    float sum = 0f;
                    for (int ky = 0; ky < factor; ky++)
                        for (int kx = 0; kx < factor; kx++)
                            sum += xs[baseIndex + (oy * factor + ky) * w + ox * factor + kx];
                    rs[o++] = sum * scale;
                }
        }
        return Recorder.Record(result, "avg_pool2d", x, g => Ops.Scale(Ops.UpsampleNearest(g, factor), scale));
    }

    /// <summary>Nearest-neighbour upsampling by a whole factor; the input itself when the factor is 1.</summary>
    public static Tensor Upsample(Tensor x, int factor) => factor == 1 ? x : Ops.UpsampleNearest(x, factor);

    /// <summary>(1 − α)·previous + α·grown, skipping the work α makes unnecessary.</summary>
    public static Tensor FadeIn(Tensor previous, Tensor grown, float alpha) =>
        alpha >= 1f ? grown : Ops.Add(Ops.Scale(previous, 1f - alpha), Ops.Scale(grown, alpha));
}
