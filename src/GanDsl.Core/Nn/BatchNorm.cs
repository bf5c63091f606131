using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// Batch normalisation over channel axis 1 with affine weight/bias and running statistics
/// (momentum 0.1, eps 1e-5, unbiased running variance), as torch.nn.BatchNorm1d/2d.
/// </summary>
public abstract class BatchNorm : Module
{
    /// <param name="layer">The kind as a spec (<c>LayerSpec.BatchNorm2d()</c>): its name and its argument rules.</param>
    protected BatchNorm(LayerSpec layer, int numFeatures, int inputRank)
    {
        LayerValidation.Require(layer, numFeatures);
        (LayerName, NumFeatures, _inputRank) = (layer.TypeName, numFeatures, inputRank);
        Weight = RegisterParameter("weight", Tensor.Full(1f, numFeatures));
        Bias = RegisterParameter("bias", Tensor.Zeros(numFeatures));
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
        RunningVar = RegisterBuffer("running_var", Tensor.Full(1f, numFeatures));
        NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros());
    }

    private readonly int _inputRank;
    public string LayerName { get; }
    public int NumFeatures { get; }
    public Tensor Weight { get; }
    public Tensor Bias { get; }
    public Tensor RunningMean { get; }
    public Tensor RunningVar { get; }

    /// <summary>A scalar count (PyTorch stores it as int64; checkpoints convert it).</summary>
    public Tensor NumBatchesTracked { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != _inputRank && !(_inputRank == 2 && input.Rank == 3))
            throw new ArgumentException($"{LayerName}({NumFeatures}) needs a {(_inputRank == 2 ? "[N, C] or [N, C, L]" : "[N, C, H, W]")} input but receives {input.Shape}.");
        if (Training) NumBatchesTracked.Data[0] += 1;
        return Ops.BatchNorm(input, Weight, Bias, RunningMean, RunningVar, Training);
    }

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng, mean: 1f);
        else
        {
            Array.Fill(Weight.Data, 1f);
            Array.Clear(Bias.Data);
        }
        Array.Clear(RunningMean.Data);
        Array.Fill(RunningVar.Data, 1f);
        NumBatchesTracked.Data[0] = 0;
    }
}

/// <summary>Batch norm over [N, C] (or [N, C, L]) input.</summary>
public sealed class BatchNorm1d(int numFeatures) : BatchNorm(LayerSpec.BatchNorm1d(), numFeatures, 2);

/// <summary>Batch norm over [N, C, H, W] input.</summary>
public sealed class BatchNorm2d(int numFeatures) : BatchNorm(LayerSpec.BatchNorm2d(), numFeatures, 4);
