using GanDsl;

namespace GanDsl.Models;

// The DCGAN for 28x28x1 of ../shared/bench/torch_gan_step.py: latent 128, ngf = ndf = 32, DCGAN initialisation.

[GanGenerator(LatentDim = 128, Init = Init.Dcgan)]
[Reshape(128, 1, 1)]
[ConvTranspose2d(128, 4, 1, 0, Bias = false), BatchNorm2d, ReLU]   // 4x4
[ConvTranspose2d(64, 3, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 7x7
[ConvTranspose2d(32, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 14x14
[ConvTranspose2d(1, 4, 2, 1, Bias = false), Tanh]                  // 28x28
public partial class DcganGenerator;

[GanDiscriminator(1, 28, 28, Init = Init.Dcgan)]
[Conv2d(32, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 14x14
[Conv2d(64, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 7x7
[Conv2d(128, 3, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 4x4
[Conv2d(1, 4, 1, 0, Bias = false), Flatten, Sigmoid]               // one score
public partial class DcganDiscriminator;

[Gan<DcganGenerator, DcganDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class Dcgan;
