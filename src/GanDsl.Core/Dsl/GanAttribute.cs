using GanDsl.Training;

namespace GanDsl;

/// <summary>
/// Pairs a declared generator with a declared discriminator into one trainable GAN. The optional named arguments are the
/// pair's training recipe: the build checks them against both nets, and the generated <c>Recipe</c> and
/// <c>DefaultConfig</c> carry them (an argument that is not written keeps <c>TrainingConfig.Default</c>'s value).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GanAttribute<TGenerator, TDiscriminator> : Attribute
    where TGenerator : class
    where TDiscriminator : class
{
    /// <summary>The adversarial objective; Wasserstein, Hinge and LeastSquares need a discriminator without Sigmoid.</summary>
    public GanLoss Loss { get; set; } = GanLoss.NonSaturating;

    /// <summary>WGAN-GP weight λ (10 in the paper; 0 = off).</summary>
    public double GradientPenalty { get; set; }

    /// <summary>R1 weight γ on real samples (0 = off).</summary>
    public double R1 { get; set; }

    /// <summary>Discriminator updates per generator update (5 for WGAN).</summary>
    public int CriticSteps { get; set; } = 1;

    /// <summary>The range the training data is scaled to; the generator's last bounded layer must cover it.</summary>
    public DataRange DataRange { get; set; }
}
