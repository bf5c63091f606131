using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>Parameter and mult-add counts with PyTorch's parameter layout and torchinfo 1.8's counting rules.</summary>
    public static class LayerCounts
    {
        /// <summary>
        /// Trainable parameters of <paramref name="layer"/> for a per-sample <paramref name="input"/> (buffers excluded).
        /// Throws <see cref="System.OverflowException"/> beyond 64 bits.
        /// </summary>
        public static long Parameters(LayerSpec layer, IReadOnlyList<int> input) => layer.Kind.Parameters(layer, input);

        /// <summary>
        /// torchinfo 1.8's mult-adds for a batch: for each weight and bias, a convolution (class name containing
        /// "Conv", so ConvTranspose2d too) adds params × N × H_out × W_out; any other layer adds params × N.
        /// </summary>
        /// <remarks>A spectrally normalised layer's <c>weight_orig</c> is counted as torchinfo counts any other weight whose
        /// name is not "weight": parameters × N × output channels (see <c>SpectralNormOption</c>).</remarks>
        public static long MultAdds(LayerSpec layer, IReadOnlyList<int> input, IReadOnlyList<int> output, int batchSize) =>
            layer.Kind.MultAdds(layer, input, output, batchSize);

        /// <summary>Sum of <see cref="Parameters"/> over a valid stack.</summary>
        public static long TotalParameters(IReadOnlyList<int> input, IReadOnlyList<LayerSpec> layers)
        {
            var shapes = ShapeInference.InferStack(input, layers);
            if (!shapes.IsValid) throw new System.ArgumentException(shapes.Error!.Message);
            long total = 0;
            for (int i = 0; i < layers.Count; i++)
                total = checked(total + Parameters(layers[i], i == 0 ? shapes.Input : shapes.Outputs[i - 1]));
            return total;
        }
    }
}
