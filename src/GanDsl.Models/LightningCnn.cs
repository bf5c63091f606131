using GanDsl;

namespace GanDsl.Models;

// The CNN GAN of the Lightning tutorial. The generator ends in a plain convolution with no output activation, exactly
// as the tutorial has it, against MNIST scaled to [-1, 1]. The pair declares that range, so its check (GAN0025) replaces
// the generator's unbounded-output guess (GAN0017), and the pair suppresses it on purpose. The tutorial's Dropout2d is
// written as Dropout (element-wise), the layer the DSL has.

[GanGenerator(LatentDim = 100)]
[Linear(7 * 7 * 64), ReLU]
[Reshape(64, 7, 7)]
[ConvTranspose2d(32, 4, 2), ReLU]   // 16x16
[ConvTranspose2d(16, 4, 2), ReLU]   // 34x34
[Conv2d(1, 7)]                      // 28x28
public partial class LightningCnnGenerator;

[GanDiscriminator(1, 28, 28)]
[Conv2d(10, 5), MaxPool2d(2), ReLU]               // 12x12
[Conv2d(20, 5), Dropout(0.5), MaxPool2d(2), ReLU] // 4x4
[Flatten]
[Linear(50), ReLU, Dropout(0.5)]
[Linear(1), Sigmoid]
public partial class LightningCnnDiscriminator;

#pragma warning disable GAN0025
[Gan<LightningCnnGenerator, LightningCnnDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class LightningCnnGan;
#pragma warning restore GAN0025
