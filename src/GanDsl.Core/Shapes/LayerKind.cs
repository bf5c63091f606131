using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>
    /// A kind of layer, defined once (one file per kind in <c>Shapes/Layers/</c>): its PyTorch name, its arguments with
    /// their order, defaults and rules, its shape rule, its parameter count and the arguments of its run-time module.
    /// The source generator (which links this code) and the runtime (<c>LayerStack</c>, the <c>GanDsl.Nn</c> constructors)
    /// read the same definition, so compile time and run time cannot disagree. Every kind is listed below.
    /// </summary>
    public abstract class LayerKind
    {
        private static readonly List<LayerKind> Kinds = new List<LayerKind>();

        public static readonly LayerKind Linear = Add(new LinearLayer());
        public static readonly LayerKind Conv2d = Add(new Conv2dLayer());
        public static readonly LayerKind ConvTranspose2d = Add(new ConvTranspose2dLayer());
        public static readonly LayerKind BatchNorm1d = Add(new BatchNorm1dLayer());
        public static readonly LayerKind BatchNorm2d = Add(new BatchNorm2dLayer());
        public static readonly LayerKind Dropout = Add(new DropoutLayer());
        public static readonly LayerKind ReLU = Add(new ReLULayer());
        public static readonly LayerKind LeakyReLU = Add(new LeakyReLULayer());
        public static readonly LayerKind Tanh = Add(new TanhLayer());
        public static readonly LayerKind Sigmoid = Add(new SigmoidLayer());
        public static readonly LayerKind MaxPool2d = Add(new MaxPool2dLayer());
        public static readonly LayerKind Flatten = Add(new FlattenLayer());
        public static readonly LayerKind Reshape = Add(new ReshapeLayer());
        public static readonly LayerKind Upsample = Add(new UpsampleLayer());
        public static readonly LayerKind Dropout2d = Add(new Dropout2dLayer());
        public static readonly LayerKind LayerNorm = Add(new LayerNormLayer());
        public static readonly LayerKind InstanceNorm2d = Add(new InstanceNorm2dLayer());
        public static readonly LayerKind GroupNorm = Add(new GroupNormLayer());
        public static readonly LayerKind MinibatchStdDev = Add(new MinibatchStdDevLayer());

        private readonly LayerArgument[] _arguments;

        /// <param name="name">PyTorch's class name; also the attribute's, the <c>LayerSpec</c> factory's and the module's.</param>
        /// <param name="inputWidth">The module constructor's leading argument that is read from the input shape (Linear's
        /// <c>inFeatures</c>; a list argument takes the whole shape, LayerNorm's <c>normalizedShape</c>), or null when the module takes none.</param>
        /// <param name="arguments">The declared arguments, in the order of the attribute's and the factory's parameters.</param>
        private protected LayerKind(string name, LayerArgument? inputWidth, params LayerArgument[] arguments)
        {
            Name = name;
            InputWidth = inputWidth;
            _arguments = arguments;
        }

        /// <summary>PyTorch's class name (<c>Linear</c>); a GanDsl-only layer such as <c>Reshape</c> has its own.</summary>
        public string Name { get; }

        public override string ToString() => Name;

        /// <summary>Every kind, in declaration order.</summary>
        internal static IReadOnlyList<LayerKind> All => Kinds;

        /// <summary>The kind whose attribute class is called <paramref name="attributeName"/> (<c>LinearAttribute</c>), or null.</summary>
        internal static LayerKind? FromAttributeName(string attributeName)
        {
            foreach (var kind in Kinds)
                if (kind.AttributeName == attributeName) return kind;
            return null;
        }

        internal string AttributeName => Name + "Attribute";

        internal LayerArgument? InputWidth { get; }

        internal IReadOnlyList<LayerArgument> Arguments => _arguments;

        internal int IndexOf(LayerArgument argument) => System.Array.IndexOf(_arguments, argument);

        /// <summary>How the output's values relate to the input's (for the unbounded-generator warning).</summary>
        internal virtual OutputBound OutputBound => OutputBound.None;

        /// <summary>A rule across several arguments (checked after each argument's own rule); the problem, or null.</summary>
        internal virtual string? CombinationProblem(LayerSpec layer) => null;

        /// <summary>
        /// True for a layer that normalises with statistics over the batch (batch norm), which a critic trained with a gradient
        /// penalty or R1 must not have; per-sample norms (layer, instance, group norm) keep the default.
        /// </summary>
        internal virtual bool NormalizesOverBatch => false;

        /// <summary>The per-sample output shape for a valid <paramref name="layer"/>, or why there is none.</summary>
        internal abstract ShapeResult InferShape(LayerSpec layer, int[] input, LayerSite site);

        /// <summary>Trainable parameters for a per-sample <paramref name="input"/> (buffers excluded); checked arithmetic.</summary>
        internal virtual long Parameters(LayerSpec layer, IReadOnlyList<int> input) => 0;

        /// <summary>torchinfo 1.8's mult-adds for a batch: parameters × N (a kind that stores its weight otherwise overrides this).</summary>
        internal virtual long MultAdds(LayerSpec layer, IReadOnlyList<int> input, IReadOnlyList<int> output, int batchSize) =>
            checked(Parameters(layer, input) * batchSize);

        /// <summary>
        /// The TorchSharp module PyTorch uses for a valid <paramref name="layer"/> whose per-sample input is <paramref name="input"/>,
        /// with PyTorch's semantics. Abstract, so a kind cannot be added without saying how the torch engine builds it.
        /// </summary>
        internal abstract TorchModuleCall TorchModule(LayerSpec layer, IReadOnlyList<int> input);

        /// <summary>
        /// The <c>GanDsl.Nn</c> module constructor's arguments: the input width (or shape) when the module takes one, then the
        /// declared arguments in order. The generator writes them as literals; <c>LayerStack</c> passes them as values.
        /// </summary>
        internal object[] ModuleArguments(LayerSpec layer, IReadOnlyList<int> input)
        {
            var values = new List<object>();
            if (InputWidth != null) values.Add(InputWidth.Type == ArgumentType.Ints ? (object)System.Linq.Enumerable.ToArray(input) : input[0]);
            for (int i = 0; i < _arguments.Length; i++) values.Add(layer.Value(i));
            return values.ToArray();
        }

        private static LayerKind Add(LayerKind kind)
        {
            Kinds.Add(kind);
            return kind;
        }
    }

    /// <summary>What a layer's output values are bounded by.</summary>
    internal enum OutputBound
    {
        /// <summary>Anything (Linear, ReLU, …).</summary>
        None,
        /// <summary>A fixed range (Tanh in [-1, 1], Sigmoid in [0, 1]).</summary>
        Fixed,
        /// <summary>The input's own range: the layer moves or picks values but never makes new ones (Reshape, MaxPool2d, …).</summary>
        Input,
    }

    /// <summary>Where a layer stands in its stack, for messages: its zero-based index and the words for where its input comes from.</summary>
    internal sealed class LayerSite
    {
        public LayerSite(int index, string inputSource)
        {
            Index = index;
            InputSource = inputSource;
        }

        public int Index { get; }
        public string InputSource { get; }

        /// <summary>"Conv2d(8, 5) at layer 2".</summary>
        public string Of(LayerSpec layer) => layer.Describe() + " at layer " + Invariant.Int(Index + 1);
    }
}
