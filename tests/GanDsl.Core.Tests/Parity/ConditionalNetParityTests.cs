using GanDsl.Nn;

namespace GanDsl.Core.Tests.Parity;

// The reference nets of make_layers_expected.py, declared with the DSL: a projection discriminator with spectral norm, and a
// generator whose batch norms are conditional.

[GanDiscriminator(1, 6, 6, Classes = 3, Conditioning = LabelConditioning.Projection)]
[Conv2d(4, 4, 2, 1, SpectralNorm = true), LeakyReLU(0.2)]
[Flatten]
[Linear(8, SpectralNorm = true), ReLU]
[Linear(1, SpectralNorm = true)]
public partial class ProjectionParityCritic;

[GanGenerator(LatentDim = 5, Classes = 3, Conditioning = LabelConditioning.ConditionalBatchNorm)]
[Linear(32), BatchNorm1d, ReLU]
[Reshape(2, 4, 4)]
[ConvTranspose2d(3, 4, 2, 1), BatchNorm2d, ReLU]
[Conv2d(1, 3, 1, 1), Tanh]
public partial class ConditionalNormParityGenerator;

/// <summary>
/// Generated conditional nets against PyTorch's reference classes: the checkpoint names (emb.weight for the projection,
/// cbn.K.gain.weight and cbn.K.bias.weight for conditional batch norm) load strictly on both sides, and the scores, samples,
/// gradients and buffers agree in training mode, the outputs in evaluation mode.
/// </summary>
public class ConditionalNetParityTests
{
    [Theory]
    [InlineData("projection_discriminator")]
    public void Projection_discriminator_matches_pytorch(string name) =>
        ModuleParity.Check(ParityData.Case(name), () => new ProjectionParityCritic(seed: 1), (m, x, labels) => ((DiscriminatorModule)m).Score(x, labels));

    [Theory]
    [InlineData("cbn_generator")]
    public void Conditional_batch_norm_generator_matches_pytorch(string name) =>
        ModuleParity.Check(ParityData.Case(name), () => new ConditionalNormParityGenerator(seed: 1), (m, z, labels) => ((GeneratorModule)m).Generate(z, labels));
}
