using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Lanes of doubles for loops written once for every width (<see cref="NormalPairs"/>): the arithmetic members round
/// once each, as IEEE 754 says, so a loop of them gives every lane the bits the scalar loop gives; the other members are
/// exact (bit fields, selects, sign flips), whatever instructions a width does them with.
/// </summary>
internal unsafe interface IDoubleLanes<TV> where TV : struct
{
    static abstract int Count { get; }
    static abstract TV Load(double* p);
    static abstract void Store(double* p, TV value);
    static abstract TV Broadcast(double value);

    static abstract TV Add(TV a, TV b);
    static abstract TV Subtract(TV a, TV b);
    static abstract TV Multiply(TV a, TV b);
    static abstract TV Divide(TV a, TV b);
    static abstract TV Sqrt(TV a);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    /// <summary>The nearest integer, ties to even.</summary>
    static abstract TV RoundToEven(TV a);

    /// <summary>
    /// x = m·2^e with m in [√½, √2) (up to √½'s rounding) for a positive normal x: returns m and sets
    /// <paramref name="exponent"/> to e (both exact: m keeps x's significand bits, e is a small integer).
    /// </summary>
    static abstract TV SplitExponent(TV x, out TV exponent);

    /// <summary>
    /// The cosine and sine of q·π/2 + a from those of a, for q in {0, 1, 2, 3, 4}: a swap and sign flips, so exact.
    /// </summary>
    static abstract void TurnByQuadrants(TV q, ref TV cos, ref TV sin);
}

/// <summary>Exact helpers the widths share: the bit layout of a double.</summary>
internal static class DoubleBits
{
    public const long ExponentMask = 0x7FF0_0000_0000_0000;
    public const long SignificandMask = 0x000F_FFFF_FFFF_FFFF;
    public const long ExponentOfOne = 0x3FF0_0000_0000_0000; // 1.0's exponent field, in place
    public const long SqrtHalfBits = 0x3FE6_A09E_667F_3BCD;   // √½ as a double: m/2 is taken when its bits are above these
    public const double TwoTo52 = 4503599627370496.0;        // 2⁵²: its bits OR a small integer is 2⁵² + that integer
}

internal readonly struct ScalarDoubles : IDoubleLanes<double>
{
    public static int Count => 1;
    public static unsafe double Load(double* p) => *p;
    public static unsafe void Store(double* p, double value) => *p = value;
    public static double Broadcast(double value) => value;
    public static double Add(double a, double b) => a + b;
    public static double Subtract(double a, double b) => a - b;
    public static double Multiply(double a, double b) => a * b;
    public static double Divide(double a, double b) => a / b;
    public static double Sqrt(double a) => Math.Sqrt(a);
    public static double MultiplyAdd(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);
    public static double RoundToEven(double a) => Math.Round(a, MidpointRounding.ToEven);

    public static double SplitExponent(double x, out double exponent)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        // m in [1, 2) from the significand; halved (exactly: the exponent field one down) when m/2 is above √½, with e one up.
        long mantissa = (bits & DoubleBits.SignificandMask) | DoubleBits.ExponentOfOne;
        long field = (bits & DoubleBits.ExponentMask) >> 52;
        bool high = mantissa - (1L << 52) > DoubleBits.SqrtHalfBits; // positive doubles order as their bits do
        if (high) (mantissa, field) = (mantissa - (1L << 52), field + 1);
        exponent = (double)(field - 1023);
        return BitConverter.Int64BitsToDouble(mantissa);
    }

    public static void TurnByQuadrants(double q, ref double cos, ref double sin)
    {
        double c = cos, s = sin;
        if (q == 1) (cos, sin) = (-s, c);
        else if (q == 2) (cos, sin) = (-c, -s);
        else if (q == 3) (cos, sin) = (s, -c);
    }
}

