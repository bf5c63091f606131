using GanDsl.Training;

namespace GanDsl.Shapes
{
    /// <summary>
    /// What each recipe value must be, and the sentence when it is not. The source generator checks a pair's declared
    /// arguments with these and <c>TrainingConfig.Validate</c> the configuration's fields, so both say the same thing (the
    /// generator under the attribute's name, <c>GradientPenalty</c>; the configuration under its field's,
    /// <c>GradientPenaltyWeight</c>).
    /// </summary>
    internal static class RecipeArguments
    {
        /// <summary>Critic steps beyond this read more samples per step than any data set GanDsl serves holds.</summary>
        public const int MaxCriticSteps = 1000;

        /// <summary>A penalty weight (λ of the gradient penalty, γ of R1): finite, at least 0, and a float (the config's type).</summary>
        public const string PenaltyWeightRequirement = "a finite number from 0 to 3.4E+38";

        public const string CriticStepsRequirement = "a whole number from 1 to 1000";

        public const string LossChoices = "Minimax, NonSaturating, LeastSquares, Hinge, Wasserstein";

        public const string DataRangeChoices = "MinusOneToOne, ZeroToOne";

        public static bool IsPenaltyWeight(double weight) => weight >= 0 && weight <= float.MaxValue;

        public static bool IsCriticSteps(int steps) => steps >= 1 && steps <= MaxCriticSteps;

        public static bool IsLoss(int value) => value >= (int)GanLoss.Minimax && value <= (int)GanLoss.Wasserstein;

        public static bool IsDataRange(int value) => value == (int)DataRange.MinusOneToOne || value == (int)DataRange.ZeroToOne;

        /// <summary>"GradientPenaltyWeight must be a finite number from 0 to 3.4E+38 but is NaN".</summary>
        public static string OutOfRange(string field, string requirement, string value) =>
            field + " must be " + requirement + " but is " + value;

        /// <summary>"Loss 42 is not one of Minimax, NonSaturating, LeastSquares, Hinge, Wasserstein".</summary>
        public static string NotOneOf(string field, int value, string choices) =>
            field + " " + Invariant.Int(value) + " is not one of " + choices;
    }
}
