using GanDsl;

namespace GanDsl.Models;

// cgan with a class head: cgan's own generator (CganGenerator), and cgan's discriminator (one-hot label planes beside the
// image) whose last Conv2d(1, 4) on the 4x4 features is written as the same map [Flatten, Linear(1)] so that a class head
// Linear(2048, 10) can read those features. The head runs on a second pass with blank label planes, so it must tell the class from the
// image alone; D learns it on real images, and G is pushed to draw fakes it names as the class asked for.

[GanDiscriminator(1, 28, 28, Classes = 10, Conditioning = LabelConditioning.OneHotPlanesAndClassifier, Init = Init.Dcgan)]
[Conv2d(32, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 14x14, from 1 + 10 label planes
[Conv2d(64, 4, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 7x7
[Conv2d(128, 3, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]  // 4x4
[Flatten, Linear(1, Bias = false), Sigmoid]                        // one score; the class head reads the 2048 features
public partial class CganClassifierDiscriminator;

[Gan<CganGenerator, CganClassifierDiscriminator>(DataRange = DataRange.MinusOneToOne)]
public partial class CganClassifier;
