using GanDsl.Tensors;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// conv2d(concat(x, one-hot planes of <paramref name="labels"/>), weight) without building the planes. A plane of
    /// ones in channel c + k meets only the weights W[:, c + k], so the planes' part of the output is one map per class,
    /// M[k] = conv2d(plane of ones, W[:, c + k]) (its border differs from its interior by the zero padding), computed once
    /// for the batch and added by label: conv2d(x, W[:, :c]) + M[labels]. Exact in real arithmetic; the sums run in
    /// another order than the convolution over all channels, so the float results may differ in the last bits.
    /// x [N, c, H, W], weight [Cout, c + classes, k, k], labels N values in [0, classes).
    /// </summary>
    public static Tensor Conv2dWithOneHotPlanes(Tensor x, Tensor weight, Tensor? bias, int[] labels, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (x.Rank != 4 || weight.Rank != 4 || weight.Shape[1] <= x.Shape[1])
            throw new ArgumentException($"conv2d with one-hot planes: input {x.Shape} does not fit weight {weight.Shape}; the input must be [N, c, H, W] with fewer channels than the weight's {(weight.Rank == 4 ? weight.Shape[1] : -1)}, the rest being the label planes.");
        int channels = x.Shape[1], classes = weight.Shape[1] - channels, cout = weight.Shape[0], k = weight.Shape[2];
        if (labels.Length != x.Shape[0])
            throw new ArgumentException($"conv2d with one-hot planes: {labels.Length} labels for a batch of {x.Shape[0]}; give one label per sample.", nameof(labels));
        RequireClasses(labels, classes);
        var image = Conv2d(x, Narrow(weight, 1, 0, channels), null, stride, padding);

        // The class weights as classes · Cout one-channel kernels, class-major, so the maps come out [classes, Cout, Ho, Wo].
        int taps = k * k;
        var index = BufferScope.RentIndices(classes * cout * taps); // every element written below
        for (int cls = 0; cls < classes; cls++)
            for (int o = 0; o < cout; o++)
                for (int t = 0; t < taps; t++)
                    index[(cls * cout + o) * taps + t] = (o * weight.Shape[1] + channels + cls) * taps + t;
        var classKernels = Gather(weight, index, new Shape(classes * cout, 1, k, k));
        var ones = Tensor.Pooled(new Shape(1, 1, x.Shape[2], x.Shape[3]), clear: false);
        Array.Fill(ones.Data, 1f, 0, ones.Size);
        var maps = Conv2d(ones, classKernels, null, stride, padding);
        var kept = BufferScope.RentIndices(labels.Length); // the backward reads the labels of this pass, whatever the caller does with its array
        labels.AsSpan().CopyTo(kept);
        return AddChannelBias("conv2d", AddClassMaps(image, Reshape(maps, classes, image.Size / image.Shape[0]), kept), bias);
    }

    /// <summary>
    /// x[n] + maps[labels[n]] for each sample n: x [N, …], maps [classes, size of one sample], labels at least N valid
    /// classes. One pass where a gather of the maps and an add would take three; the maps' gradient sums each class's
    /// samples in batch order.
    /// </summary>
    internal static Tensor AddClassMaps(Tensor x, Tensor maps, int[] labels)
    {
        int size = x.Size / x.Shape[0];
        var r = Tensor.Pooled(x.Shape, clear: false); // every element is written
        for (int n = 0; n < x.Shape[0]; n++)
            System.Numerics.Tensors.TensorPrimitives.Add(x.Data.AsSpan(n * size, size), maps.Data.AsSpan(labels[n] * size, size), r.Data.AsSpan(n * size, size));
        return Recorder.Record(r, "add_class_maps", x, maps, g => (
            x.RequiresGrad ? g : null,
            maps.RequiresGrad ? SumByLabel(g, labels, maps.Shape) : null));
    }

    /// <summary>The adjoint of gathering rows by label: row k of the result is the sum of g's samples labelled k, in batch order.</summary>
    private static Tensor SumByLabel(Tensor g, int[] labels, Shape mapsShape)
    {
        int size = g.Size / g.Shape[0];
        var r = Tensor.Pooled(mapsShape); // cleared: a class no sample has gets zeros
        for (int n = 0; n < g.Shape[0]; n++)
        {
            var row = r.Data.AsSpan(labels[n] * size, size);
            System.Numerics.Tensors.TensorPrimitives.Add(row, g.Data.AsSpan(n * size, size), row);
        }
        return Recorder.Record(r, "sum_by_label", g, h => AddClassMaps(Tensor.Pooled(g.Shape), h, labels));
    }
}
