using GanDsl;

namespace GanDsl.Models;

// The toy GAN that learns to emit 7-bit binary even numbers: the generator is one linear layer + sigmoid over
// 7 digits fed with random bits, the discriminator a logistic regression. Data is generated in code.

[GanGenerator(LatentDim = 7)]
[Linear(7), Sigmoid]
public partial class SevenBitGenerator;

[GanDiscriminator(7)]
[Linear(1), Sigmoid]
public partial class SevenBitDiscriminator;

[Gan<SevenBitGenerator, SevenBitDiscriminator>(DataRange = DataRange.ZeroToOne)]   // bits are 0 or 1: a Sigmoid generator
public partial class SevenBitGan;
