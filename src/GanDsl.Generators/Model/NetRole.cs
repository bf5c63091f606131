namespace GanDsl.Generators.Model
{
    internal enum NetRole
    {
        Generator,
        Discriminator,
        /// <summary>A [GanBlock]: a declared input shape and any output shape, composed by progressive nets.</summary>
        Block,
    }

    /// <summary>How a conditional net mixes its labels in.</summary>
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
    }
}
