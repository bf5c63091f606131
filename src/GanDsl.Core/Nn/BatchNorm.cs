using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// Batch normalisation over channel axis 1 with running statistics (momentum 0.1, eps 1e-5, unbiased running variance) and,
/// when affine (the default), a weight and bias per channel, as torch.nn.BatchNorm1d/2d.
/// </summary>
public abstract class BatchNorm : Module, IFusesActivation
{
    /// <param name="layer">The kind as a spec (<c>LayerSpec.BatchNorm2d()</c>): its name, its affine option and its argument rules.</param>
    /// <param name="numFeatures">The channels (features) normalised.</param>
    /// <param name="inputRank">The input's rank with the batch: 2 for BatchNorm1d (which also takes rank 3), 4 for BatchNorm2d.</param>
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
    /// <summary>PyTorch's class name (<c>BatchNorm1d</c> or <c>BatchNorm2d</c>), for messages.</summary>
    public string LayerName { get; }
    /// <summary>Number of channels (features) normalised.</summary>
    public int NumFeatures { get; }

    /// <summary>The per-channel weight, or null when the layer is not affine.</summary>
    public Tensor? Weight { get; }

    /// <summary>The per-channel bias, or null when the layer is not affine.</summary>
    public Tensor? Bias { get; }

    /// <summary>The per-channel mean used in eval mode, updated by every training forward (buffer <c>running_mean</c>).</summary>
    public Tensor RunningMean { get; }
    /// <summary>The per-channel variance used in eval mode, updated by every training forward (buffer <c>running_var</c>).</summary>
    public Tensor RunningVar { get; }

    /// <summary>A scalar count (PyTorch stores it as int64; checkpoints convert it).</summary>
    public Tensor NumBatchesTracked { get; }

    /// <summary>The input normalised per channel: by the batch's statistics in training (updating the running ones), by the running ones in eval mode.</summary>
    public override Tensor Forward(Tensor input)
    {
        Count(input);
        // Without affine the normalisation is scaled by constant ones and shifted by zeros, which carry no gradient.
        return Ops.BatchNorm(input, Weight ?? Tensor.Full(1f, NumFeatures), Bias ?? Tensor.Zeros(NumFeatures), RunningMean, RunningVar, Training);
    }

    /// <summary>
    /// This batch norm and then <paramref name="next"/> on <paramref name="input"/>: a <see cref="ReLU"/> or
    /// <see cref="LeakyReLU"/> runs fused into it (<see cref="Ops.BatchNormLeakyRelu"/>: one pass over the activations
    /// fewer each way, the same bits as the two layers one after the other); any other module runs after it. Generated
    /// nets call it for a batch norm followed by one of those activations.
    /// </summary>
    public Tensor ForwardThen(Module next, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (ActivationFusion.SlopeOf(next) is not { } s) return next.Forward(Forward(input));
        Count(input);
        return Ops.BatchNormLeakyRelu(input, Weight ?? Tensor.Full(1f, NumFeatures), Bias ?? Tensor.Zeros(NumFeatures), RunningMean, RunningVar,
            Training, s);
    }

    // Checks the input's rank and counts a training batch.
    private void Count(Tensor input)
    {
        if (input.Rank != _inputRank && !(_inputRank == 2 && input.Rank == 3))
            throw new ArgumentException($"{LayerName}({NumFeatures}) needs a {(_inputRank == 2 ? "[N, C] or [N, C, L]" : "[N, C, H, W]")} input but receives {input.Shape}.");
        if (Training) NumBatchesTracked.Data[0] += 1;
    }

    /// <summary>Weight 1 and bias 0 (DCGAN: weight N(1, 0.02)); the running statistics and batch count start over.</summary>
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
