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
public class TorchProgressiveDiscriminator : TorchNet
{
    private readonly TorchLayerStack[] _blocks;
    private readonly nn.Module<Tensor, Tensor>[] _fromImage;
    private readonly int[][] _inputs;
    private readonly int _finalSize;

    /// <summary>The structure of <paramref name="managed"/>, at its stage and α; its weights are not copied here (see <see cref="TorchWeights"/>).</summary>
    protected internal TorchProgressiveDiscriminator(ProgressiveDiscriminator managed) : base(managed.GetType().Name)
    {
        ArgumentNullException.ThrowIfNull(managed);
        _blocks = TorchProgress.Blocks(managed.Blocks);
        _inputs = managed.Blocks.Select(b => b.InputShape).ToArray();
        _fromImage = _inputs.Select(i => TorchProgress.Head(managed.ImageChannels, i[0])).ToArray();
        _finalSize = managed.InputShape[1];
        register_module("blocks", nn.ModuleList(_blocks));
        register_module("from_image", nn.ModuleList(_fromImage));
        SetProgress(managed.Stage, managed.Alpha);
    }

    /// <summary>The number of stages.</summary>
    public int StageCount => _blocks.Length;

    /// <summary>The 0-based stage the next forward pass runs.</summary>
    public int Stage { get; private set; }

    /// <summary>The fade-in weight of the current stage's new block, in [0, 1].</summary>
    public float Alpha { get; private set; }

    /// <inheritdoc/>
    public override int Classes => 0;

    /// <summary>Moves to <paramref name="stage"/> with fade-in <paramref name="alpha"/>, as <see cref="ProgressiveDiscriminator.SetProgress"/>.</summary>
    public void SetProgress(int stage, float alpha)
    {
        TorchProgress.Check(GetName(), _blocks.Length, stage, alpha);
        (Stage, Alpha) = (stage, alpha);
    }

    /// <summary>One score per image of <paramref name="input"/> [N, C, H, W] at the final resolution.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var image = TorchProgress.AvgPool(input, _finalSize / _inputs[Stage][1]);
        var h = _blocks[Stage].forward(FromImage(Stage, image));
        if (Stage > 0 && Alpha < 1f)
        {
            var previous = FromImage(Stage - 1, TorchProgress.AvgPool(image, _inputs[Stage][1] / _inputs[Stage - 1][1]));
            h = TorchProgress.FadeIn(previous, h, Alpha);
        }
        for (int k = Stage - 1; k >= 0; k--) h = _blocks[k].forward(h);
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>Unconditional: <paramref name="labels"/> are ignored.</summary>
    public override Tensor forward(Tensor input, Tensor? labels) => forward(input);

    private Tensor FromImage(int stage, Tensor image) => nn.functional.leaky_relu(_fromImage[stage].forward(image), TorchProgress.HeadSlope);
}
