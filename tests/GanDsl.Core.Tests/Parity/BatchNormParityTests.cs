using GanDsl.Autograd;
using GanDsl.Nn;

namespace GanDsl.Core.Tests.Parity;

/// <summary>batch_norm in train mode (output, running statistics, gradients) and in eval mode, on [N, C] and [N, C, H, W].</summary>
public class BatchNormParityTests
{
    [Theory]
    [InlineData("batch_norm_1d_train", false)]
    [InlineData("batch_norm_1d_train", true)]
    [InlineData("batch_norm_1d_ncl_train", false)]
    [InlineData("batch_norm_1d_ncl_train", true)]
    [InlineData("batch_norm_2d_train", false)]
    [InlineData("batch_norm_2d_train", true)]
    public void Training_mode_matches_pytorch(string name, bool createGraph)
    {
        // createGraph takes the composite (double-differentiable) backward; both paths must agree with PyTorch.
        var c = ParityData.Case(name);
        var x = c.Tensor("x").RequireGrad();
        var gamma = c.Tensor("weight").RequireGrad();
        var beta = c.Tensor("bias").RequireGrad();
        var runningMean = c.Tensor("running_mean");
        var runningVar = c.Tensor("running_var");
        var y = Ops.BatchNorm(x, gamma, beta, runningMean, runningVar, training: true, c.Float("momentum"), c.Float("eps"));
        ParityAssert.Close(c, "out", y);
        ParityAssert.Close(c, "running_mean_after", runningMean);
        ParityAssert.Close(c, "running_var_after", runningVar);

        var grads = Engine.Grad(y, new[] { x, gamma, beta }, createGraph, c.Tensor("grad_out"));
        ParityAssert.Close(c, "grad_x", grads[0]);
        ParityAssert.Close(c, "grad_weight", grads[1]);
        ParityAssert.Close(c, "grad_bias", grads[2]);
    }

    [Theory]
    [InlineData("batch_norm_1d_eval")]
    [InlineData("batch_norm_1d_ncl_eval")]
    [InlineData("batch_norm_2d_eval")]
    public void Eval_mode_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        var runningMean = c.Tensor("running_mean");
        var runningVar = c.Tensor("running_var");
        var y = Ops.BatchNorm(c.Tensor("x"), c.Tensor("weight"), c.Tensor("bias"), runningMean, runningVar,
            training: false, eps: c.Float("eps"));
        ParityAssert.Close(c, "out", y);
        ParityAssert.Close(c, "running_mean", runningMean); // eval mode leaves the statistics alone
        ParityAssert.Close(c, "running_var", runningVar);
    }

    [Theory]
    [InlineData("batch_norm_1d_train")]
    [InlineData("batch_norm_1d_ncl_train")]
    [InlineData("batch_norm_2d_train")]
    public void BatchNorm_layer_in_training_mode_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        var x = c.Tensor("x");
        BatchNorm layer = x.Rank == 4 ? new BatchNorm2d(x.Shape[1]) : new BatchNorm1d(x.Shape[1]);
        Array.Copy(c.Tensor("weight").Data, layer.Weight!.Data, layer.NumFeatures);
        Array.Copy(c.Tensor("bias").Data, layer.Bias!.Data, layer.NumFeatures);
        Array.Copy(c.Tensor("running_mean").Data, layer.RunningMean.Data, layer.NumFeatures);
        Array.Copy(c.Tensor("running_var").Data, layer.RunningVar.Data, layer.NumFeatures);
        ParityAssert.Close(c, "out", layer.Forward(x));
        ParityAssert.Close(c, "running_mean_after", layer.RunningMean);
        ParityAssert.Close(c, "running_var_after", layer.RunningVar);
    }
}
