namespace GanDsl.Shapes
{
    /// <summary>Every layer the DSL and the runtime <c>Sequential</c> know, named as in PyTorch.</summary>
    public enum LayerKind
    {
        Linear,
        Conv2d,
        ConvTranspose2d,
        BatchNorm1d,
        BatchNorm2d,
        Dropout,
        ReLU,
        LeakyReLU,
        Tanh,
        Sigmoid,
        MaxPool2d,
        Flatten,
        Reshape,
        Upsample,
    }
}
