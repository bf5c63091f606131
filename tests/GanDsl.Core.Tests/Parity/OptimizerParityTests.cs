using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>Two steps of Adam, AdamW and SGD with momentum on two parameters with fixed gradients.</summary>
public class OptimizerParityTests
{
    [Theory]
    [InlineData("adam_gan")]
    [InlineData("adam_large_lr")]
    public void Adam_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        Check(c, ps => new Adam(ps, c.Float("lr"), c.Float("beta1"), c.Float("beta2"), c.Float("eps"), c.Float("weight_decay")));
    }

    [Theory]
    [InlineData("adamw_gan")]
    [InlineData("adamw_large_lr")]
    public void AdamW_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        Check(c, ps => new AdamW(ps, c.Float("lr"), c.Float("beta1"), c.Float("beta2"), c.Float("eps"), c.Float("weight_decay")));
    }

    [Theory]
    [InlineData("sgd_momentum")]
    [InlineData("sgd_momentum_gan")]
    [InlineData("sgd_plain")]
    public void Sgd_matches_pytorch(string name)
    {
        var c = ParityData.Case(name);
        Check(c, ps => new Sgd(ps, c.Float("lr"), c.Float("momentum"), c.Float("weight_decay")));
    }

    private static void Check(ParityCase c, Func<IReadOnlyList<Tensor>, Optimizer> make)
    {
        var parameters = new[] { c.Tensor("p0"), c.Tensor("p1") };
        var optimizer = make(parameters);
        for (int step = 1; step <= c.Int("steps"); step++)
        {
            for (int i = 0; i < parameters.Length; i++) parameters[i].Grad = c.Tensor($"g{i}_step{step}");
            optimizer.Step();
            for (int i = 0; i < parameters.Length; i++) ParityAssert.Close(c, $"p{i}_after{step}", parameters[i]);
        }
        // The moments and momentum buffers too: a parameter moves by only ~lr per step, so its value alone hides small
        // errors in the state that later steps would compound. The second moment is ~g² (1e-6 here), far below the default
        // atol, so the state is held to a relative tolerance only: an atol of 1e-12 just covers exact zeros.
        var state = optimizer.State();
        Assert.NotEmpty(state);
        foreach (var (stateName, value) in state)
        {
            if (c.Has(stateName)) ParityAssert.Close(c, stateName, value, atol: 1e-12);
            else Assert.All(value.Data, v => Assert.Equal(0f, v)); // PyTorch keeps no such buffer (SGD without momentum)
        }
    }
}
