using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>Max pooling over k×k windows with the given stride (PyTorch's default stride is k); NaN wins, as in PyTorch.</summary>
    public static Tensor MaxPool2d(Tensor x, int kernel, int? stride = null)
    {
        int s = stride ?? kernel;
        if (x.Rank != 4) throw new ArgumentException($"max_pool2d: needs an input [N, C, H, W] but got {x.Shape}.");
        if (kernel <= 0 || s <= 0) throw new ArgumentException($"max_pool2d: kernel {kernel} and stride {s} must be positive.");
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], w = x.Shape[3];
        if (kernel > h || kernel > w) throw new ArgumentException($"max_pool2d: kernel {kernel} is larger than the input {h}x{w} of {x.Shape}.");
        int ho = (h - kernel) / s + 1, wo = (w - kernel) / s + 1;
        var index = BufferScope.RentIndices(n * c * ho * wo); // every element written below
        MaxPoolKernel.Winners(x.Data, index, n * c, h, w, kernel, s);
        return Gather(x, index, new Shape(n, c, ho, wo), n * c);
    }

    /// <summary>Nearest-neighbour upsampling by an integer factor: [N, C, H, W] → [N, C, H·f, W·f].</summary>
    public static Tensor UpsampleNearest(Tensor x, int factor)
    {
        if (x.Rank != 4) throw new ArgumentException($"upsample: needs an input [N, C, H, W] but got {x.Shape}.");
        if (factor <= 0) throw new ArgumentException($"upsample: the scale factor must be positive but is {factor}.");
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], w = x.Shape[3];
        int ho = h * factor, wo = w * factor;
        var index = BufferScope.RentIndices(n * c * ho * wo); // every element written below
        int o = 0;
        for (int plane = 0; plane < n * c; plane++)
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++)
                    index[o++] = plane * h * w + oy / factor * w + ox / factor;
        return Gather(x, index, new Shape(n, c, ho, wo), n * c);
    }
}
