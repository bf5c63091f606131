using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>The losses (mean reduction) and their input gradients, including PyTorch's −100 log clamp and large logits, and
/// the class head's softmax cross-entropy.</summary>
public class LossParityTests
{
    [Fact]
    public void BinaryCrossEntropy_with_probabilities_of_exactly_0_and_1_matches_pytorch() =>
        Check(ParityData.Case("binary_cross_entropy"), Ops.BinaryCrossEntropy);

    [Fact]
    public void BinaryCrossEntropyWithLogits_with_large_logits_matches_pytorch() =>
        Check(ParityData.Case("binary_cross_entropy_with_logits"), Ops.BinaryCrossEntropyWithLogits);

    [Fact]
    public void MseLoss_matches_pytorch() => Check(ParityData.Case("mse_loss"), Ops.MseLoss);

    [Fact]
    public void Softmax_cross_entropy_with_far_apart_and_tied_logits_matches_pytorch() =>
        Check(ParityData.Case("cross_entropy"), (logits, target) => GanDsl.Nn.SoftmaxCrossEntropy.Loss(logits, target.Data.Select(v => (int)v).ToArray()));

    private static void Check(ParityCase c, Func<Tensor, Tensor, Tensor> loss)
    {
        var input = c.Tensor("input").RequireGrad();
        var value = loss(input, c.Tensor("target"));
        ParityAssert.Close(c, "out", value);
        ParityAssert.Close(c, "grad_input", Engine.Grad(value, new[] { input })[0]);
    }
}
