using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Training;
using GanDsl.Training.Engines;
using TorchSharp;
using static TorchSharp.torch;
using ManagedTensor = GanDsl.Tensors.Tensor;
using Parameter = TorchSharp.Modules.Parameter;

namespace GanDsl.TorchSharp.Training;

/// <summary>
/// The torch engine: a step's tensor math on LibTorch (the CPU or a CUDA device), for any pair whose nets
/// <see cref="TorchNets.Build(Module, Device?)"/> rebuilds, starting from the pair's managed weights. It computes what
/// <see cref="ManagedEngine"/> computes, in the same order (the same forward passes, so batch norm's running statistics move
/// alike): the five losses, the gradient penalty at the session's α and R1 (double backward), the optimizers with PyTorch's
/// rules, D frozen during G's update, the generator average. Everything it holds (nets, optimizer state, average, each step's
/// batch, noise and labels) lives on its device; a step's temporaries live in a dispose scope opened by
/// <see cref="BeginStep"/> and closed by <see cref="EndStep"/>, so native memory stays flat over a run. Its state goes to and
/// from checkpoints in the managed names (TorchEngine.State.cs). Make it through <see cref="TorchEngineFactory"/>.
/// </summary>
public sealed partial class TorchEngine : ITrainingEngine
{
    /// <summary>The engine's name in run.json and checkpoints.</summary>
    public const string EngineName = "torch";

    private readonly IGan _gan;
    private readonly TrainingConfig _config;
    private readonly Device _device;
    private readonly TorchNet _generator;
    private readonly TorchNet _discriminator;
    private readonly IReadOnlyList<(string Name, Parameter Value)> _generatorParameters;
    private readonly TorchOptimizer _generatorOptimizer;
    private readonly TorchOptimizer _discriminatorOptimizer;
    private readonly TorchGeneratorAverage? _average;
    private readonly TorchDropoutSeeds _dropout;
    private DisposeScope? _scope;
    private Tensor? _fake;
    private Tensor? _fakeLabels;

    /// <summary>
    /// The engine for <paramref name="gan"/> with <paramref name="config"/> (already validated) on <paramref name="device"/>.
    /// Throws <see cref="TorchSetupException"/> when LibTorch does not load, and <see cref="ArgumentException"/> when a net is not a
    /// declared layer stack (or a progressive net of them).
    /// </summary>
    public TorchEngine(IGan gan, TrainingConfig config, Device device)
    {
        ArgumentNullException.ThrowIfNull(gan);
        ArgumentNullException.ThrowIfNull(device);
        (_gan, _config, _device) = (gan, config ?? throw new ArgumentNullException(nameof(config)), device);
        TorchRuntime.EnsureAvailable();
        _generator = TorchNets.Build(gan.Generator, device);
        try
        {
            _discriminator = TorchNets.Build(gan.Discriminator, device);
        }
        catch
        {
            _generator.Dispose(); // the caller gets no engine to release
            throw;
        }
        _generator.train();
        _discriminator.train();
        _generatorParameters = InManagedOrder(gan.Generator, _generator);
        _generatorOptimizer = TorchOptimizer.Create(config, _generatorParameters.Select(p => p.Value).ToList(), config.GeneratorLearningRate);
        _discriminatorOptimizer = TorchOptimizer.Create(config, InManagedOrder(gan.Discriminator, _discriminator).Select(p => p.Value).ToList(),
            config.DiscriminatorLearningRate);
        _average = config.EmaDecay > 0f ? new TorchGeneratorAverage(_generatorParameters, config.EmaDecay) : null;
        _dropout = new TorchDropoutSeeds(config.Seed, device);
    }

    /// <inheritdoc/>
    public string Name => EngineName;

    /// <inheritdoc/>
    public string Device => TorchDevices.Name(_device);

    /// <summary>The torch generator being trained (its weights are copied into the pair's managed generator by <see cref="CaptureState"/>).</summary>
    public TorchNet Generator => _generator;

    /// <summary>The torch discriminator being trained.</summary>
    public TorchNet Discriminator => _discriminator;

