using GanDsl.Nn.Progressive;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// A <see cref="ProgressiveDiscriminator"/> on TorchSharp: images of the final resolution are average-pooled to the stage's,
/// go through the stage's from-image head (1x1 convolution, LeakyReLU(0.2); "from_image.0.weight" …) and blocks s…0
/// ("blocks.0.0.weight" …); while stage s fades in, its block's output is blended with the previous stage's head on the
/// image pooled once more. Built by <see cref="TorchNets.Build(Nn.Module, Device?)"/>.
/// </summary>
public class TorchProgressiveDiscriminator : TorchProgressiveNet
{
    private readonly nn.Module<Tensor, Tensor>[] _fromImage;
    private readonly int[][] _inputs;
    private readonly int _finalSize;

    /// <summary>The structure of <paramref name="managed"/>, at its stage and α; its weights are not copied here (see <see cref="TorchWeights"/>).</summary>
    protected internal TorchProgressiveDiscriminator(ProgressiveDiscriminator managed) : base(managed.GetType().Name, managed.Blocks)
    {
        _inputs = managed.Blocks.Select(b => b.InputShape).ToArray();
        _fromImage = _inputs.Select(i => TorchProgress.Head(managed.ImageChannels, i[0])).ToArray();
        _finalSize = managed.InputShape[1];
        register_module("from_image", nn.ModuleList(_fromImage));
        SetProgress(managed.Stage, managed.Alpha);
    }

    /// <summary>One score per image of <paramref name="input"/> [N, C, H, W] at the final resolution.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var image = TorchProgress.AvgPool(input, _finalSize / _inputs[Stage][1]);
        var h = _stageBlocks[Stage].forward(FromImage(Stage, image));
        if (Stage > 0 && Alpha < 1f)
        {
            var previous = FromImage(Stage - 1, TorchProgress.AvgPool(image, _inputs[Stage][1] / _inputs[Stage - 1][1]));
            h = TorchProgress.FadeIn(previous, h, Alpha);
        }
        for (int k = Stage - 1; k >= 0; k--) h = _stageBlocks[k].forward(h);
        return h.MoveToOuterDisposeScope();
    }

    private Tensor FromImage(int stage, Tensor image) => nn.functional.leaky_relu(_fromImage[stage].forward(image), TorchProgress.HeadSlope);
}
