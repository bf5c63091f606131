namespace GanDsl;

/// <summary>How a net's parameters are drawn: the role attributes' <c>Init = …</c> and <see cref="Nn.Module.Initialize"/> take it.</summary>
public enum Init
{
    /// <summary>PyTorch's per-layer defaults: Linear and convolution weights and biases U(±1/√fan_in) (Kaiming-uniform with a = √5), batch norm weights 1 and biases 0.</summary>
    PyTorchDefault,

    /// <summary>DCGAN's scheme: Linear and convolution weights N(0, 0.02), batch norm weights N(1, 0.02), biases 0.</summary>
    Dcgan,
}
