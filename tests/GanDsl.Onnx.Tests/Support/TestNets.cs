using GanDsl;

namespace GanDsl.Onnx.Tests.Support;

// Nets that reach what the reference models do not: BatchNorm1d, a transposed convolution with output padding and a
// bias, upsampling in a declared stack, and the two label mixings besides one-hot planes.

[GanGenerator(LatentDim = 16, Classes = 3)]
[Linear(32), BatchNorm1d, ReLU]
[Reshape(2, 4, 4)]
[ConvTranspose2d(3, 3, 2, 1, 1)]      // (4 - 1)*2 - 2 + 3 + 1 = 8: 8x8
[Upsample(2)]                         // 16x16
[Conv2d(1, 3, 1, 1), Sigmoid]
public partial class EveryKindGenerator;

[GanDiscriminator(1, 8, 8, Classes = 4)]
[Flatten]                                                   // the embedding joins here
[Linear(16), BatchNorm1d, LeakyReLU(0.1), Dropout(0.2)]
[Linear(1)]
public partial class FlattenEmbeddingDiscriminator;

[GanDiscriminator(7, Classes = 2)]
[Linear(8, Bias = false), Tanh]
[Linear(1), Sigmoid]
public partial class FlatEmbeddingDiscriminator;

// The layers and label terms of issue 19: spectral norm in all three weighted kinds, the normalisations with and without
// affine, batch norm without affine, channel dropout, minibatch std dev, a projection discriminator and conditional batch norm.

[GanGenerator(LatentDim = 12)]
[Linear(32, SpectralNorm = true), LayerNorm, ReLU]
[Reshape(2, 4, 4)]
[ConvTranspose2d(4, 4, 2, 1, SpectralNorm = true), BatchNorm2d(Affine = false), GroupNorm(2), InstanceNorm2d(Affine = true)]  // 8x8
[Dropout2d(0.3), ReLU]
[Conv2d(1, 3, 1, 1, SpectralNorm = true), Tanh]
public partial class NewLayersGenerator;

[GanDiscriminator(1, 8, 8)]
[Conv2d(4, 3, 1, 1, SpectralNorm = true), InstanceNorm2d, LeakyReLU(0.2)]
[MinibatchStdDev, GroupNorm(5, Affine = false), LeakyReLU(0.2)]
[Flatten, LayerNorm(ElementwiseAffine = false)]
[Linear(1, SpectralNorm = true)]
public partial class NewLayersCritic;

[GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.Projection)]
[Conv2d(4, 4, 2, 1, SpectralNorm = true), LeakyReLU(0.2)]   // 4x4
[Flatten, Linear(16, SpectralNorm = true), LeakyReLU(0.2)]
[Linear(1, SpectralNorm = true)]
public partial class ProjectionDiscriminator;

[GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.AuxiliaryClassifier)]
[Conv2d(4, 4, 2, 1), BatchNorm2d, LeakyReLU(0.2)]   // 4x4
[Flatten, Linear(1), Sigmoid]
public partial class AuxClassifierDiscriminator;

[GanGenerator(LatentDim = 10, Classes = 3, Conditioning = LabelConditioning.ConditionalBatchNorm)]
[Linear(32), BatchNorm1d, ReLU, Reshape(2, 4, 4)]
[ConvTranspose2d(3, 4, 2, 1), BatchNorm2d, ReLU]   // 8x8
[Conv2d(1, 3, 1, 1), Tanh]
public partial class ConditionalNormGenerator;
