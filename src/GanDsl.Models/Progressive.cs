using GanDsl;

namespace GanDsl.Models;

// A progressive GAN for 28x28x1 that grows 7x7 -> 14x14 -> 28x28. Each stage is a shape-checked [GanBlock]; the
// progressive nets list them in growth order, and the generator checks at compile time that they chain (GAN0021).
// The to-image heads (1x1 conv to one channel, Tanh) and from-image heads (1x1 conv, LeakyReLU(0.2)) are added per stage.

[GanBlock(128, Init = Init.Dcgan)]
[Reshape(128, 1, 1)]
[ConvTranspose2d(64, 7, Bias = false), BatchNorm2d, LeakyReLU(0.2)]     // 7x7
[Conv2d(64, 3, 1, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]
public partial class ProgressiveBase7;

[GanBlock(64, 7, 7, Init = Init.Dcgan)]
[Upsample(2), Conv2d(32, 3, 1, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 14x14
public partial class ProgressiveGrow14;

[GanBlock(32, 14, 14, Init = Init.Dcgan)]
[Upsample(2), Conv2d(16, 3, 1, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 28x28
public partial class ProgressiveGrow28;

[ProgressiveGenerator(typeof(ProgressiveBase7), typeof(ProgressiveGrow14), typeof(ProgressiveGrow28), Init = Init.Dcgan)]
public partial class ProgressiveGenerator28;

[GanBlock(64, 7, 7, Init = Init.Dcgan)]
[Conv2d(64, 3, 1, 1), LeakyReLU(0.2)]
[Flatten, Linear(1)]                                          // one logit
public partial class ProgressiveScore7;

[GanBlock(32, 14, 14, Init = Init.Dcgan)]
[Conv2d(64, 3, 1, 1), LeakyReLU(0.2), MaxPool2d(2)]            // 14x14 -> 7x7
public partial class ProgressiveShrink14;

[GanBlock(16, 28, 28, Init = Init.Dcgan)]
[Conv2d(32, 3, 1, 1), LeakyReLU(0.2), MaxPool2d(2)]            // 28x28 -> 14x14
public partial class ProgressiveShrink28;

[ProgressiveDiscriminator(typeof(ProgressiveScore7), typeof(ProgressiveShrink14), typeof(ProgressiveShrink28), Init = Init.Dcgan)]
public partial class ProgressiveDiscriminator28;
