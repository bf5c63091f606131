using GanDsl;

namespace GanDsl.TorchSharp.Tests.Emitted;

// Declared here, in a project that references TorchSharp and GanDsl.TorchSharp, so each gets a nested Torch class:
// every label conditioning, batch norm in both ranks, dropout, both Reshape forms, DCGAN init, blocks and progressive nets,
// and the layers and label terms of issue 19 (below).

[GanGenerator(LatentDim = 8, Classes = 3, Init = Init.Dcgan)]
[Reshape(11, 1, 1)]
[ConvTranspose2d(8, 4, 1, 0, Bias = false), BatchNorm2d, ReLU]   // 4x4
[ConvTranspose2d(1, 4, 2, 1), Tanh]                               // 8x8
public partial class TinyCondGenerator;

[GanDiscriminator(1, 8, 8, Classes = 3)]
[Conv2d(4, 3, 1, 1), LeakyReLU(0.2), MaxPool2d(2)]
[Flatten, Linear(1)]
public partial class TinyPlanesDiscriminator;

[GanDiscriminator(1, 8, 8, Classes = 3)]
[Flatten, Linear(16), LeakyReLU(0.2), Dropout(0.3)]
[Linear(1), Sigmoid]
public partial class TinyFlatDiscriminator;

[GanGenerator(LatentDim = 6)]
[Linear(32), BatchNorm1d, ReLU]
[Linear(64), Tanh, Reshape(1, 8, 8)]
public partial class TinyMlpGenerator;

[GanBlock(16)]
[Reshape(16, 1, 1), ConvTranspose2d(8, 4), LeakyReLU(0.2)]   // 4x4
public partial class TinyBase4;

[GanBlock(8, 4, 4)]
[Upsample(2), Conv2d(4, 3, 1, 1), LeakyReLU(0.2)]            // 8x8
public partial class TinyGrow8;

[ProgressiveGenerator(typeof(TinyBase4), typeof(TinyGrow8))]
public partial class TinyProgressiveGenerator;

[GanBlock(8, 4, 4)]
[Conv2d(8, 3, 1, 1), LeakyReLU(0.2), Flatten, Linear(1)]
public partial class TinyScore4;

[GanBlock(4, 8, 8)]
[Conv2d(8, 3, 1, 1), LeakyReLU(0.2), MaxPool2d(2)]           // 8x8 -> 4x4
public partial class TinyShrink8;

[ProgressiveDiscriminator(typeof(TinyScore4), typeof(TinyShrink8))]
public partial class TinyProgressiveDiscriminator;

// The label terms of issue 19 with the layers a GAN past DCGAN holds: a projection discriminator with spectral norm and
// minibatch std dev, and a generator whose batch norms are conditional, beside the other normalisations (no dropout, so
// both are compared in training mode too).

[GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.Projection)]
[Conv2d(4, 4, 2, 1, SpectralNorm = true), LeakyReLU(0.2), MinibatchStdDev]   // 4x4, 5 channels
[Flatten, LayerNorm, Linear(8, SpectralNorm = true), LeakyReLU(0.2)]
[Linear(1, SpectralNorm = true)]
public partial class TinyProjectionDiscriminator;

// An auxiliary classifier (AC-GAN): scores without labels, a class head Linear(8, 3) on the head Linear's input.
[GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.AuxiliaryClassifier)]
[Conv2d(4, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 4x4
[Flatten, Linear(8), LeakyReLU(0.2)]
[Linear(1), Sigmoid]
public partial class TinyAuxClassifierDiscriminator;

// One-hot planes for the score, the class head on a pass with blank planes.
[GanDiscriminator(1, 8, 8, Classes = 3, Conditioning = LabelConditioning.OneHotPlanesAndClassifier)]
[Conv2d(4, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 4x4
[Flatten, Linear(1)]
public partial class TinyPlanesClassifierDiscriminator;

[GanGenerator(LatentDim = 6, Classes = 3, Conditioning = LabelConditioning.ConditionalBatchNorm)]
[Linear(32), BatchNorm1d, ReLU, Reshape(2, 4, 4)]
[ConvTranspose2d(4, 4, 2, 1, SpectralNorm = true), BatchNorm2d, ReLU]   // 8x8
[Conv2d(4, 3, 1, 1), GroupNorm(2), InstanceNorm2d(Affine = true), LeakyReLU(0.2)]
[Conv2d(1, 3, 1, 1), Tanh]
public partial class TinyConditionalNormGenerator;
