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
        for (int row = 0; row < logits.Length / classes; row++)
        {
            var z = logits.Slice(row * classes, classes);
            var p = result.AsSpan(row * classes, classes);
            float max = float.NegativeInfinity;
            foreach (float v in z) max = MathF.Max(max, v);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += p[k] = MathF.Exp(z[k] - max);
            float inv = (float)(1 / sum);
            for (int k = 0; k < classes; k++) p[k] *= inv;
        }
        return result;
    }

    /// <summary>mean over rows of logsumexp(z) − z[label]; the gradient is (softmax − onehot) / N.</summary>
    public static Tensor Loss(Tensor logits, ReadOnlySpan<int> labels)
    {
        if (logits.Rank != 2 || logits.Shape[0] != labels.Length)
            throw new ArgumentException($"Cross-entropy needs logits [N, K] with one label per row but got {logits.Shape} and {labels.Length} labels.");
        int n = labels.Length, classes = logits.Shape[1];
        var probabilities = Softmax(logits.Data, classes);
        var target = labels.ToArray();
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if ((uint)target[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {target[i]} is outside [0, {classes}); the logits have {classes} classes.");
            sum -= Math.Log(Math.Max(probabilities[i * classes + target[i]], 1e-30));
        }
        var loss = Tensor.Scalar((float)(sum / n));
        return Recorder.Record(loss, "cross_entropy", logits, g =>
        {
            var grad = new Tensor(logits.Shape, (float[])probabilities.Clone());
            for (int i = 0; i < n; i++) grad.Data[i * classes + target[i]] -= 1f;
            float scale = g.Item() / n;
            for (int i = 0; i < grad.Size; i++) grad.Data[i] *= scale;
            return grad;
        });
    }
}
