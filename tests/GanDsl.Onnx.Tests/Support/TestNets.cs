using GanDsl;

namespace GanDsl.Onnx.Tests.Support;

// Nets that reach what the reference models do not: BatchNorm1d, a transposed convolution with output padding and a
// bias, upsampling in a declared stack, and the two label mixings besides one-hot planes.

[GanGenerator(LatentDim = 16, Classes = 3)]
[Linear(32), BatchNorm1d, ReLU]
[Reshape(2, 4, 4)]
[ConvTranspose2d(3, 3, 2, 1, 1)]      // (4 - 1)*2 - 2 + 3 + 1 = 8: 8x8
[Upsample(2)]                         // 16x16
[Conv2d(1, 3, 1, 1), Sigmoid]
public partial class EveryKindGenerator;

[GanDiscriminator(1, 8, 8, Classes = 4)]
[Flatten]                                                   // the embedding joins here
[Linear(16), BatchNorm1d, LeakyReLU(0.1), Dropout(0.2)]
[Linear(1)]
public partial class FlattenEmbeddingDiscriminator;

[GanDiscriminator(7, Classes = 2)]
[Linear(8, Bias = false), Tanh]
[Linear(1), Sigmoid]
public partial class FlatEmbeddingDiscriminator;
