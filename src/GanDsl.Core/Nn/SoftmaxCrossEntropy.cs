using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// Softmax and multi-class cross-entropy on logits [N, K] (torch.nn.functional.cross_entropy with mean reduction).
/// The evaluation's domain classifier trains with it, and an auxiliary-classifier discriminator's class head adds it to the GAN
/// losses.
/// </summary>
internal static class SoftmaxCrossEntropy
{
    /// <summary>Row-wise softmax, shifted by each row's maximum so exp never overflows.</summary>
    public static float[] Softmax(ReadOnlySpan<float> logits, int classes)
    {
        var result = new float[logits.Length];
        SoftmaxInto(logits, result, classes);
        return result;
    }

    /// <summary>mean over rows of logsumexp(z) − z[label]; the gradient is (softmax − onehot) / N.</summary>
    public static Tensor Loss(Tensor logits, ReadOnlySpan<int> labels)
    {
        if (logits.Rank != 2 || logits.Shape[0] != labels.Length)
            throw new ArgumentException($"Cross-entropy needs logits [N, K] with one label per row but got {logits.Shape} and {labels.Length} labels.");
        int n = labels.Length, classes = logits.Shape[1];
        // softmax − onehot, the gradient's shape, is made here so the backward needs neither the labels nor a copy of them;
        // its buffer comes from the step's pool, as a training step allocates next to nothing.
        var softmaxMinusOneHot = Tensor.Pooled(logits.Shape, clear: false);
        var p = softmaxMinusOneHot.Data;
        SoftmaxInto(logits.Data, p, classes);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {labels[i]} is outside [0, {classes}); the logits have {classes} classes.");
            sum -= Math.Log(Math.Max(p[i * classes + labels[i]], 1e-30));
            p[i * classes + labels[i]] -= 1f;
        }
        var loss = Tensor.Scalar((float)(sum / n));
        return Recorder.Record(loss, "cross_entropy", logits, g =>
        {
            var grad = Tensor.Pooled(logits.Shape, clear: false);
            float scale = g.Item() / n;
            for (int i = 0; i < grad.Size; i++) grad.Data[i] = p[i] * scale;
            return grad;
        });
    }

    private static void SoftmaxInto(ReadOnlySpan<float> logits, Span<float> result, int classes)
    {
        for (int row = 0; row < logits.Length / classes; row++)
        {
            var z = logits.Slice(row * classes, classes);
            var p = result.Slice(row * classes, classes);
            float max = float.NegativeInfinity;
            foreach (float v in z) max = MathF.Max(max, v);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += p[k] = MathF.Exp(z[k] - max);
            float inv = (float)(1 / sum);
            for (int k = 0; k < classes; k++) p[k] *= inv;
        }
    }
}
