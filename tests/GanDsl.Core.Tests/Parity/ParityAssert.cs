using System.Globalization;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>Element-wise comparison with PyTorch's stored output.</summary>
internal static class ParityAssert
{
    public const double RelativeTolerance = 1e-5;
    public const double AbsoluteTolerance = 1e-6;

    /// <summary>
    /// Each element must satisfy |actual − expected| ≤ atol + rtol·|expected| + slack, where slack is
    /// <paramref name="roundingFactor"/> × PyTorch's own float32 error on this output (vs. a float64 run). Why: for ops
    /// that sum many products (conv weight gradients sum N·Ho·Wo terms) two correct float32 implementations that add in
    /// different orders differ by about their rounding error, which can exceed atol + rtol·|e| where terms cancel. Ops
    /// without reductions have a float32 error of a few ulps, so the slack adds nothing there.
    /// </summary>
    public static void Close(ParityCase c, string output, Tensor actual, double roundingFactor = 2, double atol = AbsoluteTolerance)
    {
        var expected = c.Tensor(output);
        Assert.True(expected.Shape == actual.Shape,
            $"{c.Name}/{output}: the shape is {actual.Shape} but PyTorch's is {expected.Shape}.");
        double slack = roundingFactor * c.Float32Error(output);
        int bad = 0, worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < expected.Size; i++)
        {
            double e = expected.Data[i], a = actual.Data[i];
            double allowed = atol + RelativeTolerance * Math.Abs(e) + slack;
            double excess = double.IsFinite(a) ? Math.Abs(a - e) / allowed : double.PositiveInfinity;
            if (excess <= 1) continue;
            bad++;
            if (excess > worstExcess) (worstExcess, worst) = (excess, i);
        }
        if (bad == 0) return;
        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
            $"{c.Name}/{output}: {bad} of {expected.Size} elements differ from PyTorch; the worst, flat index {worst}, is {actual.Data[worst]:R} but PyTorch gives {expected.Data[worst]:R} ({worstExcess:G3}× the tolerance; PyTorch's own float32 error here is {c.Float32Error(output):G3})."));
    }
}
