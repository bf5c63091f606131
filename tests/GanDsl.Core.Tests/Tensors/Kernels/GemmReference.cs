using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>A GEMM problem with strided storage, random data, and a double-precision reference to judge results by.</summary>
public sealed record GemmProblem(bool TransA, bool TransB, int M, int N, int K, float Alpha, bool Accumulate, int PadA, int PadB, int PadC, int Seed)
{
    public int Lda => (TransA ? M : K) + PadA;
    public int Ldb => (TransB ? K : N) + PadB;
    public int Ldc => N + PadC;

    public float[] A { get; } = Fill(Seed, 1, ((TransA ? K : M) - 1) * ((TransA ? M : K) + PadA) + (TransA ? M : K));
    public float[] B { get; } = Fill(Seed, 2, ((TransB ? N : K) - 1) * ((TransB ? K : N) + PadB) + (TransB ? K : N));
    public float[] C0 { get; } = Fill(Seed, 3, (M - 1) * (N + PadC) + N);

    public override string ToString() =>
        $"{(TransA ? "Aᵀ" : "A")}·{(TransB ? "Bᵀ" : "B")} m={M} n={N} k={K} alpha={Alpha} acc={Accumulate} pads={PadA},{PadB},{PadC} seed={Seed}";

    internal float[] Run(VectorWidth path, int threads)
    {
        var c = (float[])C0.Clone();
        Gemm.Multiply(TransA, TransB, M, N, K, Alpha, A, Lda, B, Ldb, c, Ldc, Accumulate, path, threads);
        return c;
    }

    /// <summary>Null when every element is within float rounding of the double reference, else a description of the first miss.</summary>
    public string? Check(float[] c)
    {
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < K; p++)
                {
                    double prod = (double)OpA(i, p) * OpB(p, j);
                    sum += prod;
                    magnitude += Math.Abs(prod);
                }

                double old = Accumulate ? C0[i * Ldc + j] : 0;
                double expected = Alpha * sum + old;
                // k roundings of partial sums plus the final scale and add, each at most 2^-24 relative.
                double tolerance = 2.0 * (K + 2) * Math.Pow(2, -24) * (Math.Abs(Alpha) * magnitude + Math.Abs(old)) + 1e-30;
                double got = c[i * Ldc + j];
                if (!(Math.Abs(got - expected) <= tolerance))
                    return $"{this}: C[{i},{j}] = {got} but the reference is {expected} (tolerance {tolerance}).";
            }
        }

        // Padding between rows of C belongs to the caller and must be left alone.
        for (int i = 0; i < M - 1; i++)
            for (int j = N; j < Ldc; j++)
                if (BitConverter.SingleToInt32Bits(c[i * Ldc + j]) != BitConverter.SingleToInt32Bits(C0[i * Ldc + j]))
                    return $"{this}: the padding C[{i},{j}] was overwritten.";
        return null;
    }

    private float OpA(int i, int p) => TransA ? A[p * Lda + i] : A[i * Lda + p];
    private float OpB(int p, int j) => TransB ? B[j * Ldb + p] : B[p * Ldb + j];

    private static float[] Fill(int seed, int salt, int count)
    {
        var rng = new Random(seed * 7 + salt);
        var data = new float[Math.Max(count, 0)];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(rng.NextDouble() * 2 - 1);
        return data;
    }
}
