namespace GanDsl.Shapes
{
    /// <summary>
    /// Argument checks that need no input shape (PyTorch's constructor-time checks), from each kind's definition. The
    /// compiler reports them at the attribute ("Linear(0) at layer 1 needs …"); the <c>GanDsl.Nn</c> constructors throw
    /// the same sentence without the position ("Linear(0) needs …").
    /// </summary>
    public static class LayerValidation
    {
        /// <summary>The first out-of-range argument of <paramref name="layer"/> at zero-based <paramref name="layerIndex"/>, or null when all are valid.</summary>
        public static ShapeError? Validate(LayerSpec layer, int layerIndex)
        {
            var problem = FirstProblem(layer, out _);
            return problem == null ? null
                : new ShapeError(ShapeErrorKind.ArgumentOutOfRange, layerIndex,
                    layer.Describe() + " at layer " + Invariant.Int(layerIndex + 1) + " " + problem);
        }

        /// <summary>
        /// Throws <see cref="System.ArgumentOutOfRangeException"/> with the compile-time sentence when an argument of
        /// <paramref name="layer"/>, or the module's <paramref name="inputWidth"/> (Linear's in_features, an int; LayerNorm's
        /// normalized_shape, an int[]), is out of range.
        /// </summary>
        internal static void Require(LayerSpec layer, object? inputWidth = null)
        {
            var width = layer.Kind.InputWidth;
            if (width != null && inputWidth != null && width.Problem(inputWidth) is string widthProblem)
                throw new System.ArgumentOutOfRangeException(width.Name, layer.Describe() + " " + widthProblem);
            var problem = FirstProblem(layer, out var argument);
            if (problem != null) throw new System.ArgumentOutOfRangeException(argument, layer.Describe() + " " + problem);
        }

        /// <summary>The same positive-size check for a constructor argument that is not a layer's (Embedding's sizes …).</summary>
        internal static void RequirePositive(string owner, string parameterName, int value)
        {
            var problem = ArgumentRule.Positive.Problem(LayerArgument.SnakeCase(parameterName), value);
            if (problem != null) throw new System.ArgumentOutOfRangeException(parameterName, owner + " " + problem);
        }

        private static string? FirstProblem(LayerSpec layer, out string? argumentName)
        {
            var arguments = layer.Kind.Arguments;
            for (int i = 0; i < arguments.Count; i++)
            {
                var problem = arguments[i].Problem(layer.Value(i));
                if (problem != null)
                {
                    argumentName = arguments[i].Name;
                    return problem;
                }
            }
            argumentName = null;
            return layer.Kind.CombinationProblem(layer);
        }
    }
}
