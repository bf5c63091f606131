using System.Collections.Generic;
using System.Text;

namespace GanDsl.Shapes
{
    /// <summary>
    /// How one layer is built as a TorchSharp module: a static factory method (<c>TorchSharp.torch.nn.Linear</c>, or one of
    /// GanDsl.TorchSharp's <c>TorchLayers</c> for a GanDsl-only kind) and its arguments by parameter name. Each kind's
    /// definition says it once (<c>LayerKind.TorchModule</c>); the source generator writes it as a C# call in emitted
    /// <c>Torch</c> classes and GanDsl.TorchSharp's run-time builder invokes the same method, so both build the same module.
    /// </summary>
    public sealed class TorchModuleCall
    {
        /// <summary>TorchSharp's module factories, PyTorch's <c>torch.nn</c>.</summary>
        public const string TorchNn = "TorchSharp.torch.nn";

        /// <summary>GanDsl.TorchSharp's factories for kinds that torch.nn has no module for (Reshape of an image).</summary>
        public const string GanDslLayers = "GanDsl.TorchSharp.TorchLayers";

        private readonly KeyValuePair<string, object>[] _arguments;

        internal TorchModuleCall(string declaringType, string method, params KeyValuePair<string, object>[] arguments)
        {
            DeclaringType = declaringType;
            Method = method;
            _arguments = arguments;
        }

        /// <summary>The factory's class, fully qualified without <c>global::</c> (<see cref="TorchNn"/> or <see cref="GanDslLayers"/>).</summary>
        public string DeclaringType { get; }

        /// <summary>The factory method's name, e.g. <c>Linear</c>.</summary>
        public string Method { get; }

        /// <summary>The arguments by the factory's parameter names; values are <c>long</c>, <c>double</c>, <c>bool</c>, <c>long[]</c> or <c>double[]</c>.</summary>
        public IReadOnlyList<KeyValuePair<string, object>> Arguments => _arguments;

        /// <summary>The call as C#: <c>global::TorchSharp.torch.nn.Linear(inputSize: 784L, outputSize: 512L, hasBias: true)</c>.</summary>
        public string ToCSharp()
        {
            var sb = new StringBuilder("global::").Append(DeclaringType).Append('.').Append(Method).Append('(');
            for (int i = 0; i < _arguments.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(_arguments[i].Key).Append(": ").Append(Literal(_arguments[i].Value));
            }
            return sb.Append(')').ToString();
        }

        /// <summary>The call as C# (<see cref="ToCSharp"/>).</summary>
        public override string ToString() => ToCSharp();

        internal static KeyValuePair<string, object> Arg(string name, object value) => new KeyValuePair<string, object>(name, value);

        internal static TorchModuleCall Nn(string method, params KeyValuePair<string, object>[] arguments) =>
            new TorchModuleCall(TorchNn, method, arguments);

        private static string Literal(object value)
        {
            switch (value)
            {
                case long l: return Invariant.Int(l) + "L";
                case double d: return Invariant.Real(d) + "d";
                case bool b: return b ? "true" : "false";
                case long[] longs: return "new long[] { " + Join(longs, v => Invariant.Int(v) + "L") + " }";
                case double[] doubles: return "new double[] { " + Join(doubles, v => Invariant.Real(v) + "d") + " }";
                default: throw new System.ArgumentException("No C# literal for a " + value.GetType().Name + ".");
            }
        }

        private static string Join<T>(T[] values, System.Func<T, string> format)
        {
            var parts = new string[values.Length];
            for (int i = 0; i < values.Length; i++) parts[i] = format(values[i]);
            return string.Join(", ", parts);
        }
    }
}
