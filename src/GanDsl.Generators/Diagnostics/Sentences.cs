using System.Globalization;

namespace GanDsl.Generators.Diagnostics
{
    internal static partial class DiagnosticCatalog
    {
        /// <summary>
        /// The whole sentences reported under a "{0}" format (GAN0009, GAN0016) for role attributes and counts; the layer
        /// sentences under the same ids come from the Shapes code, so the format cannot hold these.
        /// </summary>
        public static class Sentences
        {
            public static string NegativeClasses(string role, string net, int classes) =>
                "[" + role + "] on '" + net + "' needs Classes of 0 (unconditional) or more but has " + Int(classes) + "; use the number of labels";

            public static string NonPositiveLatentDim(string net, int latentDim) =>
                "[GanGenerator] on '" + net + "' needs a positive LatentDim but has " + Int(latentDim) + "; use a size such as 100";

            public static string LatentOverflow(string net) =>
                "[GanGenerator] on '" + net + "' has LatentDim + Classes beyond 2^31-1; use smaller sizes";

            public static string NonPositiveInputDimension(string role, string net, int dimension) =>
                "[" + role + "] on '" + net + "' needs positive input dimensions but has " + Int(dimension) + "; use sizes of at least 1";

            public static string InputRank(string role, string net, int rank) =>
                "[" + role + "] on '" + net + "' needs [features] or [channels, height, width] but has " + Int(rank)
                + " dimensions; write e.g. [" + role + "(1, 28, 28)]";

            public static string InputOverflow(string role, string net) =>
                "[" + role + "] on '" + net + "' declares more than 2^31-1 elements per sample; use a smaller input";

            public static string CountOverflow(string net) =>
                "'" + net + "' has more parameters or mult-adds than a 64-bit count can hold; use smaller layers";

            public static string NonPositiveImageChannels(string role, string net, int channels) =>
                "[" + role + "] on '" + net + "' needs a positive ImageChannels but has " + Int(channels) + "; use 1 for grayscale or 3 for colour";

            /// <summary>A recipe argument that breaks its <c>RecipeArguments</c> rule (the rule's sentence, shared with <c>TrainingConfig.Validate</c>).</summary>
            public static string BadRecipeArgument(string pair, string rule, string fix) =>
                "[Gan<...>] on '" + pair + "': " + rule + "; " + fix;

            public static string ConditioningWithoutClasses(string role, string net, string conditioning) =>
                "[" + role + "] on '" + net + "' sets Conditioning = " + conditioning + " but has no Classes; give the label count, e.g. Classes = 10";

            public static string ExplicitNoConditioning(string role, string net, int classes) =>
                "[" + role + "] on '" + net + "' has Classes = " + Int(classes) + " but sets Conditioning = None; leave Conditioning out to take the labels as the input's shape suggests, or name a way";

            public static string ConditioningOfOtherRole(string role, string net, string conditioning, string owner, string choices) =>
                "[" + role + "] on '" + net + "' sets Conditioning = " + conditioning + ", which only a " + owner + " can use; use " + choices;

            public static string ConditioningNeedsShape(string role, string net, string conditioning, string need, string shape) =>
                "[" + role + "] on '" + net + "' sets Conditioning = " + conditioning + ", which needs " + need + " but the input is " + shape
                + "; leave Conditioning out to pick the way that fits";

            public static string ProjectionWithoutHead(string net) =>
                "Discriminator '" + net + "' sets Conditioning = Projection, which adds <embed(y), h> to the output of its last Linear (h being that Linear's input), "
                + "but its stack does not end in a Linear(1) followed only by activations; end it with [Flatten] and [Linear(1)]";

            public static string ClassifierWithoutHead(string net, string conditioning) =>
                "Discriminator '" + net + "' sets Conditioning = " + conditioning + ", whose class head reads h, the input of its last Linear(1), "
                + "but its stack does not end in a Linear(1) followed only by activations; end it with [Flatten] and [Linear(1)]";

            public static string ConditionalBatchNormWithoutNorms(string net) =>
                "Generator '" + net + "' sets Conditioning = ConditionalBatchNorm but has no BatchNorm1d or BatchNorm2d to condition; add [BatchNorm2d] after its convolutions";

            private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
        }
    }
}
