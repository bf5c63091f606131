using System.Text;

namespace GanDsl.Shapes
{
    /// <summary>The C# type of a layer argument, as the attribute, the <c>LayerSpec</c> factory and the module take it.</summary>
    internal enum ArgumentType
    {
        Int,
        Real,
        Bool,
        /// <summary>A <c>params int[]</c> list, e.g. Reshape's dimensions.</summary>
        Ints,
    }

    /// <summary>
    /// One argument of a layer kind. <see cref="Name"/> is the C# parameter name that the attribute constructor, the
    /// <c>LayerSpec</c> factory and the <c>GanDsl.Nn</c> module constructor all use; messages use PyTorch's snake_case
    /// spelling of it; a <see cref="IsNamed"/> argument is an attribute property instead (<c>Bias = false</c>).
    /// </summary>
    internal sealed class LayerArgument
    {
        private LayerArgument(string name, ArgumentType type, ArgumentRule rule, object? defaultValue, bool isNamed)
        {
            Name = name;
            Type = type;
            Rule = rule;
            Default = defaultValue;
            IsNamed = isNamed;
            PyTorchName = SnakeCase(name);
            PropertyName = char.ToUpperInvariant(name[0]) + name.Substring(1);
        }

        public string Name { get; }
        public string PyTorchName { get; }

        /// <summary>The attribute property that exposes it (<c>OutFeatures</c>, <c>Bias</c>).</summary>
        public string PropertyName { get; }

        public ArgumentType Type { get; }
        public ArgumentRule Rule { get; }

        /// <summary>The value when the user leaves it out; null when it is required or defaults to <see cref="DefaultsTo"/>.</summary>
        public object? Default { get; }

        /// <summary>An earlier argument whose value this one takes when left out (MaxPool2d's stride is its kernel size).</summary>
        public LayerArgument? DefaultsTo { get; private set; }

        public bool IsNamed { get; }

        /// <summary>Written by <c>Describe()</c> even at its default, e.g. <c>Dropout(0.5)</c>.</summary>
        public bool AlwaysShown { get; private set; }

        public bool IsRequired => Default == null && DefaultsTo == null;

        /// <summary>Left out of generated calls while at its default and followed only by arguments left out too (see <see cref="LaterOption"/>).</summary>
        public bool OmittedAtDefault { get; private set; }

        public static LayerArgument Int(string name, ArgumentRule rule) => new LayerArgument(name, ArgumentType.Int, rule, null, false);
        public static LayerArgument Int(string name, ArgumentRule rule, int defaultValue) => new LayerArgument(name, ArgumentType.Int, rule, defaultValue, false);
        public static LayerArgument Ints(string name, ArgumentRule rule) => new LayerArgument(name, ArgumentType.Ints, rule, null, false);

        /// <summary>A fractional argument; <c>Describe()</c> always writes it, so a message shows the value in use (<c>Dropout(0.5)</c>).</summary>
        public static LayerArgument Real(string name, ArgumentRule rule, double defaultValue) =>
            new LayerArgument(name, ArgumentType.Real, rule, defaultValue, false) { AlwaysShown = true };

        /// <summary>A named boolean option such as <c>Bias = false</c>.</summary>
        public static LayerArgument Option(string name, bool defaultValue) => new LayerArgument(name, ArgumentType.Bool, ArgumentRule.None, defaultValue, true);

        /// <summary>
        /// A named boolean option that came after a kind's first arguments (<c>SpectralNorm</c>, batch norm's <c>Affine</c>):
        /// generated code leaves it out while it is at its default and last, so code generated before it existed stays the same.
        /// </summary>
        public static LayerArgument LaterOption(string name, bool defaultValue) =>
            new LayerArgument(name, ArgumentType.Bool, ArgumentRule.None, defaultValue, true) { OmittedAtDefault = true };

        /// <summary>An optional int that takes <paramref name="earlier"/>'s value when left out.</summary>
        public static LayerArgument IntDefaultingTo(string name, ArgumentRule rule, LayerArgument earlier) =>
            new LayerArgument(name, ArgumentType.Int, rule, null, false) { DefaultsTo = earlier };

        /// <summary>The first problem with <paramref name="value"/>, worded for a message, or null.</summary>
        public string? Problem(object value) => Rule.Problem(PyTorchName, value);

        /// <summary>A copy of <paramref name="value"/> in this argument's type; throws when the type is wrong (a programming error).</summary>
        public object Accept(object? value)
        {
            switch (Type)
            {
                case ArgumentType.Int when value is int: return value;
                case ArgumentType.Real when value is double: return value;
                case ArgumentType.Bool when value is bool: return value;
                case ArgumentType.Ints when value is int[] dims: return dims.Clone();
                case ArgumentType.Ints when value == null: return new int[0];
                default:
                    throw new System.ArgumentException("Argument " + Name + " takes " + Type + " but got " + (value?.GetType().Name ?? "null") + ".");
            }
        }

        public static bool SameValue(object a, object b)
        {
            if (a is int[] x && b is int[] y)
            {
                if (x.Length != y.Length) return false;
                for (int i = 0; i < x.Length; i++) if (x[i] != y[i]) return false;
                return true;
            }
            return a.Equals(b);
        }

        public static int HashOf(object value)
        {
            if (!(value is int[] dims)) return value.GetHashCode();
            int h = dims.Length;
            foreach (var d in dims) h = h * 31 + d;
            return h;
        }

        public override string ToString() => Name;

        /// <summary>PyTorch's spelling of a C# parameter name: <c>outFeatures</c> → <c>out_features</c>.</summary>
        internal static string SnakeCase(string name)
        {
            var sb = new StringBuilder();
            foreach (var c in name)
            {
                if (char.IsUpper(c)) sb.Append('_').Append(char.ToLowerInvariant(c));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
