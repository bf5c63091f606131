using System.Runtime.CompilerServices;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// op(B) of a multiply written straight into the panel layout the micro-kernels read (<see cref="GemmTask.PackedB"/>), one
/// row of B at a time, by a producer that makes B row by row (an implicit convolution's unfolded patches): the row goes
/// from a short buffer in L1 to its panels, instead of to a stored matrix in L2 that each tile then packs again. Row r of
/// k block p0 lands at PaddedN·p0 + (r − p0)·NR, one NR-value run per panel (panels kc·NR apart), zero-padded past N: the
/// values <see cref="GemmPacking.PackB"/> would put there, so the multiply's sums are the same.
/// </summary>
internal readonly unsafe struct PackedBRows
{
    private readonly float* _panels;
    private readonly int _k, _n, _nr, _kc;

    private PackedBRows(float* panels, int k, int n, int nr)
    {
        _panels = panels;
        (_k, _n, _nr) = (k, n, nr);
        _kc = GemmTask.KBlock(k);
    }

    /// <summary>The panel width of the kernels the settings in effect pick (what <see cref="Gemm.RunOnThisThread"/> will plan with).</summary>
    public static int PanelWidth => GemmDriver.Shape(KernelSettings.GemmKernel(KernelSettings.VectorWidth)).Nr;

    /// <summary>Floats a packed k×n operand takes, for the kernels of the settings in effect.</summary>
    public static long Size(int k, int n)
    {
        int nr = PanelWidth;
        return (long)(n + nr - 1) / nr * nr * k;
    }

    /// <summary>A k×n operand to be packed into <paramref name="panels"/> (<see cref="Size"/> floats).</summary>
    public static PackedBRows Into(float* panels, int k, int n) => new(panels, k, n, PanelWidth);

    /// <summary>Where the multiply reads the operand: set as <see cref="GemmTask.PackedB"/>.</summary>
    public float* Panels => _panels;

    /// <summary>Stores row <paramref name="r"/> of B, the <c>n</c> values at <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int r, float* row)
    {
        float* to = RowStart(r, out nint panelStride);
        int full = _n / _nr * _nr, j = 0;
        for (; j < full; j += _nr, to += panelStride) ShortCopy.Floats(row + j, to, _nr);
        if (j == _n) return;
        ShortCopy.Floats(row + j, to, _n - j);
        for (int x = _n - j; x < _nr; x++) to[x] = 0f;
    }

    /// <summary>
    /// Stores values [<paramref name="column"/>, column + <paramref name="count"/>) of row <paramref name="r"/> of B from
    /// <paramref name="from"/>, for a producer that makes B a piece of a row at a time (whose padding it then clears
    /// with <see cref="ClearPadding"/>).
    /// </summary>
    public void Store(int r, int column, float* from, int count)
    {
        float* row = RowStart(r, out nint panelStride);
        while (count > 0)
        {
            int lane = column % _nr, length = Math.Min(count, _nr - lane);
            ShortCopy.Floats(from, row + column / _nr * panelStride + lane, length);
            from += length;
            (column, count) = (column + length, count - length);
        }
    }

    /// <summary>Zeroes every row's lanes past column n in the last panel (what <see cref="Store(int, float*)"/> does for a whole row).</summary>
    public void ClearPadding()
    {
        int full = _n / _nr * _nr;
        if (full == _n) return;
        for (int r = 0; r < _k; r++)
        {
            float* to = RowStart(r, out nint panelStride) + full / _nr * panelStride;
            for (int x = _n - full; x < _nr; x++) to[x] = 0f;
        }
    }

    // Row r's lanes in its first panel, and the step to the same row of the next panel: rows are cut into blocks of kc,
    // and each block holds its panels one after another, kc rows of nr lanes each (the last block may be shorter).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float* RowStart(int r, out nint panelStride)
    {
        int p0 = r / _kc * _kc, kc = Math.Min(_kc, _k - p0), paddedN = (_n + _nr - 1) / _nr * _nr;
        panelStride = (nint)kc * _nr;
        return _panels + (nint)paddedN * p0 + (nint)(r - p0) * _nr;
    }
}
