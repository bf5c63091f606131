using GanDsl.Nn.Progressive;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// A <see cref="ProgressiveGenerator"/> on TorchSharp: the same blocks ("blocks.0.0.weight" …), the same 1x1 to-image heads
/// ("to_image.0.weight" …) and the same forward pass for a stage and fade-in α: (1 − α)·upsample(previous head) + α·new
/// head, Tanh, then nearest upsampling to the final resolution. Built by <see cref="TorchNets.Build(Nn.Module, Device?)"/>.
/// </summary>
public class TorchProgressiveGenerator : TorchProgressiveNet
{
    private readonly nn.Module<Tensor, Tensor>[] _toImage;
    private readonly int[][] _outputs;
    private readonly int _finalSize;

    /// <summary>The structure of <paramref name="managed"/>, at its stage and α; its weights are not copied here (see <see cref="TorchWeights"/>).</summary>
    protected internal TorchProgressiveGenerator(ProgressiveGenerator managed) : base(managed.GetType().Name, managed.Blocks)
    {
        _outputs = managed.Blocks.Select(b => b.OutputShape).ToArray();
        _toImage = _outputs.Select(o => TorchProgress.Head(o[0], managed.ImageChannels)).ToArray();
        _finalSize = managed.OutputShape[1];
        register_module("to_image", nn.ModuleList(_toImage));
        SetProgress(managed.Stage, managed.Alpha);
    }

    /// <summary>Images [N, C, H, W] at the final resolution from noise z [N, latent].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var h = _stageBlocks[0].forward(input);
        for (int k = 1; k < Stage; k++) h = _stageBlocks[k].forward(h);
        Tensor image;
        if (Stage == 0) image = _toImage[0].forward(h);
        else
        {
            var grown = _toImage[Stage].forward(_stageBlocks[Stage].forward(h));
            image = Alpha >= 1f ? grown
                : TorchProgress.FadeIn(TorchProgress.Upsample(_toImage[Stage - 1].forward(h), _outputs[Stage][1] / _outputs[Stage - 1][1]), grown, Alpha);
        }
        return TorchProgress.Upsample(torch.tanh(image), _finalSize / _outputs[Stage][1]).MoveToOuterDisposeScope();
    }
}
