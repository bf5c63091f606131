using GanDsl.Shapes;

namespace GanDsl;

/// <summary>
/// <c>nn.Linear(in, outFeatures, bias)</c>; the input width is inferred. <c>SpectralNorm = true</c> wraps it in
/// <c>nn.utils.spectral_norm</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LinearAttribute(int outFeatures) : LayerAttribute
{
    public int OutFeatures { get; } = outFeatures;
    public bool Bias { get; set; } = LinearLayer.DefaultBias;

    /// <summary>Divides the weight by its largest singular value, estimated by one power iteration per training forward.</summary>
    public bool SpectralNorm { get; set; } = SpectralNormOption.Default;
}

/// <summary><c>nn.Flatten()</c>: [C, H, W] to [C·H·W].</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : LayerAttribute;

/// <summary>Reshape each sample to <paramref name="dims"/> (batch excluded); no PyTorch module of that name.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReshapeAttribute(params int[] dims) : LayerAttribute
{
    public int[] Dims { get; } = dims;
}

/// <summary><c>nn.Dropout(p)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute(double p = DropoutLayer.DefaultP) : LayerAttribute
{
    public double P { get; } = p;
}

/// <summary><c>nn.BatchNorm1d(features, affine)</c>; the feature count is inferred.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNorm1dAttribute : LayerAttribute
{
    public bool Affine { get; set; } = BatchNorm1dLayer.DefaultAffine;
}
