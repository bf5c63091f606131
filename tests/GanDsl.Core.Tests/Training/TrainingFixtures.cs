using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

/// <summary>Layers registered as "0", "1", … so the state dict names match torch.nn.Sequential.</summary>
internal static class Stack
{
    public static Tensor Run(IReadOnlyList<Module> layers, Tensor x)
    {
        foreach (var l in layers) x = l.Forward(x);
        return x;
    }

    /// <summary>[z | one-hot(labels)] for conditional nets; x itself when unconditional.</summary>
    public static Tensor WithLabels(Tensor x, int[]? labels, int classes)
    {
        if (classes == 0 || labels is null) return x;
        var oneHot = new Tensor(new Shape(labels.Length, classes));
        for (int i = 0; i < labels.Length; i++) oneHot.Data[i * classes + labels[i]] = 1f;
        return Ops.Concat(new[] { Ops.Flatten(x), oneHot }, 1);
    }
}

/// <summary>Linear → BatchNorm1d → LeakyReLU → Linear → Tanh.</summary>
internal sealed class MlpGenerator : GeneratorModule
{
    private readonly List<Module> _layers = new();

    public MlpGenerator(ulong seed, int latent = 4, int width = 6, int classes = 0, int hidden = 16)
    {
        (LatentDim, Classes, OutputShape) = (latent, classes, new[] { width });
        Module[] layers = [new Linear(latent + classes, hidden), new BatchNorm1d(hidden), new LeakyReLU(0.2), new Linear(hidden, width), new Tanh()];
        for (int i = 0; i < layers.Length; i++) _layers.Add(Register(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]));
        Initialize(Init.PyTorchDefault, new Rng(seed));
    }

    public override int LatentDim { get; }
    public override int Classes { get; }
    public override int[] OutputShape { get; }
    public override Tensor Generate(Tensor z, int[]? labels) => Stack.Run(_layers, Stack.WithLabels(z, labels, Classes));
}

/// <summary>Linear → LeakyReLU → Dropout → Linear (→ Sigmoid when <c>probability</c>).</summary>
internal sealed class MlpDiscriminator : DiscriminatorModule
{
    private readonly List<Module> _layers = new();

    public MlpDiscriminator(ulong seed, bool probability, int width = 6, int classes = 0, int hidden = 16, double dropout = 0.3)
    {
        (OutputsProbability, Classes, InputShape) = (probability, classes, new[] { width });
        var layers = new List<Module> { new Linear(width + classes, hidden), new LeakyReLU(0.2), new Dropout(dropout), new Linear(hidden, 1) };
        if (probability) layers.Add(new Sigmoid());
        for (int i = 0; i < layers.Count; i++) _layers.Add(Register(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]));
        Initialize(Init.PyTorchDefault, new Rng(seed + 1000));
    }

    public override int Classes { get; }
    public override int[] InputShape { get; }
    public override bool OutputsProbability { get; }
    public override Tensor Score(Tensor x, int[]? labels) => Stack.Run(_layers, Stack.WithLabels(x, labels, Classes));
}

internal sealed class MlpGan(ulong seed, bool probability, int classes = 0) : IGan
{
    public GeneratorModule Generator { get; } = new MlpGenerator(seed, classes: classes);
    public DiscriminatorModule Discriminator { get; } = new MlpDiscriminator(seed, probability, classes: classes);
}

/// <summary>Samples held in memory: noisy points around per-class centres in [−1, 1].</summary>
internal sealed class InMemoryData : ITrainingData
{
    private readonly float[] _samples;
    private readonly int[] _labels;

    public InMemoryData(int count, int width = 6, int classes = 0, ulong seed = 7)
    {
        (Count, Classes, SampleShape) = (count, classes, new[] { width });
        var rng = new Rng(seed);
        _samples = new float[count * width];
        _labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            _labels[i] = classes > 0 ? i % classes : 0;
            for (int j = 0; j < width; j++)
                _samples[i * width + j] = Math.Clamp(0.5f * MathF.Sin(j + _labels[i]) + 0.1f * rng.NextNormal(), -1f, 1f);
        }
    }

    /// <summary>When set, every copied value is replaced by this (to make training diverge).</summary>
    public float? Poison { get; set; }

    public int Count { get; }
    public IReadOnlyList<int> SampleShape { get; }
    public int Classes { get; }

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels)
    {
        int w = SampleShape[0];
        for (int i = 0; i < indices.Length; i++)
        {
            _samples.AsSpan(indices[i] * w, w).CopyTo(samples.Slice(i * w, w));
            if (Classes > 0) labels[i] = _labels[indices[i]];
        }
        if (Poison is { } p) samples[..(indices.Length * w)].Fill(p);
    }
}

internal static class Configs
{
    /// <summary>A tiny, fast configuration; losses that need raw scores get a logit D by the caller.</summary>
    public static TrainingConfig Tiny => TrainingConfig.Default with
    {
        BatchSize = 8, Epochs = 3, LogIntervalSteps = 2, CheckpointIntervalSteps = 0, SampleCount = 4, GeneratorLearningRate = 1e-3f, DiscriminatorLearningRate = 1e-3f,
    };
}
