namespace GanDsl.Autograd;

/// <summary>
/// Whether ops record themselves for differentiation on this thread. Off inside <see cref="NoGrad"/> scopes and
/// while a backward pass runs without <c>createGraph</c>.
/// </summary>
public static class GradMode
{
    [ThreadStatic] private static bool _disabled;

    /// <summary>True when ops on this thread record themselves for backward (<c>torch.is_grad_enabled()</c>).</summary>
    public static bool IsEnabled => !_disabled;

    /// <summary>Stops recording until the returned scope is disposed: <c>using (GradMode.NoGrad()) { … }</c>.</summary>
    public static Scope NoGrad() => Set(false);

    /// <summary>Sets recording on or off until the returned scope is disposed.</summary>
    public static Scope Set(bool enabled)
    {
        var scope = new Scope(!_disabled);
        _disabled = !enabled;
        return scope;
    }

    /// <summary>Restores the previous mode when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly bool _previous;
        internal Scope(bool previous) => _previous = previous;
        /// <summary>Puts back the mode that was in effect when the scope began.</summary>
        public void Dispose() => _disabled = !_previous;
    }
}
