using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Shapes;
using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Nn;

/// <summary>Nets built at run time (LayerStack.Generator / Discriminator) as a pair the one training loop takes.</summary>
public class GanPairTests
{
    private static StackGenerator G(ulong seed = 1) =>
        LayerStack.Generator(4, Init.PyTorchDefault, seed, LayerSpec.Linear(16), LayerSpec.ReLU(), LayerSpec.Linear(6), LayerSpec.Tanh());

    private static StackDiscriminator D(ulong seed = 2, bool sigmoid = true) => sigmoid
        ? LayerStack.Discriminator([6], Init.PyTorchDefault, seed, LayerSpec.Linear(16), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(1), LayerSpec.Sigmoid())
        : LayerStack.Discriminator([6], Init.PyTorchDefault, seed, LayerSpec.Linear(16), LayerSpec.LeakyReLU(0.2), LayerSpec.Linear(1));

    [Fact]
    public void Stack_nets_have_sequentials_names_shapes_and_the_init_they_were_given()
    {
        var g = G();
        Assert.Equal((4, 0), (g.LatentDim, g.Classes));
        Assert.Equal([6], g.OutputShape);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], g.StateDict().Select(e => e.Name));
        Assert.Equal(Init.PyTorchDefault, g.Architecture!.Init);
        Assert.Equal([4], g.Architecture.StackInput);
        Assert.Equal(G().Parameters()[0].Data, g.Parameters()[0].Data); // the seed decides the weights
        Assert.NotEqual(G(seed: 9).Parameters()[0].Data, g.Parameters()[0].Data);
        var dcgan = LayerStack.Generator(4, Init.Dcgan, 1, LayerSpec.Linear(6));
        Assert.InRange(dcgan.Parameters()[1].Data.Max(Math.Abs), 0f, 0f); // DCGAN init: biases 0

        Assert.True(D().OutputsProbability);
        Assert.False(D(sigmoid: false).OutputsProbability);
        Assert.Equal([2, 1], D().Forward(Tensor.Zeros(2, 6)).Shape.ToArray());
    }

    [Fact]
    public void Stacks_that_cannot_make_a_pair_are_refused_with_one_sentence()
    {
        var wide = Assert.Throws<ShapeMismatchException>(() => LayerStack.Discriminator([6], LayerSpec.Linear(5))).Message;
        Assert.StartsWith("The discriminator outputs [5] per sample but a GAN needs one score per sample", wide);
        var mismatch = Assert.Throws<ShapeMismatchException>(() => new GanPair(G(), LayerStack.Discriminator([7], LayerSpec.Linear(1)))).Message;
        Assert.Equal("The generator outputs [6] but the discriminator expects [7]; make the generator's last shape the discriminator's input.", mismatch);
        Assert.Contains("needs a flat input", Assert.Throws<ShapeMismatchException>(() => LayerStack.Generator(4, LayerSpec.Reshape(2, 2), LayerSpec.Linear(3))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerStack.Generator(0, LayerSpec.Linear(3)));
    }

    [Fact]
    public void A_pair_of_stack_nets_trains_through_the_one_loop_and_resumes_bit_for_bit()
    {
        using var straight = new TempFolder();
        using var split = new TempFolder();
        var data = new Training.InMemoryData(64);
        var config = Training.Configs.Tiny with { Epochs = null, MaxSteps = 12 };
        var whole = Adversarial.Train(new GanPair(G(), D()), data, config, runDirectory: straight.Path);
        Adversarial.Train(new GanPair(G(), D()), data, config with { MaxSteps = 5 }, runDirectory: split.Path);
        var resumed = Adversarial.Train(new GanPair(G(), D()), data, config, runDirectory: split.Path, resume: true);

        Assert.Equal(12, whole.Steps);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.LastCheckpoint!, "generator.safetensors")),
            File.ReadAllBytes(Path.Combine(resumed.LastCheckpoint!, "generator.safetensors")));
        // A pair built at run time is recorded without a class to rebuild (with the engine and device that trained it);
        // its generator loads into a net built again.
        Assert.Equal(new RunInfo("GanPair", DataSource.InCode, null) { Engine = "managed", Device = "cpu" }, RunInfo.Read(straight.Path));
        var again = RunFolder.Open(straight.Path).LoadInto(G(seed: 5));
        Assert.Equal(whole.Session.G.Parameters()[0].Data, again.Parameters()[0].Data);
    }
}
