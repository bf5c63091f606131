using GanDsl.Autograd;
using GanDsl.Shapes;
using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>A lookup table [numEmbeddings, dim] initialised N(0, 1), as torch.nn.Embedding.</summary>
public sealed class Embedding : Module
{
    public Embedding(int numEmbeddings, int dim)
    {
        LayerValidation.RequirePositive("Embedding", nameof(numEmbeddings), numEmbeddings);
        LayerValidation.RequirePositive("Embedding", nameof(dim), dim);
        Weight = RegisterParameter("weight", Tensor.Zeros(numEmbeddings, dim));
    }

    public Tensor Weight { get; }

    public Tensor Forward(int[] indices) => Ops.Embedding(Weight, indices);

    /// <summary>Looks up a tensor of integer-valued class indices.</summary>
    public override Tensor Forward(Tensor input) => Forward(input.Data.Select(v => (int)v).ToArray());

    protected override void ResetParameters(Init scheme, Rng rng) => rng.FillNormal(Weight.Data);
}
