namespace GanDsl.Generators.Tests.Support;

/// <summary>
/// The GanDsl.Nn runtime contract as compile-only stubs, until the real Nn layer lands on main;
/// generated code is compiled against this to prove it matches the contract's signatures.
/// </summary>
internal static class RuntimeStub
{
    public const string Source = """
        #pragma warning disable CS9113 // stub parameters are deliberately unused
        using GanDsl.Tensors;
        namespace GanDsl.Nn
        {
            public enum InitScheme { PyTorchDefault, Dcgan }
            public abstract class Module
            {
                public abstract Tensor Forward(Tensor input);
                protected T Register<T>(string name, T child) where T : Module => child;
                public void Initialize(InitScheme scheme, Rng rng) { }
            }
            public abstract class GeneratorModule : Module
            {
                public abstract int LatentDim { get; }
                public abstract int Classes { get; }
                public abstract int[] OutputShape { get; }
                public abstract Tensor Generate(Tensor z, int[]? labels);
            }
            public abstract class DiscriminatorModule : Module
            {
                public abstract int Classes { get; }
                public abstract int[] InputShape { get; }
                public abstract bool OutputsProbability { get; }
                public abstract Tensor Score(Tensor x, int[]? labels);
            }
            public interface IGan { GeneratorModule Generator { get; } DiscriminatorModule Discriminator { get; } }
            public abstract class Layer : Module { public override Tensor Forward(Tensor input) => input; }
            public sealed class Linear(int inFeatures, int outFeatures, bool bias = true) : Layer;
            public sealed class Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true) : Layer;
            public sealed class ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, bool bias = true) : Layer;
            public sealed class BatchNorm1d(int numFeatures) : Layer;
            public sealed class BatchNorm2d(int numFeatures) : Layer;
            public sealed class Dropout(double p) : Layer;
            public sealed class ReLU : Layer;
            public sealed class LeakyReLU(double negativeSlope = 0.01) : Layer;
            public sealed class Tanh : Layer;
            public sealed class Sigmoid : Layer;
            public sealed class MaxPool2d(int kernelSize, int? stride = null) : Layer;
            public sealed class Flatten : Layer;
            public sealed class Reshape(params int[] dims) : Layer;
            public sealed class Upsample(int scaleFactor) : Layer;
            public sealed class Embedding(int numEmbeddings, int dim) : Layer { public Tensor Forward(int[] indices) => Tensor.Zeros(indices.Length, dim); }
        }
        namespace GanDsl.Autograd
        {
            public static class Ops
            {
                public static Tensor Concat(Tensor[] parts, int axis) => parts[0];
                public static Tensor OneHotPlanes(int[] labels, int classes, int height, int width) => Tensor.Zeros(labels.Length, classes, height, width);
            }
        }
        """;
}
