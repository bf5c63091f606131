using GanDsl;

namespace GanDsl.Examples;

// A conditional GAN: the generator sees concat(z, Embedding(10, 10)(y)); the discriminator starts with Flatten,
// so the label embedding is concatenated after it. `gandsl sample --label K` draws class K.

[GanGenerator(LatentDim = 100, Classes = 10)]
[Linear(256), LeakyReLU(0.2)]
[Linear(512), LeakyReLU(0.2)]
[Linear(1024), LeakyReLU(0.2)]
[Linear(784), Tanh]
[Reshape(1, 28, 28)]
public partial class CganGenerator;

[GanDiscriminator(1, 28, 28, Classes = 10)]
[Flatten]
[Linear(512), LeakyReLU(0.2), Dropout(0.3)]
[Linear(256), LeakyReLU(0.2), Dropout(0.3)]
[Linear(1), Sigmoid]
public partial class CganDiscriminator;

[Gan<CganGenerator, CganDiscriminator>]
public partial class Cgan;
