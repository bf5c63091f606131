using GanDsl;

namespace GanDsl.Models;

// The MLP GAN on MNIST trained with BCE-with-logits and one-sided label smoothing 0.9: a tanh generator and a
// discriminator with leaky ReLU hidden layers and dropout that outputs a logit (no Sigmoid: the loop then uses the
// numerically stable BCE-with-logits).

[GanGenerator(LatentDim = 100)]
[Linear(256), LeakyReLU(0.2)]
[Linear(512), LeakyReLU(0.2)]
[Linear(784), Tanh]
[Reshape(1, 28, 28)]
public partial class MnistMlpGenerator;

[GanDiscriminator(1, 28, 28)]
[Flatten]
[Linear(512), LeakyReLU(0.2), Dropout(0.3)]
[Linear(256), LeakyReLU(0.2), Dropout(0.3)]
[Linear(1)]
public partial class MnistMlpDiscriminator;

[Gan<MnistMlpGenerator, MnistMlpDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class MnistMlpGan;
