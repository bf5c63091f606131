using GanDsl;

namespace GanDsl.Models;

// A conditional DCGAN: the generator sees concat(z, Embedding(10, 10)(y)) reshaped to a 110-channel 1x1 image; the
// discriminator starts with convolutions, so it gets 10 one-hot label planes beside the image channel. The stacks are
// the dcgan model's, which after five epochs draws the requested class clearly enough for the domain classifier.
// `gandsl sample RUN --label K` draws class K.

[GanGenerator(LatentDim = 100, Classes = 10, Init = Init.Dcgan)]
[Reshape(110, 1, 1)]
[ConvTranspose2d(128, 4, 1, 0, Bias = false), BatchNorm2d, ReLU]   // 4x4
[ConvTranspose2d(64, 3, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 7x7
[ConvTranspose2d(32, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 14x14
[ConvTranspose2d(1, 4, 2, 1, Bias = false), Tanh]                  // 28x28
public partial class CganGenerator;

[GanDiscriminator(1, 28, 28, Classes = 10, Init = Init.Dcgan)]
[Conv2d(32, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 14x14, from 1 + 10 label planes
[Conv2d(64, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 7x7
[Conv2d(128, 3, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 4x4
[Conv2d(1, 4, 1, 0, Bias = false), Flatten, Sigmoid]               // one score
public partial class CganDiscriminator;

[Gan<CganGenerator, CganDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class Cgan;
