using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// <c>nn.LayerNorm(normalized_shape, elementwise_affine)</c> with normalized_shape the whole per-sample shape (inferred), so
    /// each sample is normalised over all its features; with the affine option, a weight and bias of that shape.
    /// </summary>
    internal sealed class LayerNormLayer : LayerKind
    {
        internal const bool DefaultElementwiseAffine = true;

        /// <summary>PyTorch's default ε.</summary>
        internal const double Eps = 1e-5;

        private static readonly LayerArgument NormalizedShape =
            LayerArgument.Ints("normalizedShape", ArgumentRule.PositiveDimensions("new LayerNorm(new[] { 64, 7, 7 })"));
        private static readonly LayerArgument ElementwiseAffine = LayerArgument.Option("elementwiseAffine", DefaultElementwiseAffine);

        public LayerNormLayer() : base("LayerNorm", NormalizedShape, ElementwiseAffine) { }

        internal override TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input)
        {
            var shape = new long[input.Count];
            for (int i = 0; i < shape.Length; i++) shape[i] = input[i];
            return TorchModuleCall.Nn("LayerNorm", TorchModuleCall.Arg("normalized_shape", shape), TorchModuleCall.Arg("eps", Eps),
                TorchModuleCall.Arg("elementwise_affine", layer.Flag(ElementwiseAffine)));
        }

        internal override ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site) => ShapeResult.Ok(input);

        /// <summary>A weight and a bias with the sample's shape.</summary>
        internal override long Parameters(LayerSpec layer, IReadOnlyList<int> input) =>
            layer.Flag(ElementwiseAffine) ? checked(2L * ShapeInference.Elements(input)) : 0;
    }

    public sealed partial class LayerSpec
    {
        public static LayerSpec LayerNorm(bool elementwiseAffine = LayerNormLayer.DefaultElementwiseAffine) =>
            new LayerSpec(LayerKind.LayerNorm, elementwiseAffine);
    }
}
