namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The three maps of a 2-D convolution over whole batches: the forward map, its adjoint in the input (which is also the
/// transposed convolution's forward) and its adjoint in the weight. Weights are [Cout, Cin, k, k], tensors NCHW, row-major.
/// Each map picks the fastest of its paths for the geometry (<see cref="ConvAlgorithm"/>); every path gives the same
/// bits for any thread count.
/// </summary>
public static unsafe partial class Convolution
{
    /// <summary>y = conv2d(x, w) without bias.</summary>
    public static void Forward(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y) =>
        Forward(g, x, w, y, ConvAlgorithm.Auto);

    /// <summary>dx = the adjoint of <see cref="Forward(in ConvGeometry, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> in x applied to dy (the transposed convolution).</summary>
    public static void InputGrad(in ConvGeometry g, ReadOnlySpan<float> dy, ReadOnlySpan<float> w, Span<float> dx) =>
        InputGrad(g, dy, w, dx, ConvAlgorithm.Auto);

    /// <summary>dw = the adjoint of <see cref="Forward(in ConvGeometry, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> in w applied to dy.</summary>
    public static void WeightGrad(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dw) =>
        WeightGrad(g, x, dy, dw, ConvAlgorithm.Auto);

    internal static void Forward(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y, ConvAlgorithm algorithm)
    {
        Check(g, x.Length, w.Length, y.Length);
        var path = Pick(algorithm, g, ConvMap.Forward);
        fixed (float* px = x, pw = w, py = y)
        {
            switch (path)
            {
                case ConvAlgorithm.WholeImage: ForwardWholeImage(g, px, pw, py); break;
                case ConvAlgorithm.Direct: ForwardDirect(g, px, pw, py); break;
                case ConvAlgorithm.Implicit: ForwardImplicit(g, px, pw, py); break;
                default: ForwardLowered(g, px, pw, py); break;
            }
        }
    }

    internal static void InputGrad(in ConvGeometry g, ReadOnlySpan<float> dy, ReadOnlySpan<float> w, Span<float> dx, ConvAlgorithm algorithm)
    {
        Check(g, dx.Length, w.Length, dy.Length);
        var path = Pick(algorithm, g, ConvMap.InputGrad);
        fixed (float* pdy = dy, pw = w, pdx = dx)
        {
            switch (path)
            {
                case ConvAlgorithm.WholeImage: InputGradWholeImage(g, pdy, pw, pdx); break;
                case ConvAlgorithm.Direct: InputGradDirect(g, pdy, pw, pdx); break;
                case ConvAlgorithm.Implicit: InputGradImplicit(g, pdy, pw, pdx); break;
                default: InputGradLowered(g, pdy, pw, pdx); break;
            }
        }
    }

    internal static void WeightGrad(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dw, ConvAlgorithm algorithm)
    {
        Check(g, x.Length, dw.Length, dy.Length);
        var path = Pick(algorithm, g, ConvMap.WeightGrad);
        fixed (float* px = x, pdy = dy, pdw = dw)
        {
            switch (path)
            {
                case ConvAlgorithm.WholeImage: WeightGradWholeImage(g, px, pdy, pdw); break;
                case ConvAlgorithm.Direct: WeightGradDirect(g, px, pdy, pdw); break;
                case ConvAlgorithm.Implicit: WeightGradImplicit(g, px, pdy, pdw); break;
                default: WeightGradLowered(g, px, pdy, pdw); break;
            }
        }
    }

    /// <summary>Whether <paramref name="algorithm"/> can compute <paramref name="map"/> of geometry <paramref name="g"/>.</summary>
    internal static bool Applies(ConvAlgorithm algorithm, in ConvGeometry g, ConvMap map) => algorithm switch
    {
        ConvAlgorithm.Auto or ConvAlgorithm.Lowered => true,
        ConvAlgorithm.WholeImage => WholeImagePatches.Applies(g),
        ConvAlgorithm.Direct => DirectApplies(g, map),
        ConvAlgorithm.Implicit => map != ConvMap.InputGrad || ImplicitInputGradApplies(g),
        _ => false,
    };

    // Auto: a whole-image patch is a plain matrix product; convolutions with few channels run direct where that measured
    // faster (a GEMM would spend its time copying patches); the rest run implicit GEMMs, except an input gradient small
    // enough for the GEMM's direct loops and the weight gradient with at most 4 channels on one side (too few rows to pay
    // for packing in place), which stay lowered.
    internal static ConvAlgorithm Pick(ConvAlgorithm requested, in ConvGeometry g, ConvMap map)
    {
        if (requested != ConvAlgorithm.Auto)
            return Applies(requested, g, map) ? requested
                : throw new ArgumentException($"The convolution path {requested} cannot compute the {map} map of {g}.");
        if (WholeImagePatches.Applies(g)) return ConvAlgorithm.WholeImage;
        if (DirectApplies(g, map) && PrefersDirect(g, map)) return ConvAlgorithm.Direct;
        bool implicitPays = map == ConvMap.Forward || (map == ConvMap.InputGrad && ImplicitInputGradApplies(g))
            || (map == ConvMap.WeightGrad && Math.Min(g.InChannels, g.OutChannels) > 4);
        return implicitPays ? ConvAlgorithm.Implicit : ConvAlgorithm.Lowered;
    }

    private static void Check(in ConvGeometry g, int input, int weight, int output)
    {
        long needX = (long)g.Batch * g.InChannels * g.InPlane, needW = (long)g.OutChannels * g.PatchSize;
        long needY = (long)g.Batch * g.OutChannels * g.OutPlane;
        if (input != needX || weight != needW || output != needY)
            throw new ArgumentException(
                $"Convolution buffers do not fit the geometry {g}: input {input} (needs {needX}), weight {weight} (needs {needW}), output {output} (needs {needY}).");
    }
}

/// <summary>The three maps of a convolution (<see cref="Convolution"/>).</summary>
internal enum ConvMap { Forward, InputGrad, WeightGrad }
