using FsCheck.Xunit;
using GanDsl.Nn.Optimizers;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Nn;

[Collection("GemmSerial")] // flips a global switch (harmless to others: both paths give the same bits)
public class AdamKernelTests
{
    private static float[] Run(bool vectors, bool decoupled, int size, int seed)
    {
        var rng = new Rng((ulong)seed);
        var p = new Tensor(new Shape(size));
        rng.FillNormal(p.Data);
        p.RequiresGrad = true;
        Adam opt = decoupled ? new AdamW(new[] { p }, 1e-2f, 0.5f, 0.999f, 1e-8f, 0.1f) : new Adam(new[] { p }, 1e-2f, 0.5f, 0.999f, 1e-8f, 0.1f);
        bool saved = Adam.UseVectors;
        Adam.UseVectors = vectors;
        try
        {
            for (int step = 0; step < 3; step++)
            {
                p.Grad = new Tensor(new Shape(size));
                rng.FillNormal(p.Grad.Data);
                opt.Step();
            }
        }
        finally
        {
            Adam.UseVectors = saved;
        }
        return p.Data;
    }

    [Property(MaxTest = 30)]
    public void The_simd_update_gives_the_same_bits_as_the_scalar_update(byte size, bool decoupled, int seed)
    {
        int n = 1 + size; // both below and above the vector width, with ragged tails
        Assert.Equal(Run(false, decoupled, n, seed).Select(BitConverter.SingleToInt32Bits), Run(true, decoupled, n, seed).Select(BitConverter.SingleToInt32Bits));
    }
}
