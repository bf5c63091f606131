using GanDsl.Shapes;

namespace GanDsl;

/// <summary><c>nn.LayerNorm(sample shape)</c>: each sample normalised over all its features; the shape is inferred.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LayerNormAttribute : LayerAttribute
{
    /// <summary>Whether the layer learns a weight and bias per element of the sample; true by default.</summary>
    public bool ElementwiseAffine { get; set; } = LayerNormLayer.DefaultElementwiseAffine;
}

/// <summary><c>nn.InstanceNorm2d(channels)</c>: each channel of each sample normalised over its pixels; affine off by default.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InstanceNorm2dAttribute : LayerAttribute
{
    /// <summary>Whether the layer learns a weight and bias per channel; false by default, as in PyTorch.</summary>
    public bool Affine { get; set; } = InstanceNorm2dLayer.DefaultAffine;
}

/// <summary><c>nn.GroupNorm(numGroups, channels)</c>: the channels split into <paramref name="numGroups"/> normalised groups.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GroupNormAttribute(int numGroups) : LayerAttribute
{
    /// <summary>Number of groups; it must divide the channel count.</summary>
    public int NumGroups { get; } = numGroups;
    /// <summary>Whether the layer learns a weight and bias per channel; true by default.</summary>
    public bool Affine { get; set; } = GroupNormLayer.DefaultAffine;
}
