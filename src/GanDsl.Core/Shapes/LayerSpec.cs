using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GanDsl.Shapes
{
    /// <summary>
    /// One layer as declared: its kind and arguments, without input widths (those are inferred).
    /// Immutable and equatable so the source generator can cache it.
    /// </summary>
    public sealed class LayerSpec : System.IEquatable<LayerSpec>
    {
        private readonly int[] _dims;

        private LayerSpec(LayerKind kind, int size = 0, int kernel = 0, int stride = 0, int padding = 0,
            int outputPadding = 0, bool bias = false, double real = 0, int[]? dims = null)
        {
            Kind = kind;
            Size = size;
            Kernel = kernel;
            Stride = stride;
            Padding = padding;
            OutputPadding = outputPadding;
            Bias = bias;
            Real = real;
            _dims = dims == null ? new int[0] : (int[])dims.Clone();
        }

        public LayerKind Kind { get; }

        /// <summary>Output features/channels (Linear, convolutions) or scale factor (Upsample).</summary>
        public int Size { get; }
        public int Kernel { get; }
        public int Stride { get; }
        public int Padding { get; }
        public int OutputPadding { get; }
        public bool Bias { get; }

        /// <summary>Dropout probability or LeakyReLU negative slope.</summary>
        public double Real { get; }

        /// <summary>Reshape's target dimensions (batch excluded); a copy.</summary>
        public int[] Dims => (int[])_dims.Clone();

        public static LayerSpec Linear(int outFeatures, bool bias = true) => new LayerSpec(LayerKind.Linear, outFeatures, bias: bias);
        public static LayerSpec Conv2d(int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true) =>
            new LayerSpec(LayerKind.Conv2d, outChannels, kernelSize, stride, padding, bias: bias);
        public static LayerSpec ConvTranspose2d(int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, bool bias = true) =>
            new LayerSpec(LayerKind.ConvTranspose2d, outChannels, kernelSize, stride, padding, outputPadding, bias);
        public static LayerSpec BatchNorm1d() => new LayerSpec(LayerKind.BatchNorm1d);
        public static LayerSpec BatchNorm2d() => new LayerSpec(LayerKind.BatchNorm2d);
        public static LayerSpec Dropout(double p = 0.5) => new LayerSpec(LayerKind.Dropout, real: p);
        public static LayerSpec ReLU() => new LayerSpec(LayerKind.ReLU);
        public static LayerSpec LeakyReLU(double negativeSlope = 0.01) => new LayerSpec(LayerKind.LeakyReLU, real: negativeSlope);
        public static LayerSpec Tanh() => new LayerSpec(LayerKind.Tanh);
        public static LayerSpec Sigmoid() => new LayerSpec(LayerKind.Sigmoid);
        /// <summary>Stride defaults to the kernel size, as in PyTorch.</summary>
        public static LayerSpec MaxPool2d(int kernelSize) => MaxPool2d(kernelSize, kernelSize);
        public static LayerSpec MaxPool2d(int kernelSize, int stride) => new LayerSpec(LayerKind.MaxPool2d, kernel: kernelSize, stride: stride);
        public static LayerSpec Flatten() => new LayerSpec(LayerKind.Flatten);
        public static LayerSpec Reshape(params int[] dims) => new LayerSpec(LayerKind.Reshape, dims: dims);
        public static LayerSpec Upsample(int scaleFactor) => new LayerSpec(LayerKind.Upsample, scaleFactor);

        /// <summary>PyTorch's class name for the summary table (GanDsl-only layers keep their own name).</summary>
        public string TypeName => Kind.ToString();

        /// <summary>True for layers whose class name PyTorch uses for a module with weights shaped like convolutions.</summary>
        public bool IsConvolution => Kind == LayerKind.Conv2d || Kind == LayerKind.ConvTranspose2d;

        /// <summary>The layer as the user writes it, e.g. <c>Conv2d(64, 4, 2, 1)</c> or <c>Linear(1, Bias = false)</c>.</summary>
        public string Describe()
        {
            var args = new List<string>();
            switch (Kind)
            {
                case LayerKind.Linear:
                    args.Add(Int(Size));
                    break;
                case LayerKind.Conv2d:
                case LayerKind.ConvTranspose2d:
                    args.Add(Int(Size));
                    args.Add(Int(Kernel));
                    bool op = Kind == LayerKind.ConvTranspose2d && OutputPadding != 0;
                    if (Stride != 1 || Padding != 0 || op) args.Add(Int(Stride));
                    if (Padding != 0 || op) args.Add(Int(Padding));
                    if (op) args.Add(Int(OutputPadding));
                    break;
                case LayerKind.Dropout:
                case LayerKind.LeakyReLU:
                    args.Add(Real.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case LayerKind.MaxPool2d:
                    args.Add(Int(Kernel));
                    if (Stride != Kernel) args.Add(Int(Stride));
                    break;
                case LayerKind.Reshape:
                    foreach (var d in _dims) args.Add(Int(d));
                    break;
                case LayerKind.Upsample:
                    args.Add(Int(Size));
                    break;
            }
            if (!Bias && (Kind == LayerKind.Linear || IsConvolution)) args.Add("Bias = false");
            return args.Count == 0 ? TypeName : TypeName + "(" + string.Join(", ", args) + ")";
        }

        private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

        public bool Equals(LayerSpec? other)
        {
            if (other is null) return false;
            if (other.Kind != Kind || other.Size != Size || other.Kernel != Kernel || other.Stride != Stride
                || other.Padding != Padding || other.OutputPadding != OutputPadding || other.Bias != Bias
                || !other.Real.Equals(Real) || other._dims.Length != _dims.Length) return false;
            for (int i = 0; i < _dims.Length; i++) if (other._dims[i] != _dims[i]) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as LayerSpec);

        public override int GetHashCode()
        {
            int h = (int)Kind;
            h = h * 31 + Size;
            h = h * 31 + Kernel;
            h = h * 31 + Stride;
            h = h * 31 + Padding;
            h = h * 31 + OutputPadding;
            h = h * 31 + (Bias ? 1 : 0);
            h = h * 31 + Real.GetHashCode();
            foreach (var d in _dims) h = h * 31 + d;
            return h;
        }

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
