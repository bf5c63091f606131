using System.Runtime.InteropServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// One thread's batch-norm buffers: float accumulators and expanded per-position constants for a run of at most
/// <see cref="BatchNormKernel.PositionChunk"/> positions, and per-channel values for a group of at most
/// <see cref="BatchNormKernel.MaxGroup"/> channels; native, 64-byte aligned, made once per thread, so batch norm
/// allocates nothing in steady state.
/// </summary>
internal sealed unsafe class BatchNormScratch
{
    [ThreadStatic] private static BatchNormScratch? _forThread;

    private const int PositionArrays = 7, ChannelArrays = 6;

    private readonly float* _positions;
    private readonly double* _channels;

    private BatchNormScratch()
    {
        _positions = (float*)NativeMemory.AlignedAlloc((nuint)(PositionArrays * BatchNormKernel.PositionChunk * sizeof(float)), 64);
        _channels = (double*)NativeMemory.AlignedAlloc((nuint)(ChannelArrays * BatchNormKernel.MaxGroup * sizeof(double)), 64);
    }

    ~BatchNormScratch()
    {
        NativeMemory.AlignedFree(_positions);
        NativeMemory.AlignedFree(_channels);
    }

    public static BatchNormScratch ForCurrentThread => _forThread ??= new BatchNormScratch();

    // Per position of a run.
    public float* Sums => Position(0);
    public float* SecondSums => Position(1);
    public float* Centers => Position(2);
    public float* Scales => Position(3);
    public float* Shifts => Position(4);
    public float* GMeans => Position(5);
    public float* Projections => Position(6);

    // Per channel of a group: double sums, and floats (stored in double slots, so every array has MaxGroup room).
    public double* ChannelSums => _channels;
    public double* ChannelSecondSums => _channels + BatchNormKernel.MaxGroup;
    public float* ChannelMeans => ChannelFloats(2);
    public float* ChannelScales => ChannelFloats(3);
    public float* ChannelGMeans => ChannelFloats(4);
    public float* ChannelProjections => ChannelFloats(5);

    private float* Position(int array) => _positions + array * BatchNormKernel.PositionChunk;
    private float* ChannelFloats(int array) => (float*)(_channels + array * BatchNormKernel.MaxGroup);
}
