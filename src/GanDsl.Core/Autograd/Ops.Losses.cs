using GanDsl.Tensors;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// Binary cross-entropy on probabilities, mean over elements. Each log term is clamped at −100 as PyTorch does,
    /// so a probability of exactly 0 or 1 gives a finite loss.
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor probability, Tensor target)
    {
        CheckSameShape("binary_cross_entropy", probability, target);
        double sum = 0;
        var p = probability.Data;
        var t = target.Data;
        for (int i = 0; i < p.Length; i++)
        {
            float logP = MathF.Max(MathF.Log(p[i]), -100f);
            float log1mP = MathF.Max(MathF.Log(1f - p[i]), -100f);
            sum += -(t[i] * logP + (1f - t[i]) * log1mP);
        }
        var loss = Tensor.Scalar((float)(sum / p.Length));
        float invN = 1f / p.Length;
        return Recorder.Record(loss, "binary_cross_entropy", probability, g =>
        {
            // PyTorch's gradient: (p − t) / max(p(1 − p), 1e-12).
            var denominator = ClampMin(Mul(probability, RSub(1f, probability)), 1e-12f);
            return Mul(Expand(Scale(g, invN), probability.Shape), Div(Sub(probability, target.Detach()), denominator));
        });
    }

    /// <summary>
    /// Binary cross-entropy on logits, mean over elements, in the stable form max(x, 0) − x·t + log(1 + e^−|x|).
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target)
    {
        CheckSameShape("binary_cross_entropy_with_logits", logits, target);
        double sum = 0;
        var x = logits.Data;
        var t = target.Data;
        for (int i = 0; i < x.Length; i++)
            sum += MathF.Max(x[i], 0f) - x[i] * t[i] + MathF.Log(1f + MathF.Exp(-MathF.Abs(x[i])));
        var loss = Tensor.Scalar((float)(sum / x.Length));
        float invN = 1f / x.Length;
        return Recorder.Record(loss, "binary_cross_entropy_with_logits", logits, g =>
            Mul(Expand(Scale(g, invN), logits.Shape), Sub(Sigmoid(logits), target.Detach())));
    }

    /// <summary>Mean squared error, mean over elements.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target)
    {
        CheckSameShape("mse_loss", input, target);
        var diff = Sub(input, target);
        return Mean(Mul(diff, diff));
    }

    private static void CheckSameShape(string op, Tensor input, Tensor target)
    {
        if (input.Shape != target.Shape)
            throw new ArgumentException($"{op}: the input has shape {input.Shape} but the target has shape {target.Shape}; they must match.");
    }
}
