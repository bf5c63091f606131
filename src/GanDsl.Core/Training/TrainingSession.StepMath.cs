using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Training;

// A step's tensor math: the batches, the discriminator and generator updates and the generator average. This is the part an
// engine does its own way; the bookkeeping around it (TrainingProgress, RunStep) and the loop (Adversarial) do not change.
public sealed partial class TrainingSession
{
    /// <summary>
    /// CriticSteps discriminator updates, each on the next real batch of the epoch's order and a detached fake batch, then
    /// one generator update through D on the last fake batch (the only one drawn with a graph), then the generator average.
    /// </summary>
    private (DiscriminatorOutcome D, GeneratorOutcome G) UpdateNetworks()
    {
        DiscriminatorOutcome d = default;
        GeneratorOutcome g;
        using (BufferScope.Begin())
        {
            Tensor fake = null!;
            for (int k = 0; k < Config.CriticSteps; k++)
            {
                LoadRealBatch(Progress.StepInEpoch * Config.CriticSteps + k);
                bool last = k == Config.CriticSteps - 1;
                fake = MakeFake(withGraph: last);
                d = DiscriminatorStep(_real, RealLabels, fake.Detach(), FakeLabels);
            }
            g = GeneratorStep(fake, FakeLabels);
        }
        Ema?.Update();
        return (d, g);
    }

    internal int[]? FakeLabels => G.Classes > 0 ? _fakeLabels : null;

    internal readonly record struct DiscriminatorOutcome(float Loss, float Penalty, float MeanReal, float MeanFake, double GradNorm);
    internal readonly record struct GeneratorOutcome(float Loss, double GradNorm);

    /// <summary>Copies batch <paramref name="batch"/> of the current epoch's order into the real-batch buffers.</summary>
    internal Tensor LoadRealBatch(int batch)
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
        return _real;
    }

    internal int[]? RealLabels => G.Classes > 0 ? _realLabels : null;

    /// <summary>Draws latent noise (and labels) and runs G; with <paramref name="withGraph"/> the result can be differentiated into G.</summary>
    internal Tensor MakeFake(bool withGraph)
    {
        _noise.FillNormal(_z.Data);
        if (G.Classes > 0)
            for (int i = 0; i < _fakeLabels.Length; i++) _fakeLabels[i] = _noise.NextInt(G.Classes);
        using var mode = GradMode.Set(withGraph && GradMode.IsEnabled);
        return G.Generate(_z, FakeLabels);
    }

    /// <summary>One discriminator update on a real batch and a detached fake batch; G is not touched.</summary>
    internal DiscriminatorOutcome DiscriminatorStep(Tensor real, int[]? realLabels, Tensor fake, int[]? fakeLabels)
    {
        DiscriminatorOptimizer.ZeroGrad();
        bool prob = D.OutputsProbability;
        var realScores = D.Score(real, realLabels);
        var fakeScores = D.Score(fake, fakeLabels);
        var loss = GanLosses.Discriminator(Config.Loss, realScores, fakeScores, prob, Config.LabelSmoothing);
        float penalty = 0f;
        if (Config.GradientPenaltyWeight > 0f)
        {
            var gp = Ops.Scale(Penalties.GradientPenalty(x => D.Score(x, realLabels), real, fake, _noise), Config.GradientPenaltyWeight);
            penalty += gp.Item();
            loss = Ops.Add(loss, gp);
        }
        if (Config.R1Weight > 0f)
        {
            var r1 = Ops.Scale(Penalties.R1(x => D.Score(x, realLabels), real), Config.R1Weight / 2f);
            penalty += r1.Item();
            loss = Ops.Add(loss, r1);
        }
        float lossValue = loss.Item();
        Finite("discriminator loss", lossValue);
        Engine.Backward(loss);
        double norm = GradNorm(DiscriminatorOptimizer.Parameters);
        Finite("discriminator gradient norm", (float)norm);
        DiscriminatorOptimizer.Step();
        return new DiscriminatorOutcome(lossValue, penalty,
            GanLosses.MeanScore(Config.Loss, realScores, prob), GanLosses.MeanScore(Config.Loss, fakeScores, prob), norm);
    }

    /// <summary>One generator update through D with D's parameters frozen, so D neither accumulates gradients nor changes.</summary>
    internal GeneratorOutcome GeneratorStep(Tensor fake, int[]? fakeLabels)
    {
        GeneratorOptimizer.ZeroGrad();
        var frozen = DiscriminatorOptimizer.Parameters;
        foreach (var p in frozen) p.RequiresGrad = false;
        float lossValue;
        try
        {
            var loss = GanLosses.Generator(Config.Loss, D.Score(fake, fakeLabels), D.OutputsProbability);
            lossValue = loss.Item();
            Finite("generator loss", lossValue);
            Engine.Backward(loss);
        }
        finally
        {
            foreach (var p in frozen) p.RequiresGrad = true;
        }
        double norm = GradNorm(GeneratorOptimizer.Parameters);
        Finite("generator gradient norm", (float)norm);
        GeneratorOptimizer.Step();
        return new GeneratorOutcome(lossValue, norm);
    }

    private void Finite(string quantity, float value)
    {
        if (!float.IsFinite(value)) throw new TrainingDivergedException(Progress.Step + 1, quantity, value);
    }

    private static double GradNorm(IReadOnlyList<Tensor> parameters)
    {
        double sum = 0;
        foreach (var p in parameters)
            if (p.Grad is { } g)
                foreach (var v in g.Data) sum += (double)v * v;
        return Math.Sqrt(sum);
    }
}
