using GanDsl.Training;
using GanDsl.TorchSharp.Tests.Support;
using static GanDsl.TorchSharp.Tests.Support.EngineRuns;

namespace GanDsl.TorchSharp.Tests.Training;

/// <summary>
/// The torch engine computes what the managed engine computes: for every loss, both penalties, n_critic, every optimizer,
/// label smoothing, the generator average, conditional pairs (a class head among them) and progressive pairs, the same starting weights and the same batches
/// give the same losses, penalties, mean scores and gradient norms at every step, and the same weights, optimizer state,
/// batch norm statistics and average afterwards.
/// </summary>
public class EngineParityTests
{
    private const int Steps = 8;
    private const double Tolerance = 2e-4;

    private static readonly TrainingConfig Base = TrainingConfig.Default with
    {
        BatchSize = 8, Epochs = 100, LogIntervalSteps = 1, CheckpointIntervalSteps = 0, SampleCount = 6,
        GeneratorLearningRate = 1e-3f, DiscriminatorLearningRate = 1e-3f, Seed = 11,
    };

    public static TheoryData<string> Cases => new(Configurations.Keys);

    private static readonly Dictionary<string, (string Pair, TrainingConfig Config)> Configurations = new()
    {
        ["non-saturating, label smoothing, AdamW"] = ("logit", Base with { LabelSmoothing = 0.9f }),
        ["minimax on probabilities, Adam with weight decay"] = ("sigmoid", Base with { Loss = GanLoss.Minimax, Optimizer = OptimizerKind.Adam, WeightDecay = 1e-3f }),
        ["least squares, label smoothing, SGD with momentum"] = ("logit", Base with
        {
            Loss = GanLoss.LeastSquares, LabelSmoothing = 0.9f, Optimizer = OptimizerKind.Sgd, Momentum = 0.9f, WeightDecay = 1e-4f,
            GeneratorLearningRate = 1e-2f, DiscriminatorLearningRate = 1e-2f,
        }),
        ["plain SGD"] = ("sigmoid", Base with { Optimizer = OptimizerKind.Sgd, WeightDecay = 0f, GeneratorLearningRate = 5e-2f, DiscriminatorLearningRate = 5e-2f }),
        ["conditional hinge, R1, generator average"] = ("critic", Base with { Loss = GanLoss.Hinge, R1Weight = 1f, EmaDecay = 0.9f }),
        ["conditional Wasserstein, gradient penalty, two critic steps"] = ("critic", Base with
        {
            Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f, CriticSteps = 2, Optimizer = OptimizerKind.Adam, Beta1 = 0f, Beta2 = 0.9f,
        }),
        ["conditional with a class head (AC-GAN), label smoothing"] = ("aux-classifier", Base with { LabelSmoothing = 0.9f }),
        ["one-hot planes with a class head, hinge"] = ("planes-classifier", Base with { Loss = GanLoss.Hinge }),
        ["progressive across a stage and its fade-in"] = ("growing", Base with { EmaDecay = 0.8f }),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_engines_take_the_same_steps_from_the_same_weights_and_batches(string name)
    {
        var (pair, config) = Configurations[name];
        var data = new SyntheticImages(40, classes: pair is "critic" or "dropout" or "aux-classifier" or "planes-classifier" ? 3 : 0);
        var (managedSteps, managed) = Run(EnginePairs.Create(pair), data, config, GanDsl.Training.Engines.ManagedEngine.Factory, Steps);
        var (torchSteps, torch) = Run(EnginePairs.Create(pair), data, config, EngineRuns.Torch, Steps);
        using (managed)
        using (torch)
        {
            Assert.Equal("torch", torch.Engine.Name);
            SameSteps(managedSteps, torchSteps, Tolerance);
            SameState(managed.Engine.CaptureState(), torch.Engine.CaptureState(), Tolerance);
            if (config.GradientPenaltyWeight > 0f || config.R1Weight > 0f) Assert.All(torchSteps, s => Assert.True(s.Penalty > 0f));
            var expected = managed.SampleFixedNoise();
            var actual = torch.SampleFixedNoise();
            SameTensors("fixed-noise samples", [("samples", expected)], [("samples", actual)], Tolerance);
        }
    }
}
