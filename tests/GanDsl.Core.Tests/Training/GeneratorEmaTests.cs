using GanDsl.Tensors;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

public class GeneratorEmaTests
{
    [Fact]
    public void An_update_gives_the_scalar_formulas_bits_in_vector_lanes_and_tails()
    {
        var gan = new MlpGan(5, probability: true);
        var ema = new GeneratorEma(gan.Generator, 0.9f);
        var parameters = gan.Generator.NamedParameters().Select(p => p.Value).ToList();
        Assert.Contains(parameters, p => p.Size % System.Numerics.Vector<float>.Count != 0); // some parameter has a scalar tail
        float keep = ema.Decay, take = 1f - ema.Decay; // as Update takes them
        var rng = new Rng(3);
        for (int step = 0; step < 3; step++)
        {
            foreach (var p in parameters) rng.FillNormal(p.Data); // the generator moves
            var expected = ema.Averages.Zip(parameters, (a, p) =>
                a.Value.Data.Select((v, j) => BitConverter.SingleToInt32Bits(keep * v + take * p.Data[j])).ToArray()).ToList();
            ema.Update();
            for (int i = 0; i < expected.Count; i++)
                Assert.Equal(expected[i], ema.Averages[i].Value.Data.Select(BitConverter.SingleToInt32Bits));
        }
    }
}
