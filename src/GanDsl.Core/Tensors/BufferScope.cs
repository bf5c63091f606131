namespace GanDsl.Tensors;

/// <summary>
/// Recycles the buffers of intermediate tensors. Inside <c>using (BufferScope.Begin())</c> every tensor an op creates takes
/// its buffer from a per-thread pool, and all of them go back when the scope ends, so a training step that repeats the same
/// shapes allocates no tensor buffer in steady state (it still allocates small objects: the tensors themselves, shapes and
/// graph nodes). Tensors made inside a scope are valid only until it ends: read what you need
/// (<see cref="Tensor.Item"/>) or <see cref="Tensor.Clone"/> it before. Parameters, gradients of leaves, optimizer state and
/// tensors built with public constructors never come from the pool.
/// </summary>
public static class BufferScope
{
    [ThreadStatic] private static Dictionary<int, Stack<float[]>>? _free;

    // The buffers rented by each open scope, outermost first: _frames[d − 1] for depth d. Lists past the depth are kept
    // (empty) for the next scopes, so beginning and ending one allocates nothing once warm.
    [ThreadStatic] private static List<List<float[]>>? _frames;
    [ThreadStatic] private static int _depth;

    /// <summary>True while a scope is open on this thread, so ops' results come from the pool.</summary>
    public static bool IsActive => _depth > 0;

    /// <summary>Starts a scope; scopes nest, and each returns only the buffers rented while it was the innermost.</summary>
    public static Frame Begin()
    {
        _frames ??= new List<List<float[]>>();
        _free ??= new Dictionary<int, Stack<float[]>>();
        if (_frames.Count == _depth) _frames.Add(new List<float[]>());
        return new Frame(++_depth);
    }

    /// <summary>
    /// A buffer pooled inside a scope, freshly allocated outside. Zeroed unless <paramref name="clear"/> is false: then a
    /// recycled buffer keeps stale values, for callers that overwrite every element (saves a pass over memory).
    /// </summary>
    internal static float[] Rent(int length, bool clear = true)
    {
        if (_depth == 0 || length == 0) return new float[length];
        float[] buffer;
        if (_free!.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            buffer = stack.Pop();
            if (clear) Array.Clear(buffer);
        }
        else
        {
            buffer = new float[length];
        }
        _frames![_depth - 1].Add(buffer);
        return buffer;
    }

    private static void End(int depth)
    {
        if (depth <= 0 || depth != _depth)
            throw new InvalidOperationException("BufferScope frames must be disposed in the reverse order of Begin.");
        var rented = _frames![--_depth];
        foreach (var buffer in rented)
        {
            if (!_free!.TryGetValue(buffer.Length, out var stack)) _free[buffer.Length] = stack = new Stack<float[]>();
            stack.Push(buffer);
        }
        rented.Clear();
    }

    /// <summary>Ends its scope when disposed.</summary>
    public readonly struct Frame : IDisposable
    {
        private readonly int _depth;
        internal Frame(int depth) => _depth = depth;
        /// <summary>Ends the scope: every buffer rented while it was the innermost goes back to the pool.</summary>
        public void Dispose() => End(_depth);
    }
}
