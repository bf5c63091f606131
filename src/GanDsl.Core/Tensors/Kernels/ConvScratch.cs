using System.Runtime.InteropServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// One thread's convolution work buffers (the batch's unfolded patches and a channel-major copy of an output or
/// gradient), native and 64-byte aligned, grown on demand and kept, so convolutions allocate nothing in steady state.
/// </summary>
internal sealed unsafe class ConvScratch
{
    [ThreadStatic] private static ConvScratch? forThread;

    private float* cols;
    private float* channelMajor;
    private nint colsCapacity;
    private nint channelMajorCapacity;

    ~ConvScratch()
    {
        NativeMemory.AlignedFree(cols);
        NativeMemory.AlignedFree(channelMajor);
    }

    public static ConvScratch ForCurrentThread => forThread ??= new ConvScratch();

    /// <summary>Room for the patches [Cin·k·k, N·Ho·Wo].</summary>
    public float* Cols(nint floats) => Ensure(ref cols, ref colsCapacity, floats);

    /// <summary>Room for an output or gradient laid out [Cout, N·Ho·Wo].</summary>
    public float* ChannelMajor(nint floats) => Ensure(ref channelMajor, ref channelMajorCapacity, floats);

    private static float* Ensure(ref float* buffer, ref nint capacity, nint floats)
    {
        if (floats <= capacity) return buffer;
        NativeMemory.AlignedFree(buffer);
        buffer = null;
        capacity = 0;
        buffer = (float*)NativeMemory.AlignedAlloc((nuint)Math.Max(floats, 1) * sizeof(float), 64);
        capacity = floats;
        return buffer;
    }
}
