using CsCheck;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Nn;

[Collection("GemmSerial")] // the threaded update needs the worker pool to itself, or it runs on one thread
public class AdamKernelTests
{
    private static float[] Run(VectorWidth width, bool decoupled, int size, int seed)
    {
        var rng = new Rng((ulong)seed);
        var p = new Tensor(new Shape(size));
        rng.FillNormal(p.Data);
        p.RequiresGrad = true;
        Adam opt = decoupled ? new AdamW(new[] { p }, 1e-2f, 0.5f, 0.999f, 1e-8f, 0.1f) : new Adam(new[] { p }, 1e-2f, 0.5f, 0.999f, 1e-8f, 0.1f);
        using (KernelSettings.Override(width))
        {
            for (int step = 0; step < 3; step++)
            {
                p.Grad = new Tensor(new Shape(size));
                rng.FillNormal(p.Grad.Data);
                opt.Step();
            }
        }
        return p.Data;
    }

    [Fact]
    public void Every_simd_width_gives_the_same_bits_as_the_scalar_update() =>
        Gen.Select(Gen.Byte, Gen.Bool, Sized.Int).ForAll((size, decoupled, seed) =>
    {
        int n = 1 + size; // below and above both vector widths, with ragged tails for the 256-bit loop and the scalar one
        var scalar = Run(VectorWidth.Scalar, decoupled, n, seed).Select(BitConverter.SingleToInt32Bits).ToArray();
        foreach (var width in new[] { VectorWidth.Bits256, VectorWidth.Bits512, VectorWidth.Auto })
            Assert.Equal(scalar, Run(width, decoupled, n, seed).Select(BitConverter.SingleToInt32Bits));
    }, iter: 30, threads: 1); // one case at a time: the update may use the worker pool, which this collection holds alone

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void The_threaded_update_gives_the_same_bits_as_one_loop_per_parameter(int threads)
    {
        float[][] Train(int threads) // one thread: one loop per parameter; more: the chunked job on the worker pool
        {
            var rng = new Rng(11);
            // Sizes span several 32 Ki chunks with ragged ends; the third parameter gets no gradient and must not move.
            var ps = new[] { 70_001, 33, 1000, 40_000 }.Select(n => new Tensor(new Shape(n)) { RequiresGrad = true }).ToArray();
            foreach (var p in ps) rng.FillNormal(p.Data);
            var opt = new AdamW(ps, 1e-2f, 0.5f, 0.999f, 1e-8f, 0.1f);
            using (KernelSettings.Override(threads: threads))
            {
                for (int step = 0; step < 3; step++)
                {
                    opt.ZeroGrad();
                    foreach (var p in ps.Where((_, i) => i != 2))
                    {
                        p.Grad ??= new Tensor(p.Shape);
                        rng.FillNormal(p.Grad.Data);
                    }
                    opt.Step();
                }
            }
            return ps.Select(p => p.Data).ToArray();
        }

        var threaded = Train(threads);
        var serial = Train(1);
        for (int i = 0; i < threaded.Length; i++)
            Assert.Equal(serial[i].Select(BitConverter.SingleToInt32Bits), threaded[i].Select(BitConverter.SingleToInt32Bits));
        var untouched = new float[1000];
        var check = new Rng(11);
        check.FillNormal(new float[70_001]);
        check.FillNormal(new float[33]);
        check.FillNormal(untouched);
        Assert.Equal(untouched, threaded[2]);
    }
}
