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
    [ThreadStatic] private static int _depth;

    /// <summary>True while a scope is open on this thread, so ops' results come from the pool.</summary>
    public static bool IsActive => _depth > 0;

    /// <summary>Starts a scope; scopes nest, and each returns only the buffers rented while it was the innermost.</summary>
    public static Frame Begin()
    {
        _depth++;
        ScopedPool<float>.Open(_depth);
        ScopedPool<int>.Open(_depth);
        return new Frame(_depth);
    }

    /// <summary>
    /// A buffer pooled inside a scope, freshly allocated outside. Zeroed unless <paramref name="clear"/> is false: then a
    /// recycled buffer keeps stale values, for callers that overwrite every element (saves a pass over memory).
    /// </summary>
    internal static float[] Rent(int length, bool clear = true) =>
        _depth == 0 || length == 0 ? new float[length] : ScopedPool<float>.Rent(_depth, length, clear);

    /// <summary>
    /// An index map (a gather's source positions) pooled as <see cref="Rent"/> is, with stale values: every caller writes
    /// every element.
    /// </summary>
    internal static int[] RentIndices(int length) =>
        _depth == 0 || length == 0 ? new int[length] : ScopedPool<int>.Rent(_depth, length, clear: false);

    private static void End(int depth)
    {
        if (depth <= 0 || depth != _depth)
            throw new InvalidOperationException("BufferScope frames must be disposed in the reverse order of Begin.");
        ScopedPool<float>.Close(depth);
        ScopedPool<int>.Close(depth);
        _depth--;
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
