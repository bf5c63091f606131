namespace GanDsl.Tensors;

/// <summary>
/// The per-thread free lists and open frames behind <see cref="BufferScope"/>, one per element type (float buffers of
/// tensors, int index maps of gathers). Arrays rented in a frame go back to the free lists when that frame ends.
/// </summary>
internal static class ScopedPool<T>
{
    [ThreadStatic] private static Dictionary<int, Stack<T[]>>? _free;

    // The arrays rented by each open frame, outermost first: _frames[d − 1] for depth d. Lists past the depth are kept
    // (empty) for the next frames, so opening and closing one allocates nothing once warm.
    [ThreadStatic] private static List<List<T[]>>? _frames;

    public static void Open(int depth)
    {
        _frames ??= new List<List<T[]>>();
        _free ??= new Dictionary<int, Stack<T[]>>();
        while (_frames.Count < depth) _frames.Add(new List<T[]>());
    }

    /// <summary>An array from the free list of frame <paramref name="depth"/> (a fresh one when none fits), cleared on request.</summary>
    public static T[] Rent(int depth, int length, bool clear)
    {
        T[] array;
        if (_free!.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            array = stack.Pop();
            if (clear) Array.Clear(array);
        }
        else
        {
            array = new T[length];
        }
        _frames![depth - 1].Add(array);
        return array;
    }

    public static void Close(int depth)
    {
        if (_frames is null || _frames.Count < depth) return; // nothing of this type was rented at this depth
        var rented = _frames[depth - 1];
        foreach (var array in rented)
        {
            if (!_free!.TryGetValue(array.Length, out var stack)) _free[array.Length] = stack = new Stack<T[]>();
            stack.Push(array);
        }
        rented.Clear();
    }
}
