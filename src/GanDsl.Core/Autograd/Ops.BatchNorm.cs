using GanDsl.Tensors;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// Batch normalisation over the channel axis 1 of [N, C] or [N, C, …] input.
    /// Training: normalises with the batch statistics (biased variance) and updates the running statistics in place
    /// with PyTorch's rule (momentum 0.1, unbiased variance). Evaluation: normalises with the running statistics.
    /// </summary>
    public static Tensor BatchNorm(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
        bool training, float momentum = 0.1f, float eps = 1e-5f)
    {
        if (x.Rank < 2) throw new ArgumentException($"batch_norm: needs an input [N, C, …] but got {x.Shape}.");
        int c = x.Shape[1];
        foreach (var (name, t) in new[] { ("weight", gamma), ("bias", beta), ("running_mean", runningMean), ("running_var", runningVar) })
            if (t.Rank != 1 || t.Shape[0] != c)
                throw new ArgumentException($"batch_norm: {name} {t.Shape} does not fit input {x.Shape}; it must be [{c}].");
        var statShape = ChannelShape(x.Shape);
        if (!training)
        {
            var scale = Div(Reshape(gamma, statShape), Constant(runningVar, v => MathF.Sqrt(v + eps)).Reshaped(statShape));
            var shift = Sub(Reshape(beta, statShape), Mul(Reshape(runningMean.Detach(), statShape), scale));
            return Add(Mul(x, scale), shift);
        }

        int m = x.Size / c;
        if (m <= 1) throw new ArgumentException($"batch_norm: training needs more than one value per channel but input {x.Shape} has {m}.");
        var (mean, invStd) = ChannelStatistics(x, eps, runningMean, runningVar, momentum);
        var y = Tensor.Pooled(x.Shape);
        int inner = x.Shape.Stride(1);
        var xs = x.Data;
        var ys = y.Data;
        for (int i = 0; i < xs.Length; i++)
        {
            int ch = i / inner % c;
            ys[i] = (xs[i] - mean[ch]) * invStd[ch] * gamma.Data[ch] + beta.Data[ch];
        }
        return Recorder.Record(y, "batch_norm", new[] { x, gamma, beta }, g =>
        {
            if (GradMode.IsEnabled) // createGraph: differentiate the same computation written with recorded ops
                return Engine.Grad(BatchNormComposite(x, gamma, beta, eps), new[] { x, gamma, beta }, createGraph: true, gradOutput: g);
            return BatchNormBackward(x, gamma, g, mean, invStd);
        });
    }

    /// <summary>Per-channel mean and 1/√(var + eps) in double precision; updates the running statistics.</summary>
    private static (float[] Mean, float[] InvStd) ChannelStatistics(Tensor x, float eps, Tensor runningMean, Tensor runningVar, float momentum)
    {
        int c = x.Shape[1], inner = x.Shape.Stride(1), outer = x.Shape[0];
        int m = outer * inner;
        var mean = new float[c];
        var invStd = new float[c];
        for (int ch = 0; ch < c; ch++)
        {
            double sum = 0, sumSq = 0;
            for (int n = 0; n < outer; n++)
            {
                var row = x.Data.AsSpan((n * c + ch) * inner, inner);
                foreach (var v in row) sum += v;
            }
            double mu = sum / m;
            for (int n = 0; n < outer; n++)
            {
                var row = x.Data.AsSpan((n * c + ch) * inner, inner);
                foreach (var v in row) sumSq += (v - mu) * (v - mu);
            }
            double variance = sumSq / m;
            mean[ch] = (float)mu;
            invStd[ch] = (float)(1.0 / Math.Sqrt(variance + eps));
            runningMean.Data[ch] = (1 - momentum) * runningMean.Data[ch] + momentum * (float)mu;
            runningVar.Data[ch] = (1 - momentum) * runningVar.Data[ch] + momentum * (float)(sumSq / (m - 1));
        }
        return (mean, invStd);
    }

    private static Tensor?[] BatchNormBackward(Tensor x, Tensor gamma, Tensor g, float[] mean, float[] invStd)
    {
        int c = x.Shape[1], inner = x.Shape.Stride(1), outer = x.Shape[0];
        int m = outer * inner;
        var sumG = new double[c];
        var sumGXhat = new double[c];
        for (int n = 0; n < outer; n++)
            for (int ch = 0; ch < c; ch++)
            {
                int at = (n * c + ch) * inner;
                for (int i = 0; i < inner; i++)
                {
                    float xhat = (x.Data[at + i] - mean[ch]) * invStd[ch];
                    sumG[ch] += g.Data[at + i];
                    sumGXhat[ch] += g.Data[at + i] * xhat;
                }
            }
        var gx = Tensor.Pooled(x.Shape);
        for (int n = 0; n < outer; n++)
            for (int ch = 0; ch < c; ch++)
            {
                int at = (n * c + ch) * inner;
                float k = gamma.Data[ch] * invStd[ch] / m;
                for (int i = 0; i < inner; i++)
                {
                    float xhat = (x.Data[at + i] - mean[ch]) * invStd[ch];
                    gx.Data[at + i] = k * (float)(m * g.Data[at + i] - sumG[ch] - xhat * sumGXhat[ch]);
                }
            }
        var gGamma = Tensor.Pooled(gamma.Shape);
        var gBeta = Tensor.Pooled(gamma.Shape);
        for (int ch = 0; ch < c; ch++)
        {
            gGamma.Data[ch] = (float)sumGXhat[ch];
            gBeta.Data[ch] = (float)sumG[ch];
        }
        return new Tensor?[] { x.RequiresGrad ? gx : null, gGamma, gBeta };
    }

    /// <summary>Training-mode batch norm from primitive ops: slower, but differentiable to any order.</summary>
    private static Tensor BatchNormComposite(Tensor x, Tensor gamma, Tensor beta, float eps)
    {
        var statShape = ChannelShape(x.Shape);
        float invM = (float)statShape[1] / x.Size;
        var mean = Scale(SumTo(x, statShape), invM);
        var centered = Sub(x, mean);
        var variance = Scale(SumTo(Mul(centered, centered), statShape), invM);
        var invStd = Div(Tensor.Full(1f, statShape.ToArray()), Sqrt(AddScalar(variance, eps)));
        return Add(Mul(Mul(centered, invStd), Reshape(gamma, statShape)), Reshape(beta, statShape));
    }

    /// <summary>[1, C, 1, …] for an input [N, C, …].</summary>
    private static Shape ChannelShape(Shape input)
    {
        var dims = new int[input.Rank];
        Array.Fill(dims, 1);
        dims[1] = input[1];
        return new Shape(dims);
    }

    private static Tensor Reshaped(this Tensor t, Shape shape) => new(shape, t.Data);
}
