using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>
/// End to end through the Nn layers: a tiny DCGAN generator and discriminator built as in PyTorch's nn.Sequential, loaded
/// from PyTorch's state dicts by name, one generator step (BCE against ones, backward, Adam), compared by state-dict names.
/// </summary>
public class SequentialParityTests
{
    [Fact]
    public void Dcgan_generator_step_matches_pytorch_by_state_dict_names()
    {
        var c = ParityData.Case("dcgan_generator_step");
        var generator = new Sequential(new ConvTranspose2d(8, 6, 4, 1, 0, bias: false), new BatchNorm2d(6), new ReLU(),
            new ConvTranspose2d(6, 3, 4, 2, 1, bias: false), new Tanh());
        var discriminator = new Sequential(new Conv2d(3, 4, 4, 2, 1, bias: false), new LeakyReLU(0.2),
            new Conv2d(4, 1, 4, 1, 0, bias: false), new Flatten(), new Sigmoid());
        Load(c, "G", generator);
        Load(c, "D", discriminator);
        var adam = new Adam(generator.Parameters(), 2e-4f, 0.5f, 0.999f);

        var output = discriminator.Forward(generator.Forward(c.Tensor("z")));
        ParityAssert.Close(c, "out", output);
        var loss = Ops.BinaryCrossEntropy(output, Tensor.Full(1f, output.Shape.ToArray()));
        ParityAssert.Close(c, "loss", loss);
        Engine.Backward(loss);
        foreach (var (prefix, net) in new[] { ("G", generator), ("D", discriminator) })
            foreach (var (name, parameter) in net.NamedParameters())
            {
                Assert.NotNull(parameter.Grad);
                ParityAssert.Close(c, $"grad.{prefix}.{name}", parameter.Grad);
            }

        adam.Step();
        foreach (var (name, value) in generator.StateDict()) ParityAssert.Close(c, $"after.G.{name}", value);
    }

    /// <summary>Copies PyTorch's state dict (stored under "prefix.name") into the net; LoadStateDict refuses any name mismatch.</summary>
    private static void Load(ParityCase c, string prefix, Module net)
    {
        var stored = c.TensorNames().Where(n => n.StartsWith(prefix + ".", StringComparison.Ordinal)).Select(n => n[(prefix.Length + 1)..]);
        Assert.Equal(stored.Order(StringComparer.Ordinal), net.StateDict().Select(e => e.Name).Order(StringComparer.Ordinal));
        net.LoadStateDict(stored.ToDictionary(n => n, n => c.Tensor($"{prefix}.{n}")));
    }
}
