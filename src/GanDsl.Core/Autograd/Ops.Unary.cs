using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>eˣ element-wise.</summary>
    public static Tensor Exp(Tensor x)
    {
        var y = Map(x, TensorPrimitives.Exp);
        return Recorder.Record(y, "exp", x, g => Mul(g, y));
    }

    /// <summary>The natural logarithm element-wise (−∞ at 0, NaN below).</summary>
    public static Tensor Log(Tensor x) => Recorder.Record(Map(x, TensorPrimitives.Log), "log", x, g => Div(g, x));

    /// <summary>√x element-wise (NaN below 0).</summary>
    public static Tensor Sqrt(Tensor x)
    {
        var y = Map(x, TensorPrimitives.Sqrt);
        return Recorder.Record(y, "sqrt", x, g => Div(g, Scale(y, 2f)));
    }

    /// <summary>|x| element-wise; its gradient at 0 is 0, as in PyTorch.</summary>
    public static Tensor Abs(Tensor x) =>
        Recorder.Record(Map(x, TensorPrimitives.Abs), "abs", x, g => Mul(g, Constant(x, v => MathF.Sign(v))));

    /// <summary>max(x, 0) element-wise (<c>torch.relu</c>).</summary>
    public static Tensor Relu(Tensor x) => LeakyRelu(x, 0f);

    /// <summary>x where x &gt; 0, <paramref name="negativeSlope"/>·x elsewhere (<c>F.leaky_relu</c>, default slope 0.01).</summary>
    public static Tensor LeakyRelu(Tensor x, float negativeSlope = 0.01f)
    {
        var y = Tensor.Pooled(x.Shape, clear: false);
        LeakyReluKernel.Forward(x.Data, y.Data, negativeSlope);
        return Recorder.Record(y, negativeSlope == 0 ? "relu" : "leaky_relu", x, g => LeakyReluGrad(g, x, negativeSlope));
    }

    /// <summary>g where x &gt; 0, slope·g elsewhere: linear in g (and locally constant in x), so its backward is itself.</summary>
    private static Tensor LeakyReluGrad(Tensor g, Tensor x, float slope)
    {
        var r = Tensor.Pooled(g.Shape, clear: false);
        LeakyReluKernel.Backward(g.Data, x.Data, r.Data, slope);
        return Recorder.Record(r, "leaky_relu_backward", g, h => LeakyReluGrad(h, x, slope));
    }

    /// <summary>tanh(x) element-wise.</summary>
    public static Tensor Tanh(Tensor x)
    {
        var y = Map(x, TensorPrimitives.Tanh);
        return Recorder.Record(y, "tanh", x, g =>
        {
            if (GradMode.IsEnabled) return Mul(g, RSub(1f, Mul(y, y))); // createGraph: differentiable in y
            var r = Tensor.Pooled(g.Shape, clear: false);
            TanhKernel.Backward(g.Data, y.Data, r.Data);
            return r;
        });
    }

    /// <summary>1 / (1 + e⁻ˣ) element-wise, computed without overflow for large |x|.</summary>
    public static Tensor Sigmoid(Tensor x)
    {
        var y = Tensor.Pooled(x.Shape);
        var xs = x.Data;
        var ys = y.Data;
        for (int i = 0; i < xs.Length; i++) ys[i] = StableSigmoid(xs[i]);
        return Recorder.Record(y, "sigmoid", x, g =>
        {
            if (GradMode.IsEnabled) return Mul(g, Mul(y, RSub(1f, y))); // createGraph: differentiable in y
            var r = Tensor.Pooled(g.Shape);
            for (int i = 0; i < r.Size; i++) r.Data[i] = g.Data[i] * ys[i] * (1f - ys[i]);
            return r;
        });
    }

    internal static float StableSigmoid(float v)
    {
        if (v >= 0) return 1f / (1f + MathF.Exp(-v));
        float e = MathF.Exp(v);
        return e / (1f + e);
    }

    private static Tensor Map(Tensor x, SpanMap kernel)
    {
        var y = Tensor.Pooled(x.Shape, clear: false);
        UnaryMap.Run(x.Data, y.Data, kernel);
        return y;
    }

    /// <summary>A tensor of values derived from x that carries no gradient (masks, signs).</summary>
    private static Tensor Constant(Tensor x, Func<float, float> f)
    {
        var c = Tensor.Pooled(x.Shape);
        var xs = x.Data;
        var cs = c.Data;
        for (int i = 0; i < xs.Length; i++) cs[i] = f(xs[i]);
        return c;
    }
}
