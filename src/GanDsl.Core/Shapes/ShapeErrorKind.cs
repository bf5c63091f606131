namespace GanDsl.Shapes
{
    /// <summary>Why a layer stack is invalid; the generator maps each kind to one diagnostic id.</summary>
    public enum ShapeErrorKind
    {
        /// <summary>A layer that needs [features] got an image, or one that needs [C, H, W] got a flat vector.</summary>
        RankMismatch,
        /// <summary>A kernel larger than its padded input, or an output size below 1.</summary>
        KernelTooLarge,
        /// <summary>A Reshape whose element count differs from its input's.</summary>
        ReshapeCount,
        /// <summary>A non-positive size, dropout outside [0, 1), negative padding or slope.</summary>
        ArgumentOutOfRange,
        /// <summary>A tensor over 2^31-1 elements or a count beyond 64 bits.</summary>
        Overflow,
    }
}
