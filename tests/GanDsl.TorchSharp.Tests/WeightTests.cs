using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Shapes;
using GanDsl.Tensors;
using TorchSharp;

namespace GanDsl.TorchSharp.Tests;

public class WeightTests
{
    /// <summary>A pair's generated constructor seeds the generator with its seed and the discriminator with seed + 1.</summary>
    [Theory]
    [InlineData("seven-bit")]
    [InlineData("vanilla")]
    [InlineData("dcgan")]
    [InlineData("cgan")]
    public void Building_from_the_architecture_with_a_seed_gives_the_generated_constructors_weights(string model)
    {
        var gan = ModelCatalog.Get(model).Create(17);
        foreach (var managed in new Module[] { gan.Generator, gan.Discriminator })
        {
            using var torchNet = TorchNets.Build(managed.Architecture!, seed: managed is DiscriminatorModule ? 18UL : 17UL);
            var state = torchNet.state_dict();
            Assert.Equal(managed.StateDict().Select(e => e.Name).Order(), state.Keys.Order());
            foreach (var (name, value) in managed.StateDict())
                Assert.Equal(value.Data, TorchTensors.ToManaged(state[name]).Data);
        }
    }

    [Fact]
    public void Num_batches_tracked_is_int64_on_torch_and_the_names_are_the_checkpoint_names()
    {
        var g = ModelCatalog.Get("cgan").Create(1).Generator;
        using var torchG = TorchNets.Build(g);
        var state = torchG.state_dict();

        Assert.Equal(torch.ScalarType.Int64, state["2.num_batches_tracked"].dtype);
        Assert.Equal([10L, 10L], state["emb.weight"].shape);
        Assert.Equal([110L, 128L, 4L, 4L], state["1.weight"].shape);
        Assert.Equal([128L], state["2.running_mean"].shape);
    }

    [Fact]
    public void Weights_copied_back_from_torch_equal_the_torch_values()
    {
        var managed = ModelCatalog.Get("dcgan").Create(2).Discriminator;
        var fresh = ModelCatalog.Get("dcgan").Create(3).Discriminator;
        using var torchNet = TorchNets.Build(managed);
        using (torch.no_grad())
            foreach (var (_, p) in torchNet.named_parameters()) p.mul_(2);

        TorchWeights.CopyTo(fresh, torchNet);

        var original = managed.StateDict().ToDictionary(e => e.Name, e => e.Value);
        foreach (var (name, value) in fresh.StateDict())
        {
            bool parameter = fresh.NamedParameters().Any(p => p.Name == name);
            Assert.Equal(original[name].Data.Select(v => parameter ? v * 2 : v), value.Data);
        }
    }

    [Fact]
    public void A_module_of_another_net_is_refused_with_the_names_that_differ()
    {
        var vanilla = ModelCatalog.Get("vanilla").Create(1).Generator;
        using var other = TorchNets.Build(ModelCatalog.Get("seven-bit").Create(1).Generator);

        var error = Assert.Throws<ArgumentException>(() => TorchWeights.CopyFrom(vanilla, other));
        Assert.Contains("missing [2.weight", error.Message);
        Assert.Contains("build it with TorchNets.Build", error.Message);

        using var sameNames = TorchNets.Build(LayerStack.Build([3], LayerSpec.Linear(7), LayerSpec.Sigmoid()));
        var shapeError = Assert.Throws<ArgumentException>(() => TorchWeights.CopyFrom(ModelCatalog.Get("seven-bit").Create(1).Generator, sameNames));
        Assert.Contains("0.weight is [7, 7]", shapeError.Message);
    }

    [Fact]
    public void A_module_that_is_no_layer_stack_is_refused_in_one_sentence()
    {
        var error = Assert.Throws<ArgumentException>(() => TorchNets.Build(new Linear(3, 2)));
        Assert.StartsWith("Linear is not a declared layer stack", error.Message);
    }

    [Fact]
    public void Conditional_net_without_labels_is_refused_as_the_managed_one()
    {
        var g = ModelCatalog.Get("cgan").Create(1).Generator;
        using var torchG = TorchNets.Build(g);
        var z = TorchTensors.ToTorch(new Tensors.Tensor(new Shape(2, 100)));

        var error = Assert.Throws<ArgumentNullException>(() => torchG.forward(z, null));
        Assert.Contains("conditional on 10 classes", error.Message);
    }
}
