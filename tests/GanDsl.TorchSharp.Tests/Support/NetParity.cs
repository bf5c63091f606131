using System.Globalization;
using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using TorchSharp;
using ManagedTensor = GanDsl.Tensors.Tensor;
using TorchTensor = TorchSharp.torch.Tensor;

namespace GanDsl.TorchSharp.Tests.Support;

/// <summary>
/// Runs a managed net and the torch module <see cref="TorchNets"/> builds from it on the same input, and compares the
/// outputs, the input's and every parameter's gradient of the same loss (Σ w·output with fixed random w) and, after a training-mode pass,
/// every buffer (batch norm's running statistics).
/// </summary>
internal static class NetParity
{
    /// <summary>Largest |managed − torch| allowed in buffers, and in outputs relative to max(1, the output's largest magnitude).</summary>
    public const double OutputTolerance = 1e-4;

    /// <summary>Largest |managed − torch| allowed in a gradient, relative to max(1, the gradient's largest magnitude).</summary>
    public const double GradientTolerance = 1e-4;

    /// <param name="build">Makes the torch module from the managed net; <see cref="TorchNets.Build(Module, torch.Device?)"/> by default.</param>
    public static void Check(Module managed, ManagedTensor input, int[]? labels, bool train, Func<Module, TorchNet>? build = null)
    {
        using var scope = torch.NewDisposeScope();
        var torchNet = (build ?? (m => TorchNets.Build(m)))(managed);
        managed.Train(train);
        torchNet.train(train);

        input.RequiresGrad = true;
        var output = Run(managed, input, labels);
        var weights = Random(output.Shape.ToArray(), seed: 99);
        managed.ZeroGrad();
        Engine.Backward(Ops.Sum(Ops.Mul(output, weights)));

        var torchInput = TorchTensors.ToTorch(input).requires_grad_(true);
        var torchOutput = RunTorch(torchNet, torchInput, labels is null ? null : TorchTensors.Labels(labels));
        (torchOutput * TorchTensors.ToTorch(weights)).sum().backward();

        // Relative past magnitude 1, as for gradients: float32 keeps about seven digits, and a spectrally normalised critic
        // in eval mode (σ from freshly drawn u, v, as PyTorch has before its first training forward) scores in the 1e5s.
        Close("output", output, torchOutput, OutputTolerance * Math.Max(1, MaxAbs(output)));
        Close("gradient of the input", input.Grad!, torchInput.grad!, GradientTolerance * Math.Max(1, MaxAbs(input.Grad!)));
        var torchParameters = torchNet.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(managed.NamedParameters().Select(p => p.Name).Order(), torchParameters.Keys.Order());
        foreach (var (name, parameter) in managed.NamedParameters())
        {
            var grad = parameter.Grad ?? new ManagedTensor(parameter.Shape);
            var torchGrad = torchParameters[name].grad ?? torch.zeros(torchParameters[name].shape);
            Close("gradient of " + name, grad, torchGrad, GradientTolerance * Math.Max(1, MaxAbs(grad)));
        }
        var torchState = torchNet.state_dict();
        foreach (var (name, buffer) in managed.NamedBuffers())
            Close("buffer " + name, buffer, torchState[name], OutputTolerance);
    }

    /// <summary>
    /// A generator samples, a discriminator scores (one with a class head gives its scores and class logits side by side, so
    /// the head and its gradients are compared too), any other module runs its stack.
    /// </summary>
    public static ManagedTensor Run(Module managed, ManagedTensor input, int[]? labels) => managed switch
    {
        GeneratorModule g => g.Generate(input, labels),
        DiscriminatorModule { ClassifiesSamples: true } d => ScoresBesideClasses(d.ScoreAndClassify(input, labels)),
        DiscriminatorModule d => d.Score(input, labels),
        _ => managed.Forward(input),
    };

    private static ManagedTensor ScoresBesideClasses((ManagedTensor Scores, ManagedTensor ClassLogits) judged) =>
        Ops.Concat([judged.Scores, judged.ClassLogits], 1);

    /// <summary>The torch side of <see cref="Run"/>.</summary>
    public static TorchTensor RunTorch(TorchNet net, TorchTensor input, TorchTensor? labels)
    {
        if (!net.ClassifiesSamples) return net.forward(input, labels);
        var (scores, logits) = net.ScoreAndClassify(input, labels);
        return torch.cat([scores, logits], 1);
    }

    public static ManagedTensor Random(int[] shape, ulong seed, float low = -1f, float high = 1f)
    {
        var t = new ManagedTensor(new Shape(shape));
        new Rng(seed).FillUniform(t.Data, low, high);
        return t;
    }

    public static int[] Labels(int count, int classes, ulong seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ => rng.NextInt(classes)).ToArray();
    }

    public static void Close(string what, ManagedTensor expected, TorchTensor actual, double tolerance)
    {
        Assert.Equal(expected.Shape.ToArray().Select(d => (long)d), actual.shape);
        var values = TorchTensors.ToManaged(actual).Data;
        double worst = 0;
        int at = -1;
        for (int i = 0; i < values.Length; i++)
        {
            double diff = Math.Abs(values[i] - (double)expected.Data[i]);
            if (double.IsNaN(diff) || diff > worst) (worst, at) = (double.IsNaN(diff) ? double.PositiveInfinity : diff, i);
        }
        Assert.True(worst <= tolerance, string.Create(CultureInfo.InvariantCulture,
            $"{what}: element {at} is {values[Math.Max(at, 0)]:R} on torch but {expected.Data[Math.Max(at, 0)]:R} managed (|diff| {worst:G3} > {tolerance:G3})."));
    }

    public static double MaxAbs(ManagedTensor t) => t.Data.Length == 0 ? 0 : t.Data.Max(v => Math.Abs((double)v));
}
