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

    /// <summary><c>nn.utils.spectral_norm(nn.Linear(inputSize, outputSize, hasBias))</c>; TorchSharp has no spectral_norm.</summary>
    public static nn.Module<Tensor, Tensor> SpectralNormLinear(long inputSize, long outputSize, bool hasBias) =>
        new TorchSpectralNorm("Linear", [outputSize, inputSize], outputSize, hasBias, dim: 0, (x, w, b) => nn.functional.linear(x, w, b));

    /// <summary><c>nn.utils.spectral_norm(nn.Conv2d(…))</c> with a square kernel.</summary>
    public static nn.Module<Tensor, Tensor> SpectralNormConv2d(long in_channels, long out_channels, long kernel_size, long stride, long padding, bool bias) =>
        new TorchSpectralNorm("Conv2d", [out_channels, in_channels, kernel_size, kernel_size], out_channels, bias, dim: 0,
            (x, w, b) => nn.functional.conv2d(x, w, b, strides: [stride, stride], padding: [padding, padding]));

    /// <summary><c>nn.utils.spectral_norm(nn.ConvTranspose2d(…))</c>, which normalises along the weight's dim 1 (the output channels).</summary>
    public static nn.Module<Tensor, Tensor> SpectralNormConvTranspose2d(long in_channels, long out_channels, long kernel_size, long stride, long padding,
        long output_padding, bool bias) =>
        new TorchSpectralNorm("ConvTranspose2d", [in_channels, out_channels, kernel_size, kernel_size], out_channels, bias, dim: 1,
            (x, w, b) => nn.functional.conv_transpose2d(x, w, b, strides: [stride, stride], padding: [padding, padding],
                output_padding: [output_padding, output_padding]));

    /// <summary>GanDsl's <c>MinibatchStdDev</c> (ProGAN's): one more channel holding the mean standard deviation over a group.</summary>
    public static nn.Module<Tensor, Tensor> MinibatchStdDev(long group_size) => new MinibatchStdDevModule(group_size);

    private sealed class MinibatchStdDevModule(long groupSize) : nn.Module<Tensor, Tensor>("MinibatchStdDev")
    {
        /// <summary>ProGAN's ε under the square root, as the managed layer uses.</summary>
        private const double Eps = 1e-8;

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            long n = input.shape[0], c = input.shape[1], h = input.shape[2], w = input.shape[3];
            long g = Math.Min(groupSize, n);
            if (n % g != 0)
                throw new ArgumentException($"MinibatchStdDev({groupSize}) needs a batch size divisible by its group size {g} but got {n}; use a batch size that is a multiple of {groupSize}.");
            var grouped = input.reshape(g, n / g, c, h, w);
            var centered = grouped - grouped.mean([0L], keepdim: true);
            var std = ((centered * centered).mean([0L]) + Eps).sqrt();        // [M, C, H, W]
            var perGroup = std.reshape(n / g, -1).mean([1L]);                   // [M]
            var plane = perGroup.view(1, n / g, 1, 1).expand(g, n / g, h, w).reshape(n, 1, h, w);
            return cat([input, plane], 1).MoveToOuterDisposeScope();
        }
    }

    /// <summary><c>nn.GroupNorm</c> on a flat batch [N, C], which PyTorch's module takes and TorchSharp's refuses; state as nn.GroupNorm's.</summary>
    public static nn.Module<Tensor, Tensor> GroupNorm(long num_groups, long num_channels, double eps, bool affine) =>
        new FlatGroupNormModule(num_groups, num_channels, eps, affine);

    private sealed class FlatGroupNormModule : nn.Module<Tensor, Tensor>
    {
        private readonly long _groups;
        private readonly double _eps;
        private readonly bool _affine;

        public FlatGroupNormModule(long groups, long channels, double eps, bool affine) : base("GroupNorm")
        {
            (_groups, _eps, _affine) = (groups, eps, affine);
            if (!affine) return;
            register_parameter("weight", new global::TorchSharp.Modules.Parameter(ones(channels), requires_grad: true));
            register_parameter("bias", new global::TorchSharp.Modules.Parameter(zeros(channels), requires_grad: true));
        }

        public override Tensor forward(Tensor input) =>
            nn.functional.group_norm(input, _groups, _affine ? get_parameter("weight") : null, _affine ? get_parameter("bias") : null, _eps);
    }

    private sealed class ReshapeModule : nn.Module<Tensor, Tensor>
    {
        private readonly long[] _dims;

        public ReshapeModule(long[] dims) : base("Reshape") => _dims = (long[])dims.Clone();

        public override Tensor forward(Tensor input) => input.reshape([input.shape[0], .. _dims]);
    }
}
