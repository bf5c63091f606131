using System.Runtime.InteropServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// One thread's packing buffers (64-byte aligned native memory), grown on demand and kept for
/// later calls, so a multiply allocates nothing once the largest shape has been seen.
/// </summary>
internal sealed unsafe class GemmBuffers
{
    private const nuint Alignment = 64;

    [ThreadStatic] private static GemmBuffers? _forThread;

    private float* _a;
    private float* _b;
    private float* _edge;
    private float* _sharedA;
    private float* _staging;
    private nint _sharedACapacity;
    private nint _stagingCapacity;
    private long _sharedATask = -1;
    private ulong _sharedABlocks;
    private nint _aCapacity;
    private nint _bCapacity;

    private GemmBuffers() => _edge = Allocate(32 * 32);

    ~GemmBuffers()
    {
        NativeMemory.AlignedFree(_a);
        NativeMemory.AlignedFree(_b);
        NativeMemory.AlignedFree(_edge);
        NativeMemory.AlignedFree(_sharedA);
        NativeMemory.AlignedFree(_staging);
    }

    /// <summary>The calling thread's buffers.</summary>
    public static GemmBuffers ForCurrentThread => _forThread ??= new GemmBuffers();

    /// <summary>Scratch for one ragged output tile (at most 32×32 floats).</summary>
    public float* Edge => _edge;

    public float* A(nint floats) => Ensure(ref _a, ref _aCapacity, floats);

    // What A holds: the panels of row block _aRows of task _aTask, or nothing reusable (task -1).
    private long _aTask = -1;
    private int _aRows;

    /// <summary>
    /// True when <see cref="A"/> still holds the packed rows from panel <paramref name="firstPanel"/> of task
    /// <paramref name="taskId"/>; otherwise the caller is about to pack them there, which this records when the task has
    /// <paramref name="oneKBlock"/> (with several k blocks the buffer holds only the block packed last), and returns false.
    /// </summary>
    public bool TryReuseA(long taskId, int firstPanel, bool oneKBlock)
    {
        if (oneKBlock && _aTask == taskId && _aRows == firstPanel) return true;
        (_aTask, _aRows) = oneKBlock ? (taskId, firstPanel) : (-1, 0);
        return false;
    }

    public float* B(nint floats) => Ensure(ref _b, ref _bCapacity, floats);

    /// <summary>Room where a <see cref="PanelSource"/> stages a block before it packs it.</summary>
    public float* Staging(nint floats) => Ensure(ref _staging, ref _stagingCapacity, floats);

    /// <summary>Room for A packed over all k blocks of task <paramref name="taskId"/>; a new task forgets what was packed.</summary>
    public float* SharedA(long taskId, nint floats)
    {
        if (taskId != _sharedATask)
        {
            _sharedATask = taskId;
            _sharedABlocks = 0;
        }

        return Ensure(ref _sharedA, ref _sharedACapacity, floats);
    }

    /// <summary>True the first time k block <paramref name="block"/> of the current shared-A task is claimed by this thread (it must pack it).</summary>
    public bool ClaimSharedABlock(int block)
    {
        ulong bit = 1UL << block;
        if ((_sharedABlocks & bit) != 0) return false;
        _sharedABlocks |= bit;
        return true;
    }

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

    // Room past the end: a PanelSource's stores may spill up to 16 floats past its last panel (PanelSource.Pack).
    private const nint Slack = 16;

    private static float* Allocate(nint floats) =>
        (float*)NativeMemory.AlignedAlloc((nuint)(floats + Slack) * sizeof(float), Alignment);
}
