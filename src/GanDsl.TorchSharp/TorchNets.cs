using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using TorchSharp;
using static TorchSharp.torch;
using ManagedModule = GanDsl.Nn.Module;

namespace GanDsl.TorchSharp;

/// <summary>
/// Builds the TorchSharp module of any GanDsl net at run time: generated nets, <c>[GanBlock]</c>s, stacks built with
/// <c>LayerStack</c> (F#), nets from an assembly compiled without TorchSharp, and progressive nets. The result's
/// <c>state_dict()</c> has the managed net's names and shapes, and it holds the managed net's weights.
/// </summary>
public static class TorchNets
{
    /// <summary>
    /// The module for <paramref name="architecture"/>, initialised as the generated net's constructor initialises it for
    /// <paramref name="seed"/> (same scheme, same values: <c>new Net(seed)</c> and this agree weight for weight), on
    /// <paramref name="device"/> (the CPU when null).
    /// </summary>
    public static TorchLayerStack Build(NetArchitecture architecture, ulong seed = 42, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        TorchRuntime.EnsureAvailable();
        var module = new TorchLayerStack(architecture, "LayerStack");
        TorchWeights.CopyFrom(new ManagedTwin(architecture, seed), module, device);
        return module;
    }

    /// <summary>
    /// The module for <paramref name="managed"/> holding its current weights (parameters and buffers) and, for a progressive
    /// net, its stage and fade-in α, on <paramref name="device"/> (the CPU when null). A progressive generator or
    /// discriminator becomes a <see cref="TorchProgressiveGenerator"/> or <see cref="TorchProgressiveDiscriminator"/>; any
    /// other net must report its <see cref="ManagedModule.Architecture"/>.
    /// </summary>
    public static TorchNet Build(ManagedModule managed, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(managed);
        TorchRuntime.EnsureAvailable();
        TorchNet module = managed switch
        {
            ProgressiveGenerator g => new TorchProgressiveGenerator(g),
            ProgressiveDiscriminator d => new TorchProgressiveDiscriminator(d),
            _ => new TorchLayerStack(managed.Architecture ?? throw new ArgumentException(
                $"{managed.GetType().Name} is not a declared layer stack, so the torch engine cannot rebuild it; declare it with the GanDsl attributes, LayerStack or StackBlock.", nameof(managed)),
                managed.GetType().Name),
        };
        TorchWeights.CopyFrom(managed, module, device);
        return module;
    }

    /// <summary>
    /// The generator's torch module (see <see cref="Build(ManagedModule, Device?)"/>): <c>forward(z, labels)</c> samples as
    /// <see cref="GeneratorModule.Generate"/> does.
    /// </summary>
    public static TorchNet Generator(GeneratorModule generator, Device? device = null) => Build(generator, device);

    /// <summary>
    /// The discriminator's torch module (see <see cref="Build(ManagedModule, Device?)"/>): <c>forward(x, labels)</c> scores as
    /// <see cref="DiscriminatorModule.Score"/> does.
    /// </summary>
    public static TorchNet Discriminator(DiscriminatorModule discriminator, Device? device = null) => Build(discriminator, device);
}