    /// <inheritdoc/>
    public void BeginStep()
    {
        if (_scope is not null) throw new InvalidOperationException("A step is already under way; end it with EndStep before beginning the next.");
        _scope = torch.NewDisposeScope();
        FollowProgress();
        _dropout.SeedStep();
    }

    /// <inheritdoc/>
    public void EndStep()
    {
        if (_scope is null) return;
        (_fake, _fakeLabels) = (null, null);
        _scope.Dispose();
        _scope = null;
    }

    /// <inheritdoc/>
    public DiscriminatorOutcome DiscriminatorStep(in DiscriminatorBatch batch)
    {
        EnsureInStep();
        var real = TorchTensors.ToTorch(batch.Real, _device);
        var realLabels = Labels(batch.RealLabels);
        var noise = TorchTensors.ToTorch(batch.Noise, _device);
        var fakeLabels = Labels(batch.FakeLabels);
        Tensor fake;
        using (torch.set_grad_enabled(batch.KeepFakeForGenerator && torch.is_grad_enabled()))
            fake = _generator.forward(noise, fakeLabels);
        var alpha = batch.PenaltyAlpha is { } a ? torch.tensor(a, ScalarType.Float32).to(_device) : null;
        var outcome = UpdateDiscriminator(real, realLabels, fake.detach(), fakeLabels, alpha);
        if (batch.KeepFakeForGenerator) (_fake, _fakeLabels) = (fake, fakeLabels);
        return outcome;
    }

    /// <inheritdoc/>
    public GeneratorOutcome GeneratorStep()
    {
        EnsureInStep();
        var fake = _fake ?? throw new InvalidOperationException("The generator step needs a fake batch kept by a discriminator step of this step (KeepFakeForGenerator).");
        var outcome = UpdateGenerator(fake, _fakeLabels);
        if (outcome.IsFinite) _average?.Update();
        return outcome;
    }

