using System.Collections.Generic;
using System.Text;

namespace GanDsl.Shapes
{
    /// <summary>
    /// The table torchinfo 1.8 prints for the equivalent <c>nn.Sequential</c>, reproduced with
    /// <c>print(torchinfo.summary(nn.Sequential(...), input_size=(batch, *input_shape)))</c> (default columns
    /// "output_size", "num_params", default row settings "depth", depth 3, verbose 1).
    /// </summary>
    public sealed class ModelSummary
    {
        private const int ColumnWidth = 25;
        private const int AlignValue = 5;
        private const int ElementBytes = 4;

        // torchinfo sizes the input with sys.getsizeof(tensor storage), which adds the Python object's header
        // to the data bytes; 56 is what torch 1.13's TypedStorage reports on CPython 3.11 x64 (checked against
        // torchinfo by tests/GanDsl.Generators.Tests/torchinfo_reference.py; torch 2's UntypedStorage is unchecked).
        private const long StorageObjectOverhead = 56;

        private readonly LayerSpec[] _layers;
        private readonly int[] _input;
        private readonly int[][] _outputs;
        private readonly long[] _params;

        /// <summary>Builds the summary of a valid stack; throws <see cref="System.ArgumentException"/> with the shape error otherwise.</summary>
        public ModelSummary(IReadOnlyList<int> inputShape, IReadOnlyList<LayerSpec> layers)
        {
            var shapes = ShapeInference.InferStack(inputShape, layers);
            if (!shapes.IsValid) throw new System.ArgumentException(shapes.Error!.Message, nameof(layers));
            _layers = new LayerSpec[layers.Count];
            for (int i = 0; i < _layers.Length; i++) _layers[i] = layers[i];
            _input = shapes.Input;
            _outputs = new int[_layers.Length][];
            _params = new long[_layers.Length];
            for (int i = 0; i < _layers.Length; i++)
            {
                _outputs[i] = shapes.Outputs[i];
                _params[i] = LayerCounts.Parameters(_layers[i], LayerInput(i));
                TotalParams = checked(TotalParams + _params[i]);
            }
        }

        /// <summary>Shorthand for generated code: <c>ModelSummary.Of(new[] { 1, 28, 28 }, LayerSpec.Flatten(), …)</c>.</summary>
        public static ModelSummary Of(int[] inputShape, params LayerSpec[] layers) => new ModelSummary(inputShape, layers);

        /// <summary>The layers, in stack order.</summary>
        public IReadOnlyList<LayerSpec> Layers => _layers;
        /// <summary>Per-sample input shape (batch excluded).</summary>
        public int[] InputShape => (int[])_input.Clone();
        /// <summary>Per-sample output shape of the last layer (the input's for an empty stack).</summary>
        public int[] OutputShape => (int[])(_outputs.Length == 0 ? _input : _outputs[_outputs.Length - 1]).Clone();
        /// <summary>torchinfo's "Total params": trainable parameters of every layer (buffers excluded).</summary>
        public long TotalParams { get; }

        /// <summary>Per-sample output shape of layer <paramref name="index"/>.</summary>
        public int[] LayerOutput(int index) => (int[])_outputs[index].Clone();
        /// <summary>Trainable parameters of layer <paramref name="index"/>.</summary>
        public long LayerParams(int index) => _params[index];

        /// <summary>torchinfo's "Total mult-adds" for a batch of <paramref name="batchSize"/>.</summary>
        public long TotalMultAdds(int batchSize)
        {
            long total = 0;
            for (int i = 0; i < _layers.Length; i++)
                total = checked(total + LayerCounts.MultAdds(_layers[i], LayerInput(i), _outputs[i], batchSize));
            return total;
        }

        /// <summary>torchinfo's "Forward/backward pass size" bytes: twice the output of every layer that has parameters.</summary>
        public long ForwardBackwardBytes(int batchSize)
        {
            long total = 0;
            for (int i = 0; i < _layers.Length; i++)
                if (_params[i] > 0) total = checked(total + 2L * ElementBytes * batchSize * ShapeInference.Elements(_outputs[i]));
            return total;
        }

        /// <summary>torchinfo's "Input size" bytes for a batch of <paramref name="batchSize"/> (float32 data plus the storage object's header, as torchinfo measures it).</summary>
        public long InputBytes(int batchSize) =>
            checked((long)ElementBytes * batchSize * ShapeInference.Elements(_input) + StorageObjectOverhead);

