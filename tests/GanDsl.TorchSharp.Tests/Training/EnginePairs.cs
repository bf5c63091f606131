using GanDsl;
using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.TorchSharp.Tests.Emitted;

namespace GanDsl.TorchSharp.Tests.Training;

// Small pairs for 1x8x8 images that train in milliseconds, covering what the engines must agree on: logits and
// probabilities, batch norm in both ranks, conditional nets (embedding, one-hot planes, a class head), dropout, progressive growth.

// No bias before batch norm: its gradient would be rounding noise that Adam scales up to whole steps, differently per engine.
[GanGenerator(LatentDim = 6)]
[Linear(32, Bias = false), BatchNorm1d, ReLU]
[Linear(64), Tanh, Reshape(1, 8, 8)]
public partial class TinyEngineGenerator;

[GanDiscriminator(1, 8, 8)]
[Flatten, Linear(32, Bias = false), BatchNorm1d, LeakyReLU(0.2)]
[Linear(1)]
public partial class TinyLogitDiscriminator;

[GanDiscriminator(1, 8, 8)]
[Conv2d(8, 3, 2, 1), LeakyReLU(0.2)]        // 4x4
[Flatten, Linear(1), Sigmoid]
public partial class TinySigmoidDiscriminator;

/// <summary>Unconditional, D ends in a logit with batch norm.</summary>
[Gan<TinyEngineGenerator, TinyLogitDiscriminator>]
public partial class TinyLogitGan;

/// <summary>Unconditional, D ends in Sigmoid (BCE on probabilities).</summary>
[Gan<TinyEngineGenerator, TinySigmoidDiscriminator>]
public partial class TinySigmoidGan;

/// <summary>Conditional on 3 classes: G embeds labels, D takes one-hot planes; critic scores (no Sigmoid).</summary>
[Gan<TinyCondGenerator, TinyPlanesDiscriminator>]
public partial class TinyCriticGan;

/// <summary>Conditional, with dropout in D (each engine draws its own masks).</summary>
[Gan<TinyCondGenerator, TinyFlatDiscriminator>]
public partial class TinyDropoutGan;

/// <summary>Conditional, AC-GAN style: D scores without labels and its class head adds a cross-entropy term to both losses.</summary>
[Gan<TinyCondGenerator, TinyAuxClassifierDiscriminator>]
public partial class TinyAuxClassifierGan;

/// <summary>Conditional: D takes one-hot planes for its logit score and has a class head on a pass with blank planes.</summary>
[Gan<TinyCondGenerator, TinyPlanesClassifierDiscriminator>]
public partial class TinyPlanesClassifierGan;

/// <summary>Grows 4x4 → 8x8: stage 1 starts after 3 steps and fades in over 2.</summary>
public sealed class TinyGrowingGan(ulong seed)
    : ProgressiveGan(new TinyProgressiveGenerator(seed), new TinyProgressiveDiscriminator(seed + 1), new ProgressiveSchedule(3, 2));

/// <summary>The pairs by name, each made afresh for a seed (tests build the same starting weights twice).</summary>
internal static class EnginePairs
{
    public static IGan Create(string name, ulong seed = 5) => name switch
    {
        "logit" => new TinyLogitGan(seed),
        "sigmoid" => new TinySigmoidGan(seed),
        "critic" => new TinyCriticGan(seed),
        "dropout" => new TinyDropoutGan(seed),
        "aux-classifier" => new TinyAuxClassifierGan(seed),
        "planes-classifier" => new TinyPlanesClassifierGan(seed),
        "growing" => new TinyGrowingGan(seed),
        _ => throw new ArgumentException($"No test pair {name}.", nameof(name)),
    };
}
