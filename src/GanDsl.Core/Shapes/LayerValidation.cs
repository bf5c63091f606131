using System.Globalization;

namespace GanDsl.Shapes
{
    /// <summary>Argument checks that need no input shape (PyTorch's constructor-time checks).</summary>
    public static class LayerValidation
    {
        /// <summary>The first out-of-range argument of <paramref name="layer"/>, or null when all are valid.</summary>
        public static ShapeError? Validate(LayerSpec layer, int layerIndex)
        {
            switch (layer.Kind)
            {
                case LayerKind.Linear:
                    return Positive(layer, layerIndex, "out_features", layer.Size);
                case LayerKind.Conv2d:
                case LayerKind.ConvTranspose2d:
                    return Positive(layer, layerIndex, "out_channels", layer.Size)
                        ?? Positive(layer, layerIndex, "kernel_size", layer.Kernel)
                        ?? Positive(layer, layerIndex, "stride", layer.Stride)
                        ?? NonNegative(layer, layerIndex, "padding", layer.Padding)
                        ?? OutputPadding(layer, layerIndex);
                case LayerKind.MaxPool2d:
                    return Positive(layer, layerIndex, "kernel_size", layer.Kernel)
                        ?? Positive(layer, layerIndex, "stride", layer.Stride);
                case LayerKind.Upsample:
                    return Positive(layer, layerIndex, "scale_factor", layer.Size);
                case LayerKind.Dropout:
                    if (!(layer.Real >= 0 && layer.Real < 1))
                        return Fail(layer, layerIndex, "needs a probability p in [0, 1) but has " + Real(layer.Real) + "; use a value such as 0.3");
                    return null;
                case LayerKind.LeakyReLU:
                    if (!(layer.Real >= 0) || double.IsInfinity(layer.Real))
                        return Fail(layer, layerIndex, "needs a finite non-negative negative_slope but has " + Real(layer.Real) + "; use a value such as 0.2");
                    return null;
                case LayerKind.Reshape:
                    var dims = layer.Dims;
                    if (dims.Length == 0)
                        return Fail(layer, layerIndex, "needs at least one dimension; write e.g. [Reshape(1, 28, 28)]");
                    foreach (var d in dims)
                        if (d <= 0)
                            return Fail(layer, layerIndex, "needs positive dimensions but has " + Int(d) + "; use sizes of at least 1");
                    return null;
                default:
                    return null;
            }
        }

        private static ShapeError? Positive(LayerSpec layer, int index, string name, int value) =>
            value > 0 ? null : Fail(layer, index, "needs a positive " + name + " but has " + Int(value) + "; use a value of at least 1");

        private static ShapeError? NonNegative(LayerSpec layer, int index, string name, int value) =>
            value >= 0 ? null : Fail(layer, index, "needs a non-negative " + name + " but has " + Int(value) + "; use 0 or more");

        private static ShapeError? OutputPadding(LayerSpec layer, int index)
        {
            if (layer.OutputPadding < 0)
                return NonNegative(layer, index, "output_padding", layer.OutputPadding);
            if (layer.OutputPadding >= layer.Stride && layer.OutputPadding > 0)
                return Fail(layer, index, "needs output_padding smaller than stride " + Int(layer.Stride) + " but has "
                    + Int(layer.OutputPadding) + "; lower output_padding or raise the stride");
            return null;
        }

        private static ShapeError Fail(LayerSpec layer, int index, string what) =>
            new ShapeError(ShapeErrorKind.ArgumentOutOfRange, index,
                layer.Describe() + " at layer " + Int(index + 1) + " " + what);

        internal static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
        internal static string Real(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
