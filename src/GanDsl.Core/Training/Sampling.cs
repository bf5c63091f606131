using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>Samples from a trained generator in one call (write them as a picture with <c>GanDsl.Imaging.SampleGrid.Save</c>).</summary>
public static class Sampling
{
    private const int Batch = 256;

    /// <summary>
    /// <paramref name="count"/> samples [count, …OutputShape] from N(0, 1) noise drawn from <paramref name="seed"/>, with the
    /// generator in eval mode (batch norm's running statistics, no dropout) and no gradient recorded; its mode is put back
    /// afterwards. A conditional generator draws class <c>labels[i]</c> for sample i, or every class in turn (0, 1, …) when
    /// <paramref name="labels"/> is null. The same arguments give the same samples, bit for bit.
    /// <paramref name="generate"/>, when given, runs the generator on each batch of noise and labels in its place (the same
    /// weights on another engine, e.g. <c>GanDsl.TorchSharp.TorchSampler.Generate</c>): the same noise and labels go in.
    /// <paramref name="truncation"/>, when given, draws the noise from N(0, 1) truncated to ±truncation
    /// (<see cref="Rng.FillTruncatedNormal"/>): smaller bounds give more typical, less varied samples.
    /// </summary>
    public static Tensor Draw(GeneratorModule generator, int count, ulong seed = 0, int[]? labels = null, Func<Tensor, int[]?, Tensor>? generate = null,
        float? truncation = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        generate ??= generator.Generate;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        labels = CheckLabels(generator, count, labels);
        var rng = new Rng(seed);
        int perSample = generator.OutputShape.Aggregate(1, (a, b) => checked(a * b));
        var result = new Tensor(new Shape([count, .. generator.OutputShape]));
        bool wasTraining = generator.Training;
        generator.Eval();
        try
        {
            using var noGrad = GradMode.NoGrad();
            for (int start = 0; start < count; start += Batch)
            {
                int n = Math.Min(Batch, count - start);
                var z = new Tensor(new Shape(n, generator.LatentDim));
                if (truncation is { } bound) rng.FillTruncatedNormal(z.Data, bound);
                else rng.FillNormal(z.Data);
                using var buffers = BufferScope.Begin(); // the batch's intermediates are recycled; its output is copied out first
                var x = generate(z, labels?[start..(start + n)]);
                Array.Copy(x.Data, 0, result.Data, (long)start * perSample, (long)n * perSample);
            }
        }
        finally
        {
            generator.Train(wasTraining);
        }
        return result;
    }

    /// <summary>
    /// The labels to draw: those given, checked against the generator's classes, or every class in turn for a conditional
    /// generator given none; null for an unconditional one.
    /// </summary>
    private static int[]? CheckLabels(GeneratorModule generator, int count, int[]? labels)
    {
        int classes = generator.Classes;
        if (labels is null) return classes > 0 ? Enumerable.Range(0, count).Select(i => i % classes).ToArray() : null;
        if (classes == 0)
            throw new ArgumentException($"{generator.GetType().Name} is not conditional, so it takes no labels; pass labels: null.", nameof(labels));
        if (labels.Length != count)
            throw new ArgumentException($"{labels.Length} labels were given for {count} samples; give one label per sample.", nameof(labels));
        foreach (int label in labels)
            if (label < 0 || label >= classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"{generator.GetType().Name} draws classes 0 to {classes - 1}, so label {label} is out of range.");
        return labels;
    }
}
