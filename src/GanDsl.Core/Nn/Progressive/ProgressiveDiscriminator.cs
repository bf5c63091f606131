using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn.Progressive;

/// <summary>
/// A discriminator that grows by stages, the mirror of <see cref="ProgressiveGenerator"/>. It takes images of
/// <see cref="InputShape"/> (the final resolution) and average-pools them to the current stage's resolution; stage s
/// applies its from-image head (1x1 convolution from the image channels, LeakyReLU(0.2)) and blocks s…0. While stage s
/// fades in, block s's output is blended with the previous stage's head on the image pooled once more:
/// α·new + (1 − α)·previous. State dict names: "blocks.0.0.weight", "from_image.0.weight" ….
/// </summary>
public class ProgressiveDiscriminator : DiscriminatorModule
{
    private const float HeadSlope = 0.2f;
    private readonly BlockModule[] _blocks;
    private readonly Conv2d[] _fromImage;
    private readonly int[][] _inputs;
    private readonly int[] _inputShape;

    /// <summary>Throws <see cref="ShapeMismatchException"/> (the compile-time message) when the stages do not chain.</summary>
    public ProgressiveDiscriminator(IReadOnlyList<BlockModule> stages, int imageChannels = 1, Init init = Init.PyTorchDefault, ulong seed = 42)
    {
        LayerValidation.RequirePositive(GetType().Name, nameof(imageChannels), imageChannels);
        _inputs = stages.Select(b => b.InputShape).ToArray();
        var outputs = stages.Select(b => b.OutputShape).ToArray();
        var error = ProgressiveChain.CheckDiscriminator(GetType().Name, stages.Select(b => b.GetType().Name).ToArray(), _inputs, outputs);
        if (error is not null) throw new ShapeMismatchException(error.Message);
        _blocks = stages.ToArray();
        _fromImage = new Conv2d[_blocks.Length];
        for (int k = 0; k < _blocks.Length; k++) Register("blocks." + Int(k), _blocks[k]);
        for (int k = 0; k < _blocks.Length; k++) _fromImage[k] = Register("from_image." + Int(k), new Conv2d(imageChannels, _inputs[k][0], 1));
        var rng = new Rng(seed);
        foreach (var head in _fromImage) head.Initialize(init, rng);
        ImageChannels = imageChannels;
        _inputShape = [imageChannels, _inputs[^1][1], _inputs[^1][2]];
        Stage = _blocks.Length - 1;
        Alpha = 1f;
    }

    /// <summary>Number of stages (resolutions).</summary>
    public int StageCount => _blocks.Length;
    /// <summary>Channels of the images scored.</summary>
    public int ImageChannels { get; }
    /// <summary>The 0-based stage the next forward pass runs.</summary>
    public int Stage { get; private set; }
    /// <summary>The fade-in weight of the current stage's new block, in [0, 1].</summary>
    public float Alpha { get; private set; }
    /// <summary>The stage blocks, lowest resolution first.</summary>
    public IReadOnlyList<BlockModule> Blocks => _blocks;

    /// <summary>Always 0: a progressive discriminator is unconditional.</summary>
    public override int Classes => 0;
    /// <summary>The final resolution's image shape [C, H, W]; every stage takes images of this shape.</summary>
    public override int[] InputShape => (int[])_inputShape.Clone();
    /// <inheritdoc/>
    public override bool OutputsProbability => _blocks[0].EndsInSigmoid;

    /// <summary>Per-sample image shape stage <paramref name="stage"/> scores (after pooling from <see cref="InputShape"/>).</summary>
    public int[] StageImageShape(int stage) => [ImageChannels, _inputs[stage][1], _inputs[stage][2]];

    /// <summary>Moves to <paramref name="stage"/> with fade-in weight <paramref name="alpha"/>; throws <see cref="ArgumentOutOfRangeException"/> when either is out of range.</summary>
    public void SetProgress(int stage, float alpha)
    {
        StageProgress.Check(GetType().Name, _blocks.Length, stage, alpha);
        (Stage, Alpha) = (stage, alpha);
    }

    /// <summary>The parameters the current stage's forward pass uses (the others get no gradient yet).</summary>
    public IReadOnlyList<Tensor> ActiveParameters() => StageProgress.ActiveParameters(_blocks, _fromImage, Stage, Alpha);

    /// <summary>Pools <paramref name="x"/> to the current stage's resolution and scores it (blending in the previous stage while α &lt; 1); <paramref name="labels"/> is ignored.</summary>
    public override Tensor Score(Tensor x, int[]? labels)
    {
        if (x.Rank != 4 || x.Shape[1] != _inputShape[0] || x.Shape[2] != _inputShape[1] || x.Shape[3] != _inputShape[2])
            throw new ArgumentException($"{GetType().Name} scores images [N, {string.Join(", ", _inputShape)}] but got {x.Shape}; pass samples of the final resolution.");
        var image = ProgressivePooling.AvgPool2d(x, _inputShape[1] / _inputs[Stage][1]);
        var h = _blocks[Stage].Forward(FromImage(Stage, image));
        if (Stage > 0 && Alpha < 1f)
        {
            var previous = FromImage(Stage - 1, ProgressivePooling.AvgPool2d(image, _inputs[Stage][1] / _inputs[Stage - 1][1]));
            h = ProgressivePooling.FadeIn(previous, h, Alpha);
        }
        for (int k = Stage - 1; k >= 0; k--) h = _blocks[k].Forward(h);
        return h;
    }

    private Tensor FromImage(int stage, Tensor image) => Ops.LeakyRelu(_fromImage[stage].Forward(image), HeadSlope);

    private static string Int(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
