using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// TorchSharp modules for GanDsl layers that <c>torch.nn</c> has no module for. Emitted <c>Torch</c> classes and
/// <see cref="TorchNets"/> call these through each layer kind's <see cref="Shapes.TorchModuleCall"/>.
/// </summary>
public static class TorchLayers
{
    /// <summary>
    /// <c>x.reshape(N, dims…)</c>: GanDsl's <c>Reshape</c> of a sample that is not flat (a flat one becomes <c>nn.Unflatten</c>).
    /// No parameters, so it adds nothing to the state dict.
    /// </summary>
    /// <param name="dims">The per-sample output shape, batch excluded.</param>
    public static nn.Module<Tensor, Tensor> Reshape(long[] dims) => new ReshapeModule(dims);

    private sealed class ReshapeModule : nn.Module<Tensor, Tensor>
    {
        private readonly long[] _dims;

        public ReshapeModule(long[] dims) : base("Reshape") => _dims = (long[])dims.Clone();

        public override Tensor forward(Tensor input) => input.reshape([input.shape[0], .. _dims]);
    }
}
