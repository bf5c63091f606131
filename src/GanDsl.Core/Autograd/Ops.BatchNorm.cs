using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

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
        CheckBatchNorm(x, gamma, beta, runningMean, runningVar);
        var statShape = ChannelShape(x.Shape);
        if (!training)
        {
            var scale = Div(Reshape(gamma, statShape), Constant(runningVar, v => MathF.Sqrt(v + eps)).Reshaped(statShape));
            var shift = Sub(Reshape(beta, statShape), Mul(Reshape(runningMean.Detach(), statShape), scale));
            return Add(Mul(x, scale), shift);
        }

        var (y, mean, invStd) = BatchNormTraining(x, gamma, beta, runningMean, runningVar, momentum, eps, leakySlope: null);
        return Recorder.Record(y, "batch_norm", new[] { x, gamma, beta }, g =>
        {
            if (GradMode.IsEnabled) // createGraph: differentiate the same computation written with recorded ops
                return Engine.Grad(BatchNormComposite(x, gamma, beta, eps), new[] { x, gamma, beta }, createGraph: true, gradOutput: g);
            return BatchNormBackward(x, gamma, g, mean, invStd);
        });
    }

    /// <summary>
    /// <c>LeakyRelu(BatchNorm(x, …), negativeSlope)</c> (slope 0: ReLU), in training fused: the activation is applied in the
    /// normalising pass and taken back inside the batch norm's backward passes, so neither direction makes a pass of its own
    /// over the activations. The same arithmetic in the same order as the two ops: the same bits. In evaluation, and for a
    /// negative slope, it is the two ops.
    /// </summary>
    public static Tensor BatchNormLeakyRelu(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
        bool training, float negativeSlope, float momentum = 0.1f, float eps = 1e-5f)
    {
        if (!training || !(negativeSlope >= 0))
            return LeakyRelu(BatchNorm(x, gamma, beta, runningMean, runningVar, training, momentum, eps), negativeSlope);
        CheckBatchNorm(x, gamma, beta, runningMean, runningVar);
        var (y, mean, invStd) = BatchNormTraining(x, gamma, beta, runningMean, runningVar, momentum, eps, negativeSlope);
        return Recorder.Record(y, negativeSlope == 0 ? "batch_norm_relu" : "batch_norm_leaky_relu", new[] { x, gamma, beta }, g =>
        {
            if (GradMode.IsEnabled)
                return Engine.Grad(LeakyRelu(BatchNormComposite(x, gamma, beta, eps), negativeSlope), new[] { x, gamma, beta },
                    createGraph: true, gradOutput: g);
            return BatchNormBackward(x, gamma, g, mean, invStd, beta, negativeSlope);
        });
    }

    // fusedBeta: the beta of a forward with a leaky ReLU of the slope fused in (the backward recomputes its input from x).
    private static Tensor?[] BatchNormBackward(Tensor x, Tensor gamma, Tensor g, float[] mean, float[] invStd,
        Tensor? fusedBeta = null, float slope = 0f)
    {
        var gx = x.RequiresGrad ? Tensor.Pooled(x.Shape, clear: false) : null;
        var gGamma = Tensor.Pooled(gamma.Shape, clear: false);
        var gBeta = Tensor.Pooled(gamma.Shape, clear: false);
        BatchNormKernel.Backward(x.Shape[0], x.Shape[1], x.Shape.Stride(1), x.Data, g.Data, gamma.Data, mean, invStd, gx?.Data, gGamma.Data, gBeta.Data,
            fusedBeta?.Data, slope);
        return new Tensor?[] { gx, gGamma, gBeta };
    }

    private static void CheckBatchNorm(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar)
    {
        if (x.Rank < 2) throw new ArgumentException($"batch_norm: needs an input [N, C, …] but got {x.Shape}.");
        int c = x.Shape[1];
        foreach (var (name, t) in new[] { ("weight", gamma), ("bias", beta), ("running_mean", runningMean), ("running_var", runningVar) })
            if (t.Rank != 1 || t.Shape[0] != c)
                throw new ArgumentException($"batch_norm: {name} {t.Shape} does not fit input {x.Shape}; it must be [{c}].");
    }

    // The training forward: the output and the per-channel statistics the backward needs, in pooled buffers that outlive
    // this call until the backward pass.
    private static (Tensor Y, float[] Mean, float[] InvStd) BatchNormTraining(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean,
        Tensor runningVar, float momentum, float eps, float? leakySlope)
    {
        int c = x.Shape[1], m = x.Size / c;
        if (m <= 1) throw new ArgumentException($"batch_norm: training needs more than one value per channel but input {x.Shape} has {m}.");
        var mean = BufferScope.Rent(c, clear: false);
        var invStd = BufferScope.Rent(c, clear: false);
        var y = Tensor.Pooled(x.Shape, clear: false);
        BatchNormKernel.Forward(x.Shape[0], c, x.Shape.Stride(1), x.Data, gamma.Data, beta.Data, eps, momentum,
            runningMean.Data, runningVar.Data, mean, invStd, y.Data, leakySlope);
        return (y, mean, invStd);
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
        return Shape.Owning(dims);
    }

    private static Tensor Reshaped(this Tensor t, Shape shape) => new(shape, t.Data);
}
