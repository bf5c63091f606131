using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>A lookup table [numEmbeddings, dim] initialised N(0, 1), as torch.nn.Embedding.</summary>
public sealed class Embedding : Module
{
    /// <summary>A table of <paramref name="numEmbeddings"/> rows of <paramref name="dim"/> values (<c>nn.Embedding(num_embeddings, embedding_dim)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public Embedding(int numEmbeddings, int dim)
    {
        LayerValidation.RequirePositive("Embedding", nameof(numEmbeddings), numEmbeddings);
        LayerValidation.RequirePositive("Embedding", nameof(dim), dim);
        Weight = RegisterParameter("weight", Tensor.Zeros(numEmbeddings, dim));
    }

    /// <summary>The table [numEmbeddings, dim], a trainable parameter named <c>weight</c>.</summary>
    public Tensor Weight { get; }

    /// <summary>The rows at <paramref name="indices"/>: [indices.Length, dim].</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, numEmbeddings).</exception>
    public Tensor Forward(int[] indices) => Ops.Embedding(Weight, indices);

    /// <summary>Looks up a tensor of integer-valued class indices.</summary>
    public override Tensor Forward(Tensor input) => Forward(input.Data.Select(v => (int)v).ToArray());

    /// <summary>Fills the table with N(0, 1) samples, as PyTorch does whatever the scheme.</summary>
    protected override void ResetParameters(Init scheme, Rng rng) => rng.FillNormal(Weight.Data);
}
