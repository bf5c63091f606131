using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// The whole-batch convolution maps against a direct double-precision reference, on every vector width (AVX-512, AVX2
/// and scalar lowering loops and GEMM micro-kernels; 8×8 transposes) and thread count: bit-identical across thread counts,
/// and the lowering alone bit-identical across widths too. Serial: the threaded runs need the worker pool to themselves.
/// </summary>
[Collection(nameof(GemmSerial))]
public class ConvolutionTests
{
    public static TheoryData<int, int, int, int, int, int, int> Geometries => new()
    {
        // batch, cin, size, cout, kernel, stride, padding: the DCGAN layers (shrunk batch) and ragged cases.
        { 3, 1, 28, 8, 4, 2, 1 },
        { 2, 5, 14, 6, 4, 2, 1 },
        { 2, 9, 7, 4, 3, 2, 1 },
        { 4, 12, 4, 1, 4, 1, 0 },
        { 2, 3, 9, 5, 3, 1, 2 },
        { 1, 2, 5, 3, 5, 3, 0 },
        { 1, 2, 37, 3, 4, 2, 1 },  // rows longer than one 16-lane vector, stride 2
        { 1, 2, 40, 3, 3, 1, 1 },  // the same for stride 1
        { 10, 3, 3, 2, 3, 1, 0 },  // the whole image is the patch: 8×8 transpose blocks and ragged edges
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void EveryMapMatchesTheDirectSumOnEveryPathAndThreadCount(int batch, int cin, int size, int cout, int kernel, int stride, int padding)
    {
        var g = ConvGeometry.ForConv(batch, cin, size, size, cout, kernel, stride, padding);
        var rng = new Rng(7);
        var x = Random(rng, batch * cin * size * size);
        var w = Random(rng, cout * g.PatchSize);
        var dy = Random(rng, batch * cout * g.OutPlane);
        var (refY, refDx, refDw) = Reference(g, x, w, dy);

        foreach (var width in GemmTests.Paths)
        {
            float[]? firstY = null, firstDx = null, firstDw = null;
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var (y, dx, dw) = RunAll(g, x, w, dy, width, threads);
                AssertClose(refY, y);
                AssertClose(refDx, dx);
                AssertClose(refDw, dw);
                if (firstY is null) (firstY, firstDx, firstDw) = (y, dx, dw);
                else
                {
                    // The GEMM never splits a sum over threads, im2col only copies values and col2im adds each pixel's
                    // contributions in one fixed order: the thread count changes no bit. (The width does, through the GEMM's FMA.)
                    Assert.Equal(firstY, y);
                    Assert.Equal(firstDx, dx);
                    Assert.Equal(firstDw, dw);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    [InlineData(16, 4, 28, 8, 4, 2, 1)] // over the lowering's parallel threshold: parts on the worker pool
    public void TheLoweringGivesTheScalarPathsBitsOnEveryWidthAndThreadCount(int batch, int cin, int size, int cout, int kernel, int stride, int padding)
    {
        var g = ConvGeometry.ForConv(batch, cin, size, size, cout, kernel, stride, padding);
        var rng = new Rng(7);
        var x = Random(rng, batch * cin * size * size);
        var cols = Random(rng, g.PatchSize * batch * g.OutPlane);
        var (scalarPatches, scalarFolded) = Lower(g, x, cols, VectorWidth.Scalar, threads: 1);
        foreach (var width in GemmTests.Paths)
        foreach (var threads in new[] { 1, 2, 3 })
        {
            // im2col only copies values and col2im adds each pixel's contributions in one fixed order.
            var (patches, folded) = Lower(g, x, cols, width, threads);
            Assert.Equal(scalarPatches, patches);
            Assert.Equal(scalarFolded, folded);
        }
    }

    private static unsafe (float[] Patches, float[] Folded) Lower(ConvGeometry g, float[] x, float[] cols, VectorWidth width, int threads)
    {
        using var scope = KernelSettings.Override(width, threads);
        var patches = new float[cols.Length];
        var folded = new float[x.Length];
        Array.Fill(folded, float.NaN); // col2im overwrites every pixel
        fixed (float* px = x, pcols = cols, ppatches = patches, pfolded = folded)
        {
            ConvLowering.Im2Col(g, px, ppatches);
            ConvLowering.Col2Im(g, pcols, pfolded);
        }
        return (patches, folded);
    }

    [Fact]
    public void MismatchedBuffersAreRefusedWithTheGeometry()
    {
        var g = ConvGeometry.ForConv(2, 3, 8, 8, 4, 3, 1, 1);
        var ex = Assert.Throws<ArgumentException>(() => Convolution.Forward(g, new float[10], new float[4 * 27], new float[2 * 4 * 64]));
        Assert.Contains("needs 384", ex.Message);
    }

    private static (float[] Y, float[] Dx, float[] Dw) RunAll(ConvGeometry g, float[] x, float[] w, float[] dy, VectorWidth width, int threads)
    {
        using var scope = KernelSettings.Override(width, threads);
        var y = new float[dy.Length];
        var dx = new float[x.Length];
        var dw = new float[w.Length];
        Array.Fill(dx, float.NaN); // every element must be written, not accumulated into
        Convolution.Forward(g, x, w, y);
        Convolution.InputGrad(g, dy, w, dx);
        Convolution.WeightGrad(g, x, dy, dw);
        return (y, dx, dw);
    }

    // y[n,o,oy,ox] = Σ w[o,c,ky,kx]·x[n,c,iy,ix]; dx and dw are its adjoints, summed directly in double.
    private static (float[] Y, float[] Dx, float[] Dw) Reference(ConvGeometry g, float[] x, float[] w, float[] dy)
    {
        var y = new double[dy.Length];
        var dx = new double[x.Length];
        var dw = new double[w.Length];
        int k = g.Kernel;
        for (int n = 0; n < g.Batch; n++)
        for (int o = 0; o < g.OutChannels; o++)
        for (int oy = 0; oy < g.OutHeight; oy++)
        for (int ox = 0; ox < g.OutWidth; ox++)
        {
            int yi = ((n * g.OutChannels + o) * g.OutHeight + oy) * g.OutWidth + ox;
            for (int c = 0; c < g.InChannels; c++)
            for (int ky = 0; ky < k; ky++)
            for (int kx = 0; kx < k; kx++)
            {
                int iy = oy * g.Stride - g.Padding + ky, ix = ox * g.Stride - g.Padding + kx;
                if (iy < 0 || iy >= g.Height || ix < 0 || ix >= g.Width) continue;
                int xi = ((n * g.InChannels + c) * g.Height + iy) * g.Width + ix;
                int wi = ((o * g.InChannels + c) * k + ky) * k + kx;
                y[yi] += (double)w[wi] * x[xi];
                dx[xi] += (double)w[wi] * dy[yi];
                dw[wi] += (double)x[xi] * dy[yi];
            }
        }
        return (ToFloat(y), ToFloat(dx), ToFloat(dw));
    }

    private static float[] ToFloat(double[] v) => Array.ConvertAll(v, d => (float)d);

    private static float[] Random(Rng rng, int count)
    {
        var v = new float[count];
        rng.FillUniform(v, -1f, 1f);
        return v;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f * (1 + Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]} but got {actual[i]}");
    }
}
