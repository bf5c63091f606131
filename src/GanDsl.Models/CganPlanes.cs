using GanDsl;

namespace GanDsl.Models;

// cgan without its class head: the same generator (CganGenerator), and a discriminator that only scores the image beside
// its 10 one-hot label planes (the dcgan model's stack, one score from a last Conv2d(1, 4) on the 4x4 features). This was
// cgan until issue 16: after five epochs it draws the asked class 88-90 % of the time (cgan's class head: 97-98 %).

[GanDiscriminator(1, 28, 28, Classes = 10, Init = Init.Dcgan)]
[Conv2d(32, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 14x14, from 1 + 10 label planes
[Conv2d(64, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 7x7
[Conv2d(128, 3, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 4x4
[Conv2d(1, 4, 1, 0, Bias = false), Flatten, Sigmoid]               // one score
public partial class CganPlanesDiscriminator;

[Gan<CganGenerator, CganPlanesDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class CganPlanes;