        /// <summary>torchinfo's "Params size" bytes: four per parameter.</summary>
        public long ParamBytes => checked(ElementBytes * TotalParams);

        /// <summary>The table for a batch of 1.</summary>
        public override string ToString() => ToString(1);

        /// <summary>The torchinfo 1.8 table for <c>input_size=(batchSize, *InputShape)</c>.</summary>
        public string ToString(int batchSize)
        {
            if (batchSize < 1) throw new System.ArgumentOutOfRangeException(nameof(batchSize), "The batch size of a summary must be at least 1.");
            var names = new List<string> { "Sequential" };
            for (int i = 0; i < _layers.Length; i++)
                names.Add(_layers[i].TypeName + ": 1-" + Invariant.Int(i + 1));
            int nameWidth = NameWidth(names);
            string divider = new string('=', nameWidth + 2 * ColumnWidth);

            var sb = new StringBuilder();
            sb.Append(divider).Append('\n');
            sb.Append(Row("Layer (type:depth-idx)", nameWidth, "Output Shape", "Param #"));
            sb.Append(divider).Append('\n');
            sb.Append(Row(names[0], nameWidth, Batched(batchSize, OutputShape), "--"));
            for (int i = 0; i < _layers.Length; i++)
                sb.Append(Row("├─" + names[i + 1], nameWidth, Batched(batchSize, _outputs[i]),
                    _params[i] == 0 ? "--" : PyFormat.Grouped(_params[i])));
            sb.Append(divider).Append('\n');
            sb.Append("Total params: ").Append(PyFormat.Grouped(TotalParams)).Append('\n');
            sb.Append("Trainable params: ").Append(PyFormat.Grouped(TotalParams)).Append('\n');
            sb.Append("Non-trainable params: 0\n");
            sb.Append("Total mult-adds").Append(MultAddsText(TotalMultAdds(batchSize))).Append('\n');
            sb.Append(divider).Append('\n');
            long input = InputBytes(batchSize), pass = ForwardBackwardBytes(batchSize), param = ParamBytes;
            sb.Append("Input size (MB): ").Append(PyFormat.Fixed2(input / 1e6)).Append('\n');
            sb.Append("Forward/backward pass size (MB): ").Append(PyFormat.Fixed2(pass / 1e6)).Append('\n');
            sb.Append("Params size (MB): ").Append(PyFormat.Fixed2(param / 1e6)).Append('\n');
            sb.Append("Estimated Total Size (MB): ").Append(PyFormat.Fixed2((input + pass + param) / 1e6)).Append('\n');
            sb.Append(divider);
            return sb.ToString();
        }

        private int[] LayerInput(int index) => index == 0 ? _input : _outputs[index - 1];

        // torchinfo widens the name column past 40 to a multiple of 5 when a row (plus its indent) needs it.
        private static int NameWidth(List<string> names)
        {
            int max = 0;
            for (int i = 0; i < names.Count; i++)
            {
                int depth = i == 0 ? 0 : 1;
                int length = names[i].Length + depth * AlignValue + 1;
                if (length > max) max = length;
            }
            return max >= 40 ? (max + AlignValue - 1) / AlignValue * AlignValue : 40;
        }

        private static string Row(string name, int nameWidth, string output, string parameters)
        {
            var line = name.PadRight(nameWidth) + " " + output.PadRight(ColumnWidth) + " " + parameters.PadRight(ColumnWidth) + " ";
            return line.TrimEnd() + "\n";
        }

        private static string Batched(int batchSize, int[] shape)
        {
            var dims = new List<int> { batchSize };
            dims.AddRange(shape);
            return LayerSpec.FormatShape(dims);
        }

        // format_output_num with Units.AUTO as of 1.8: T, G, else M (no K), integer when exact.
        internal static string MultAddsText(long macs)
        {
            string unit;
            double value;
            if (macs >= 1e12) { unit = "T"; value = macs / 1e12; }
            else if (macs >= 1e9) { unit = "G"; value = macs / 1e9; }
            else { unit = "M"; value = macs / 1e6; }
            string number = value == System.Math.Floor(value) ? PyFormat.Grouped((long)value) : PyFormat.GroupedFixed2(value);
            return " (" + unit + "): " + number;
        }
    }
}
