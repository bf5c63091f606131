using System.Collections.Generic;
using GanDsl.Generators.Model;
using GanDsl.Shapes;

namespace GanDsl.Generators.Emit
{
    /// <summary>C# expressions for one layer: the runtime module's constructor call and its <see cref="LayerSpec"/>.</summary>
    internal static class LayerEmitter
    {
        private const string Nn = "global::GanDsl.Nn.";

        public static string RuntimeType(LayerSpec layer) => Nn + layer.TypeName;

        /// <summary><c>new global::GanDsl.Nn.Linear(784, 512, true)</c> with the input width filled in from <paramref name="input"/>.</summary>
        public static string Construct(LayerSpec layer, EquatableArray<int> input)
        {
            string I(long v) => SourceWriter.Int(v);
            string args;
            switch (layer.Kind)
            {
                case LayerKind.Linear: args = I(input[0]) + ", " + I(layer.Size) + ", " + SourceWriter.Bool(layer.Bias); break;
                case LayerKind.Conv2d:
                    args = I(input[0]) + ", " + I(layer.Size) + ", " + I(layer.Kernel) + ", " + I(layer.Stride) + ", " + I(layer.Padding)
                        + ", " + SourceWriter.Bool(layer.Bias);
                    break;
                case LayerKind.ConvTranspose2d:
                    args = I(input[0]) + ", " + I(layer.Size) + ", " + I(layer.Kernel) + ", " + I(layer.Stride) + ", " + I(layer.Padding)
                        + ", " + I(layer.OutputPadding) + ", " + SourceWriter.Bool(layer.Bias);
                    break;
                case LayerKind.BatchNorm1d:
                case LayerKind.BatchNorm2d: args = I(input[0]); break;
                case LayerKind.Dropout:
                case LayerKind.LeakyReLU: args = SourceWriter.Real(layer.Real); break;
                case LayerKind.MaxPool2d: args = I(layer.Kernel) + ", " + I(layer.Stride); break;
                case LayerKind.Reshape: args = Join(layer.Dims); break;
                case LayerKind.Upsample: args = I(layer.Size); break;
                default: args = ""; break;
            }
            return "new " + RuntimeType(layer) + "(" + args + ")";
        }

        /// <summary><c>global::GanDsl.Shapes.LayerSpec.Conv2d(64, 4, 2, 1, false)</c>.</summary>
        public static string Spec(LayerSpec layer)
        {
            string I(long v) => SourceWriter.Int(v);
            string args;
            switch (layer.Kind)
            {
                case LayerKind.Linear: args = I(layer.Size) + ", " + SourceWriter.Bool(layer.Bias); break;
                case LayerKind.Conv2d:
                    args = I(layer.Size) + ", " + I(layer.Kernel) + ", " + I(layer.Stride) + ", " + I(layer.Padding) + ", " + SourceWriter.Bool(layer.Bias);
                    break;
                case LayerKind.ConvTranspose2d:
                    args = I(layer.Size) + ", " + I(layer.Kernel) + ", " + I(layer.Stride) + ", " + I(layer.Padding) + ", "
                        + I(layer.OutputPadding) + ", " + SourceWriter.Bool(layer.Bias);
                    break;
                case LayerKind.Dropout:
                case LayerKind.LeakyReLU: args = SourceWriter.Real(layer.Real); break;
                case LayerKind.MaxPool2d: args = I(layer.Kernel) + ", " + I(layer.Stride); break;
                case LayerKind.Reshape: args = Join(layer.Dims); break;
                case LayerKind.Upsample: args = I(layer.Size); break;
                default: args = ""; break;
            }
            return "global::GanDsl.Shapes.LayerSpec." + layer.TypeName + "(" + args + ")";
        }

        private static string Join(IEnumerable<int> values)
        {
            var parts = new List<string>();
            foreach (var v in values) parts.Add(SourceWriter.Int(v));
            return string.Join(", ", parts);
        }
    }
}
