using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The few vector operations the direct convolution loops need, over <typeparamref name="TV"/> lanes of floats, so one
/// generic loop runs as AVX-512, AVX or scalar code (the JIT specialises it per struct). Every multiply-add is fused
/// (one rounding) at every width, so a loop that gives each output element its own chain computes the same bits at
/// every width. A masked load reads only the lanes its mask selects (the others read as zero and never fault), so
/// a vector may start near the end of a buffer.
/// </summary>
internal unsafe interface IVectorLanes<TV> where TV : struct
{
    static abstract int Count { get; }
    static abstract TV Zero { get; }

    /// <summary>A mask that selects lanes [0, <paramref name="count"/>) (all lanes for a count at or above <see cref="Count"/>).</summary>
    static abstract TV FirstLanes(int count);

    static abstract TV Load(float* p);
    static abstract TV Load(float* p, TV mask);
    static abstract void Store(float* p, TV value);
    static abstract void Store(float* p, TV value, TV mask);
    /// <summary>
    /// Vector <paramref name="vector"/> of a run that starts at an even lane: even lanes p[0], odd lanes p[1] (a 64-bit
    /// broadcast for vectors, whose lane count is even; the one lane of a scalar vector is even when the vector's index is).
    /// </summary>
    static abstract TV BroadcastPair(float* p, int vector);

    /// <summary>Lane i = p[2i]: 2·Count values loaded under two masks (for p[0, Count) and p[Count, 2·Count)), the even ones kept.</summary>
    static abstract TV LoadEven(float* p, TV maskLow, TV maskHigh);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    // Plain arithmetic, each one rounding, so a loop of them gives every lane the scalar loop's bits.
    static abstract TV Add(TV a, TV b);
    static abstract TV Subtract(TV a, TV b);
    static abstract TV Multiply(TV a, TV b);

    /// <summary>Per lane: <paramref name="ifPositive"/> where <paramref name="sign"/> &gt; 0, else <paramref name="otherwise"/>.</summary>
    static abstract TV WherePositive(TV sign, TV ifPositive, TV otherwise);

    static abstract TV Broadcast(float value);
}

/// <summary>Which lanes a convolution loop uses: AVX-512 where allowed and present, else AVX, else scalar.</summary>
internal enum LaneWidth { Scalar, Bits256, Bits512 }

internal static class Lanes
{
    /// <summary>
    /// The widest lanes the settings in effect allow and the CPU runs, but AVX rather than AVX-512 for rows of at most
    /// <paramref name="narrowRow"/> values, which would leave most of a 16-lane vector idle.
    /// </summary>
    public static LaneWidth For(int narrowRow = int.MaxValue)
    {
        if (KernelSettings.Allows(VectorWidth.Bits512) && Avx512F.IsSupported && narrowRow > 8) return LaneWidth.Bits512;
        if (KernelSettings.Allows(VectorWidth.Bits256) && Avx2.IsSupported && Fma.IsSupported) return LaneWidth.Bits256;
        return LaneWidth.Scalar;
    }
}

internal readonly unsafe struct Lanes512 : IVectorLanes<Vector512<float>>
{
    public static int Count => 16;
    public static Vector512<float> Zero => Vector512<float>.Zero;

    public static Vector512<float> FirstLanes(int count) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(float* p) => Vector512.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(float* p, Vector512<float> mask) => Avx512F.MaskLoad(p, mask, Vector512<float>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, Vector512<float> value) => Vector512.Store(value, p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, Vector512<float> value, Vector512<float> mask) => Avx512F.MaskStore(p, mask, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> BroadcastPair(float* p, int vector) => Vector512.Create(*(double*)p).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LoadEven(float* p, Vector512<float> maskLow, Vector512<float> maskHigh) =>
        Avx512F.PermuteVar16x32x2(Load(p, maskLow), Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), Load(p + 16, maskHigh));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> WherePositive(Vector512<float> sign, Vector512<float> ifPositive, Vector512<float> otherwise) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(sign, Vector512<float>.Zero), ifPositive, otherwise);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Broadcast(float value) => Vector512.Create(value);
}

internal readonly unsafe struct Lanes256 : IVectorLanes<Vector256<float>>
{
    public static int Count => 8;
    public static Vector256<float> Zero => Vector256<float>.Zero;

    public static Vector256<float> FirstLanes(int count) =>
        Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(float* p) => Vector256.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(float* p, Vector256<float> mask) => Avx.MaskLoad(p, mask);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, Vector256<float> value) => Vector256.Store(value, p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float* p, Vector256<float> value, Vector256<float> mask) => Avx.MaskStore(p, mask, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> BroadcastPair(float* p, int vector) => Vector256.Create(*(double*)p).AsSingle();

    // The even lanes of each half to its low (or high) four lanes, then one blend.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LoadEven(float* p, Vector256<float> maskLow, Vector256<float> maskHigh) =>
        Avx.Blend(Avx2.PermuteVar8x32(Load(p, maskLow), Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6)),
            Avx2.PermuteVar8x32(Load(p + 8, maskHigh), Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6)), 0xF0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Fma.MultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> WherePositive(Vector256<float> sign, Vector256<float> ifPositive, Vector256<float> otherwise) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(sign, Vector256<float>.Zero), ifPositive, otherwise);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Broadcast(float value) => Vector256.Create(value);
}

/// <summary>One lane: the reference the vector loops are compared with (a mask is 1 or 0).</summary>
internal readonly unsafe struct LanesScalar : IVectorLanes<float>
{
    public static int Count => 1;
    public static float Zero => 0f;
    public static float FirstLanes(int count) => count > 0 ? 1f : 0f;
    public static float Load(float* p) => *p;
    public static float Load(float* p, float mask) => mask != 0f ? *p : 0f;
    public static void Store(float* p, float value) => *p = value;

    public static void Store(float* p, float value, float mask)
    {
        if (mask != 0f) *p = value;
    }

    public static float BroadcastPair(float* p, int vector) => p[vector & 1];
    public static float LoadEven(float* p, float maskLow, float maskHigh) => Load(p, maskLow);
    public static float MultiplyAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);
    public static float Add(float a, float b) => a + b;
    public static float Subtract(float a, float b) => a - b;
    public static float Multiply(float a, float b) => a * b;
    public static float WherePositive(float sign, float ifPositive, float otherwise) => sign > 0 ? ifPositive : otherwise;
    public static float Broadcast(float value) => value;
}
