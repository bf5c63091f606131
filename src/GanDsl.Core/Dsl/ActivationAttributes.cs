using GanDsl.Shapes;

namespace GanDsl;

/// <summary><c>nn.ReLU()</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReLUAttribute : LayerAttribute;

/// <summary><c>nn.LeakyReLU(negativeSlope)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LeakyReLUAttribute(double negativeSlope = LeakyReLULayer.DefaultNegativeSlope) : LayerAttribute
{
    /// <summary>The slope for negative inputs (0.01 unless given, PyTorch's default; 0.2 is DCGAN's).</summary>
    public double NegativeSlope { get; } = negativeSlope;
}

/// <summary><c>nn.Tanh()</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TanhAttribute : LayerAttribute;

/// <summary><c>nn.Sigmoid()</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SigmoidAttribute : LayerAttribute;
