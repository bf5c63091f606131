namespace GanDsl.Benchmarks;

/// <summary>One multiply of the MLP GAN at batch 128, named like bench/openblas_gemm.py prints it.</summary>
public sealed record GemmCase(string Name, bool TransA, bool TransB, int M, int N, int K)
{
    public double Flop => 2.0 * M * N * K;

    public override string ToString() => Name;

    /// <summary>
    /// Per Linear(in→out) layer: forward y = x·Wᵀ, input gradient dx = gy·W, weight gradient dW = gyᵀ·x.
    /// </summary>
    public static IEnumerable<GemmCase> MlpGan(int batch = 128)
    {
        (int In, int Out)[] layers =
        [
            (100, 256), (256, 512), (512, 1024), (1024, 784), // generator
            (784, 512), (512, 256), (256, 128), (128, 1),     // discriminator
        ];
        foreach (var (fanIn, fanOut) in layers)
        {
            string tag = $"{fanIn}->{fanOut}";
            yield return new GemmCase($"fwd {tag}", false, true, batch, fanOut, fanIn);
            yield return new GemmCase($"dx  {tag}", false, false, batch, fanIn, fanOut);
            yield return new GemmCase($"dW  {tag}", true, false, fanOut, fanIn, batch);
        }
    }
}
