using GanDsl;

namespace GanDsl.Models;

// The CNN GAN of the Lightning tutorial, exactly: its generator ends in a plain convolution with no output activation,
// against MNIST normalised with (0.1307, 0.3081) (the catalog's TrainingConfig.Normalization), data that no bounded
// activation covers. So the generator's unbounded-output warning (GAN0017) is suppressed on purpose and the pair declares
// no data range. The discriminator drops whole channels after its second convolution (Dropout2d) and single units after
// its hidden Linear (Dropout), as the tutorial's conv2_drop and F.dropout do.

#pragma warning disable GAN0017
[GanGenerator(LatentDim = 100)]
[Linear(7 * 7 * 64), ReLU]
[Reshape(64, 7, 7)]
[ConvTranspose2d(32, 4, 2), ReLU]   // 16x16
[ConvTranspose2d(16, 4, 2), ReLU]   // 34x34
[Conv2d(1, 7)]                      // 28x28
public partial class LightningCnnGenerator;
#pragma warning restore GAN0017

[GanDiscriminator(1, 28, 28)]
[Conv2d(10, 5), MaxPool2d(2), ReLU]                 // 12x12
[Conv2d(20, 5), Dropout2d(0.5), MaxPool2d(2), ReLU] // 4x4
[Flatten]
[Linear(50), ReLU, Dropout(0.5)]
[Linear(1), Sigmoid]
public partial class LightningCnnDiscriminator;

[Gan<LightningCnnGenerator, LightningCnnDiscriminator>]
public partial class LightningCnnGan;
