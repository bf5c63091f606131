using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>
/// One convolution layer of a reference model as the kernels see it: the geometry of the convolution (a transposed
/// convolution is the input-adjoint of the convolution read backwards) and how often one training step runs each map.
/// </summary>
internal sealed record ConvLayer(string Name, ConvGeometry Geometry, bool Transposed, int Forwards, int InputGrads, int WeightGrads)
{
    /// <summary>The kernel calls of one step: a transposed layer's forward is the input-adjoint map and its input gradient the forward map.</summary>
    public IEnumerable<(ConvMap Map, int Count)> Calls()
    {
        yield return (Transposed ? ConvMap.InputGrad : ConvMap.Forward, Forwards);
        yield return (Transposed ? ConvMap.Forward : ConvMap.InputGrad, InputGrads);
        yield return (ConvMap.WeightGrad, WeightGrads);
    }

    public long MultiplyAdds => (long)Geometry.Batch * Geometry.OutPlane * Geometry.OutChannels * Geometry.PatchSize;

    /// <summary>
    /// The convolution layers of <c>dcgan</c> and <c>lightning-cnn</c> (examples/), and <c>stride1</c>'s stride-1 shapes, at batch 128, with the per-step counts of
    /// the bench's step (D on real and on detached fake, then G through D with D frozen): a discriminator layer runs forward
    /// three times and its weight gradient twice; its input gradient three times, but once for the first layer (only the G
    /// step needs the gradient of the images); a generator layer runs each map once, except no input gradient where the
    /// input is the noise.
    /// </summary>
    public static IReadOnlyList<ConvLayer> Of(string model, int batch = 128) => model switch
    {
        "dcgan" =>
        [
            Transpose("G1 convT 128->128 k4 s1", batch, 128, 128, 4, 1, 0, 1, 1, hasInputGrad: false),
            Transpose("G2 convT 128->64 k3 s2 p1", batch, 128, 64, 3, 2, 1, 4, 4),
            Transpose("G3 convT 64->32 k4 s2 p1", batch, 64, 32, 4, 2, 1, 7, 7),
            Transpose("G4 convT 32->1 k4 s2 p1", batch, 32, 1, 4, 2, 1, 14, 14),
            Conv("D1 conv 1->32 k4 s2 p1", batch, 1, 28, 32, 4, 2, 1, first: true),
            Conv("D2 conv 32->64 k4 s2 p1", batch, 32, 14, 64, 4, 2, 1),
            Conv("D3 conv 64->128 k3 s2 p1", batch, 64, 7, 128, 3, 2, 1),
            Conv("D4 conv 128->1 k4", batch, 128, 4, 1, 4, 1, 0),
        ],
        "lightning-cnn" =>
        [
            Transpose("G1 convT 64->32 k4 s2", batch, 64, 32, 4, 2, 0, 7, 7),
            Transpose("G2 convT 32->16 k4 s2", batch, 32, 16, 4, 2, 0, 16, 16),
            new("G3 conv 16->1 k7", ConvGeometry.ForConv(batch, 16, 34, 34, 1, 7, 1, 0), false, 1, 1, 1),
            Conv("D1 conv 1->10 k5", batch, 1, 28, 10, 5, 1, 0, first: true),
            Conv("D2 conv 10->20 k5", batch, 10, 12, 20, 5, 1, 0),
        ],
        // The stride-1 convolutions of the progressive pair's last stage and of sngan's first layer (the shapes the
        // direct path's stride-1 rules also decide).
        "stride1" =>
        [
            Conv("prog G conv 64->64 k3 p1 7x7", batch, 64, 7, 64, 3, 1, 1),
            Conv("prog G conv 64->32 k3 p1 14x14", batch, 64, 14, 32, 3, 1, 1),
            Conv("prog G conv 32->16 k3 p1 28x28", batch, 32, 28, 16, 3, 1, 1),
            Conv("prog D conv 16->32 k3 p1 28x28", batch, 16, 28, 32, 3, 1, 1),
            Conv("prog D conv 32->64 k3 p1 14x14", batch, 32, 14, 64, 3, 1, 1),
            Conv("sngan D1 conv 1->32 k3 p1", batch, 1, 28, 32, 3, 1, 1, first: true),
        ],
        _ => throw new ArgumentException($"--conv knows the models dcgan, lightning-cnn and stride1, not '{model}'."),
    };

    private static ConvLayer Conv(string name, int batch, int cin, int size, int cout, int k, int s, int p, bool first = false) =>
        new(name, ConvGeometry.ForConv(batch, cin, size, size, cout, k, s, p), false, 3, first ? 1 : 3, 2);

    // A transposed convolution cin -> cout from h x w: the convolution cout -> cin read backwards.
    private static ConvLayer Transpose(string name, int batch, int cin, int cout, int k, int s, int p, int h, int w, bool hasInputGrad = true)
    {
        int ho = (h - 1) * s - 2 * p + k, wo = (w - 1) * s - 2 * p + k;
        var g = new ConvGeometry(batch, cout, ho, wo, cin, k, s, p, h, w);
        return new(name, g, true, 1, hasInputGrad ? 1 : 0, 1);
    }
}
