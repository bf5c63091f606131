using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors;

public class RngNormalTests
{
    public static TheoryData<VectorWidth> Widths => new() { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Scalar };

    [Theory]
    [MemberData(nameof(Widths))]
    public void FillNormal_gives_the_values_and_state_of_one_NextNormal_per_element_at_every_width(VectorWidth width)
    {
        using var _ = KernelSettings.Override(vectorWidth: width);
        // Lengths around the 128-pair chunk and the vector widths, after an even and an odd number of values drawn.
        foreach (int before in new[] { 0, 1 })
            foreach (int length in new[] { 1, 2, 3, 7, 16, 17, 255, 256, 257, 1000 })
            {
                var fast = new Rng(5);
                var slow = new Rng(5);
                for (int i = 0; i < before; i++) Assert.Equal(slow.NextNormal(), fast.NextNormal());
                var filled = new float[length];
                fast.FillNormal(filled, 0.5f, 2f);
                for (int i = 0; i < length; i++) Assert.Equal(0.5f + 2f * slow.NextNormal(), filled[i]);
                Assert.Equal(slow.State, fast.State);
                Assert.Equal(slow.NextNormal(), fast.NextNormal());
            }
    }

    [Fact]
    public void The_pairs_are_within_a_few_units_of_a_double_of_the_C_library_s_Box_Muller()
    {
        var uniforms = new Rng(9);
        var inputs = new List<(double U1, double U2)>
        {
            (1.0, 0.0), (1.0, 0.5), (Math.Pow(2, -53), 0.25), (Math.Pow(2, -53), 1 - Math.Pow(2, -53)),
            (0.5, 0.125), (0.5, 0.375), (0.25, 0.625), (0.75, 0.875), (Math.Sqrt(0.5), 0.75),
        };
        for (int i = 0; i < 200_000; i++) inputs.Add((1.0 - uniforms.NextDouble(), uniforms.NextDouble()));

        foreach (var (u1, u2) in inputs)
        {
            var (cos, sin) = NormalPairs.One(u1, u2);
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            // The library's angle 2π·u2 carries its own rounding of up to 2⁻⁵³·2π, so compare to within that.
            double tolerance = 1e-15 * (1 + r) * 8;
            Assert.InRange(cos - r * Math.Cos(2 * Math.PI * u2), -tolerance, tolerance);
            Assert.InRange(sin - r * Math.Sin(2 * Math.PI * u2), -tolerance, tolerance);
        }
    }

    [Fact]
    public void Every_width_gives_the_scalar_bits_on_awkward_uniforms()
    {
        // Quadrant edges, ties of 4·u2 between integers, u1 at 1 and at the smallest draw, and random pairs.
        var list = new List<(double, double)>();
        foreach (double u2 in new[] { 0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1 - Math.Pow(2, -53), Math.Pow(2, -53) })
            foreach (double u1 in new[] { 1.0, Math.Pow(2, -53), 0.5, Math.Sqrt(0.5), Math.Sqrt(2) / 2 + 1e-16, 1 - Math.Pow(2, -53) })
                list.Add((u1, u2));
        var rng = new Rng(4);
        for (int i = 0; i < 4099; i++) list.Add((1.0 - rng.NextDouble(), rng.NextDouble()));

        var expected = list.Select(p => NormalPairs.One(p.Item1, p.Item2)).ToArray();
        foreach (var width in new[] { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Scalar })
        {
            using var _ = KernelSettings.Override(vectorWidth: width);
            var (cos, sin) = Transform(list);
            for (int i = 0; i < list.Count; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Cos), BitConverter.DoubleToInt64Bits(cos[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Sin), BitConverter.DoubleToInt64Bits(sin[i]));
            }
        }
    }

    [Fact]
    public void A_million_samples_have_the_standard_normal_s_moments_and_tails()
    {
        var samples = new float[1_000_000];
        new Rng(21).FillNormal(samples);
        double mean = samples.Average(v => (double)v);
        double variance = samples.Average(v => ((double)v - mean) * ((double)v - mean));
        double withinOne = samples.Count(v => Math.Abs(v) < 1) / (double)samples.Length;
        double beyondThree = samples.Count(v => Math.Abs(v) > 3) / (double)samples.Length;
        // Standard errors: mean 0.001, variance 0.0014, P(|z| < 1) 0.00047, P(|z| > 3) 0.000052; four of each.
        Assert.InRange(mean, -0.004, 0.004);
        Assert.InRange(variance, 0.9944, 1.0056);
        Assert.InRange(withinOne, 0.6827 - 0.0019, 0.6827 + 0.0019);
        Assert.InRange(beyondThree, 0.0027 - 0.00021, 0.0027 + 0.00021);
    }

    private static unsafe (double[] Cos, double[] Sin) Transform(List<(double U1, double U2)> pairs)
    {
        double[] u1 = pairs.Select(p => p.U1).ToArray(), u2 = pairs.Select(p => p.U2).ToArray();
        double[] cos = new double[pairs.Count], sin = new double[pairs.Count];
        fixed (double* a = u1, b = u2, c = cos, s = sin) NormalPairs.Transform(a, b, c, s, pairs.Count);
        return (cos, sin);
    }
}
