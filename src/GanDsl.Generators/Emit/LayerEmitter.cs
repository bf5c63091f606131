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
        public static string Construct(LayerSpec layer, EquatableArray<int> input)
        {
            var values = layer.Kind.ModuleArguments(layer, input);
            int width = values.Length - layer.Kind.Arguments.Count;
            return "new " + RuntimeType(layer) + "(" + Literals(values, width + Written(layer)) + ")";
        }

        /// <summary><c>global::GanDsl.Shapes.LayerSpec.Conv2d(64, 4, 2, 1, false)</c>: every declared argument, in order.</summary>
        public static string Spec(LayerSpec layer)
        {
            var values = new object[layer.Kind.Arguments.Count];
            for (int i = 0; i < values.Length; i++) values[i] = layer.Value(i);
            return RuntimeNames.LayerSpec + "." + layer.Kind.Name + "(" + Literals(values, Written(layer)) + ")";
        }

        /// <summary>How many declared arguments a call writes: all but the trailing later options still at their defaults.</summary>
        private static int Written(LayerSpec layer)
        {
            var arguments = layer.Kind.Arguments;
            int count = arguments.Count;
            while (count > 0 && arguments[count - 1].OmittedAtDefault && LayerArgument.SameValue(layer.Value(count - 1), arguments[count - 1].Default!))
                count--;
            return count;
        }

        /// <summary>
        /// The values as C# literals; a list is spread as <c>params</c> arguments are written when it comes last (Reshape's
        /// dimensions), and written as an array elsewhere (LayerNorm's normalized shape, before its options).
        /// </summary>
        private static string Literals(object[] values, int count)
        {
            var parts = new List<string>();
            for (int k = 0; k < count; k++)
            {
                var value = values[k];
                if (value is int[] array && k < count - 1)
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
