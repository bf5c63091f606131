using GanDsl;

namespace MyGan;

// A DCGAN for 32x32 colour pictures: the generator grows 1x1 noise to 32x32 with transposed convolutions, the
// discriminator shrinks the picture back to one score. The shapes are checked when this file compiles.

[GanGenerator(LatentDim = 64, Init = Init.Dcgan)]
[Reshape(64, 1, 1)]
[ConvTranspose2d(128, 4, 1, 0, Bias = false), BatchNorm2d, ReLU]   // 4x4
[ConvTranspose2d(64, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 8x8
[ConvTranspose2d(32, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 16x16
[ConvTranspose2d(3, 4, 2, 1, Bias = false), Tanh]                  // 32x32, RGB in [-1, 1]
public partial class PictureGenerator;

[GanDiscriminator(3, 32, 32, Init = Init.Dcgan)]
[Conv2d(32, 4, 2, 1, Bias = false), LeakyReLU(0.2)]                // 16x16
[Conv2d(64, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 8x8
[Conv2d(128, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 4x4
[Conv2d(1, 4, 1, 0, Bias = false), Flatten, Sigmoid]               // one score per picture
public partial class PictureDiscriminator;

[Gan<PictureGenerator, PictureDiscriminator>]
public partial class PictureGan;
