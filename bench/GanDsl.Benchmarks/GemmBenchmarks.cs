using BenchmarkDotNet.Attributes;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Benchmarks;

/// <summary>GEMM on the MLP GAN's shapes (forward and both backward variants); the GFLOP/s column is 2·m·n·k / mean.</summary>
[Config(typeof(GemmConfig))]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];

    [ParamsSource(nameof(Cases))]
    public GemmCase Case { get; set; } = GemmCase.MlpGan().First();

    [Params(2)]
    public int Threads { get; set; }

    public static IEnumerable<GemmCase> Cases => GemmCase.MlpGan();

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _a = Fill(rng, Case.M * Case.K);
        _b = Fill(rng, Case.K * Case.N);
        _c = new float[Case.M * Case.N];
        KernelSettings.Threads = Threads;
        KernelSettings.VectorWidth = VectorWidth.Auto;
    }

    [Benchmark]
    public void Multiply() => Gemm.Multiply(Case.TransA, Case.TransB, Case.M, Case.N, Case.K, _a, _b, _c);

    internal static float[] Fill(Random rng, int count)
    {
        var data = new float[count];
        for (int i = 0; i < count; i++) data[i] = (float)(rng.NextDouble() * 2 - 1);
        return data;
    }
}
