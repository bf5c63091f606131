using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn;

public class DeterminismTests
{
    private static float[] TrainAndSnapshot(ulong seed, bool pooled = false)
    {
        var net = new Sequential(new Conv2d(1, 4, 3, 1, 1), new BatchNorm2d(4), new LeakyReLU(0.2), new Dropout(0.3),
            new Flatten(), new Linear(4 * 6 * 6, 1));
        net.Initialize(Init.PyTorchDefault, new Rng(seed));
        var optimizer = new AdamW(net.Parameters(), 1e-2f, 0.5f, 0.999f, 1e-8f, 1e-5f);
        var rng = new Rng(seed + 1);
        for (int step = 0; step < 5; step++)
        {
            using var scope = pooled ? BufferScope.Begin() : default(BufferScope.Frame?);
            var x = new Tensor(new Shape(8, 1, 6, 6));
            rng.FillNormal(x.Data);
            optimizer.ZeroGrad();
            Engine.Backward(Ops.Mean(Ops.Square(net.Forward(x))));
            optimizer.Step();
        }
        return net.StateDict().SelectMany(p => p.Value.Data).ToArray();
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_and_a_different_seed_does_not()
    {
        var a = TrainAndSnapshot(11);
        var b = TrainAndSnapshot(11);
        Assert.Equal(a.Select(BitConverter.SingleToInt32Bits), b.Select(BitConverter.SingleToInt32Bits));
        Assert.NotEqual(a, TrainAndSnapshot(12));
    }

    [Fact]
    public void Recycling_intermediate_buffers_changes_no_bit_of_the_result()
    {
        var plain = TrainAndSnapshot(13);
        var pooled = TrainAndSnapshot(13, pooled: true);
        Assert.Equal(plain.Select(BitConverter.SingleToInt32Bits), pooled.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Rng_state_round_trips_exactly()
    {
        var rng = new Rng(9);
        rng.NextNormal();
        var state = rng.State;
        var expected = Enumerable.Range(0, 5).Select(_ => rng.NextNormal()).ToArray();
        var restored = new Rng(0) { State = state };
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => restored.NextNormal()).ToArray());
    }
}
