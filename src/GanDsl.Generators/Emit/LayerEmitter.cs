using System.Collections.Generic;
using GanDsl.Generators.Model;
using GanDsl.Shapes;

namespace GanDsl.Generators.Emit
{
    /// <summary>
    /// C# expressions for one layer, written from its kind's definition: the <c>GanDsl.Nn</c> module's constructor call
    /// (named like the kind, with the kind's module arguments) and the <see cref="LayerSpec"/> factory call.
    /// </summary>
    internal static class LayerEmitter
    {
        public static string RuntimeType(LayerSpec layer) => RuntimeNames.Nn + layer.Kind.Name;

        /// <summary><c>new global::GanDsl.Nn.Linear(784, 512, true)</c> with the input width filled in from <paramref name="input"/>.</summary>
        public static string Construct(LayerSpec layer, EquatableArray<int> input) =>
            "new " + RuntimeType(layer) + "(" + Literals(layer.Kind.ModuleArguments(layer, input)) + ")";

        /// <summary><c>global::GanDsl.Shapes.LayerSpec.Conv2d(64, 4, 2, 1, false)</c>: every declared argument, in order.</summary>
        public static string Spec(LayerSpec layer)
        {
            var values = new object[layer.Kind.Arguments.Count];
            for (int i = 0; i < values.Length; i++) values[i] = layer.Value(i);
            return RuntimeNames.LayerSpec + "." + layer.Kind.Name + "(" + Literals(values) + ")";
        }

        /// <summary>
        /// The values as C# literals; a list is spread as <c>params</c> arguments are written when it comes last (Reshape's
        /// dimensions), and written as an array elsewhere (LayerNorm's normalized shape, before its options).
        /// </summary>
        private static string Literals(object[] values)
        {
            var parts = new List<string>();
            for (int k = 0; k < values.Length; k++)
            {
                var value = values[k];
                if (value is int[] array && k < values.Length - 1)
                {
                    var items = new List<string>();
                    foreach (var v in array) items.Add(SourceWriter.Int(v));
                    parts.Add("new int[] { " + string.Join(", ", items) + " }");
                    continue;
                }
                switch (value)
                {
                    case int i: parts.Add(SourceWriter.Int(i)); break;
                    case double d: parts.Add(SourceWriter.Real(d)); break;
                    case bool b: parts.Add(SourceWriter.Bool(b)); break;
                    case int[] dims:
                        foreach (var v in dims) parts.Add(SourceWriter.Int(v));
                        break;
                    default: throw new System.ArgumentException("No C# literal for a " + value.GetType().Name + ".");
                }
            }
            return string.Join(", ", parts);
        }
    }
}
