using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GanDsl.Shapes
{
    /// <summary>
    /// One layer as declared: its kind and argument values, without input widths (those are inferred). Immutable and
    /// equatable so the source generator can cache it. The factories (<c>LayerSpec.Linear(512)</c> …) live next to each
    /// kind's definition in <c>Shapes/Layers/</c>.
    /// </summary>
    public sealed partial class LayerSpec : System.IEquatable<LayerSpec>
    {
        private readonly object[] _values;

        /// <summary>A layer of <paramref name="kind"/> with one value per declared argument, in order.</summary>
        internal LayerSpec(LayerKind kind, params object?[] values)
        {
            var arguments = kind.Arguments;
            if (values.Length != arguments.Count)
                throw new System.ArgumentException(kind.Name + " takes " + arguments.Count + " arguments but got " + values.Length + ".");
            Kind = kind;
            _values = new object[values.Length];
            for (int i = 0; i < values.Length; i++) _values[i] = arguments[i].Accept(values[i]);
        }

        /// <summary>What kind of layer this is.</summary>
        public LayerKind Kind { get; }

        /// <summary>PyTorch's class name for the summary table (GanDsl-only layers keep their own name).</summary>
        public string TypeName => Kind.Name;

        /// <summary>The value of argument <paramref name="index"/> (a copy when it is an array).</summary>
        internal object Value(int index) => _values[index] is int[] dims ? dims.Clone() : _values[index];

        internal object Value(LayerArgument argument)
        {
            int index = Kind.IndexOf(argument);
            if (index < 0) throw new System.ArgumentException(Kind.Name + " has no argument " + argument.Name + ".");
            return Value(index);
        }

        /// <summary>
        /// The declared arguments in order, by the C# parameter names the attribute and the factory use (<c>outFeatures</c>,
        /// <c>kernelSize</c>, <c>bias</c>, <c>dims</c> …); values are <c>int</c>, <c>double</c>, <c>bool</c> or <c>int[]</c> (a copy).
        /// Engines outside this assembly (TorchSharp, ONNX) read a layer through it.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, object>> Arguments
        {
            get
            {
                var result = new List<KeyValuePair<string, object>>();
                for (int i = 0; i < _values.Length; i++) result.Add(new KeyValuePair<string, object>(Kind.Arguments[i].Name, Value(i)));
                return result;
            }
        }

        /// <summary>The value of the argument called <paramref name="name"/> (as in <see cref="Arguments"/>); throws when the kind has none.</summary>
        public T Get<T>(string name)
        {
            var arguments = Kind.Arguments;
            for (int i = 0; i < arguments.Count; i++)
                if (arguments[i].Name == name)
                    return Value(i) is T value ? value
                        : throw new System.ArgumentException(Kind.Name + "'s argument " + name + " is not a " + typeof(T).Name + ".", nameof(name));
            throw new System.ArgumentException(Kind.Name + " has no argument " + name + ".", nameof(name));
        }

        /// <summary>
        /// This layer as a TorchSharp module for a per-sample <paramref name="input"/> (the shape inference gives it): the factory
        /// and named arguments that both the emitted <c>Torch</c> classes and GanDsl.TorchSharp's builder use.
        /// </summary>
        public TorchModuleCall TorchModule(IReadOnlyList<int> input) => Kind.TorchModule(this, input);

        internal int Int(LayerArgument argument) => (int)Value(argument);
        internal double Real(LayerArgument argument) => (double)Value(argument);
        internal bool Flag(LayerArgument argument) => (bool)Value(argument);
        internal int[] Ints(LayerArgument argument) => (int[])Value(argument);

        /// <summary>
        /// The layer as the user writes it, e.g. <c>Conv2d(64, 4, 2, 1)</c> or <c>Linear(1, Bias = false)</c>: trailing
        /// arguments left at their defaults are omitted, named options appear only when changed.
        /// </summary>
        public string Describe()
        {
            var arguments = Kind.Arguments;
            int last = -1;
            for (int i = 0; i < arguments.Count; i++)
                if (!arguments[i].IsNamed && (arguments[i].AlwaysShown || !IsDefault(i))) last = i;
            var parts = new List<string>();
            for (int i = 0; i <= last; i++)
                if (!arguments[i].IsNamed) AddFormatted(parts, _values[i]);
            for (int i = 0; i < arguments.Count; i++)
                if (arguments[i].IsNamed && !IsDefault(i)) parts.Add(arguments[i].PropertyName + " = " + Format(_values[i]));
            return parts.Count == 0 ? TypeName : TypeName + "(" + string.Join(", ", parts) + ")";
        }

        private bool IsDefault(int index)
        {
            var argument = Kind.Arguments[index];
            if (argument.DefaultsTo != null) return LayerArgument.SameValue(_values[index], _values[Kind.IndexOf(argument.DefaultsTo)]);
            return argument.Default != null && LayerArgument.SameValue(_values[index], argument.Default);
        }

        /// <summary>A list argument (Reshape's dimensions) adds one part per element, like <c>params</c> arguments are written.</summary>
        private static void AddFormatted(List<string> parts, object value)
        {
            if (value is int[] dims)
                foreach (var d in dims) parts.Add(Format(d));
            else parts.Add(Format(value));
        }

        private static string Format(object value)
        {
            switch (value)
            {
                case int i: return Invariant.Int(i);
                case double d: return Invariant.Real(d);
                case bool b: return b ? "true" : "false";
                default: return value.ToString() ?? "";
            }
        }

        /// <summary>Same kind and equal argument values.</summary>
        public bool Equals(LayerSpec? other)
        {
            if (other is null) return false;
            if (!ReferenceEquals(other.Kind, Kind)) return false;
            for (int i = 0; i < _values.Length; i++)
                if (!LayerArgument.SameValue(_values[i], other._values[i])) return false;
            return true;
        }

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as LayerSpec);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            int h = Kind.Name.GetHashCode();
            foreach (var v in _values) h = h * 31 + LayerArgument.HashOf(v);
            return h;
        }

        /// <summary>The layer as declared, e.g. <c>Conv2d(64, 4, 2, 1)</c>.</summary>
        public override string ToString() => Describe();

        internal static string FormatShape(IReadOnlyList<int> dims)
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < dims.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(dims[i].ToString(CultureInfo.InvariantCulture));
            }
            return sb.Append(']').ToString();
        }
    }
}
