using GanDsl.Nn;
using GanDsl.Shapes;

namespace GanDsl.Core.Tests.Parity;

/// <summary>
/// The layers of issue 19 against PyTorch (make_layers_expected.py): spectral norm around Linear, Conv2d and ConvTranspose2d
/// (state bias, weight_orig, weight_u, weight_v; one power iteration per training forward, none in evaluation), LayerNorm,
/// InstanceNorm2d, GroupNorm, batch norm without affine, ProGAN's minibatch standard deviation and Dropout2d (evaluation).
/// </summary>
public class NewLayerParityTests
{
    private static readonly Dictionary<string, LayerSpec> Layers = new()
    {
        ["module_linear_sn"] = LayerSpec.Linear(5, spectralNorm: true),
        ["module_linear_sn_nobias"] = LayerSpec.Linear(3, bias: false, spectralNorm: true),
        ["module_conv2d_sn"] = LayerSpec.Conv2d(4, 3, 2, 1, spectralNorm: true),
        ["module_conv_transpose2d_sn"] = LayerSpec.ConvTranspose2d(2, 4, 2, 1, spectralNorm: true),
        ["module_layer_norm_image"] = LayerSpec.LayerNorm(),
        ["module_layer_norm_flat_no_affine"] = LayerSpec.LayerNorm(elementwiseAffine: false),
        ["module_instance_norm"] = LayerSpec.InstanceNorm2d(),
        ["module_instance_norm_affine"] = LayerSpec.InstanceNorm2d(affine: true),
        ["module_group_norm_image"] = LayerSpec.GroupNorm(2),
        ["module_group_norm_flat"] = LayerSpec.GroupNorm(3),
        ["module_batch_norm2d_no_affine"] = LayerSpec.BatchNorm2d(affine: false),
        ["module_minibatch_stddev"] = LayerSpec.MinibatchStdDev(4),
        ["module_minibatch_stddev_small_batch"] = LayerSpec.MinibatchStdDev(4),
        ["module_dropout2d"] = LayerSpec.Dropout2d(0.3),
    };

    [Theory]
    [InlineData("module_linear_sn")]
    [InlineData("module_linear_sn_nobias")]
    [InlineData("module_conv2d_sn")]
    [InlineData("module_conv_transpose2d_sn")]
    [InlineData("module_layer_norm_image")]
    [InlineData("module_layer_norm_flat_no_affine")]
    [InlineData("module_instance_norm")]
    [InlineData("module_instance_norm_affine")]
    [InlineData("module_group_norm_image")]
    [InlineData("module_group_norm_flat")]
    [InlineData("module_batch_norm2d_no_affine")]
    [InlineData("module_minibatch_stddev")]
    [InlineData("module_minibatch_stddev_small_batch")]
    [InlineData("module_dropout2d")]
    public void Layer_matches_pytorch_and_loads_its_state_dict(string name)
    {
        var c = ParityData.Case(name);
        var sample = c.Tensor("x").Shape.ToArray()[1..];
        ModuleParity.Check(c, () => LayerStack.Create(Layers[name], sample), (m, x, _) => m.Forward(x));
    }
}
