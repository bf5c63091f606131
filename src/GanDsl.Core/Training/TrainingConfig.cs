using System.Globalization;
using System.Text.Json.Serialization;
using GanDsl.Nn;
using GanDsl.Shapes;

namespace GanDsl.Training;

/// <summary>
/// Everything that drives one adversarial run. Immutable: derive variants with <c>with</c>. <see cref="Validate(IGan)"/> runs once
/// before training and reports every bad field, one sentence each.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>
    /// The reference tutorials' settings: AdamW, lr 2e-4, betas (0.5, 0.999), weight decay 1e-5, batch 128, seed 42,
    /// <see cref="DefaultEpochs"/> epochs. The same as <c>new TrainingConfig()</c>, which is how F# writes a variant:
    /// <c>TrainingConfig(Epochs = 3, BatchSize = 64)</c> (F#'s <c>{ x with … }</c> is for F# records only).
    /// </summary>
    public static TrainingConfig Default { get; } = new();

    /// <summary>The epochs a run takes when neither <see cref="Epochs"/> nor <see cref="MaxSteps"/> is set.</summary>
    public const int DefaultEpochs = 20;

    /// <summary>
    /// Passes over the data; training stops after this many epochs or at <see cref="MaxSteps"/>, whichever comes first.
    /// Null (the default) leaves the length to <see cref="MaxSteps"/> when that is set, and is <see cref="DefaultEpochs"/>
    /// epochs when it is not.
    /// </summary>
    public int? Epochs { get; init; }

    /// <summary>When set, the run's total number of steps (counted across resumes), a step being one generator update.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>The epochs that bound the run: <see cref="Epochs"/>, else none when <see cref="MaxSteps"/> decides, else <see cref="DefaultEpochs"/>.</summary>
    [JsonIgnore]
    public int? EffectiveEpochs => Epochs ?? (MaxSteps is null ? DefaultEpochs : null);

    /// <summary>Real samples per discriminator update, and fake samples per update of either net (128).</summary>
    public int BatchSize { get; init; } = 128;
    /// <summary>The optimizer of both nets (AdamW).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;
    /// <summary>G's learning rate (2e-4, DCGAN's).</summary>
    public float GeneratorLearningRate { get; init; } = 2e-4f;
    /// <summary>D's learning rate (2e-4); a larger one than G's gives the two time-scale update rule (TTUR).</summary>
    public float DiscriminatorLearningRate { get; init; } = 2e-4f;
    /// <summary>Adam's and AdamW's β₁, the decay of the gradient's running mean (0.5, DCGAN's; PyTorch's default is 0.9).</summary>
    public float Beta1 { get; init; } = 0.5f;
    /// <summary>Adam's and AdamW's β₂, the decay of the squared gradient's running mean (0.999).</summary>
    public float Beta2 { get; init; } = 0.999f;
    /// <summary>
    /// Weight decay λ (1e-5): decoupled (p ← p − lr·λ·p) for AdamW, added to the gradient (g + λ·p) for Adam and SGD, as in
    /// PyTorch's optimizers.
    /// </summary>
    public float WeightDecay { get; init; } = 1e-5f;

    /// <summary>SGD momentum (ignored by Adam and AdamW).</summary>
    public float Momentum { get; init; }

    /// <summary>The adversarial loss of both players (<see cref="GanLoss.NonSaturating"/>).</summary>
    public GanLoss Loss { get; init; } = GanLoss.NonSaturating;

    /// <summary>One-sided label smoothing: the target for real samples (1 = none, 0.9 is common). Fake targets stay 0.</summary>
    public float LabelSmoothing { get; init; } = 1f;

    /// <summary>WGAN-GP weight λ (0 = off; 10 in the paper).</summary>
    public float GradientPenaltyWeight { get; init; }

    /// <summary>R1 weight γ; the loop adds (γ/2)·E‖∇D(x)‖² on real samples (0 = off).</summary>
    public float R1Weight { get; init; }

    /// <summary>Discriminator updates per generator update, each on its own real batch (5 for WGAN).</summary>
    public int CriticSteps { get; init; } = 1;

    /// <summary>
    /// The range the training data is scaled to, as the pair's recipe declares it; <see cref="Validate(IGan)"/> checks the
    /// generator's output against it. Null when undeclared (nothing is checked).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DataRange? DataRange { get; init; }

    /// <summary>
    /// A dataset transform, torchvision's <c>Normalize(mean, std)</c> on [0, 1] pixels, applied to every real batch; generated
    /// samples are mapped back before grids and scores (<see cref="DataNormalization"/>). Null (the default): data in [-1, 1].
    /// It replaces <see cref="DataRange"/>, so the two are not set together. The data must arrive in [-1, 1], as GanDsl's IDX
    /// datasets and image folders (with their default range) give it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DataNormalization? Normalization { get; init; }

    /// <summary>Decay of the exponential moving average of G's parameters used for samples (0 = off, 0.999 typical).</summary>
    public float EmaDecay { get; init; }

    /// <summary>Steps between step reports (observer and metrics.jsonl); the last step is always reported.</summary>
    public int LogIntervalSteps { get; init; } = 50;

    /// <summary>Epochs between fixed-noise sample grids; the last epoch always gets one.</summary>
    public int SampleIntervalEpochs { get; init; } = 1;

    /// <summary>Steps between checkpoints (0 = only when training ends or is cancelled).</summary>
    public int CheckpointIntervalSteps { get; init; } = 1000;

    /// <summary>Number of fixed noise vectors drawn once per run for comparable sample grids.</summary>
    public int SampleCount { get; init; } = 64;

    /// <summary>
    /// Seeds the loop's random streams (42): each epoch's data order, the latent noise and fake labels, the gradient-penalty α and
    /// the fixed noise of the sample grids. The nets' initial weights and dropout masks come from the seed their constructor
    /// takes (<c>gandsl train</c> passes this one).
    /// </summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// Epochs between quality evaluations (0 = off). An evaluation epoch ends in a checkpoint, and the observer's
    /// <see cref="ITrainingObserver.OnEvaluation"/> scores it; its metrics are logged as <c>"kind":"evaluation"</c>.
    /// </summary>
    public int EvaluateEveryEpochs { get; init; }

    /// <summary>Generated samples scored at each evaluation.</summary>
    public int EvaluationSamples { get; init; } = 10000;

    /// <summary>
    /// Every problem with this configuration, one sentence each naming the field; empty when valid.
    /// Given the discriminator, also refuses losses that need raw scores with a Sigmoid-ending D.
    /// </summary>
    public IReadOnlyList<string> Validate(DiscriminatorModule? discriminator = null)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }

        Check(Epochs is null or >= 1, $"Epochs must be at least 1 when set but is {Str(Epochs ?? 0)}.");
        Check(MaxSteps is null or >= 1, $"MaxSteps must be at least 1 when set but is {Str(MaxSteps ?? 0)}.");
        Check(BatchSize >= 2, $"BatchSize must be at least 2 (batch norm needs two samples) but is {Str(BatchSize)}.");
        Check(Enum.IsDefined(Optimizer), $"Optimizer {Str((int)Optimizer)} is not one of Sgd, Adam, AdamW.");
        Check(PositiveFinite(GeneratorLearningRate), $"GeneratorLearningRate must be a positive finite number but is {Str(GeneratorLearningRate)}.");
        Check(PositiveFinite(DiscriminatorLearningRate), $"DiscriminatorLearningRate must be a positive finite number but is {Str(DiscriminatorLearningRate)}.");
        Check(Beta1 is >= 0f and < 1f, $"Beta1 must be in [0, 1) but is {Str(Beta1)}.");
        Check(Beta2 is >= 0f and < 1f, $"Beta2 must be in [0, 1) but is {Str(Beta2)}.");
        Check(WeightDecay >= 0f && float.IsFinite(WeightDecay), $"WeightDecay must be a finite number of at least 0 but is {Str(WeightDecay)}.");
        Check(Momentum is >= 0f and < 1f, $"Momentum must be in [0, 1) but is {Str(Momentum)}.");
        Check(RecipeArguments.IsLoss((int)Loss), RecipeArguments.NotOneOf(nameof(Loss), (int)Loss, RecipeArguments.LossChoices) + ".");
        Check(LabelSmoothing is > 0f and <= 1f, $"LabelSmoothing is the real target and must be in (0, 1] but is {Str(LabelSmoothing)}.");
        Check(LabelSmoothing == 1f || Loss is not (GanLoss.Hinge or GanLoss.Wasserstein),
            $"LabelSmoothing {Str(LabelSmoothing)} has no meaning for the {Loss} loss, which has no targets; set it to 1.");
        Check(RecipeArguments.IsPenaltyWeight(GradientPenaltyWeight), PenaltyProblem(nameof(GradientPenaltyWeight), GradientPenaltyWeight));
        Check(RecipeArguments.IsPenaltyWeight(R1Weight), PenaltyProblem(nameof(R1Weight), R1Weight));
        Check(RecipeArguments.IsCriticSteps(CriticSteps),
            RecipeArguments.OutOfRange(nameof(CriticSteps), RecipeArguments.CriticStepsRequirement, Str(CriticSteps)) + ".");
        Check(DataRange is null || RecipeArguments.IsDataRange((int)DataRange),
            RecipeArguments.NotOneOf(nameof(DataRange), (int)(DataRange ?? 0), RecipeArguments.DataRangeChoices) + ".");
        if (Normalization?.Problem() is { } normalization) errors.Add(normalization);
        Check(Normalization is null || DataRange is null,
            $"Normalization and DataRange cannot both be set: normalised data are not in {DataRange} range; leave DataRange unset.");
        Check(EmaDecay is >= 0f and < 1f, $"EmaDecay must be in [0, 1) (0 turns the generator average off) but is {Str(EmaDecay)}.");
        Check(LogIntervalSteps >= 1, $"LogIntervalSteps must be at least 1 but is {Str(LogIntervalSteps)}.");
        Check(SampleIntervalEpochs >= 1, $"SampleIntervalEpochs must be at least 1 but is {Str(SampleIntervalEpochs)}.");
        Check(CheckpointIntervalSteps >= 0, $"CheckpointIntervalSteps must be at least 0 (0 = only at the end) but is {Str(CheckpointIntervalSteps)}.");
        Check(SampleCount >= 1, $"SampleCount must be at least 1 but is {Str(SampleCount)}.");
        Check(EvaluateEveryEpochs >= 0, $"EvaluateEveryEpochs must be at least 0 (0 = no evaluation) but is {Str(EvaluateEveryEpochs)}.");
        Check(EvaluationSamples >= 2, $"EvaluationSamples must be at least 2 but is {Str(EvaluationSamples)}.");
        if (discriminator != null && RecipeRules.RawScoreLossWithSigmoid(Loss, discriminator.GetType().Name, discriminator.OutputsProbability) is { } sigmoid)
            errors.Add(sigmoid + ".");
        return errors;
    }

    /// <summary>
    /// As <see cref="Validate(DiscriminatorModule?)"/> for <paramref name="gan"/>'s discriminator, plus the recipe rules against
    /// both nets (their layers as <see cref="Module.Architecture"/> gives them), in the sentences the build reports for the same
    /// rule. A rule the build only warns about (batch norm under a penalty, a data range the generator cannot cover) fails here
    /// when this configuration breaks it and the pair's declared <see cref="IGan.Recipe"/> does not: the build has already
    /// said what the declaration does, and an override made in code or on the command line has no other check.
    /// </summary>
    public IReadOnlyList<string> Validate(IGan gan)
    {
        ArgumentNullException.ThrowIfNull(gan);
        var errors = new List<string>(Validate(gan.Discriminator));
        var declared = RecipeChecks.Warnings(DefaultFor(gan), gan);
        foreach (var warning in RecipeChecks.Warnings(this, gan))
            if (!declared.Contains(warning)) errors.Add(warning + ".");
        return errors;
    }

    /// <summary>
    /// <see cref="Default"/> with the recipe <paramref name="gan"/> declares (<see cref="IGan.Recipe"/>): what the generated
    /// pair's static <c>DefaultConfig</c> is, for a pair known only as an <see cref="IGan"/> (one loaded from a user's assembly).
    /// </summary>
    public static TrainingConfig DefaultFor(IGan gan)
    {
        ArgumentNullException.ThrowIfNull(gan);
        return Default.WithRecipe(gan.Recipe ?? GanRecipe.None);
    }

    /// <summary>
    /// This configuration with each value <paramref name="recipe"/> declares (loss, penalty weights, critic steps, data range);
    /// the fields it leaves undeclared keep their values here.
    /// </summary>
    public TrainingConfig WithRecipe(GanRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return this with
        {
            Loss = recipe.Loss ?? Loss,
            GradientPenaltyWeight = recipe.GradientPenalty is { } gp ? (float)gp : GradientPenaltyWeight,
            R1Weight = recipe.R1 is { } r1 ? (float)r1 : R1Weight,
            CriticSteps = recipe.CriticSteps ?? CriticSteps,
            DataRange = recipe.DataRange ?? DataRange,
        };
    }

    /// <summary>Throws <see cref="TrainingConfigException"/> listing every problem <see cref="Validate(DiscriminatorModule?)"/> finds.</summary>
    public void EnsureValid(DiscriminatorModule? discriminator = null)
    {
        var errors = Validate(discriminator);
        if (errors.Count > 0) throw new TrainingConfigException(errors);
    }

    /// <summary>Throws <see cref="TrainingConfigException"/> listing every problem <see cref="Validate(IGan)"/> finds.</summary>
    public void EnsureValid(IGan gan)
    {
        var errors = Validate(gan);
        if (errors.Count > 0) throw new TrainingConfigException(errors);
    }

    private static string PenaltyProblem(string field, float weight) =>
        RecipeArguments.OutOfRange(field, RecipeArguments.PenaltyWeightRequirement, Str(weight)) + ".";

    private static bool PositiveFinite(float v) => v > 0f && float.IsFinite(v);
    private static string Str(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);
}