    /// <inheritdoc/>
    public ManagedTensor Sample(ManagedTensor noise, int[]? labels)
    {
        ArgumentNullException.ThrowIfNull(noise);
        FollowProgress();
        bool wasTraining = _generator.training;
        _generator.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var z = TorchTensors.ToTorch(noise, _device);
            var y = Labels(labels);
            ManagedTensor Run() => TorchTensors.ToManaged(_generator.forward(z, y));
            return _average is null ? Run() : _average.WithAverages(Run);
        }
        finally
        {
            _generator.train(wasTraining);
        }
    }

    /// <summary>Frees the nets, the optimizer state and the average (native memory).</summary>
    public void Dispose()
    {
        EndStep();
        _average?.Dispose();
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
    }

    /// <summary>D's loss on a real and a detached fake batch, its penalties, backward and update; G is not touched.</summary>
    private DiscriminatorOutcome UpdateDiscriminator(Tensor real, Tensor? realLabels, Tensor fake, Tensor? fakeLabels, Tensor? alpha)
    {
        _discriminatorOptimizer.ZeroGrad();
        bool probabilities = _gan.Discriminator.OutputsProbability;
        var (realScores, realLogits) = Judge(real, realLabels);
        var fakeScores = _discriminator.forward(fake, fakeLabels);
        var loss = TorchLosses.Discriminator(_config.Loss, realScores, fakeScores, probabilities, _config.LabelSmoothing);
        if (realLogits is not null) loss = loss + TorchLosses.ClassHeadDiscriminator(realLogits, Required(realLabels, "real"));
        float penalty = 0f;
        Tensor Critic(Tensor x) => _discriminator.forward(x, realLabels);
        if (_config.GradientPenaltyWeight > 0f)
        {
            if (alpha is null) throw new ArgumentException("The gradient penalty is on but the batch brings no α; the session draws one per sample.", nameof(alpha));
            var gp = TorchLosses.GradientPenalty(Critic, real, fake, alpha) * _config.GradientPenaltyWeight;
            penalty += gp.item<float>();
            loss = loss + gp;
        }
        if (_config.R1Weight > 0f)
        {
            var r1 = TorchLosses.R1(Critic, real) * (_config.R1Weight / 2f);
            penalty += r1.item<float>();
            loss = loss + r1;
        }
        float lossValue = loss.item<float>();
        double norm = double.NaN;
        if (float.IsFinite(lossValue))
        {
            loss.backward();
            norm = GradNorm(_discriminatorOptimizer.Parameters);
        }
        var outcome = new DiscriminatorOutcome(lossValue, penalty, MeanScore(realScores, probabilities), MeanScore(fakeScores, probabilities), norm);
        if (outcome.IsFinite) _discriminatorOptimizer.Step();
        return outcome;
    }

    /// <summary>G's update through D with D's parameters frozen, so D neither accumulates gradients nor changes.</summary>
    private GeneratorOutcome UpdateGenerator(Tensor fake, Tensor? fakeLabels)
    {
        _generatorOptimizer.ZeroGrad();
        var frozen = _discriminatorOptimizer.Parameters;
        foreach (var p in frozen) p.requires_grad_(false);
        float lossValue;
        try
        {
            var (scores, logits) = Judge(fake, fakeLabels);
            var loss = TorchLosses.Generator(_config.Loss, scores, _gan.Discriminator.OutputsProbability);
            if (logits is not null) loss = loss + TorchLosses.ClassHeadGenerator(logits, Required(fakeLabels, "fake"));
            lossValue = loss.item<float>();
            if (!float.IsFinite(lossValue)) return new GeneratorOutcome(lossValue, double.NaN);
            loss.backward();
        }
        finally
        {
            foreach (var p in frozen) p.requires_grad_(true);
        }
        var outcome = new GeneratorOutcome(lossValue, GradNorm(_generatorOptimizer.Parameters));
        if (outcome.IsFinite) _generatorOptimizer.Step();
        return outcome;
    }

    /// <summary>The mean score as the logs report it, by the managed rule (<see cref="GanLosses.MeanScore"/>).</summary>
    private float MeanScore(Tensor scores, bool probabilities) =>
        GanLosses.MeanScore(_config.Loss, TorchTensors.ToManaged(scores), probabilities);

    /// <summary>The L2 norm of all gradients together, each parameter's norm taken on the device and one value read back.</summary>
    private static double GradNorm(IReadOnlyList<Parameter> parameters)
    {
        var norms = new List<Tensor>(parameters.Count);
        foreach (var p in parameters)
            if (p.grad is { } g) norms.Add(torch.linalg.vector_norm(g).to(ScalarType.Float64));
        return norms.Count == 0 ? 0 : torch.linalg.vector_norm(torch.stack(norms)).item<double>();
    }

    /// <summary>A progressive pair's stage and fade-in α, set by the session on the managed nets, mirrored into the torch nets.</summary>
    private void FollowProgress()
    {
        if (_generator is TorchProgressiveNet g && _gan.Generator is ProgressiveGenerator mg) g.SetProgress(mg.Stage, mg.Alpha);
        if (_discriminator is TorchProgressiveNet d && _gan.Discriminator is ProgressiveDiscriminator md) d.SetProgress(md.Stage, md.Alpha);
    }

    /// <summary>D's scores and, for a discriminator with a class head, its class logits (null otherwise).</summary>
    private (Tensor Scores, Tensor? ClassLogits) Judge(Tensor x, Tensor? labels) =>
        _discriminator.ClassifiesSamples ? _discriminator.ScoreAndClassify(x, labels) : (_discriminator.forward(x, labels), null);

    private static Tensor Required(Tensor? labels, string batch) => labels ?? throw new ArgumentException(
        $"The discriminator has a class head but the {batch} batch brings no labels; train it on a labelled dataset.", nameof(labels));

    private Tensor? Labels(int[]? labels) => labels is null ? null : TorchTensors.Labels(labels, _device);

    private void EnsureInStep()
    {
        if (_scope is null) throw new InvalidOperationException("Begin a step with BeginStep before its discriminator and generator updates.");
    }

    /// <summary>The torch net's parameters in the managed net's parameter order (the optimizer state's index order).</summary>
    private static List<(string Name, Parameter Value)> InManagedOrder(Module managed, TorchNet torchNet)
    {
        var byName = torchNet.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        return managed.NamedParameters().Select(p => (p.Name, byName[p.Name])).ToList();
    }
}
