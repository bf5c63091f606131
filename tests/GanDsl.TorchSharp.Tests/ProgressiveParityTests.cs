using GanDsl.Models;
using GanDsl.Nn.Progressive;
using GanDsl.TorchSharp.Tests.Support;

namespace GanDsl.TorchSharp.Tests;

/// <summary>The progressive reference GAN on TorchSharp at every stage, settled (α = 1) and mid-fade (α = 0.3).</summary>
public class ProgressiveParityTests
{
    private const int Batch = 3;

    public static TheoryData<int, float, bool> Stages() => new()
    {
        { 0, 1f, false }, { 0, 1f, true },
        { 1, 0.3f, false }, { 1, 0.3f, true }, { 1, 1f, true },
        { 2, 0.3f, false }, { 2, 0.3f, true }, { 2, 1f, false }, { 2, 1f, true },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void Generator_matches_at_the_stage_and_fade(int stage, float alpha, bool train)
    {
        var g = new ProgressiveFashionGan(5).Generator;
        g.SetProgress(stage, alpha);
        NetParity.Check(g, NetParity.Random([Batch, g.LatentDim], 21), null, train);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Discriminator_matches_at_the_stage_and_fade(int stage, float alpha, bool train)
    {
        var d = new ProgressiveFashionGan(5).Discriminator;
        d.SetProgress(stage, alpha);
        NetParity.Check(d, NetParity.Random([Batch, .. d.InputShape], 22), null, train);
    }

    [Fact]
    public void Torch_progressive_nets_follow_the_managed_stage_and_refuse_a_stage_they_lack()
    {
        var g = new ProgressiveFashionGan(5).Generator;
        g.SetProgress(1, 0.25f);
        var torchG = (TorchProgressiveGenerator)TorchNets.Build(g);

        Assert.Equal((1, 0.25f), (torchG.Stage, torchG.Alpha));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => torchG.SetProgress(3, 1f));
        Assert.Contains("stages 0 to 2", error.Message);
    }

    [Fact]
    public void State_dict_names_follow_the_managed_checkpoint()
    {
        var gan = new ProgressiveFashionGan(5);
        var torchG = TorchNets.Build(gan.Generator);
        var torchD = TorchNets.Build(gan.Discriminator);

        // TorchSharp lists a module's parameters before its buffers; the names are the same set.
        Assert.Equal(gan.Generator.StateDict().Select(e => e.Name).Order(), torchG.state_dict().Keys.Order());
        Assert.Equal(gan.Discriminator.StateDict().Select(e => e.Name).Order(), torchD.state_dict().Keys.Order());
        Assert.Contains("to_image.2.weight", torchG.state_dict().Keys);
        Assert.Contains("blocks.0.1.weight", torchG.state_dict().Keys);
        Assert.Contains("from_image.0.bias", torchD.state_dict().Keys);
    }
}
