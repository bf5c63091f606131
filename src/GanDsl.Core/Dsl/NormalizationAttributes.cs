using GanDsl.Shapes;

namespace GanDsl;

/// <summary><c>nn.LayerNorm(sample shape)</c>: each sample normalised over all its features; the shape is inferred.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LayerNormAttribute : LayerAttribute
{
    public bool ElementwiseAffine { get; set; } = LayerNormLayer.DefaultElementwiseAffine;
}

/// <summary><c>nn.InstanceNorm2d(channels)</c>: each channel of each sample normalised over its pixels; affine off by default.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InstanceNorm2dAttribute : LayerAttribute
{
    public bool Affine { get; set; } = InstanceNorm2dLayer.DefaultAffine;
}

/// <summary><c>nn.GroupNorm(numGroups, channels)</c>: the channels split into <paramref name="numGroups"/> normalised groups.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GroupNormAttribute(int numGroups) : LayerAttribute
{
    public int NumGroups { get; } = numGroups;
    public bool Affine { get; set; } = GroupNormLayer.DefaultAffine;
}
