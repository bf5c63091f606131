using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// Batch normalisation over channel axis 1 with running statistics (momentum 0.1, eps 1e-5, unbiased running variance) and,
/// when affine (the default), a weight and bias per channel, as torch.nn.BatchNorm1d/2d.
/// </summary>
public abstract class BatchNorm : Module
{
    /// <param name="layer">The kind as a spec (<c>LayerSpec.BatchNorm2d()</c>): its name, its affine option and its argument rules.</param>
    protected BatchNorm(LayerSpec layer, int numFeatures, int inputRank)
    {
        LayerValidation.Require(layer, numFeatures);
        (LayerName, NumFeatures, _inputRank) = (layer.TypeName, numFeatures, inputRank);
        if (layer.Get<bool>("affine"))
        {
            Weight = RegisterParameter("weight", Tensor.Full(1f, numFeatures));
            Bias = RegisterParameter("bias", Tensor.Zeros(numFeatures));
        }
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
        RunningVar = RegisterBuffer("running_var", Tensor.Full(1f, numFeatures));
        NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros());
    }

    private readonly int _inputRank;
    public string LayerName { get; }
    public int NumFeatures { get; }

    /// <summary>The per-channel weight, or null when the layer is not affine.</summary>
    public Tensor? Weight { get; }

    /// <summary>The per-channel bias, or null when the layer is not affine.</summary>
    public Tensor? Bias { get; }

    public Tensor RunningMean { get; }
    public Tensor RunningVar { get; }

    /// <summary>A scalar count (PyTorch stores it as int64; checkpoints convert it).</summary>
    public Tensor NumBatchesTracked { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != _inputRank && !(_inputRank == 2 && input.Rank == 3))
            throw new ArgumentException($"{LayerName}({NumFeatures}) needs a {(_inputRank == 2 ? "[N, C] or [N, C, L]" : "[N, C, H, W]")} input but receives {input.Shape}.");
        if (Training) NumBatchesTracked.Data[0] += 1;
        // Without affine the normalisation is scaled by constant ones and shifted by zeros, which carry no gradient.
        return Ops.BatchNorm(input, Weight ?? Tensor.Full(1f, NumFeatures), Bias ?? Tensor.Zeros(NumFeatures), RunningMean, RunningVar, Training);
    }

    protected override void ResetParameters(Init scheme, Rng rng)
    {
        if (Weight is not null && Bias is not null)
        {
            if (scheme == Init.Dcgan) Initializers.Dcgan(Weight, Bias, rng, mean: 1f);
            else
            {
                Array.Fill(Weight.Data, 1f);
                Array.Clear(Bias.Data);
            }
        }
        Array.Clear(RunningMean.Data);
        Array.Fill(RunningVar.Data, 1f);
        NumBatchesTracked.Data[0] = 0;
    }
}

/// <summary>Batch norm over [N, C] (or [N, C, L]) input.</summary>
public sealed class BatchNorm1d(int numFeatures, bool affine = BatchNorm1dLayer.DefaultAffine) : BatchNorm(LayerSpec.BatchNorm1d(affine), numFeatures, 2);

/// <summary>Batch norm over [N, C, H, W] input.</summary>
public sealed class BatchNorm2d(int numFeatures, bool affine = BatchNorm1dLayer.DefaultAffine) : BatchNorm(LayerSpec.BatchNorm2d(affine), numFeatures, 4);
