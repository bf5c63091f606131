using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// A network building block with named parameters, buffers and child modules, named the way PyTorch names them
/// (child "0" holding "weight" gives "0.weight"), so state dicts move between GanDsl and PyTorch unchanged.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Module Module)> _children = new();
    private readonly List<(string Name, Tensor Value)> _parameters = new();
    private readonly List<(string Name, Tensor Value)> _buffers = new();

    /// <summary>The module's output for <paramref name="input"/> (a batch: the first dimension is N), recorded for autograd when enabled.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>
    /// The layer stack this module was declared as (generated nets, blocks and stacks built by <c>LayerStack</c>), so another
    /// engine can rebuild it; null for a module that is not one layer stack (a single layer, a progressive net, whose blocks
    /// each have one).
    /// </summary>
    public virtual NetArchitecture? Architecture => null;

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Sets training mode (<paramref name="on"/>) or eval mode on this module and every descendant, as PyTorch's <c>train(mode)</c>.</summary>
    public void Train(bool on = true)
    {
        Training = on;
        foreach (var (_, child) in _children) child.Train(on);
    }

    /// <summary>Eval mode: dropout off, batch norm on its running statistics (<c>eval()</c>).</summary>
    public void Eval() => Train(false);

    /// <summary>Adds <paramref name="child"/> under <paramref name="name"/> (its parameters become <c>name.weight</c> …) and returns it.</summary>
    protected T Register<T>(string name, T child) where T : Module
    {
        _children.Add((name, child));
        return child;
    }

    /// <summary>Adds a trainable parameter (it now requires a gradient) under <paramref name="name"/> and returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor value)
    {
        value.RequiresGrad = true;
        _parameters.Add((name, value));
        return value;
    }

    /// <summary>Adds a state tensor that is saved but not trained (batch norm's running mean) under <paramref name="name"/> and returns it.</summary>
    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        _buffers.Add((name, value));
        return value;
    }

    /// <summary>The direct children in registration order, with their names.</summary>
    public IReadOnlyList<(string Name, Module Module)> Children => _children;

    /// <summary>Every parameter of this module and its descendants with its dotted name (<c>named_parameters()</c>).</summary>
    public IEnumerable<(string Name, Tensor Value)> NamedParameters() => Walk(m => m._parameters);

    /// <summary>Every buffer of this module and its descendants with its dotted name (<c>named_buffers()</c>).</summary>
    public IEnumerable<(string Name, Tensor Value)> NamedBuffers() => Walk(m => m._buffers);

    /// <summary>The parameters in <see cref="NamedParameters"/>' order, as an optimizer takes them (<c>parameters()</c>).</summary>
    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Value).ToList();

    /// <summary>Parameters and buffers in PyTorch's <c>state_dict()</c> order: a module's own parameters, then its buffers, then each child's.</summary>
    public IReadOnlyList<(string Name, Tensor Value)> StateDict()
    {
        var result = new List<(string, Tensor)>();
        CollectState("", result);
        return result;
    }

    private void CollectState(string prefix, List<(string, Tensor)> into)
    {
        foreach (var (n, t) in _parameters) into.Add((prefix + n, t));
        foreach (var (n, t) in _buffers) into.Add((prefix + n, t));
        foreach (var (n, c) in _children) c.CollectState(prefix + n + ".", into);
    }

    /// <summary>Copies values from a state dict (as produced by <see cref="StateDict"/>) into this module, refusing any name or shape mismatch.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        var own = StateDict();
        var missing = own.Where(p => !state.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        var unexpected = state.Keys.Except(own.Select(p => p.Name)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new ArgumentException($"The state dict does not fit this {GetType().Name}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}].");
        foreach (var (name, target) in own)
        {
            var source = state[name];
            if (source.Shape != target.Shape)
                throw new ArgumentException($"The state dict entry {name} has shape {source.Shape} but this {GetType().Name} needs {target.Shape}.");
            Array.Copy(source.Data, target.Data, target.Size);
        }
    }

    /// <summary>Total number of parameter values (what torchinfo calls "Total params").</summary>
    public long ParameterElementCount() => NamedParameters().Sum(p => (long)p.Value.Size);

    /// <summary>Zeroes every parameter's gradient in place (PyTorch 1.13's default), reusing its buffer; the clearing waits until the gradient is next read or written.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, p) in NamedParameters()) p.ZeroGradDeferred();
    }

    /// <summary>Initialises every parameter by <paramref name="scheme"/>, this module's first and then its children's in registration order.</summary>
    public void Initialize(Init scheme, Rng rng)
    {
        ResetParameters(scheme, rng);
        foreach (var (_, child) in _children) child.Initialize(scheme, rng);
    }

    /// <summary>Sets this module's own parameters (not its children's) by the given scheme.</summary>
    protected virtual void ResetParameters(Init scheme, Rng rng) { }

    /// <summary>The random sources of stochastic layers (dropout), by dotted name, for checkpoints.</summary>
    public IEnumerable<(string Name, Rng Rng)> RandomSources() => WalkRandom("");

    /// <summary>This module's own random source (a dropout layer's), or null; children are asked separately.</summary>
    protected virtual Rng? OwnRandomSource => null;

    private IEnumerable<(string, Rng)> WalkRandom(string prefix)
    {
        if (OwnRandomSource is { } r) yield return (prefix.TrimEnd('.'), r);
        foreach (var (n, c) in _children)
            foreach (var item in c.WalkRandom(prefix + n + ".")) yield return item;
    }

    private IEnumerable<(string, Tensor)> Walk(Func<Module, List<(string Name, Tensor Value)>> select, string prefix = "")
    {
        foreach (var (n, t) in select(this)) yield return (prefix + n, t);
        foreach (var (n, c) in _children)
            foreach (var item in c.Walk(select, prefix + n + ".")) yield return item;
    }
}
