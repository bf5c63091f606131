using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Copies of a few dozen floats (one image's plane of a small feature map) in line: a convolution's reorders make
/// thousands of them per call, and as calls to memmove their overhead cost more than the copying.
/// </summary>
internal static unsafe class ShortCopy
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Floats(float* from, float* to, int count)
    {
        if (count > 256)
        {
            Unsafe.CopyBlockUnaligned(to, from, (uint)count * sizeof(float));
            return;
        }

        int i = 0;
        if (Avx512F.IsSupported)
        {
            for (; i + 16 <= count; i += 16) Vector512.Store(Vector512.Load(from + i), to + i);
            if (i < count)
            {
                var tail = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count - i)).AsSingle();
                Avx512F.MaskStore(to + i, tail, Avx512F.MaskLoad(from + i, tail, Vector512<float>.Zero));
            }
            return;
        }

        if (Vector256.IsHardwareAccelerated)
            for (; i + 8 <= count; i += 8) Vector256.Store(Vector256.Load(from + i), to + i);
        for (; i < count; i++) to[i] = from[i];
    }
}
