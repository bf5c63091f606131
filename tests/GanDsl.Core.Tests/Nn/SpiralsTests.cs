using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn;

/// <summary>A runtime Sequential MLP must learn a task no linear model can: two interleaved spirals.</summary>
public class SpiralsTests
{
    private static (Tensor X, Tensor Y) Spirals(int perClass, Rng rng)
    {
        var x = new Tensor(new Shape(2 * perClass, 2));
        var y = new Tensor(new Shape(2 * perClass, 1));
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < perClass; i++)
            {
                double r = (double)i / perClass, angle = 3.5 * Math.PI * r + c * Math.PI;
                int row = c * perClass + i;
                x.Data[2 * row] = (float)(r * Math.Cos(angle) + 0.02 * rng.NextNormal());
                x.Data[2 * row + 1] = (float)(r * Math.Sin(angle) + 0.02 * rng.NextNormal());
                y.Data[row] = c;
            }
        return (x, y);
    }

    [Fact]
    public void Mlp_learns_two_interleaved_spirals_above_95_percent()
    {
        var (x, y) = Spirals(100, new Rng(5));
        var net = new Sequential(new Linear(2, 64), new Tanh(), new Linear(64, 64), new Tanh(), new Linear(64, 1));
        net.Initialize(Init.PyTorchDefault, new Rng(3));
        var optimizer = new Adam(net.Parameters(), learningRate: 0.01f);
        for (int step = 0; step < 1500; step++)
        {
            optimizer.ZeroGrad();
            var loss = Ops.BinaryCrossEntropyWithLogits(net.Forward(x), y);
            Engine.Backward(loss);
            optimizer.Step();
        }
        Tensor logits;
        using (GradMode.NoGrad()) logits = net.Forward(x);
        int correct = Enumerable.Range(0, y.Size).Count(i => (logits.Data[i] > 0 ? 1f : 0f) == y.Data[i]);
        Assert.True(correct > 0.95 * y.Size, $"accuracy {correct}/{y.Size}");
    }
}
