using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The cache lines of a block of a stored matrix (<c>rows</c> pieces of <c>length</c> floats, <c>stride</c> apart), touched
/// a few at a time while the micro-kernels multiply the block before it, so that packing the block finds it in cache
/// instead of waiting on memory. A hint only: nothing is read into a value, so no result can change.
/// </summary>
internal unsafe struct PrefetchRegion
{
    private const int LineBytes = 64;
    private readonly nint _stride;
    private readonly int _length;
    private float* _row;
    private nint _at, _rowEnd;
    private int _rowsLeft;

    public PrefetchRegion(float* first, nint stride, int rows, int length)
    {
        _stride = stride;
        _length = length;
        _row = first;
        _rowsLeft = length > 0 ? rows : 0;
        (_at, _rowEnd) = LinesOf(first, length);
    }

    /// <summary>About how many lines are left: every row's piece may straddle one line more than its length needs.</summary>
    public readonly long Estimate => (long)_rowsLeft * ((_length * sizeof(float) + LineBytes - 1) / LineBytes + 1);

    /// <summary>The next line's address, row by row and within a row in order; false once every line has been given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(out nint line)
    {
        line = _at;
        if (_rowsLeft == 0) return false;
        _at += LineBytes;
        if (_at >= _rowEnd && --_rowsLeft > 0)
        {
            _row += _stride;
            (_at, _rowEnd) = LinesOf(_row, _length);
        }
        return true;
    }

    /// <summary>Asks for the next <paramref name="count"/> lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Touch(int count)
    {
        if (!Sse.IsSupported) return;
        for (; count > 0 && Next(out nint line); count--) Sse.Prefetch0((void*)line);
    }

    // The first line of a piece and the end of its last one.
    private static (nint First, nint End) LinesOf(float* start, int length) =>
        ((nint)start & ~(nint)(LineBytes - 1), (nint)(start + length));
}
