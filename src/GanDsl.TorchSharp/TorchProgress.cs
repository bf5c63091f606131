using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Shapes;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>What the progressive torch nets share: their blocks and 1x1 heads, the stage and α checks, the pooling ops.</summary>
internal static class TorchProgress
{
    public const double HeadSlope = 0.2;

    public static TorchLayerStack[] Blocks(IReadOnlyList<BlockModule> blocks) =>
        blocks.Select(b => new TorchLayerStack(b.Architecture ?? throw new ArgumentException(
            $"Block {b.GetType().Name} reports no layer stack, so the torch engine cannot rebuild it; declare it with [GanBlock] or StackBlock."), b.GetType().Name)).ToArray();

    /// <summary>The 1x1 convolution head from <paramref name="inChannels"/> to <paramref name="outChannels"/>, as the Conv2d kind builds it.</summary>
    public static nn.Module<Tensor, Tensor> Head(int inChannels, int outChannels) =>
        TorchLayerFactory.Create(LayerSpec.Conv2d(outChannels, 1), [inChannels, 1, 1]);

    public static void Check(string owner, int stageCount, int stage, float alpha)
    {
        if (stage < 0 || stage >= stageCount)
            throw new ArgumentOutOfRangeException(nameof(stage), $"{owner} has stages 0 to {stageCount - 1} but stage {stage} was asked for.");
        if (!(alpha >= 0f && alpha <= 1f))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"The fade-in α must be in [0, 1] but is {alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    public static Tensor Upsample(Tensor x, int factor) =>
        factor == 1 ? x.alias() : nn.functional.interpolate(x, scale_factor: [factor, factor], mode: InterpolationMode.Nearest);

    public static Tensor AvgPool(Tensor x, int factor) => factor == 1 ? x.alias() : nn.functional.avg_pool2d(x, factor);

    /// <summary>(1 − α)·previous + α·grown, as <see cref="ProgressivePooling.FadeIn"/>.</summary>
    public static Tensor FadeIn(Tensor previous, Tensor grown, float alpha) =>
        alpha >= 1f ? grown.alias() : previous * (1f - alpha) + grown * alpha;
}
