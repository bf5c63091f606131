using GanDsl;
using GanDsl.Training;

namespace GanDsl.Models;

// The DCGAN of PyTorch's examples/dcgan (main.py) for 64x64 colour images: latent nz = 100, ngf = ndf = 64, no biases,
// DCGAN initialisation. PyTorch's G takes z as nz x 1 x 1, hence the Reshape; its D returns one probability per sample.

[GanGenerator(LatentDim = 100, Init = Init.Dcgan)]
[Reshape(100, 1, 1)]
[ConvTranspose2d(512, 4, 1, 0, Bias = false), BatchNorm2d, ReLU]   // ngf*8 x 4x4
[ConvTranspose2d(256, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]   // ngf*4 x 8x8
[ConvTranspose2d(128, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]   // ngf*2 x 16x16
[ConvTranspose2d(64, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]    // ngf x 32x32
[ConvTranspose2d(3, 4, 2, 1, Bias = false), Tanh]                  // 3 x 64x64
public partial class Dcgan64Generator;

[GanDiscriminator(3, 64, 64, Init = Init.Dcgan)]
[Conv2d(64, 4, 2, 1, Bias = false), LeakyReLU(0.2)]                // ndf x 32x32
[Conv2d(128, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // ndf*2 x 16x16
[Conv2d(256, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // ndf*4 x 8x8
[Conv2d(512, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // ndf*8 x 4x4
[Conv2d(1, 4, 1, 0, Bias = false), Flatten, Sigmoid]               // one probability
public partial class Dcgan64Discriminator;

[Gan<Dcgan64Generator, Dcgan64Discriminator>(Loss = GanLoss.NonSaturating, DataRange = DataRange.MinusOneToOne)]
public partial class Dcgan64;
