using GanDsl.Autograd;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>A lookup table [numEmbeddings, dim] initialised N(0, 1), as torch.nn.Embedding.</summary>
public sealed class Embedding : Module
{
    public Embedding(int numEmbeddings, int dim)
    {
        Guard.Positive("Embedding", "numEmbeddings", numEmbeddings);
        Guard.Positive("Embedding", "dim", dim);
        Weight = RegisterParameter("weight", Tensor.Zeros(numEmbeddings, dim));
    }

    public Tensor Weight { get; }

    public Tensor Forward(int[] indices) => Ops.Embedding(Weight, indices);

    /// <summary>Looks up a tensor of integer-valued class indices.</summary>
    public override Tensor Forward(Tensor input) => Forward(input.Data.Select(v => (int)v).ToArray());

    protected override void ResetParameters(InitScheme scheme, Rng rng) => rng.FillNormal(Weight.Data);
}
