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
    public int OutChannels { get; } = outChannels;
    public int KernelSize { get; } = kernelSize;
    public int Stride { get; } = stride;
    public int Padding { get; } = padding;
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
    public int OutChannels { get; } = outChannels;
    public int KernelSize { get; } = kernelSize;
    public int Stride { get; } = stride;
    public int Padding { get; } = padding;
    public int OutputPadding { get; } = outputPadding;
    public bool Bias { get; set; } = DefaultBias;

    /// <summary>Divides the weight by its largest singular value, estimated by one power iteration per training forward.</summary>
    public bool SpectralNorm { get; set; } = SpectralNormOption.Default;
}

/// <summary><c>nn.BatchNorm2d(channels, affine)</c>; the channel count is inferred.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNorm2dAttribute : LayerAttribute
{
    public bool Affine { get; set; } = BatchNorm1dLayer.DefaultAffine;
}

/// <summary><c>nn.Dropout2d(p)</c>: zeroes whole channels.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Dropout2dAttribute(double p = Dropout2dLayer.DefaultP) : LayerAttribute
{
    public double P { get; } = p;
}

/// <summary>ProGAN's minibatch standard deviation: one more channel holding the mean standard deviation over a group of samples.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MinibatchStdDevAttribute(int groupSize = MinibatchStdDevLayer.DefaultGroupSize) : LayerAttribute
{
    public int GroupSize { get; } = groupSize;
}

/// <summary><c>nn.MaxPool2d(kernelSize, stride)</c>; the stride defaults to the kernel size.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MaxPool2dAttribute : LayerAttribute
{
    public MaxPool2dAttribute(int kernelSize) : this(kernelSize, kernelSize) { }
    public MaxPool2dAttribute(int kernelSize, int stride) { KernelSize = kernelSize; Stride = stride; }
    public int KernelSize { get; }
    public int Stride { get; }
}

/// <summary><c>nn.Upsample(scale_factor, mode="nearest")</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UpsampleAttribute(int scaleFactor) : LayerAttribute
{
    public int ScaleFactor { get; } = scaleFactor;
}
