using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Cli.Bench;

/// <summary>
/// What the bench's step reads, for any image pair: a fixed "real" batch, uniform in [-1, 1) in the discriminator's input
/// shape (with fixed class labels when the pair is conditional), and the noise and labels to generate, drawn afresh each step
/// as the peer scripts draw theirs. Buffers are made once, so drawing allocates nothing.
/// </summary>
internal sealed class BenchInputs
{
    private readonly Rng _rng;
    private readonly int _classes;

    public BenchInputs(IGan pair, int batch, Rng rng)
    {
        _rng = rng;
        _classes = pair.Generator.Classes;
        Real = new Tensor(new Shape([batch, .. pair.Discriminator.InputShape]));
        rng.FillUniform(Real.Data, -1f, 1f);
        Noise = new Tensor(new Shape(batch, pair.Generator.LatentDim));
        if (_classes > 0)
        {
            RealLabels = new int[batch];
            FakeLabels = new int[batch];
            DrawLabels(RealLabels);
        }
    }

    /// <summary>The real batch [batch, …D's input shape].</summary>
    public Tensor Real { get; }

    /// <summary>The real batch's labels, drawn once; null for an unconditional pair.</summary>
    public int[]? RealLabels { get; }

    /// <summary>Standard normal noise [batch, latent], redrawn by <see cref="Draw"/>.</summary>
    public Tensor Noise { get; }

    /// <summary>The labels to generate, redrawn by <see cref="Draw"/>; null for an unconditional pair.</summary>
    public int[]? FakeLabels { get; }

    /// <summary>Draws the step's noise and, for a conditional pair, the labels of its fake batch.</summary>
    public void Draw()
    {
        _rng.FillNormal(Noise.Data);
        if (FakeLabels is not null) DrawLabels(FakeLabels);
    }

    private void DrawLabels(int[] labels)
    {
        for (int i = 0; i < labels.Length; i++) labels[i] = _rng.NextInt(_classes);
    }
}
