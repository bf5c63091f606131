namespace GanDsl;

/// <summary>Marks a partial class as a GAN discriminator for samples of the given shape (batch excluded).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanDiscriminatorAttribute : Attribute
{
    public GanDiscriminatorAttribute(params int[] inputShape) { InputShape = inputShape; }

    /// <summary>[C, H, W] for images or [features] for flat samples.</summary>
    public int[] InputShape { get; }

    /// <summary>Number of classes of a conditional discriminator; 0 means unconditional.</summary>
    public int Classes { get; set; }

    /// <summary>How the labels of a conditional discriminator enter it; left out, the input's shape decides (see <see cref="LabelConditioning"/>).</summary>
    public LabelConditioning Conditioning { get; set; }

    public Init Init { get; set; }
}
