using System.Reflection;
using GanDsl.Nn;
using GanDsl.Shapes;
using GanDsl.Tensors;
using GanDsl.TorchSharp.Tests.Support;

namespace GanDsl.TorchSharp.Tests;

/// <summary>
/// Every layer kind builds as the TorchSharp module its definition names (<see cref="LayerSpec.TorchModule"/>) and computes
/// what the managed module computes, forward and backward. The sample table must list every kind, so adding a kind without
/// checking its torch mapping fails here.
/// </summary>
public class LayerKindMappingTests
{
    /// <summary>A valid use of each kind: its spec, its per-sample input, and whether training mode is compared too.</summary>
    private static readonly (LayerSpec Layer, int[] Input, bool Train)[] Samples =
    [
        (LayerSpec.Linear(5), [6], true),
        (LayerSpec.Linear(3, bias: false), [4], true),
        (LayerSpec.Conv2d(3, 3, 2, 1), [2, 7, 7], true),
        (LayerSpec.Conv2d(2, 1, bias: false), [3, 4, 4], true),
        (LayerSpec.ConvTranspose2d(3, 4, 2, 1, 1), [2, 3, 3], true),
        (LayerSpec.BatchNorm1d(), [5], true),
        (LayerSpec.BatchNorm2d(), [3, 4, 4], true),
        (LayerSpec.Dropout(0.0), [7], true),
        (LayerSpec.Dropout(0.5), [7], false),
        (LayerSpec.ReLU(), [2, 3, 3], true),
        (LayerSpec.LeakyReLU(0.1), [9], true),
        (LayerSpec.Tanh(), [9], true),
        (LayerSpec.Sigmoid(), [9], true),
        (LayerSpec.MaxPool2d(2), [2, 6, 6], true),
        (LayerSpec.MaxPool2d(3, 2), [1, 7, 7], true),
        (LayerSpec.Flatten(), [2, 3, 3], true),
        (LayerSpec.Reshape(2, 3, 3), [18], true),
        (LayerSpec.Reshape(4, 2, 2), [1, 4, 4], true),
        (LayerSpec.Upsample(2), [2, 3, 3], true),
        (LayerSpec.Linear(5, spectralNorm: true), [6], true),
        (LayerSpec.Linear(3, bias: false, spectralNorm: true), [4], true),
        (LayerSpec.Conv2d(3, 3, 2, 1, spectralNorm: true), [2, 7, 7], true),
        (LayerSpec.ConvTranspose2d(3, 4, 2, 1, 1, spectralNorm: true), [2, 3, 3], true),
        (LayerSpec.BatchNorm1d(affine: false), [5], true),
        (LayerSpec.BatchNorm2d(affine: false), [3, 4, 4], true),
        (LayerSpec.Dropout2d(0.0), [2, 3, 3], true),
        (LayerSpec.Dropout2d(0.5), [2, 3, 3], false),
        (LayerSpec.LayerNorm(), [2, 3, 3], true),
        (LayerSpec.LayerNorm(elementwiseAffine: false), [7], true),
        (LayerSpec.InstanceNorm2d(), [3, 4, 4], true),
        (LayerSpec.InstanceNorm2d(affine: true), [3, 4, 4], true),
        (LayerSpec.GroupNorm(2), [4, 3, 3], true),
        (LayerSpec.GroupNorm(3, affine: false), [6], true),
        (LayerSpec.MinibatchStdDev(), [2, 3, 3], true),
        (LayerSpec.MinibatchStdDev(3), [2, 2, 2], true),
    ];

    public static TheoryData<int, bool> Cases()
    {
        var data = new TheoryData<int, bool>();
        for (int i = 0; i < Samples.Length; i++)
        {
            data.Add(i, false);
            if (Samples[i].Train) data.Add(i, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kind_on_torch_matches_the_managed_module(int sample, bool train)
    {
        var (layer, input, _) = Samples[sample];
        var stack = LayerStack.Build(input, layer);
        stack.Initialize(Init.PyTorchDefault, new Rng(3));
        NetParity.Check(stack, NetParity.Random([3, .. input], 4), null, train);
    }

    [Fact]
    public void Samples_cover_every_layer_kind()
    {
        var kinds = typeof(LayerKind).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(LayerKind)).Select(f => ((LayerKind)f.GetValue(null)!).Name).ToHashSet();

        Assert.NotEmpty(kinds);
        Assert.Empty(kinds.Except(Samples.Select(s => s.Layer.Kind.Name)));
    }

    [Fact]
    public void Torch_calls_read_as_PyTorch_writes_them()
    {
        Assert.Equal("global::TorchSharp.torch.nn.BatchNorm2d(num_features: 8L, eps: 1E-05d, momentum: 0.1d)",
            LayerSpec.BatchNorm2d().TorchModule([8, 4, 4]).ToCSharp());
        Assert.Equal("global::TorchSharp.torch.nn.Upsample(scale_factor: new double[] { 2d, 2d })",
            LayerSpec.Upsample(2).TorchModule([1, 4, 4]).ToCSharp());
        Assert.Equal("global::TorchSharp.torch.nn.Unflatten(dim: 1L, unflattened_size: new long[] { 1L, 28L, 28L })",
            LayerSpec.Reshape(1, 28, 28).TorchModule([784]).ToCSharp());
        Assert.Equal("global::GanDsl.TorchSharp.TorchLayers.Reshape(dims: new long[] { 16L, 7L, 7L })",
            LayerSpec.Reshape(16, 7, 7).TorchModule([4, 14, 14]).ToCSharp());
        Assert.Equal("global::GanDsl.TorchSharp.TorchLayers.SpectralNormLinear(inputSize: 6L, outputSize: 1L, hasBias: true)",
            LayerSpec.Linear(1, spectralNorm: true).TorchModule([6]).ToCSharp());
        Assert.Equal("global::TorchSharp.torch.nn.BatchNorm2d(num_features: 8L, eps: 1E-05d, momentum: 0.1d, affine: false)",
            LayerSpec.BatchNorm2d(affine: false).TorchModule([8, 4, 4]).ToCSharp());
        Assert.Equal("global::TorchSharp.torch.nn.GroupNorm(num_groups: 2L, num_channels: 8L, eps: 1E-05d, affine: true)",
            LayerSpec.GroupNorm(2).TorchModule([8, 4, 4]).ToCSharp());
        Assert.Equal("global::TorchSharp.torch.nn.LayerNorm(normalized_shape: new long[] { 8L, 4L, 4L }, eps: 1E-05d, elementwise_affine: true)",
            LayerSpec.LayerNorm().TorchModule([8, 4, 4]).ToCSharp());
    }
}
