using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// <c>SpectralNorm = true</c> on Linear, Conv2d and ConvTranspose2d: <c>nn.utils.spectral_norm(layer)</c>, whose state holds
    /// <c>weight_orig</c> (the parameter), <c>weight_u</c> and <c>weight_v</c> (buffers) in place of <c>weight</c>. torchinfo
    /// counts <c>weight_orig</c> as the layer's parameters but, its name not being "weight", counts its mult-adds as it counts an
    /// RNN's inner weights: parameters × batch × output channels (or features).
    /// </summary>
    internal static class SpectralNormOption
    {
        internal const bool Default = false;

        /// <summary>PyTorch's <c>eps</c> of <c>spectral_norm</c>: the floor of a vector's norm when u and v are normalised.</summary>
        internal const double Eps = 1e-12;

        public static readonly LayerArgument Argument = LayerArgument.LaterOption("spectralNorm", Default);

        public static bool IsOn(LayerSpec layer) => layer.Flag(Argument);

        /// <summary>torchinfo 1.8's mult-adds of a spectrally normalised layer for a batch.</summary>
        public static long MultAdds(long weightParameters, long biasParameters, IReadOnlyList<int> output, int batchSize, bool convolution)
        {
            checked
            {
                long weight = weightParameters * batchSize * output[0];
                long bias = convolution ? biasParameters * batchSize * output[1] * output[2] : biasParameters * batchSize;
                return weight + bias;
            }
        }
    }
}
