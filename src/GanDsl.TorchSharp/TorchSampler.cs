using GanDsl.Nn;
using TorchSharp;
using static TorchSharp.torch;
using ManagedTensor = GanDsl.Tensors.Tensor;

namespace GanDsl.TorchSharp;

/// <summary>
/// A trained managed generator run on LibTorch for sampling (the CLI's <c>sample</c> and <c>evaluate</c> with
/// <c>--engine torch</c>): built once with the generator's current weights (and a progressive generator's stage and α) on a
/// device, then in eval mode and without gradient, returning managed tensors.
/// </summary>
public sealed class TorchSampler : IDisposable
{
    private readonly TorchNet _generator;
    private readonly Device _device;

    /// <summary>The sampler for <paramref name="generator"/>'s current weights on <paramref name="device"/>.</summary>
    public TorchSampler(GeneratorModule generator, Device device)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _device = device ?? throw new ArgumentNullException(nameof(device));
        _generator = TorchNets.Build(generator, device);
        _generator.eval();
    }

    /// <summary>G's output for <paramref name="noise"/> [N, latent] (and <paramref name="labels"/> when conditional), as a new managed tensor.</summary>
    public ManagedTensor Generate(ManagedTensor noise, int[]? labels)
    {
        ArgumentNullException.ThrowIfNull(noise);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var y = labels is null ? null : TorchTensors.Labels(labels, _device);
        return TorchTensors.ToManaged(_generator.forward(TorchTensors.ToTorch(noise, _device), y));
    }

    /// <summary>Frees the torch module.</summary>
    public void Dispose() => _generator.Dispose();
}
