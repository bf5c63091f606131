namespace GanDsl;

/// <summary>
/// Marks a partial class as a shape-checked building block: the layer attributes that follow map a per-sample input of the
/// given shape (batch excluded) to whatever shape they produce. Progressive nets compose blocks as stages.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanBlockAttribute : Attribute
{
    /// <summary>A block whose per-sample input has the shape <paramref name="inputShape"/>, e.g. <c>[GanBlock(128, 7, 7)]</c>.</summary>
    public GanBlockAttribute(params int[] inputShape) { InputShape = inputShape; }

    /// <summary>[C, H, W] for feature maps or [features] for flat inputs such as the noise vector.</summary>
    public int[] InputShape { get; }

    /// <summary>How the block's layers are initialised: PyTorch's defaults unless <see cref="Init.Dcgan"/> is set.</summary>
    public Init Init { get; set; }
}
