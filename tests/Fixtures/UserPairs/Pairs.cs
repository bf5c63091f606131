using GanDsl;

namespace UserPairs;

// A tiny GAN for 16x16 gray images: what the CLI tests train from an image folder.

[GanGenerator(LatentDim = 16)]
[Linear(64), LeakyReLU(0.2)]
[Linear(256), Tanh]
[Reshape(1, 16, 16)]
public partial class TinyGrayGenerator;

[GanDiscriminator(1, 16, 16)]
[Flatten]
[Linear(32), LeakyReLU(0.2)]
[Linear(1)]
public partial class TinyGrayDiscriminator;

[Gan<TinyGrayGenerator, TinyGrayDiscriminator>]
public partial class TinyGrayGan;

// A pair whose input has two channels: images convert to 1, 3 or 4, so an image folder cannot feed it.

[GanGenerator(LatentDim = 8)]
[Linear(128), Tanh]
[Reshape(2, 8, 8)]
public partial class TwoChannelGenerator;

[GanDiscriminator(2, 8, 8)]
[Flatten]
[Linear(1)]
public partial class TwoChannelDiscriminator;

[Gan<TwoChannelGenerator, TwoChannelDiscriminator>]
public partial class TwoChannelGan;
