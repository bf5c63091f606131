using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// Pure shape inference shared by the source generator (compile time) and the runtime <c>Sequential</c>.
    /// Shapes exclude the batch dimension: [features] is flat, [C, H, W] is an image. Each kind's own rule is in its definition.
    /// </summary>
    public static class ShapeInference
    {
        /// <summary>Where layer <paramref name="layerIndex"/>'s input comes from, in message words ("Conv2d at layer 2", "the input").</summary>
        public static string InputSource(IReadOnlyList<LayerSpec> layers, int layerIndex) =>
            layerIndex == 0 ? "the input" : layers[layerIndex - 1].TypeName + " at layer " + Invariant.Int(layerIndex);

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
            var site = new LayerSite(layerIndex, inputSource);
            var result = layer.Kind.InferShape(layer, x, site);
            if (result.IsValid && Elements(result.Output!) > int.MaxValue) return ShapeRules.TooLarge(layer, x, site);
            return result;
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

        private static int[] ToArray(IReadOnlyList<int> dims)
        {
            var a = new int[dims.Count];
            for (int i = 0; i < a.Length; i++) a[i] = dims[i];
            return a;
        }
    }
}
