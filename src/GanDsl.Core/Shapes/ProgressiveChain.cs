using System.Collections.Generic;
using System.Globalization;

namespace GanDsl.Shapes
{
    /// <summary>Why the stages of a progressive net do not chain: the 0-based stage at fault and a sentence for the user.</summary>
    public sealed class ProgressiveChainError
    {
        /// <summary>The error at <paramref name="stage"/> with the user's <paramref name="message"/>.</summary>
        public ProgressiveChainError(int stage, string message)
        {
            Stage = stage;
            Message = message;
        }

        /// <summary>The 0-based stage at fault.</summary>
        public int Stage { get; }
        /// <summary>What is wrong and how to fix it, in one sentence.</summary>
        public string Message { get; }
        /// <inheritdoc/>
        public override string ToString() => Message;
    }

    /// <summary>
    /// The cross-stage shape rules of progressive nets, shared by the source generator (a compile error) and the runtime
    /// (an exception) so both say the same thing. Generator stage 0 maps the noise [LatentDim] to an image-shaped feature map
    /// and each later stage grows the previous stage's output by a whole factor; discriminator stage 0 maps the lowest
    /// resolution to one score and each later stage shrinks its (higher-resolution) input to the previous stage's input.
    /// </summary>
    public static class ProgressiveChain
    {
        /// <summary>Null when generator stages with these per-sample input and output shapes chain; the first problem otherwise.</summary>
        public static ProgressiveChainError? CheckGenerator(string net, IReadOnlyList<string> names, IReadOnlyList<int[]> inputs, IReadOnlyList<int[]> outputs)
        {
            string What(int k) => "Stage " + Int(k + 1) + " '" + names[k] + "' of progressive generator '" + net + "'";
            if (names.Count == 0) return new ProgressiveChainError(-1, "Progressive generator '" + net + "' has no stages; list its blocks in stage order, e.g. [ProgressiveGenerator(typeof(Block7), typeof(Block14))]");
            if (inputs[0].Length != 1)
                return new ProgressiveChainError(0, What(0) + " takes " + Dims(inputs[0]) + " but the first stage takes the noise vector; declare it as [GanBlock(latentDim)], e.g. [GanBlock(128)]");
            for (int k = 0; k < names.Count; k++)
            {
                if (outputs[k].Length != 3)
                    return new ProgressiveChainError(k, What(k) + " outputs " + Dims(outputs[k]) + ", not an image-shaped [C, H, W]; end it with image layers such as [Conv2d(...)]");
                if (k == 0) continue;
                if (!Same(inputs[k], outputs[k - 1]))
                    return new ProgressiveChainError(k, What(k) + " takes " + Dims(inputs[k]) + " but stage " + Int(k) + " '" + names[k - 1] + "' outputs "
                        + Dims(outputs[k - 1]) + "; declare " + names[k] + " as [GanBlock(" + Args(outputs[k - 1]) + ")]");
                if (Factor(outputs[k - 1], outputs[k]) == 0)
                    return new ProgressiveChainError(k, What(k) + " grows " + Dims(outputs[k - 1]) + " to " + Dims(outputs[k])
                        + ", which is not the same whole factor in height and width; scale both by one integer, e.g. with [Upsample(2)]");
            }
            return null;
        }

        /// <summary>Null when discriminator stages (stage 0 = lowest resolution, ending in the score) chain; the first problem otherwise.</summary>
        public static ProgressiveChainError? CheckDiscriminator(string net, IReadOnlyList<string> names, IReadOnlyList<int[]> inputs, IReadOnlyList<int[]> outputs)
        {
            string What(int k) => "Stage " + Int(k + 1) + " '" + names[k] + "' of progressive discriminator '" + net + "'";
            if (names.Count == 0) return new ProgressiveChainError(-1, "Progressive discriminator '" + net + "' has no stages; list its blocks in stage order, e.g. [ProgressiveDiscriminator(typeof(Block7), typeof(Block14))]");
            if (outputs[0].Length != 1 || outputs[0][0] != 1)
                return new ProgressiveChainError(0, What(0) + " outputs " + Dims(outputs[0]) + " but the first stage must end in one score [1]; end it with [Flatten, Linear(1)]");
            for (int k = 0; k < names.Count; k++)
            {
                if (inputs[k].Length != 3)
                    return new ProgressiveChainError(k, What(k) + " takes " + Dims(inputs[k]) + ", not an image-shaped [C, H, W]; declare it as [GanBlock(channels, height, width)]");
                if (k == 0) continue;
                if (!Same(outputs[k], inputs[k - 1]))
                    return new ProgressiveChainError(k, What(k) + " outputs " + Dims(outputs[k]) + " but stage " + Int(k) + " '" + names[k - 1] + "' takes "
                        + Dims(inputs[k - 1]) + "; make " + names[k] + "'s last layers produce " + Dims(inputs[k - 1]));
                if (Factor(inputs[k - 1], inputs[k]) == 0)
                    return new ProgressiveChainError(k, What(k) + " takes " + Dims(inputs[k]) + ", which is not the same whole factor of stage " + Int(k)
                        + "'s " + Dims(inputs[k - 1]) + " in height and width; use a resolution such as " + Scaled(inputs[k - 1], inputs[k][0], 2));
            }
            return null;
        }

        /// <summary>The integer f with large = small·f in height and width, or 0 when there is none.</summary>
        public static int Factor(IReadOnlyList<int> small, IReadOnlyList<int> large)
        {
            if (small.Count != 3 || large.Count != 3 || small[1] <= 0 || small[2] <= 0) return 0;
            if (large[1] % small[1] != 0 || large[2] % small[2] != 0) return 0;
            int f = large[1] / small[1];
            return f >= 1 && large[2] / small[2] == f ? f : 0;
        }

        /// <summary>Parameters of the 1x1 convolution (with bias) between <paramref name="from"/> and <paramref name="to"/> channels.</summary>
        public static long HeadParameters(int from, int to) => (long)from * to + to;

        private static bool Same(int[] a, int[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        private static string Scaled(int[] small, int channels, int f) => Dims(new[] { channels, small[1] * f, small[2] * f });
        private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
        private static string Args(int[] dims) => string.Join(", ", System.Array.ConvertAll(dims, Int));
        private static string Dims(int[] dims) => "[" + Args(dims) + "]";
    }
}
