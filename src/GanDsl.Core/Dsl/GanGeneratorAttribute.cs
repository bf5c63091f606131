namespace GanDsl;

/// <summary>Marks a partial class as a GAN generator built from the layer attributes that follow.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanGeneratorAttribute : Attribute
{
    /// <summary>Size of the noise vector z; required.</summary>
    public int LatentDim { get; set; }

    /// <summary>Number of classes of a conditional generator; 0 means unconditional.</summary>
    public int Classes { get; set; }

    /// <summary>How the labels of a conditional generator enter it; left out, the input's shape decides (see <see cref="LabelConditioning"/>).</summary>
    public LabelConditioning Conditioning { get; set; }

    public Init Init { get; set; }
}
