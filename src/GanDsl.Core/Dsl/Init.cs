namespace GanDsl;

/// <summary>Weight initialisation of a declared net.</summary>
public enum Init
{
    /// <summary>PyTorch's default initialisation for each layer.</summary>
    Default,

    /// <summary>DCGAN's scheme: Linear and convolution weights N(0, 0.02), batch norm weights N(1, 0.02), biases 0.</summary>
    Dcgan,
}
