using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// Gather and scatter-add split over planes: the serial loops' bits for any thread count, repeated indices included, into
/// buffers that arrive uncleared (pooled tensors are handed out dirty).
/// </summary>
[Collection(nameof(GemmSerial))]
public class PlaneGatherKernelTests
{
    [Theory]
    [InlineData(300, 49, 144)] // more inputs than outputs per plane (pooling)
    [InlineData(200, 64, 16)]  // more outputs than inputs, each input read many times (upsampling)
    [InlineData(2, 10_000, 30_000)]
    [InlineData(1, 700, 900)]  // one plane: the serial path clears the whole target
    public void GatherAndScatterAddAreTheSerialLoopsForEveryThreadCount(int planes, int outPlane, int inPlane)
    {
        var rng = new Rng(17);
        var x = new float[planes * inPlane];
        var g = new float[planes * outPlane];
        rng.FillNormal(x);
        rng.FillNormal(g);
        var pick = new float[g.Length];
        rng.FillUniform(pick, 0f, 1f);
        var index = new int[g.Length];
        for (int i = 0; i < index.Length; i++) index[i] = i / outPlane * inPlane + (int)(pick[i] * inPlane) % inPlane;

        var gathered = new float[g.Length];
        var scattered = new float[x.Length];
        for (int i = 0; i < index.Length; i++)
        {
            gathered[i] = x[index[i]];
            scattered[index[i]] += g[i];
        }

        foreach (var threads in new[] { 1, 2, 3 })
        {
            var (r, s) = (new float[g.Length], new float[x.Length]);
            Array.Fill(r, float.NaN);
            Array.Fill(s, float.NaN);
            using (KernelSettings.Override(threads: threads))
            {
                PlaneGatherKernel.Gather(x, index, r, planes);
                PlaneGatherKernel.ScatterAdd(g, index, s, planes);
            }
            Assert.Equal(gathered, r);
            Assert.Equal(scattered, s);
        }
    }
}
