using GanDsl.Shapes;
using static GanDsl.Shapes.ConvolutionArguments;

namespace GanDsl;

/// <summary>
/// <c>nn.Conv2d(in, outChannels, kernelSize, stride, padding, bias)</c>; the input channels are inferred.
/// <c>SpectralNorm = true</c> wraps it in <c>nn.utils.spectral_norm</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv2dAttribute(int outChannels, int kernelSize, int stride = DefaultStride, int padding = DefaultPadding) : LayerAttribute
{
    /// <summary>Number of output channels (filters).</summary>
    public int OutChannels { get; } = outChannels;
    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; } = kernelSize;
    /// <summary>Step of the kernel in both directions; 1 by default.</summary>
    public int Stride { get; } = stride;
    /// <summary>Zeros added on every side of the input; 0 by default.</summary>
    public int Padding { get; } = padding;
    /// <summary>Whether the layer adds a learnt bias per output channel; true by default (off before a batch norm, which cancels it).</summary>
    public bool Bias { get; set; } = DefaultBias;

    /// <summary>Divides the weight by its largest singular value, estimated by one power iteration per training forward.</summary>
    public bool SpectralNorm { get; set; } = SpectralNormOption.Default;
}

/// <summary>
/// <c>nn.ConvTranspose2d(in, outChannels, kernelSize, stride, padding, outputPadding, bias)</c>.
/// <c>SpectralNorm = true</c> wraps it in <c>nn.utils.spectral_norm</c> (which normalises along dim 1 for a transposed convolution).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConvTranspose2dAttribute(int outChannels, int kernelSize, int stride = DefaultStride, int padding = DefaultPadding,
    int outputPadding = GanDsl.Shapes.ConvTranspose2dLayer.DefaultOutputPadding) : LayerAttribute
{
    /// <summary>Number of output channels.</summary>
    public int OutChannels { get; } = outChannels;
    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; } = kernelSize;
    /// <summary>Upsampling step: the output grows about <c>Stride</c> times; 1 by default.</summary>
    public int Stride { get; } = stride;
    /// <summary>Rows and columns removed from every side of the full output; 0 by default.</summary>
    public int Padding { get; } = padding;
    /// <summary>Extra rows and columns added on one side to reach an exact size when the stride is above 1; 0 by default.</summary>
    public int OutputPadding { get; } = outputPadding;
    /// <summary>Whether the layer adds a learnt bias per output channel; true by default.</summary>
    public bool Bias { get; set; } = DefaultBias;

    /// <summary>Divides the weight by its largest singular value, estimated by one power iteration per training forward.</summary>
    public bool SpectralNorm { get; set; } = SpectralNormOption.Default;
}

/// <summary><c>nn.BatchNorm2d(channels, affine)</c>; the channel count is inferred.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNorm2dAttribute : LayerAttribute
{
    /// <summary>Whether the layer learns a weight and bias per channel; true by default (off when conditional batch norm supplies them per class).</summary>
    public bool Affine { get; set; } = BatchNorm1dLayer.DefaultAffine;
}

/// <summary><c>nn.Dropout2d(p)</c>: zeroes whole channels.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Dropout2dAttribute(double p = Dropout2dLayer.DefaultP) : LayerAttribute
{
    /// <summary>Probability of zeroing a channel in training; 0.5 by default.</summary>
    public double P { get; } = p;
}

/// <summary>ProGAN's minibatch standard deviation: one more channel holding the mean standard deviation over a group of samples.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MinibatchStdDevAttribute(int groupSize = MinibatchStdDevLayer.DefaultGroupSize) : LayerAttribute
{
    /// <summary>Samples per group whose standard deviation is taken (the batch size must be a multiple of it or smaller); 4 by default.</summary>
    public int GroupSize { get; } = groupSize;
}

/// <summary><c>nn.MaxPool2d(kernelSize, stride)</c>; the stride defaults to the kernel size.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MaxPool2dAttribute : LayerAttribute
{
    /// <summary>Max pooling with a window of <paramref name="kernelSize"/> and a stride of the same size.</summary>
    public MaxPool2dAttribute(int kernelSize) : this(kernelSize, kernelSize) { }
    /// <summary>Max pooling with a window of <paramref name="kernelSize"/> moved by <paramref name="stride"/>.</summary>
    public MaxPool2dAttribute(int kernelSize, int stride) { KernelSize = kernelSize; Stride = stride; }
    /// <summary>Side of the square pooling window.</summary>
    public int KernelSize { get; }
    /// <summary>Step of the window.</summary>
    public int Stride { get; }
}

/// <summary><c>nn.Upsample(scale_factor, mode="nearest")</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UpsampleAttribute(int scaleFactor) : LayerAttribute
{
    /// <summary>Factor by which height and width grow.</summary>
    public int ScaleFactor { get; } = scaleFactor;
}
