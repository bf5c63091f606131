using GanDsl;

namespace GanDsl.Models;

// cgan with twice the channels (ngf = ndf = 64 where cgan has 32): the same label paths, recipe and batch of 32. The
// wider nets draw each class more distinctly after five epochs (issue 16's conditional-accuracy goal; figures in
// docs/quality.md) at about three and a half times cgan's time per step.

[GanGenerator(LatentDim = 100, Classes = 10, Init = Init.Dcgan)]
[Reshape(110, 1, 1)]
[ConvTranspose2d(256, 4, 1, 0, Bias = false), BatchNorm2d, ReLU]   // 4x4
[ConvTranspose2d(128, 3, 2, 1, Bias = false), BatchNorm2d, ReLU]   // 7x7
[ConvTranspose2d(64, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 14x14
[ConvTranspose2d(1, 4, 2, 1, Bias = false), Tanh]                  // 28x28
public partial class CganWideGenerator;

[GanDiscriminator(1, 28, 28, Classes = 10, Init = Init.Dcgan)]
[Conv2d(64, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 14x14, from 1 + 10 label planes
[Conv2d(128, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 7x7
[Conv2d(256, 3, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 4x4
[Conv2d(1, 4, 1, 0, Bias = false), Flatten, Sigmoid]               // one score
public partial class CganWideDiscriminator;

[Gan<CganWideGenerator, CganWideDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class CganWide;
