using GanDsl.Nn;
using GanDsl.TorchSharp.Tests.Support;
using TorchSharp;
using ManagedTensor = GanDsl.Tensors.Tensor;

namespace GanDsl.TorchSharp.Tests.Emitted;

/// <summary>
/// The Torch classes the source generator emitted for <see cref="EmittedNets"/>'s declarations agree with
/// <see cref="TorchNets"/>'s run-time builds parameter for parameter (names, shapes, values for the same seed), compute
/// what the managed nets compute, and carry the managed summary.
/// </summary>
public class EmittedModuleTests
{
    /// <summary>Eight samples keep batch statistics well conditioned (a bias before batch norm has a gradient of exactly 0, so both engines give rounding noise scaled by 1/σ).</summary>
    private const int Batch = 8;

    /// <summary>Each declared net: the managed net for a seed, the emitted module for that seed and for a given managed net.</summary>
    private static readonly Dictionary<string, (Func<ulong, Module> Managed, Func<ulong, TorchNet> Emitted, Func<Module, TorchNet> FromNet)> Nets = new()
    {
        ["TinyCondGenerator"] = (s => new TinyCondGenerator(s), s => new TinyCondGenerator.Torch(s), m => new TinyCondGenerator.Torch((TinyCondGenerator)m)),
        ["TinyPlanesDiscriminator"] = (s => new TinyPlanesDiscriminator(s), s => new TinyPlanesDiscriminator.Torch(s), m => new TinyPlanesDiscriminator.Torch((TinyPlanesDiscriminator)m)),
        ["TinyFlatDiscriminator"] = (s => new TinyFlatDiscriminator(s), s => new TinyFlatDiscriminator.Torch(s), m => new TinyFlatDiscriminator.Torch((TinyFlatDiscriminator)m)),
        ["TinyMlpGenerator"] = (s => new TinyMlpGenerator(s), s => new TinyMlpGenerator.Torch(s), m => new TinyMlpGenerator.Torch((TinyMlpGenerator)m)),
        ["TinyGrow8"] = (s => new TinyGrow8(s), s => new TinyGrow8.Torch(s), m => new TinyGrow8.Torch((TinyGrow8)m)),
        ["TinyProgressiveGenerator"] = (s => new TinyProgressiveGenerator(s), s => new TinyProgressiveGenerator.Torch(s), m => new TinyProgressiveGenerator.Torch((TinyProgressiveGenerator)m)),
        ["TinyProgressiveDiscriminator"] = (s => new TinyProgressiveDiscriminator(s), s => new TinyProgressiveDiscriminator.Torch(s), m => new TinyProgressiveDiscriminator.Torch((TinyProgressiveDiscriminator)m)),
        ["TinyProjectionDiscriminator"] = (s => new TinyProjectionDiscriminator(s), s => new TinyProjectionDiscriminator.Torch(s), m => new TinyProjectionDiscriminator.Torch((TinyProjectionDiscriminator)m)),
        ["TinyAuxClassifierDiscriminator"] = (s => new TinyAuxClassifierDiscriminator(s), s => new TinyAuxClassifierDiscriminator.Torch(s), m => new TinyAuxClassifierDiscriminator.Torch((TinyAuxClassifierDiscriminator)m)),
        ["TinyPlanesClassifierDiscriminator"] = (s => new TinyPlanesClassifierDiscriminator(s), s => new TinyPlanesClassifierDiscriminator.Torch(s), m => new TinyPlanesClassifierDiscriminator.Torch((TinyPlanesClassifierDiscriminator)m)),
        ["TinyConditionalNormGenerator"] = (s => new TinyConditionalNormGenerator(s), s => new TinyConditionalNormGenerator.Torch(s), m => new TinyConditionalNormGenerator.Torch((TinyConditionalNormGenerator)m)),
    };

    public static TheoryData<string> Names() => new(Nets.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Emitted_module_and_runtime_builder_agree_parameter_for_parameter(string name)
    {
        var (managed, emitted, _) = Nets[name];
        using var fromSeed = emitted(5);
        using var built = TorchNets.Build(managed(5));

        var a = fromSeed.state_dict();
        var b = built.state_dict();
        Assert.Equal(b.Keys, a.Keys);
        foreach (var key in a.Keys)
        {
            Assert.Equal(b[key].shape, a[key].shape);
            Assert.Equal(b[key].dtype, a[key].dtype);
            Assert.Equal(TorchTensors.ToManaged(b[key]).Data, TorchTensors.ToManaged(a[key]).Data);
        }
        Assert.Equal(managed(5).StateDict().Select(e => e.Name).Order(), a.Keys.Order());
        Assert.NotEqual(TorchTensors.ToManaged(emitted(6).state_dict()[a.Keys.First()]).Data, TorchTensors.ToManaged(a[a.Keys.First()]).Data);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Emitted_module_computes_what_the_managed_net_computes(string name)
    {
        var (managed, _, fromNet) = Nets[name];
        var net = managed(9);
        if (net is GanDsl.Nn.Progressive.ProgressiveGenerator g) g.SetProgress(1, 0.4f);
        if (net is GanDsl.Nn.Progressive.ProgressiveDiscriminator d) d.SetProgress(1, 0.4f);
        // Random masks are drawn by different generators on the two engines, so nets with dropout are compared in evaluation mode.
        bool dropout = net.Architecture?.Layers.Any(l => l.Kind == Shapes.LayerKind.Dropout || l.Kind == Shapes.LayerKind.Dropout2d) ?? false;

        NetParity.Check(net, Input(net), Labels(net), train: !dropout, build: fromNet);
    }

    [Fact]
    public void Emitted_classes_are_torch_modules_with_the_managed_summary()
    {
        Assert.True(typeof(torch.nn.Module<torch.Tensor, torch.Tensor>).IsAssignableFrom(typeof(TinyCondGenerator.Torch)));
        Assert.Same(TinyCondGenerator.Summary, TinyCondGenerator.Torch.Summary);
        Assert.Same(TinyProgressiveGenerator.Summary, TinyProgressiveGenerator.Torch.Summary);
        Assert.Same(TinyGrow8.Summary, TinyGrow8.Torch.Summary);
        using var torchG = new TinyCondGenerator.Torch();
        Assert.Equal(3, torchG.Classes);
    }

    [Fact]
    public void A_conditional_emitted_module_needs_labels()
    {
        using var torchD = new TinyPlanesDiscriminator.Torch();
        var x = TorchTensors.ToTorch(new ManagedTensor(new Tensors.Shape(2, 1, 8, 8)));

        var error = Assert.Throws<ArgumentNullException>(() => torchD.forward(x, null));
        Assert.Contains("TinyPlanesDiscriminator is conditional on 3 classes", error.Message);
    }

    private static ManagedTensor Input(Module net) => net switch
    {
        GeneratorModule g => NetParity.Random([Batch, g.LatentDim], 31),
        DiscriminatorModule d => NetParity.Random([Batch, .. d.InputShape], 32),
        GanDsl.Nn.Progressive.BlockModule b => NetParity.Random([Batch, .. b.InputShape], 33),
        _ => throw new ArgumentException(net.GetType().Name),
    };

    private static int[]? Labels(Module net)
    {
        int classes = net switch { GeneratorModule g => g.Classes, DiscriminatorModule d => d.Classes, _ => 0 };
        return classes == 0 ? null : NetParity.Labels(Batch, classes, 34);
    }
}
