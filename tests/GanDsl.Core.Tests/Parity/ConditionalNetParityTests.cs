using GanDsl.Nn;

namespace GanDsl.Core.Tests.Parity;

// The reference nets of make_layers_expected.py, declared with the DSL: a projection discriminator with spectral norm, a
// generator whose batch norms are conditional, and an auxiliary-classifier discriminator.

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

[GanDiscriminator(1, 6, 6, Classes = 3, Conditioning = LabelConditioning.AuxiliaryClassifier)]
[Conv2d(4, 4, 2, 1), BatchNorm2d, LeakyReLU(0.2)]
[Flatten]
[Linear(8), LeakyReLU(0.2)]
[Linear(1), Sigmoid]
public partial class AuxClassifierParityDiscriminator;

/// <summary>
/// Generated conditional nets against PyTorch's reference classes: the checkpoint names (emb.weight for the projection,
/// cbn.K.gain.weight and cbn.K.bias.weight for conditional batch norm, cls.weight and cls.bias for a class head) load strictly on both sides, and the scores, samples,
/// gradients and buffers agree in training mode, the outputs in evaluation mode.
/// </summary>
public class ConditionalNetParityTests
{
    [Theory]
    [InlineData("projection_discriminator")]
    public void Projection_discriminator_matches_pytorch(string name) =>
        ModuleParity.Check(ParityData.Case(name), () => new ProjectionParityCritic(seed: 1), (m, x, labels) => ((DiscriminatorModule)m).Score(x, labels));

    [Theory]
    [InlineData("aux_classifier_discriminator")]
    public void Auxiliary_classifier_scores_and_class_logits_match_pytorch(string name) =>
        ModuleParity.Check(ParityData.Case(name), () => new AuxClassifierParityDiscriminator(seed: 1), (m, x, _) =>
        {
            var (scores, logits) = ((DiscriminatorModule)m).ScoreAndClassify(x, null);
            return GanDsl.Autograd.Ops.Concat([scores, logits], 1);
        });

    [Theory]
    [InlineData("cbn_generator")]
    public void Conditional_batch_norm_generator_matches_pytorch(string name) =>
        ModuleParity.Check(ParityData.Case(name), () => new ConditionalNormParityGenerator(seed: 1), (m, z, labels) => ((GeneratorModule)m).Generate(z, labels));
}
