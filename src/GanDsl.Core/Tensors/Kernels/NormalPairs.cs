using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Box–Muller in lanes of doubles: from uniforms u1 in (0, 1] and u2 in [0, 1), r = √(−2·ln u1) and the pair
/// (r·cos 2πu2, r·sin 2πu2). The logarithm, sine and cosine are our own short series in plain arithmetic, so every width
/// (and <see cref="Rng.NextNormal"/>, which runs the scalar lanes) gives the same bits; a call to the C library's log, sin
/// and cos per pair made the noise of a 128 × 100 batch cost 0.33 ms, 3 % of an MLP GAN's step. Both are within a few
/// units in the last place of a double, far below the float the samples are rounded to.
/// </summary>
internal static unsafe class NormalPairs
{
    // ln m = 2·atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.172 for m in [√½, √2): 2s·(1 + s²/3 + s⁴/5 + …), here to s²³,
    // whose term is below 10⁻¹⁷ of the sum.
    private const double Ln2 = 0.6931471805599453;

    // sin and cos of |a| ≤ π/4 by their Taylor series to a¹⁷ and a¹⁶; the first left out is below 10⁻¹⁷.
    private const double HalfPi = 1.5707963267948966;

    /// <summary>
    /// Writes the pair of standard normals for each of the first <paramref name="count"/> uniform pairs to
    /// <paramref name="cos"/> and <paramref name="sin"/>, in the widest lanes the settings in effect allow.
    /// </summary>
    public static void Transform(double* u1, double* u2, double* cos, double* sin, int count)
    {
        int i = 0;
        if (KernelSettings.Allows(VectorWidth.Bits512) && Vector512.IsHardwareAccelerated)
            i = Run<Vector512<double>, Doubles512>(u1, u2, cos, sin, count);
        else if (KernelSettings.Allows(VectorWidth.Bits256) && Vector256.IsHardwareAccelerated)
            i = Run<Vector256<double>, Doubles256>(u1, u2, cos, sin, count);
        for (; i < count; i++) (cos[i], sin[i]) = One(u1[i], u2[i]);
    }

    /// <summary>The pair for one uniform pair, in scalar lanes: the same bits as any vector lane.</summary>
    public static (double Cos, double Sin) One(double u1, double u2)
    {
        Pair<double, ScalarDoubles>(u1, u2, out double c, out double s);
        return (c, s);
    }

    // The whole vectors; returns how many pairs they covered.
    private static int Run<TV, TL>(double* u1, double* u2, double* cos, double* sin, int count)
        where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        int i = 0;
        for (; i <= count - TL.Count; i += TL.Count)
        {
            Pair<TV, TL>(TL.Load(u1 + i), TL.Load(u2 + i), out var c, out var s);
            TL.Store(cos + i, c);
            TL.Store(sin + i, s);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pair<TV, TL>(TV u1, TV u2, out TV cos, out TV sin) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var r = TL.Sqrt(TL.Multiply(TL.Broadcast(-2.0), Log<TV, TL>(u1)));

        // 2π·u2 = q·π/2 + d·π/2 with q the nearest integer to 4·u2 and |d| ≤ ½; 4·u2 and d are exact, so the only
        // rounding in the reduction is d·π/2.
        var quarters = TL.Multiply(TL.Broadcast(4.0), u2);
        var q = TL.RoundToEven(quarters);
        var a = TL.Multiply(TL.Subtract(quarters, q), TL.Broadcast(HalfPi));
        var a2 = TL.Multiply(a, a);
        var c = CosSeries<TV, TL>(a2);
        var s = TL.MultiplyAdd(TL.Multiply(a, a2), SinSeriesTail<TV, TL>(a2), a);
        TL.TurnByQuadrants(q, ref c, ref s);
        cos = TL.Multiply(r, c);
        sin = TL.Multiply(r, s);
    }

    // ln x for x in (0, 1] (any positive normal): e·ln 2 + ln m.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Log<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var m = TL.SplitExponent(x, out var e);
        var f = TL.Subtract(m, TL.Broadcast(1.0)); // exact: m is within a factor of 2 of 1
        var s = TL.Divide(f, TL.Add(TL.Broadcast(2.0), f));
        var z = TL.Multiply(s, s);
        // 1/3 + z/5 + z²/7 + … + z¹⁰/23, by Horner's rule (the constants are written out so the JIT folds them in).
        var sum = TL.MultiplyAdd(TL.Broadcast(1.0 / 23), z, TL.Broadcast(1.0 / 21));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 19));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 17));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 15));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 13));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 11));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 9));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 7));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 5));
        sum = TL.MultiplyAdd(sum, z, TL.Broadcast(1.0 / 3));
        var twoS = TL.Add(s, s);
        var lnM = TL.MultiplyAdd(TL.Multiply(twoS, z), sum, twoS);
        return TL.MultiplyAdd(e, TL.Broadcast(Ln2), lnM);
    }

    // cos a = 1 − a²/2! + a⁴/4! − … to a¹⁶, from a².
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV CosSeries<TV, TL>(TV a2) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var sum = TL.MultiplyAdd(TL.Broadcast(1.0 / 20922789888000), a2, TL.Broadcast(-1.0 / 87178291200));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(1.0 / 479001600));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(-1.0 / 3628800));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(1.0 / 40320));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(-1.0 / 720));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(1.0 / 24));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(-1.0 / 2));
        return TL.MultiplyAdd(sum, a2, TL.Broadcast(1.0));
    }

    // (sin a − a)/a³ = −1/3! + a²/5! − … to a¹⁴, from a².
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SinSeriesTail<TV, TL>(TV a2) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var sum = TL.MultiplyAdd(TL.Broadcast(1.0 / 355687428096000), a2, TL.Broadcast(-1.0 / 1307674368000));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(1.0 / 6227020800));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(-1.0 / 39916800));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(1.0 / 362880));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(-1.0 / 5040));
        sum = TL.MultiplyAdd(sum, a2, TL.Broadcast(1.0 / 120));
        return TL.MultiplyAdd(sum, a2, TL.Broadcast(-1.0 / 6));
    }
}
