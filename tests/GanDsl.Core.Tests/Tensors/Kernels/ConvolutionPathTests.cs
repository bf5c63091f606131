using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// Every convolution path (<see cref="ConvAlgorithm"/>), forced on every geometry it applies to, at every vector width and
/// thread count: close to a direct double-precision sum, bit-identical across thread counts, and where a path computes the
/// same sums in the same order as the lowered reference (the implicit GEMM's three maps; whole-image
/// patches as a plain GEMM), bit-identical to it. The direct loops give every output its own fused multiply-add chain in an order fixed by the
/// shapes, so they give the same bits at every width too. Serial: the threaded runs need the worker pool to themselves.
/// </summary>
[Collection(nameof(GemmSerial))]
public class ConvolutionPathTests
{
    private static readonly ConvAlgorithm[] Paths = [ConvAlgorithm.Lowered, ConvAlgorithm.WholeImage, ConvAlgorithm.Direct, ConvAlgorithm.Implicit];
    private static readonly ConvMap[] Maps = [ConvMap.Forward, ConvMap.InputGrad, ConvMap.WeightGrad];

    public static TheoryData<int, int, int, int, int, int, int> Geometries => new()
    {
        // batch, cin, size, cout, kernel, stride, padding: the reference models' layers (fewer images and channels) and edges.
        { 3, 16, 20, 1, 7, 1, 0 },  // one output channel, 7×7 (lightning-cnn's last generator layer): with AVX-512 the direct
                                    // weight gradient pairs kernel rows, the seventh alone
        { 2, 3, 38, 1, 7, 1, 0 },   // one output channel, 7×7, rows of two whole vectors: with AVX-512 the forward tiles run
                                    // skewed without masks (the 20-wide case above runs them masked, with a short last tile)
        { 10, 1, 16, 10, 5, 1, 0 }, // one input channel (lightning-cnn D1); 10 images: two weight-gradient chunks, one short
        { 2, 10, 12, 20, 5, 1, 0 }, // lightning-cnn D2
        { 2, 16, 34, 5, 4, 2, 0 },  // read backwards: the transposed convolution into 16 channels of 34 × 34 (lightning-cnn G2)
        { 5, 8, 18, 5, 4, 2, 0 },   // the same with more images than threads: each thread arranges image after image of the
                                    // direct loops' input into its own scratch
        { 2, 32, 16, 6, 4, 2, 0 },  // lightning-cnn G1 read backwards
        { 3, 1, 28, 8, 4, 2, 1 },   // DCGAN D1
        { 2, 6, 14, 9, 4, 2, 1 },   // DCGAN D2 / G3; odd channel counts leave the last two-channel block half full
        { 2, 9, 7, 12, 3, 2, 1 },   // DCGAN D3 / G2: k = 3 with stride 2, so a transposed sweep has taps that fall outside
        { 4, 12, 4, 1, 4, 1, 0 },   // whole image (DCGAN D4)
        { 10, 3, 3, 9, 3, 1, 0 },   // whole image, ragged GEMM tiles
        { 40, 16, 4, 24, 4, 1, 0 }, // whole image, big enough for the packed GEMM kernels on both paths
        { 2, 3, 9, 5, 3, 1, 2 },    // padding 2
        { 1, 2, 5, 3, 5, 3, 0 },    // stride 3: lowered and implicit only
        { 1, 2, 37, 3, 4, 2, 1 },   // rows longer than two vectors, stride 2
        { 1, 2, 60, 3, 3, 1, 1 },   // rows over three vectors: a whole chunk and a masked one
        { 2, 6, 9, 5, 1, 2, 0 },    // k = 1, stride 2: odd rows and columns of the input gradient get no tap at all
        { 2, 7, 11, 6, 5, 2, 2 },   // k = 5, stride 2, padding 2
        { 2, 3, 16, 4, 4, 2, 1 },   // stride 2 onto rows of 8 from rows of 16: the AVX-512 unfold's row pairs fill whole
                                    // vectors, and a padding column's index falls on a real pixel of the other row
        { 2, 32, 8, 64, 4, 2, 1 },  // 64 × 512 weights: the implicit maps pack them for the GEMM in parallel parts
        { 7, 32, 14, 8, 4, 2, 1 },  // DCGAN D2 at full width: the implicit maps take 5 images a part, so two parts, one short;
                                    // the AVX-512 col2im sums four images at once and then the rest one by one
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void EveryPathMatchesTheDirectSumAndKeepsItsBitsOnEveryThreadCount(int batch, int cin, int size, int cout, int kernel, int stride, int padding)
    {
        var problem = new Problem(ConvGeometry.ForConv(batch, cin, size, size, cout, kernel, stride, padding));
        foreach (var map in Maps)
        {
            var reference = problem.Reference(map);
            foreach (var path in Paths.Where(p => Convolution.Applies(p, problem.G, map)))
            foreach (var width in GemmTests.Paths)
            {
                var single = problem.Run(map, path, width, threads: 1);
                AssertClose(reference, single, $"{path} {map} at {width}");
                foreach (int threads in new[] { 2, 3 })
                    Assert.True(Bits(single).SequenceEqual(Bits(problem.Run(map, path, width, threads))),
                        $"{path} {map} at {width} changed its bits on {threads} threads");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void DirectLoopsGiveTheSameBitsAtEveryWidth(int batch, int cin, int size, int cout, int kernel, int stride, int padding)
    {
        var problem = new Problem(ConvGeometry.ForConv(batch, cin, size, size, cout, kernel, stride, padding));
        foreach (var map in Maps.Where(m => Convolution.Applies(ConvAlgorithm.Direct, problem.G, m)))
        {
            var scalar = Bits(problem.Run(map, ConvAlgorithm.Direct, VectorWidth.Scalar, threads: 2));
            foreach (var width in new[] { VectorWidth.Bits512, VectorWidth.Bits256 })
                Assert.True(scalar.SequenceEqual(Bits(problem.Run(map, ConvAlgorithm.Direct, width, threads: 2))),
                    $"direct {map} at {width} differs from the scalar loop");
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ImplicitAndWholeImageGemmsGiveTheLoweredBits(int batch, int cin, int size, int cout, int kernel, int stride, int padding)
    {
        var g = ConvGeometry.ForConv(batch, cin, size, size, cout, kernel, stride, padding);
        var problem = new Problem(g);
        int np = g.Batch * g.OutPlane;
        foreach (var width in GemmTests.Paths)
        {
            // The lowered GEMM is compared only where it runs the packed kernels: its direct loops for tiny products sum in another order.
            if (!Gemm.TakesDirectLoops(false, false, g.OutChannels, np, g.PatchSize))
                AssertSameBits(problem, ConvMap.Forward, ConvAlgorithm.Implicit, width);
            if (!Gemm.TakesDirectLoops(false, true, g.OutChannels, g.PatchSize, np))
                AssertSameBits(problem, ConvMap.WeightGrad, ConvAlgorithm.Implicit, width);
            if (Convolution.Applies(ConvAlgorithm.Implicit, g, ConvMap.InputGrad))
                AssertSameBits(problem, ConvMap.InputGrad, ConvAlgorithm.Implicit, width);
            if (!WholeImagePatches.Applies(g)) continue;
            if (!Gemm.TakesDirectLoops(false, false, g.OutChannels, np, g.PatchSize) && !Gemm.TakesDirectLoops(false, true, g.Batch, g.OutChannels, g.PatchSize))
                AssertSameBits(problem, ConvMap.Forward, ConvAlgorithm.WholeImage, width);
            if (!Gemm.TakesDirectLoops(true, false, g.PatchSize, np, g.OutChannels) && !Gemm.TakesDirectLoops(false, false, g.Batch, g.PatchSize, g.OutChannels))
                AssertSameBits(problem, ConvMap.InputGrad, ConvAlgorithm.WholeImage, width);
            if (!Gemm.TakesDirectLoops(false, true, g.OutChannels, g.PatchSize, np) && !Gemm.TakesDirectLoops(true, false, g.OutChannels, g.PatchSize, g.Batch))
                AssertSameBits(problem, ConvMap.WeightGrad, ConvAlgorithm.WholeImage, width);
        }
    }

    [Theory]
    [InlineData(128, 5, 2)]   // dcgan's 32→64 layer: parts of five images, then fewer
    [InlineData(128, 14, 2)]
    [InlineData(10, 10, 3)]
    [InlineData(128, 5, 1)]   // one thread: equal parts, nothing to balance
    [InlineData(1, 4, 2)]
    public void ImplicitPartsCoverTheBatchOnceAndShrinkTowardsTheEnd(int batch, int largest, int threads)
    {
        int[] starts = [];
        int parts = Convolution.ShrinkingParts(batch, largest, threads, ref starts);
        Assert.Equal(0, starts[0]);
        Assert.Equal(batch, starts[parts]);
        var sizes = Enumerable.Range(0, parts).Select(p => starts[p + 1] - starts[p]).ToArray();
        Assert.All(sizes, size => Assert.InRange(size, 1, largest));
        for (int p = 1; p < parts; p++) Assert.True(sizes[p] <= sizes[p - 1], $"part {p} ({sizes[p]} images) follows a smaller one");
        if (threads == 1) Assert.Equal((batch + largest - 1) / largest, parts);
        else Assert.Equal(1, sizes[^1]);
    }

    [Fact]
    public void TheBitComparisonsAboveCoverEveryGemmPath()
    {
        // Guards the conditions above against skipping everything: these shapes run the packed kernels on both paths of every map.
        var g = Square(2, 6, 14, 9, 4, 2, 1);
        Assert.False(Gemm.TakesDirectLoops(false, false, g.OutChannels, g.Batch * g.OutPlane, g.PatchSize));
        Assert.False(Gemm.TakesDirectLoops(false, true, g.OutChannels, g.PatchSize, g.Batch * g.OutPlane));
        Assert.True(Convolution.Applies(ConvAlgorithm.Implicit, g, ConvMap.InputGrad));
        var w = Square(40, 16, 4, 24, 4, 1, 0);
        Assert.True(WholeImagePatches.Applies(w));
        Assert.DoesNotContain(true, new[]
        {
            Gemm.TakesDirectLoops(false, false, w.OutChannels, w.Batch, w.PatchSize), Gemm.TakesDirectLoops(false, true, w.Batch, w.OutChannels, w.PatchSize),
            Gemm.TakesDirectLoops(true, false, w.PatchSize, w.Batch, w.OutChannels), Gemm.TakesDirectLoops(false, false, w.Batch, w.PatchSize, w.OutChannels),
            Gemm.TakesDirectLoops(false, true, w.OutChannels, w.PatchSize, w.Batch), Gemm.TakesDirectLoops(true, false, w.OutChannels, w.PatchSize, w.Batch),
        });
    }

    public static TheoryData<string, int, int, int, int, int, int, int, string, string> ReferenceModelChoices => new()
    {
        { "lightning-cnn G3 forward", 128, 16, 34, 1, 7, 1, 0, "Forward", "Direct" },
        { "lightning-cnn G3 input gradient", 128, 16, 34, 1, 7, 1, 0, "InputGrad", "Direct" },
        { "lightning-cnn G3 weight gradient", 128, 16, 34, 1, 7, 1, 0, "WeightGrad", "Direct" },
        { "lightning-cnn D2 forward", 128, 10, 12, 20, 5, 1, 0, "Forward", "Implicit|Direct" },
        { "lightning-cnn D1 forward", 128, 1, 28, 10, 5, 1, 0, "Forward", "Direct" },
        { "lightning-cnn D1 input gradient", 128, 1, 28, 10, 5, 1, 0, "InputGrad", "Implicit|Direct" },
        { "sngan D1 input gradient", 128, 1, 28, 32, 3, 1, 1, "InputGrad", "Implicit|Direct" },
        { "progressive D 16 -> 32 forward", 128, 16, 28, 32, 3, 1, 1, "Forward", "Implicit|Direct" },
        { "lightning-cnn D2 input gradient", 128, 10, 12, 20, 5, 1, 0, "InputGrad", "Implicit" },
        { "lightning-cnn G2 (transposed) forward", 128, 16, 34, 32, 4, 2, 0, "InputGrad", "Direct|Implicit" },
        { "lightning-cnn G2 (transposed) input gradient", 128, 16, 34, 32, 4, 2, 0, "Forward", "Implicit" },
        { "lightning-cnn G2 (transposed) weight gradient", 128, 16, 34, 32, 4, 2, 0, "WeightGrad", "Implicit" },
        { "lightning-cnn G1 (transposed) forward", 128, 32, 16, 64, 4, 2, 0, "InputGrad", "Implicit" },
        { "dcgan D2 forward", 128, 32, 14, 64, 4, 2, 1, "Forward", "Implicit" },
        { "dcgan D2 weight gradient", 128, 32, 14, 64, 4, 2, 1, "WeightGrad", "Implicit" },
        { "dcgan D2 input gradient", 128, 32, 14, 64, 4, 2, 1, "InputGrad", "Implicit" },
        { "dcgan D1 weight gradient", 128, 1, 28, 32, 4, 2, 1, "WeightGrad", "Direct|Lowered" },
        { "dcgan D4 input gradient", 128, 128, 4, 1, 4, 1, 0, "InputGrad", "WholeImage" },
    };

    // "A|B": A where the kernels may use AVX-512 on this CPU, B where they may not (forced here both ways).
    [Theory]
    [MemberData(nameof(ReferenceModelChoices))]
    public void AutoPicksThePathMeasuredFastestForTheReferenceModels(string layer, int batch, int cin, int size, int cout, int kernel,
        int stride, int padding, string map, string expected)
    {
        var g = ConvGeometry.ForConv(batch, cin, size, size, cout, kernel, stride, padding);
        var choices = expected.Split('|');
        foreach (var width in new[] { VectorWidth.Bits512, VectorWidth.Bits256 })
        {
            using var scope = KernelSettings.Override(width);
            bool wide = Lanes.For() == LaneWidth.Bits512;
            var want = Enum.Parse<ConvAlgorithm>(choices[wide || choices.Length == 1 ? 0 : 1]);
            Assert.True(want == Convolution.Pick(ConvAlgorithm.Auto, g, Enum.Parse<ConvMap>(map)), $"{layer} at {width}: expected {want}");
        }
    }

    [Fact]
    public void AForcedPathThatCannotComputeAMapIsRefusedByName()
    {
        var g = Square(1, 2, 5, 3, 5, 3, 0);
        var ex = Assert.Throws<ArgumentException>(() =>
            Convolution.Forward(g, new float[2 * 25], new float[3 * 50], new float[3], ConvAlgorithm.Direct));
        Assert.Contains("Direct cannot compute the Forward map", ex.Message);
    }

    [Fact]
    public void SteadyStateConvolutionsAllocateNothing()
    {
        // Every path on a shape it serves; counted on this thread with the kernels on one thread (see GemmSerialTests).
        var cases = new (ConvGeometry G, ConvMap Map, ConvAlgorithm Path)[]
        {
            (Square(4, 16, 20, 1, 7, 1, 0), ConvMap.Forward, ConvAlgorithm.Direct),
            (Square(4, 16, 20, 1, 7, 1, 0), ConvMap.InputGrad, ConvAlgorithm.Direct),
            (Square(4, 16, 20, 1, 7, 1, 0), ConvMap.WeightGrad, ConvAlgorithm.Direct),
            (Square(4, 8, 18, 6, 4, 2, 0), ConvMap.InputGrad, ConvAlgorithm.Direct),
            (Square(4, 8, 14, 16, 4, 2, 1), ConvMap.Forward, ConvAlgorithm.Implicit),
            (Square(4, 8, 14, 16, 4, 2, 1), ConvMap.InputGrad, ConvAlgorithm.Implicit),
            (Square(8, 16, 4, 8, 4, 1, 0), ConvMap.Forward, ConvAlgorithm.WholeImage),
        };
        var problems = cases.Select(c => new Problem(c.G)).ToArray();
        var rounds = new List<long>();
        using (KernelSettings.Override(threads: 1))
        {
            for (int round = 0; round < 40; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < cases.Length; i++) problems[i].RunInPlace(cases[i].Map, cases[i].Path);
                rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
                if (rounds[^1] == 0) break;
            }
        }
        Assert.True(rounds[^1] == 0, $"Every round of convolutions allocated: {string.Join(", ", rounds)} bytes.");
    }

    private static void AssertSameBits(Problem problem, ConvMap map, ConvAlgorithm path, VectorWidth width) =>
        Assert.True(Bits(problem.Run(map, ConvAlgorithm.Lowered, width, threads: 2)).SequenceEqual(Bits(problem.Run(map, path, width, threads: 2))),
            $"{path} {map} at {width} differs from the lowered path's bits");

    private static ConvGeometry Square(int batch, int cin, int size, int cout, int kernel, int stride, int padding) =>
        ConvGeometry.ForConv(batch, cin, size, size, cout, kernel, stride, padding);

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f * (1 + Math.Abs(expected[i])),
                $"{what}, element {i}: expected {expected[i]} but got {actual[i]}");
    }

    /// <summary>One geometry's random input, weights and output gradient, and the three maps on any path.</summary>
    private sealed class Problem
    {
        private readonly float[] _x, _w, _dy, _y, _dx, _dw;

        public Problem(ConvGeometry g)
        {
            G = g;
            var rng = new Rng(11);
            _x = Random(rng, g.Batch * g.InChannels * g.InPlane);
            _w = Random(rng, g.OutChannels * g.PatchSize);
            _dy = Random(rng, g.Batch * g.OutChannels * g.OutPlane);
            (_y, _dx, _dw) = (new float[_dy.Length], new float[_x.Length], new float[_w.Length]);
        }

        public ConvGeometry G { get; }

        public float[] Run(ConvMap map, ConvAlgorithm path, VectorWidth width, int threads)
        {
            using var scope = KernelSettings.Override(width, threads);
            var output = new float[map switch { ConvMap.Forward => _dy.Length, ConvMap.InputGrad => _x.Length, _ => _w.Length }];
            Array.Fill(output, float.NaN); // every element must be written, not accumulated into
            Compute(map, path, output);
            return output;
        }

        public void RunInPlace(ConvMap map, ConvAlgorithm path) =>
            Compute(map, path, map switch { ConvMap.Forward => _y, ConvMap.InputGrad => _dx, _ => _dw });

        private void Compute(ConvMap map, ConvAlgorithm path, float[] output)
        {
            switch (map)
            {
                case ConvMap.Forward: Convolution.Forward(G, _x, _w, output, path); break;
                case ConvMap.InputGrad: Convolution.InputGrad(G, _dy, _w, output, path); break;
                default: Convolution.WeightGrad(G, _x, _dy, output, path); break;
            }
        }

        // y[n,o,oy,ox] = Σ w[o,c,ky,kx]·x[n,c,iy,ix]; dx and dw are its adjoints, summed directly in double.
        public float[] Reference(ConvMap map)
        {
            var g = G;
            var result = new double[map switch { ConvMap.Forward => _dy.Length, ConvMap.InputGrad => _x.Length, _ => _w.Length }];
            int k = g.Kernel;
            for (int n = 0; n < g.Batch; n++)
            for (int o = 0; o < g.OutChannels; o++)
            for (int oy = 0; oy < g.OutHeight; oy++)
            for (int ox = 0; ox < g.OutWidth; ox++)
            for (int c = 0; c < g.InChannels; c++)
            for (int ky = 0; ky < k; ky++)
            for (int kx = 0; kx < k; kx++)
            {
                int iy = oy * g.Stride - g.Padding + ky, ix = ox * g.Stride - g.Padding + kx;
                if (iy < 0 || iy >= g.Height || ix < 0 || ix >= g.Width) continue;
                int yi = ((n * g.OutChannels + o) * g.OutHeight + oy) * g.OutWidth + ox;
                int xi = ((n * g.InChannels + c) * g.Height + iy) * g.Width + ix;
                int wi = ((o * g.InChannels + c) * k + ky) * k + kx;
                switch (map)
                {
                    case ConvMap.Forward: result[yi] += (double)_w[wi] * _x[xi]; break;
                    case ConvMap.InputGrad: result[xi] += (double)_w[wi] * _dy[yi]; break;
                    default: result[wi] += (double)_x[xi] * _dy[yi]; break;
                }
            }
            return Array.ConvertAll(result, v => (float)v);
        }

        private static float[] Random(Rng rng, int count)
        {
            var v = new float[count];
            rng.FillUniform(v, -1f, 1f);
            return v;
        }
    }
}