internal readonly struct Doubles512 : IDoubleLanes<Vector512<double>>
{
    public static int Count => 8;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe Vector512<double> Load(double* p) => Vector512.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe void Store(double* p, Vector512<double> value) => value.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Broadcast(double value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Sqrt(Vector512<double> a) => Vector512.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> RoundToEven(Vector512<double> a) => Vector512.Round(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SplitExponent(Vector512<double> x, out Vector512<double> exponent)
    {
        var bits = x.AsInt64();
        var mantissa = (bits & Vector512.Create(DoubleBits.SignificandMask)) | Vector512.Create(DoubleBits.ExponentOfOne);
        var field = Vector512.ShiftRightLogical(bits & Vector512.Create(DoubleBits.ExponentMask), 52);
        var high = Vector512.GreaterThan(mantissa - Vector512.Create(1L << 52), Vector512.Create(DoubleBits.SqrtHalfBits));
        mantissa += high & Vector512.Create(-(1L << 52));
        field -= high; // high is −1 in its lanes
        // field + 2⁵² as a double's bits is exactly 2⁵² + field: the exponent without a (DQ) conversion.
        var two52 = Vector512.Create(DoubleBits.TwoTo52);
        exponent = (field | two52.AsInt64()).AsDouble() - two52 - Vector512.Create(1023.0);
        return mantissa.AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TurnByQuadrants(Vector512<double> q, ref Vector512<double> cos, ref Vector512<double> sin)
    {
        var odd = Vector512.Equals(q, Vector512.Create(1.0)) | Vector512.Equals(q, Vector512.Create(3.0));
        var c = Vector512.ConditionalSelect(odd, sin, cos);
        var s = Vector512.ConditionalSelect(odd, cos, sin);
        var flipCos = Vector512.Equals(q, Vector512.Create(1.0)) | Vector512.Equals(q, Vector512.Create(2.0));
        var flipSin = Vector512.Equals(q, Vector512.Create(2.0)) | Vector512.Equals(q, Vector512.Create(3.0));
        var sign = Vector512.Create(-0.0);
        cos = c ^ (flipCos & sign);
        sin = s ^ (flipSin & sign);
    }
}

internal readonly struct Doubles256 : IDoubleLanes<Vector256<double>>
{
    public static int Count => 4;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe Vector256<double> Load(double* p) => Vector256.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe void Store(double* p, Vector256<double> value) => value.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Broadcast(double value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Sqrt(Vector256<double> a) => Vector256.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Vector256.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> RoundToEven(Vector256<double> a) => Vector256.Round(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SplitExponent(Vector256<double> x, out Vector256<double> exponent)
    {
        var bits = x.AsInt64();
        var mantissa = (bits & Vector256.Create(DoubleBits.SignificandMask)) | Vector256.Create(DoubleBits.ExponentOfOne);
        var field = Vector256.ShiftRightLogical(bits & Vector256.Create(DoubleBits.ExponentMask), 52);
        var high = Vector256.GreaterThan(mantissa - Vector256.Create(1L << 52), Vector256.Create(DoubleBits.SqrtHalfBits));
        mantissa += high & Vector256.Create(-(1L << 52));
        field -= high;
        var two52 = Vector256.Create(DoubleBits.TwoTo52);
        exponent = (field | two52.AsInt64()).AsDouble() - two52 - Vector256.Create(1023.0);
        return mantissa.AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TurnByQuadrants(Vector256<double> q, ref Vector256<double> cos, ref Vector256<double> sin)
    {
        var odd = Vector256.Equals(q, Vector256.Create(1.0)) | Vector256.Equals(q, Vector256.Create(3.0));
        var c = Vector256.ConditionalSelect(odd, sin, cos);
        var s = Vector256.ConditionalSelect(odd, cos, sin);
        var flipCos = Vector256.Equals(q, Vector256.Create(1.0)) | Vector256.Equals(q, Vector256.Create(2.0));
        var flipSin = Vector256.Equals(q, Vector256.Create(2.0)) | Vector256.Equals(q, Vector256.Create(3.0));
        var sign = Vector256.Create(-0.0);
        cos = c ^ (flipCos & sign);
        sin = s ^ (flipSin & sign);
    }
}
