namespace GanDsl.Nn;

/// <summary>How a module's parameters are drawn.</summary>
public enum InitScheme
{
    /// <summary>PyTorch's per-layer defaults (Kaiming-uniform with a = √5 for weights, U(±1/√fan_in) for biases).</summary>
    PyTorchDefault,

    /// <summary>DCGAN's scheme: Linear and convolution weights N(0, 0.02), batch-norm weights N(1, 0.02), biases 0.</summary>
    Dcgan,
}
