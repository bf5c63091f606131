namespace GanDsl.Tensors.Kernels;

/// <summary>
/// How <see cref="Convolution"/> computes a map. Callers of the public methods get <see cref="Auto"/>; tests and the
/// benchmark name a path to force it and compare it with the reference.
/// </summary>
internal enum ConvAlgorithm
{
    /// <summary>The fastest path that applies to the geometry.</summary>
    Auto,

    /// <summary>The reference: the whole batch lowered by im2col (or folded back by col2im) around one GEMM.</summary>
    Lowered,

    /// <summary>Kernel = image, no padding: the convolution is a matrix product of the images with the weights, no copies.</summary>
    WholeImage,

    /// <summary>Stride 1: loops over the (bordered) input in place, vectorised along output rows (<see cref="DirectConvolution"/>).</summary>
    Direct,

    /// <summary>
    /// The lowered path's GEMMs without the batch's patch matrix: a few images at a time through a buffer that stays in
    /// L2 (forward map, input gradient), or patches packed straight from the image (weight gradient).
    /// </summary>
    Implicit,
}
