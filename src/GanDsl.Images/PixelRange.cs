namespace GanDsl.Images;

/// <summary>The range a batch's byte values are scaled to; it should match the range of the generator's output.</summary>
public enum PixelRange
{
    /// <summary>x / 127.5 - 1, as <see cref="GanDsl.Data.Dataset"/> and torchvision's Normalize(0.5, 0.5) do: for a Tanh generator.</summary>
    MinusOneToOne,

    /// <summary>x / 255, as torchvision's ToTensor does: for a Sigmoid generator.</summary>
    ZeroToOne,
}
