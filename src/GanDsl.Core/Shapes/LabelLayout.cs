using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// Where the label terms of a projection discriminator and of conditional batch norm attach to a layer stack. The source
    /// generator's checks, the generated code and the engines that rebuild a net (TorchSharp, ONNX) all ask here.
    /// </summary>
    public static class LabelLayout
    {
        /// <summary>
        /// The layer a projection discriminator adds ⟨embed(y), h⟩ to, and whose input h a class head reads: its last layer that
        /// is a Linear(1), provided only element-wise layers (activations, dropout) follow it; -1 when the stack has no such Linear.
        /// </summary>
        public static int ProjectionHead(IReadOnlyList<LayerSpec> layers)
        {
            for (int i = layers.Count - 1; i >= 0; i--)
            {
                if (layers[i].Kind == LayerKind.Linear) return layers[i].Get<int>("outFeatures") == 1 ? i : -1;
                if (!(layers[i].Kind is ElementwiseLayer)) return -1;
            }
            return -1;
        }

        /// <summary>The batch norms (BatchNorm1d, BatchNorm2d) conditional batch norm gives a per-class gain and bias, in order.</summary>
        public static IReadOnlyList<int> ConditionalNorms(IReadOnlyList<LayerSpec> layers)
        {
            var result = new List<int>();
            for (int i = 0; i < layers.Count; i++)
                if (layers[i].Kind == LayerKind.BatchNorm1d || layers[i].Kind == LayerKind.BatchNorm2d) result.Add(i);
            return result;
        }

        /// <summary>The stack with every batch norm's own affine turned off, as conditional batch norm uses it.</summary>
        public static LayerSpec[] WithoutNormAffines(IReadOnlyList<LayerSpec> layers)
        {
            var result = new LayerSpec[layers.Count];
            for (int i = 0; i < result.Length; i++)
            {
                var layer = layers[i];
                if (layer.Kind == LayerKind.BatchNorm1d) layer = LayerSpec.BatchNorm1d(affine: false);
                else if (layer.Kind == LayerKind.BatchNorm2d) layer = LayerSpec.BatchNorm2d(affine: false);
                result[i] = layer;
            }
            return result;
        }

        /// <summary>The module (a PyTorch ModuleDict) that holds conditional batch norm's per-class affines, one per conditioned layer.</summary>
        public const string ConditionalNormGroup = "cbn";

        /// <summary>The state dict prefix of the per-class gain and bias that follow layer <paramref name="layerIndex"/>: <c>cbn.3</c>.</summary>
        public static string ConditionalNormName(int layerIndex) => ConditionalNormGroup + "." + Invariant.Int(layerIndex);
    }
}
