namespace GanDsl.Generators.Model
{
    internal enum NetRole
    {
        Generator,
        Discriminator,
        /// <summary>A [GanBlock]: a declared input shape and any output shape, composed by progressive nets.</summary>
        Block,
    }

    /// <summary>How a conditional net takes its labels; the values are GanDsl.LabelConditioning's, in the same order.</summary>
    internal enum Conditioning
    {
        /// <summary>Unconditional.</summary>
        None,
        /// <summary>Embedding(K, K)(y) concatenated to the flat input (generator z, or a flat discriminator input).</summary>
        EmbeddingAtInput,
        /// <summary>K one-hot planes concatenated to the image channels.</summary>
        OneHotPlanes,
        /// <summary>Embedding concatenated right after the leading Flatten.</summary>
        EmbeddingAfterFlatten,
        /// <summary>A discriminator's last Linear plus ⟨embed(y), h⟩, h that Linear's input.</summary>
        Projection,
        /// <summary>A generator's batch norms without affine, each followed by a per-class gain and bias.</summary>
        ConditionalBatchNorm,
        /// <summary>A discriminator that sees samples alone, with a class head Linear(h, K) beside its last Linear(1) (AC-GAN).</summary>
        AuxiliaryClassifier,
        /// <summary>One-hot planes for the score, and the class head on a second pass with blank planes.</summary>
        OneHotPlanesAndClassifier,
    }
}
