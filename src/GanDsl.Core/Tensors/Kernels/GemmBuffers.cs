using System.Runtime.InteropServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// One thread's packing buffers (64-byte aligned native memory), grown on demand and kept for
/// later calls, so a multiply allocates nothing once the largest shape has been seen.
/// </summary>
internal sealed unsafe class GemmBuffers
{
    private const nuint Alignment = 64;

    [ThreadStatic] private static GemmBuffers? forThread;

    private float* a;
    private float* b;
    private float* edge;
    private nint aCapacity;
    private nint bCapacity;

    private GemmBuffers() => edge = Allocate(32 * 32);

    ~GemmBuffers()
    {
        NativeMemory.AlignedFree(a);
        NativeMemory.AlignedFree(b);
        NativeMemory.AlignedFree(edge);
    }

    /// <summary>The calling thread's buffers.</summary>
    public static GemmBuffers ForCurrentThread => forThread ??= new GemmBuffers();

    /// <summary>Scratch for one ragged output tile (at most 32×32 floats).</summary>
    public float* Edge => edge;

    public float* A(nint floats) => Ensure(ref a, ref aCapacity, floats);

    public float* B(nint floats) => Ensure(ref b, ref bCapacity, floats);

    private static float* Ensure(ref float* buffer, ref nint capacity, nint floats)
    {
        if (floats > capacity)
        {
            NativeMemory.AlignedFree(buffer);
            buffer = null; // never leave a dangling pointer if the allocation below throws
            capacity = 0;
            buffer = Allocate(floats);
            capacity = floats;
        }

        return buffer;
    }

    private static float* Allocate(nint floats) =>
        (float*)NativeMemory.AlignedAlloc((nuint)floats * sizeof(float), Alignment);
}
