using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>The weight draws behind <see cref="GanDsl.Init"/>, with PyTorch's fan rules; layers call them from <c>ResetParameters</c>.</summary>
internal static class Initializers
{
    /// <summary>
    /// PyTorch's default for Linear and convolutions: weight and bias both U(−1/√fan_in, 1/√fan_in)
    /// (kaiming_uniform with a = √5 reduces to that bound).
    /// </summary>
    public static void PyTorchDefault(Tensor weight, Tensor? bias, int fanIn, Rng rng)
    {
        float bound = fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f;
        rng.FillUniform(weight.Data, -bound, bound);
        if (bias is not null) rng.FillUniform(bias.Data, -bound, bound);
    }

    /// <summary>DCGAN: weight N(mean, 0.02), bias 0.</summary>
    public static void Dcgan(Tensor weight, Tensor? bias, Rng rng, float mean = 0f)
    {
        rng.FillNormal(weight.Data, mean, 0.02f);
        if (bias is not null) Array.Clear(bias.Data);
    }

    /// <summary>PyTorch's fan-in of a weight: size(1) times the receptive field (for ConvTranspose2d that is the output channels).</summary>
    public static int FanIn(Shape weight)
    {
        int receptive = 1;
        for (int i = 2; i < weight.Rank; i++) receptive *= weight[i];
        return weight.Rank < 2 ? weight[0] : weight[1] * receptive;
    }
}
