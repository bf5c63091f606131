using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// Pure shape inference shared by the source generator (compile time) and the runtime <c>Sequential</c>.
    /// Shapes exclude the batch dimension: [features] is flat, [C, H, W] is an image.
    /// </summary>
    public static class ShapeInference
    {
        /// <summary>Where layer <paramref name="layerIndex"/>'s input comes from, in message words ("Conv2d at layer 2", "the input").</summary>
        public static string InputSource(IReadOnlyList<LayerSpec> layers, int layerIndex) =>
            layerIndex == 0 ? "the input" : layers[layerIndex - 1].TypeName + " at layer " + LayerValidation.Int(layerIndex);

        /// <summary>Validates every layer and infers each output shape, stopping at the first error.</summary>
        public static StackShapes InferStack(IReadOnlyList<int> input, IReadOnlyList<LayerSpec> layers)
        {
            var inputCopy = ToArray(input);
            var outputs = new List<int[]>();
            int[] current = inputCopy;
            for (int i = 0; i < layers.Count; i++)
            {
                var result = Infer(layers[i], current, i, InputSource(layers, i));
                if (!result.IsValid) return new StackShapes(inputCopy, outputs, result.Error);
                current = result.Output!;
                outputs.Add(current);
            }
            return new StackShapes(inputCopy, outputs, null);
        }

        /// <summary>
        /// The per-sample output shape of <paramref name="layer"/> (zero-based position <paramref name="layerIndex"/>) for
        /// <paramref name="input"/>, or the error; <paramref name="inputSource"/> names where the input came from.
        /// </summary>
        public static ShapeResult Infer(LayerSpec layer, IReadOnlyList<int> input, int layerIndex, string inputSource)
        {
            var argError = LayerValidation.Validate(layer, layerIndex);
            if (argError != null) return ShapeResult.Fail(argError);
            var x = ToArray(input);
            int[] output;
            switch (layer.Kind)
            {
                case LayerKind.Linear:
                    if (x.Length != 1) return NeedsFlat(layer, x, layerIndex, inputSource);
                    output = new[] { layer.Size };
                    break;
                case LayerKind.BatchNorm1d:
                    if (x.Length != 1) return NeedsFlat(layer, x, layerIndex, inputSource);
                    output = x;
                    break;
                case LayerKind.BatchNorm2d:
                    if (x.Length != 3) return NeedsImage(layer, x, layerIndex, inputSource);
                    output = x;
                    break;
                case LayerKind.Conv2d:
                    if (x.Length != 3) return NeedsImage(layer, x, layerIndex, inputSource);
                    {
                        var err = CheckWindow(layer, x[1], "height", layerIndex, x, inputSource)
                            ?? CheckWindow(layer, x[2], "width", layerIndex, x, inputSource);
                        if (err != null) return ShapeResult.Fail(err);
                        output = new[] { layer.Size, ConvOut(x[1], layer), ConvOut(x[2], layer) };
                    }
                    break;
                case LayerKind.MaxPool2d:
                    if (x.Length != 3) return NeedsImage(layer, x, layerIndex, inputSource);
                    {
                        var err = CheckWindow(layer, x[1], "height", layerIndex, x, inputSource)
                            ?? CheckWindow(layer, x[2], "width", layerIndex, x, inputSource);
                        if (err != null) return ShapeResult.Fail(err);
                        output = new[] { x[0], ConvOut(x[1], layer), ConvOut(x[2], layer) };
                    }
                    break;
                case LayerKind.ConvTranspose2d:
                    if (x.Length != 3) return NeedsImage(layer, x, layerIndex, inputSource);
                    {
                        var err = CheckTransposed(layer, x[1], "height", layerIndex, x, inputSource)
                            ?? CheckTransposed(layer, x[2], "width", layerIndex, x, inputSource);
                        if (err != null) return ShapeResult.Fail(err);
                        output = new[] { layer.Size, (int)TransposedOut(x[1], layer), (int)TransposedOut(x[2], layer) };
                    }
                    break;
                case LayerKind.Upsample:
                    if (x.Length != 3) return NeedsImage(layer, x, layerIndex, inputSource);
                    {
                        long h = (long)x[1] * layer.Size, w = (long)x[2] * layer.Size;
                        if (h > int.MaxValue || w > int.MaxValue) return TooLarge(layer, layerIndex, inputSource, x);
                        output = new[] { x[0], (int)h, (int)w };
                    }
                    break;
                case LayerKind.Flatten:
                    output = new[] { (int)Elements(x) };
                    break;
                case LayerKind.Reshape:
                    {
                        var dims = layer.Dims;
                        long want = Elements(dims), have = Elements(x);
                        if (want != have)
                            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ReshapeCount, layerIndex,
                                At(layer, layerIndex) + " needs " + LayerValidation.Int(want) + " elements but receives "
                                + LayerSpec.FormatShape(x) + " (" + LayerValidation.Int(have) + " elements) from " + inputSource
                                + "; make the dimensions multiply to " + LayerValidation.Int(have)));
                        output = dims;
                    }
                    break;
                default:
                    output = x;
                    break;
            }
            if (Elements(output) > int.MaxValue) return TooLarge(layer, layerIndex, inputSource, x);
            return ShapeResult.Ok(output);
        }

        /// <summary>Elements in a per-sample shape, saturating instead of overflowing.</summary>
        public static long Elements(IReadOnlyList<int> dims)
        {
            long n = 1;
            foreach (var d in dims)
            {
                n *= d;
                if (n > int.MaxValue) return (long)int.MaxValue + 1;
            }
            return n;
        }

        private static int ConvOut(int size, LayerSpec l) => (size + 2 * l.Padding - l.Kernel) / l.Stride + 1;

        private static long TransposedOut(int size, LayerSpec l) =>
            ((long)size - 1) * l.Stride - 2L * l.Padding + l.Kernel + l.OutputPadding;

        private static ShapeError? CheckWindow(LayerSpec l, int size, string axis, int index, int[] x, string source)
        {
            int pad = l.Kind == LayerKind.MaxPool2d ? 0 : l.Padding;
            long padded = (long)size + 2L * pad;
            if (padded >= l.Kernel) return null;
            string arithmetic = pad == 0 && l.Kind == LayerKind.MaxPool2d
                ? LayerValidation.Int(size)
                : LayerValidation.Int(size) + " + 2*" + LayerValidation.Int(pad) + " = " + LayerValidation.Int(padded);
            return new ShapeError(ShapeErrorKind.KernelTooLarge, index,
                At(l, index) + " has kernel " + LayerValidation.Int(l.Kernel) + " larger than its padded input " + axis + " "
                + arithmetic + " of " + LayerSpec.FormatShape(x) + " from " + source + "; use a smaller kernel or more padding");
        }

        private static ShapeError? CheckTransposed(LayerSpec l, int size, string axis, int index, int[] x, string source)
        {
            long output = TransposedOut(size, l);
            if (output >= 1 && output <= int.MaxValue) return null;
            string arithmetic = "(" + LayerValidation.Int(size) + " - 1)*" + LayerValidation.Int(l.Stride) + " - 2*"
                + LayerValidation.Int(l.Padding) + " + " + LayerValidation.Int(l.Kernel) + " + " + LayerValidation.Int(l.OutputPadding)
                + " = " + LayerValidation.Int(output);
            if (output > int.MaxValue)
                return new ShapeError(ShapeErrorKind.Overflow, index,
                    At(l, index) + " gives output " + axis + " " + arithmetic + ", more than 2^31-1; use a smaller stride or kernel");
            return new ShapeError(ShapeErrorKind.KernelTooLarge, index,
                At(l, index) + " gives output " + axis + " " + arithmetic + " for " + LayerSpec.FormatShape(x) + " from " + source
                + ", which is not positive; use less padding or a larger kernel");
        }

        private static ShapeResult NeedsFlat(LayerSpec l, int[] x, int index, string source) =>
            ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, index,
                At(l, index) + " needs a flat input but receives " + LayerSpec.FormatShape(x) + " from " + source + "; add [Flatten]"));

        private static ShapeResult NeedsImage(LayerSpec l, int[] x, int index, string source) =>
            ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, index,
                At(l, index) + " needs an image input [C, H, W] but receives " + LayerSpec.FormatShape(x) + " from " + source
                + "; add [Reshape(channels, height, width)] before it"));

        private static ShapeResult TooLarge(LayerSpec l, int index, string source, int[] x) =>
            ShapeResult.Fail(new ShapeError(ShapeErrorKind.Overflow, index,
                At(l, index) + " would produce more than 2^31-1 elements per sample from " + LayerSpec.FormatShape(x)
                + " from " + source + "; use smaller sizes"));

        private static string At(LayerSpec l, int index) => l.Describe() + " at layer " + LayerValidation.Int(index + 1);

        private static int[] ToArray(IReadOnlyList<int> dims)
        {
            var a = new int[dims.Count];
            for (int i = 0; i < a.Length; i++) a[i] = dims[i];
            return a;
        }
    }
}
