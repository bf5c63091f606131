using GanDsl;

namespace GanDsl.Models;

// The vanilla GAN of the reference article: an MLP on 28x28 images, DCGAN-style initialisation,
// a discriminator that ends in Sigmoid (so the loop uses BCE on probabilities).

[GanGenerator(LatentDim = 100, Init = Init.Dcgan)]
[Linear(256), LeakyReLU(0.2)]
[Linear(512), LeakyReLU(0.2)]
[Linear(1024), LeakyReLU(0.2)]
[Linear(784), Tanh]
[Reshape(1, 28, 28)]
public partial class VanillaGenerator;

[GanDiscriminator(1, 28, 28, Init = Init.Dcgan)]
[Flatten]
[Linear(512), LeakyReLU(0.2), Dropout(0.3)]
[Linear(256), LeakyReLU(0.2), Dropout(0.3)]
[Linear(128), LeakyReLU(0.2), Dropout(0.3)]
[Linear(1), Sigmoid]
public partial class VanillaDiscriminator;

[Gan<VanillaGenerator, VanillaDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class VanillaGan;
