namespace GanDsl.Shapes
{
    /// <summary>
    /// A check on one argument value, worded as the second half of a sentence whose first half names the layer
    /// ("Linear(0) at layer 1 " + "needs a positive out_features but has 0; use a value of at least 1").
    /// </summary>
    internal abstract class ArgumentRule
    {
        public static readonly ArgumentRule None = new NoRule();
        public static readonly ArgumentRule Positive = new PositiveRule();
        public static readonly ArgumentRule NonNegative = new NonNegativeRule();
        public static readonly ArgumentRule Probability = new ProbabilityRule();
        public static readonly ArgumentRule FiniteNonNegative = new FiniteNonNegativeRule();

        /// <summary>A non-empty list of positive sizes; <paramref name="example"/> shows a valid use, e.g. <c>[Reshape(1, 28, 28)]</c>.</summary>
        public static ArgumentRule PositiveDimensions(string example) => new DimensionsRule(example);

        /// <summary>What is wrong with <paramref name="value"/> of the argument PyTorch calls <paramref name="name"/>, or null when it is valid.</summary>
        public abstract string? Problem(string name, object value);

        private sealed class NoRule : ArgumentRule
        {
            public override string? Problem(string name, object value) => null;
        }

        private sealed class PositiveRule : ArgumentRule
        {
            public override string? Problem(string name, object value) =>
                (int)value > 0 ? null : "needs a positive " + name + " but has " + Invariant.Int((int)value) + "; use a value of at least 1";
        }

        private sealed class NonNegativeRule : ArgumentRule
        {
            public override string? Problem(string name, object value) =>
                (int)value >= 0 ? null : "needs a non-negative " + name + " but has " + Invariant.Int((int)value) + "; use 0 or more";
        }

        private sealed class ProbabilityRule : ArgumentRule
        {
            public override string? Problem(string name, object value)
            {
                double p = (double)value;
                return p >= 0 && p < 1 ? null : "needs a probability " + name + " in [0, 1) but has " + Invariant.Real(p) + "; use a value such as 0.3";
            }
        }

        private sealed class FiniteNonNegativeRule : ArgumentRule
        {
            public override string? Problem(string name, object value)
            {
                double v = (double)value;
                return v >= 0 && !double.IsInfinity(v) ? null
                    : "needs a finite non-negative " + name + " but has " + Invariant.Real(v) + "; use a value such as 0.2";
            }
        }

        private sealed class DimensionsRule : ArgumentRule
        {
            private readonly string _example;

            public DimensionsRule(string example) { _example = example; }

            public override string? Problem(string name, object value)
            {
                var dims = (int[])value;
                if (dims.Length == 0) return "needs at least one dimension; write e.g. " + _example;
                foreach (var d in dims)
                    if (d <= 0) return "needs positive dimensions but has " + Invariant.Int(d) + "; use sizes of at least 1";
                return null;
            }
        }
    }
}
