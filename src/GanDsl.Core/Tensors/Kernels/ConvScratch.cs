using System.Runtime.InteropServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// One thread's convolution work buffers (the batch's unfolded patches, a channel-major copy of an output or gradient,
/// an arranged copy of an input, reordered weights), native and 64-byte aligned, grown on demand and kept, so
/// convolutions allocate nothing in steady state.
/// </summary>
internal sealed unsafe class ConvScratch
{
    [ThreadStatic] private static ConvScratch? _forThread;

    private float* _cols;
    private float* _channelMajor;
    private float* _padded;
    private float* _weights;
    private float* _row;
    private float* _flatSweep;
    private nint _colsCapacity;
    private nint _channelMajorCapacity;
    private nint _paddedCapacity;
    private nint _weightsCapacity;
    private nint _rowCapacity;
    private nint _flatSweepCapacity;

    ~ConvScratch()
    {
        NativeMemory.AlignedFree(_cols);
        NativeMemory.AlignedFree(_channelMajor);
        NativeMemory.AlignedFree(_padded);
        NativeMemory.AlignedFree(_weights);
        NativeMemory.AlignedFree(_row);
        NativeMemory.AlignedFree(_flatSweep);
    }

    public static ConvScratch ForCurrentThread => _forThread ??= new ConvScratch();

    /// <summary>Room for the patches [Cin·k·k, N·Ho·Wo].</summary>
    public float* Cols(nint floats) => Ensure(ref _cols, ref _colsCapacity, floats);

    /// <summary>Room for an output or gradient laid out [Cout, N·Ho·Wo].</summary>
    public float* ChannelMajor(nint floats) => Ensure(ref _channelMajor, ref _channelMajorCapacity, floats);

    /// <summary>Room for an input or gradient arranged for the direct loops (<see cref="PaddedPlanes"/>).</summary>
    public float* Padded(nint floats) => Ensure(ref _padded, ref _paddedCapacity, floats);

    /// <summary>Room for reordered weights.</summary>
    public float* Weights(nint floats) => Ensure(ref _weights, ref _weightsCapacity, floats);

    /// <summary>Room for one row of an operand on its way into packed panels (<see cref="PackedBRows"/>): small enough for L1.</summary>
    public float* Row(nint floats) => Ensure(ref _row, ref _rowCapacity, floats);

    /// <summary>Room for the output planes of one flat direct sweep before its rows are copied into place (<see cref="DirectConvolution"/>).</summary>
    public float* FlatSweep(nint floats) => Ensure(ref _flatSweep, ref _flatSweepCapacity, floats);

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
