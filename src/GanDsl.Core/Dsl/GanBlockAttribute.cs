namespace GanDsl;

/// <summary>
/// Marks a partial class as a shape-checked building block: the layer attributes that follow map a per-sample input of the
/// given shape (batch excluded) to whatever shape they produce. Progressive nets compose blocks as stages.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanBlockAttribute : Attribute
{
    public GanBlockAttribute(params int[] inputShape) { InputShape = inputShape; }

    /// <summary>[C, H, W] for feature maps or [features] for flat inputs such as the noise vector.</summary>
    public int[] InputShape { get; }

    public Init Init { get; set; }
}
