namespace GanDsl.Shapes
{
    /// <summary>The checks and sentences that several kinds' shape rules share (flat vs image input, windows that must fit).</summary>
    internal static class ShapeRules
    {
        public static bool IsFlat(int[] x) => x.Length == 1;
        public static bool IsImage(int[] x) => x.Length == 3;

        public static ShapeResult NeedsFlat(LayerSpec l, int[] x, LayerSite site) =>
            ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, site.Index,
                site.Of(l) + " needs a flat input but receives " + LayerSpec.FormatShape(x) + " from " + site.InputSource + "; add [Flatten]"));

        public static ShapeResult NeedsImage(LayerSpec l, int[] x, LayerSite site) =>
            ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, site.Index,
                site.Of(l) + " needs an image input [C, H, W] but receives " + LayerSpec.FormatShape(x) + " from " + site.InputSource
                + "; add [Reshape(channels, height, width)] before it"));

        public static ShapeResult TooLarge(LayerSpec l, int[] x, LayerSite site) =>
            ShapeResult.Fail(new ShapeError(ShapeErrorKind.Overflow, site.Index,
                site.Of(l) + " would produce more than 2^31-1 elements per sample from " + LayerSpec.FormatShape(x)
                + " from " + site.InputSource + "; use smaller sizes"));

        /// <summary>PyTorch's output size of a sliding window that fits: ⌊(size + 2·padding − kernel) / stride⌋ + 1, in 64 bits.</summary>
        public static long WindowOutput(int size, int kernel, int stride, int padding) => ((long)size + 2L * padding - kernel) / stride + 1;

        /// <summary>[channels, height, width], or the overflow error when a side passes 2^31-1 (a huge padding can do that).</summary>
        public static ShapeResult Image(LayerSpec l, int[] x, int channels, long height, long width, LayerSite site) =>
            height > int.MaxValue || width > int.MaxValue ? TooLarge(l, x, site) : ShapeResult.Ok(new[] { channels, (int)height, (int)width });

        /// <summary>
        /// The error when a <paramref name="kernel"/> does not fit the input's height and width; a layer without padding
        /// (<paramref name="padding"/> null) shows the bare size, one with padding shows the sum.
        /// </summary>
        public static ShapeError? WindowFits(LayerSpec l, int[] x, int kernel, int? padding, LayerSite site) =>
            WindowFits(l, x, 1, "height", kernel, padding, site) ?? WindowFits(l, x, 2, "width", kernel, padding, site);

        private static ShapeError? WindowFits(LayerSpec l, int[] x, int axis, string axisName, int kernel, int? padding, LayerSite site)
        {
            int size = x[axis], pad = padding ?? 0;
            long padded = (long)size + 2L * pad;
            if (padded >= kernel) return null;
            string arithmetic = padding == null
                ? Invariant.Int(size)
                : Invariant.Int(size) + " + 2*" + Invariant.Int(pad) + " = " + Invariant.Int(padded);
            return new ShapeError(ShapeErrorKind.KernelTooLarge, site.Index,
                site.Of(l) + " has kernel " + Invariant.Int(kernel) + " larger than its padded input " + axisName + " "
                + arithmetic + " of " + LayerSpec.FormatShape(x) + " from " + site.InputSource + "; use a smaller kernel or more padding");
        }
    }
}
