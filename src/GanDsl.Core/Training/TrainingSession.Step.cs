using GanDsl.Tensors;
using GanDsl.Training.Engines;

namespace GanDsl.Training;

// A step's orchestration, the same for every engine: the real batches in the epoch's order, the noise, labels and α drawn
// from the run's Rng in a fixed order (z, then the fake labels, then α, for each discriminator update), the engine's updates,
// the divergence checks, and the count in TrainingProgress.
public sealed partial class TrainingSession
{
    /// <summary>The numbers of one step, before timing is added.</summary>
    /// <param name="Step">Steps completed in the run, this one included.</param>
    /// <param name="Epoch">The 1-based epoch this step belongs to.</param>
    /// <param name="DiscriminatorLoss">D's loss in the step's last discriminator update, penalties included.</param>
    /// <param name="GeneratorLoss">G's loss.</param>
    /// <param name="MeanReal">Mean D(x) on the last real batch.</param>
    /// <param name="MeanFake">Mean D(G(z)) on the last fake batch, in D's update.</param>
    /// <param name="Penalty">The weighted gradient penalty and R1 terms in <paramref name="DiscriminatorLoss"/>.</param>
    /// <param name="DiscriminatorGradNorm">The L2 norm of D's parameter gradients before its last update.</param>
    /// <param name="GeneratorGradNorm">The L2 norm of G's parameter gradients before its update.</param>
    /// <param name="FinishedEpoch">The epoch's mean losses when this step completed it; null while the epoch goes on.</param>
    public readonly record struct StepOutcome(
        long Step, int Epoch, float DiscriminatorLoss, float GeneratorLoss, float MeanReal, float MeanFake, float Penalty,
        double DiscriminatorGradNorm, double GeneratorGradNorm, EpochLosses? FinishedEpoch)
    {
        /// <summary>True when this step completed its epoch.</summary>
        public bool EpochEnded => FinishedEpoch is not null;
    }

    /// <summary>One full step. Throws <see cref="TrainingDivergedException"/> before any update that a NaN/Inf would poison.</summary>
    public StepOutcome RunStep()
    {
        if (Progress.Finished)
            throw new InvalidOperationException($"The run is finished at step {Progress.Step}; raise Epochs or MaxSteps to train further.");
        Gan.OnStep(Progress.Step); // e.g. a growing GAN's stage and fade-in α, a function of the step
        int epoch = Progress.CurrentEpoch;
        DiscriminatorOutcome d = default;
        GeneratorOutcome g;
        Engine.BeginStep();
        try
        {
            for (int k = 0; k < Config.CriticSteps; k++)
            {
                d = Engine.DiscriminatorStep(NextBatch(Progress.StepInEpoch * Config.CriticSteps + k, keepFake: k == Config.CriticSteps - 1));
                Finite("discriminator loss", d.Loss);
                Finite("discriminator gradient norm", (float)d.GradNorm);
            }
            g = Engine.GeneratorStep();
            Finite("generator loss", g.Loss);
            Finite("generator gradient norm", (float)g.GradNorm);
        }
        finally
        {
            Engine.EndStep();
        }
        var finishedEpoch = Progress.Count(d.Loss, g.Loss);
        return new StepOutcome(Progress.Step, epoch, d.Loss, g.Loss, d.MeanReal, d.MeanFake, d.Penalty, d.GradNorm, g.GradNorm, finishedEpoch);
    }

    internal int[]? RealLabels => G.Classes > 0 ? _realLabels : null;
    internal int[]? FakeLabels => G.Classes > 0 ? _fakeLabels : null;

    /// <summary>Batch <paramref name="batch"/> of the epoch's order with freshly drawn fake inputs, in the reused buffers.</summary>
    internal DiscriminatorBatch NextBatch(int batch, bool keepFake)
    {
        LoadRealBatch(batch);
        DrawFakeInputs();
        return new DiscriminatorBatch(_real, RealLabels, _z, FakeLabels, _penaltyAlpha, keepFake);
    }

    /// <summary>Copies batch <paramref name="batch"/> of the current epoch's order into the real-batch buffers.</summary>
    private void LoadRealBatch(int batch)
    {
        int epoch = Progress.CompletedEpochs;
        if (_orderEpoch != epoch)
        {
            // Each epoch's order is a function of the seed and the epoch alone, so resuming needs no shuffle state.
            _order = Enumerable.Range(0, Data.Count).ToArray();
            new Rng(DerivedSeed(Config.Seed, 1000 + (ulong)epoch)).Shuffle(_order);
            _orderEpoch = epoch;
        }
        int b = Config.BatchSize;
        _order.AsSpan(batch * b, b).CopyTo(_batchIndices);
        Data.CopyBatch(_batchIndices, _real.Data, _realLabels);
        Config.Normalization?.Normalize(_real.Data);
    }

    /// <summary>Draws one discriminator update's latent noise, then its fake labels, then its gradient-penalty α.</summary>
    private void DrawFakeInputs()
    {
        _noise.FillNormal(_z.Data);
        if (G.Classes > 0)
            for (int i = 0; i < _fakeLabels.Length; i++) _fakeLabels[i] = _noise.NextInt(G.Classes);
        if (_penaltyAlpha is not null)
            for (int i = 0; i < _penaltyAlpha.Length; i++) _penaltyAlpha[i] = _noise.NextFloat();
    }

    private void Finite(string quantity, float value)
    {
        if (!float.IsFinite(value)) throw new TrainingDivergedException(Progress.Step + 1, quantity, value);
    }
}
