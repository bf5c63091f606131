using GanDsl;
using GanDsl.Training;

namespace GanDsl.Models;

// An SNGAN-style pair (Miyato et al. 2018) on the dcgan model's skeleton, so the two compare the stabilisers rather than
// the sizes: dcgan's generator layers (batch norm, ReLU, Tanh: SNGAN keeps batch norm in G; with a bias on the last layer
// and PyTorch's default initialisation, as SNGAN's code has them), and a discriminator with spectral norm on every weight,
// LeakyReLU(0.1), no batch norm and raw scores for the hinge loss. The optimiser is the one of the SNGAN authors'
// hinge-loss experiments: Adam, lr 2e-4, betas (0.0, 0.9), five discriminator updates per generator update.

[GanGenerator(LatentDim = 128)]
[Reshape(128, 1, 1)]
[ConvTranspose2d(128, 4, 1, 0, Bias = false), BatchNorm2d, ReLU]   // 4x4
[ConvTranspose2d(64, 3, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 7x7
[ConvTranspose2d(32, 4, 2, 1, Bias = false), BatchNorm2d, ReLU]    // 14x14
[ConvTranspose2d(1, 4, 2, 1), Tanh]                                // 28x28
public partial class SnganGenerator;

[GanDiscriminator(1, 28, 28)]
[Conv2d(32, 3, 1, 1, SpectralNorm = true), LeakyReLU(0.1)]         // 28x28
[Conv2d(64, 4, 2, 1, SpectralNorm = true), LeakyReLU(0.1)]         // 14x14
[Conv2d(128, 4, 2, 1, SpectralNorm = true), LeakyReLU(0.1)]        // 7x7
[Conv2d(128, 3, 2, 1, SpectralNorm = true), LeakyReLU(0.1)]        // 4x4
[Flatten, Linear(1, SpectralNorm = true)]                          // one raw score
public partial class SnganDiscriminator;

[Gan<SnganGenerator, SnganDiscriminator>(Loss = GanLoss.Hinge, CriticSteps = 5, DataRange = DataRange.MinusOneToOne)]
public partial class Sngan;
