using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn.Progressive;

/// <summary>
/// A generator that grows by stages (e.g. 7x7 → 14x14 → 28x28). Stage s runs blocks 0…s and its to-image head, a 1x1
/// convolution to the image channels; while stage s fades in, its output is (1 − α)·upsample(previous head) + α·new head.
/// Tanh bounds the image and nearest upsampling brings it to the final resolution, so every stage emits samples of
/// <see cref="OutputShape"/> and the shared loop and data stay unchanged. State dict names follow a ModuleList:
/// "blocks.0.0.weight", "to_image.0.weight" ….
/// A new instance stands at its last stage with α = 1 (for sampling); training moves it through <see cref="SetProgress"/>.
/// </summary>
public class ProgressiveGenerator : GeneratorModule
{
    private readonly BlockModule[] _blocks;
    private readonly Conv2d[] _toImage;
    private readonly int[][] _outputs;
    private readonly int[] _outputShape;

    /// <summary>Throws <see cref="ShapeMismatchException"/> (the compile-time message) when the stages do not chain.</summary>
    public ProgressiveGenerator(IReadOnlyList<BlockModule> stages, int imageChannels = 1, Init init = Init.PyTorchDefault, ulong seed = 42)
    {
        LayerValidation.RequirePositive(GetType().Name, nameof(imageChannels), imageChannels);
        var inputs = stages.Select(b => b.InputShape).ToArray();
        _outputs = stages.Select(b => b.OutputShape).ToArray();
        var error = ProgressiveChain.CheckGenerator(GetType().Name, stages.Select(b => b.GetType().Name).ToArray(), inputs, _outputs);
        if (error is not null) throw new ShapeMismatchException(error.Message);
        _blocks = stages.ToArray();
        _toImage = new Conv2d[_blocks.Length];
        for (int k = 0; k < _blocks.Length; k++) Register("blocks." + Int(k), _blocks[k]);
        for (int k = 0; k < _blocks.Length; k++) _toImage[k] = Register("to_image." + Int(k), new Conv2d(_outputs[k][0], imageChannels, 1));
        var rng = new Rng(seed);
        foreach (var head in _toImage) head.Initialize(init, rng);
        LatentDim = inputs[0][0];
        ImageChannels = imageChannels;
        _outputShape = [imageChannels, _outputs[^1][1], _outputs[^1][2]];
        Stage = _blocks.Length - 1;
        Alpha = 1f;
    }

    /// <summary>Number of stages (resolutions).</summary>
    public int StageCount => _blocks.Length;
    /// <summary>Channels of the images drawn.</summary>
    public int ImageChannels { get; }

    /// <summary>The 0-based stage the next forward pass runs.</summary>
    public int Stage { get; private set; }

    /// <summary>The fade-in weight of the current stage's new block, in [0, 1].</summary>
    public float Alpha { get; private set; }

    /// <summary>The stage blocks, lowest resolution first.</summary>
    public IReadOnlyList<BlockModule> Blocks => _blocks;

    /// <inheritdoc/>
    public override int LatentDim { get; }
    /// <summary>Always 0: a progressive generator is unconditional.</summary>
    public override int Classes => 0;
    /// <summary>The final resolution's image shape [C, H, W]; every stage draws images of this shape.</summary>
    public override int[] OutputShape => (int[])_outputShape.Clone();

    /// <summary>Per-sample image shape stage <paramref name="stage"/> draws before upsampling to <see cref="OutputShape"/>.</summary>
    public int[] StageImageShape(int stage) => [ImageChannels, _outputs[stage][1], _outputs[stage][2]];

    /// <summary>Moves to <paramref name="stage"/> with fade-in weight <paramref name="alpha"/>; throws <see cref="ArgumentOutOfRangeException"/> when either is out of range.</summary>
    public void SetProgress(int stage, float alpha)
    {
        StageProgress.Check(GetType().Name, _blocks.Length, stage, alpha);
        (Stage, Alpha) = (stage, alpha);
    }

    /// <summary>Samples at the stage and α a checkpoint saved (a stage this generator lacks leaves it where it is).</summary>
    public override void RestoreProgress(ProgressState saved)
    {
        if (saved.Stage < StageCount) SetProgress(saved.Stage, saved.Alpha);
    }

    /// <summary>The parameters the current stage's forward pass uses (the others get no gradient yet).</summary>
    public IReadOnlyList<Tensor> ActiveParameters() => StageProgress.ActiveParameters(_blocks, _toImage, Stage, Alpha);

    /// <summary>Images at the current stage (blended with the previous one while α &lt; 1), upsampled to <see cref="OutputShape"/>; <paramref name="labels"/> is ignored.</summary>
    public override Tensor Generate(Tensor z, int[]? labels)
    {
        var h = _blocks[0].Forward(z);
        for (int k = 1; k < Stage; k++) h = _blocks[k].Forward(h);
        Tensor image;
        if (Stage == 0) image = _toImage[0].Forward(h);
        else
        {
            var grown = _toImage[Stage].Forward(_blocks[Stage].Forward(h));
            image = Alpha >= 1f ? grown
                : ProgressivePooling.FadeIn(ProgressivePooling.Upsample(_toImage[Stage - 1].Forward(h), _outputs[Stage][1] / _outputs[Stage - 1][1]), grown, Alpha);
        }
        return ProgressivePooling.Upsample(Ops.Tanh(image), _outputShape[1] / _outputs[Stage][1]);
    }

    private static string Int(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
