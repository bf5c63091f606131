using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Nn.Progressive;
using GanDsl.Onnx.Tests.Support;
using GanDsl.Shapes;

namespace GanDsl.Onnx.Tests;

/// <summary>A progressive net exports the stage and fade-in α it stands at, and the file computes exactly that stage.</summary>
public class ProgressiveExportTests
{
    public static TheoryData<long, int, float> Steps => new()
    {
        { 0, 0, 1f },           // stage 1 (7x7), upsampled to 28x28
        { 1500 + 300, 1, 0.4f }, // stage 2 fading in from stage 1
        { 2250 + 10, 1, 1f },    // stage 2 alone
        { 3000 + 375, 2, 0.5f }, // stage 3 fading in from stage 2
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Both_nets_match_GanDsl_at_each_stage_and_fade(long completedSteps, int stage, float alpha)
    {
        var gan = new ProgressiveFashionGan(seed: 9);
        gan.Advance(completedSteps);
        Assert.Equal((stage, alpha), (gan.Progress.Stage, gan.Progress.Alpha));
        Parity.PerturbBatchNorms(gan.Generator, 1);
        Parity.PerturbBatchNorms(gan.Discriminator, 2);
        ReferenceModelParityTests.AssertGeneratorParity(gan.Generator, OnnxExport.ToBytes(gan.Generator));
        ReferenceModelParityTests.AssertDiscriminatorParity(gan.Discriminator, OnnxExport.ToBytes(gan.Discriminator));
    }

    [Fact]
    public void The_file_records_its_stage_and_alpha_and_leaves_later_stages_out()
    {
        var gan = new ProgressiveFashionGan(seed: 9);
        gan.Advance(1500 + 300);
        var generator = OnnxModelFile.Read(OnnxExport.ToBytes(gan.Generator));
        Assert.Equal("2 of 3", generator.Metadata["gandsl.stage"]);
        Assert.Equal("0.4", generator.Metadata["gandsl.alpha"]);
        Assert.Equal("14x14", generator.Metadata["gandsl.stage_resolution"]);
        Assert.Contains("to_image.0.weight", generator.Initializers);    // the fading-out head
        Assert.Contains("blocks.1.2.running_var", generator.Initializers);
        Assert.DoesNotContain(generator.Initializers, name => name.StartsWith("blocks.2.", StringComparison.Ordinal) || name.StartsWith("to_image.2.", StringComparison.Ordinal));

        gan.Advance(2250 + 10);
        var settled = OnnxModelFile.Read(OnnxExport.ToBytes(gan.Generator));
        Assert.Equal("1", settled.Metadata["gandsl.alpha"]);
        Assert.DoesNotContain("to_image.0.weight", settled.Initializers);
    }

    [Fact]
    public void A_progressive_net_of_run_time_blocks_exports_like_a_declared_one()
    {
        var blocks = new BlockModule[]
        {
            new StackBlock([8], [LayerSpec.Reshape(8, 1, 1), LayerSpec.ConvTranspose2d(6, 4), LayerSpec.BatchNorm2d(), LayerSpec.ReLU()], seed: 1),
            new StackBlock([6, 4, 4], [LayerSpec.Upsample(2), LayerSpec.Conv2d(4, 3, 1, 1), LayerSpec.LeakyReLU(0.2)], seed: 2),
        };
        var generator = new ProgressiveGenerator(blocks, imageChannels: 2, seed: 3);
        generator.SetProgress(1, 0.25f);
        Parity.PerturbBatchNorms(generator, 4);
        ReferenceModelParityTests.AssertGeneratorParity(generator, OnnxExport.ToBytes(generator));
    }
}
