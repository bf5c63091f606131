using GanDsl.Training;

namespace GanDsl
{
    /// <summary>
    /// The training recipe declared on a pair, <c>[Gan&lt;G, D&gt;(Loss = …, GradientPenalty = …, R1 = …, CriticSteps = …,
    /// DataRange = …)]</c>, as data: a null field was not declared. The generated pair exposes it as its static
    /// <c>Recipe</c> and through <c>IGan.Recipe</c>; <c>TrainingConfig.WithRecipe</c> applies it.
    /// </summary>
    public sealed record GanRecipe
    {
        /// <summary>A pair that declares nothing.</summary>
        public static GanRecipe None { get; } = new GanRecipe();

        /// <summary>The adversarial loss.</summary>
        public GanLoss? Loss { get; init; }

        /// <summary>WGAN-GP weight λ.</summary>
        public double? GradientPenalty { get; init; }

        /// <summary>R1 weight γ.</summary>
        public double? R1 { get; init; }

        /// <summary>Discriminator updates per generator update.</summary>
        public int? CriticSteps { get; init; }

        /// <summary>The range the training data is scaled to.</summary>
        public DataRange? DataRange { get; init; }
    }
}
