using GanDsl.Nn.Progressive;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// What <see cref="TorchProgressiveGenerator"/> and <see cref="TorchProgressiveDiscriminator"/> share: the blocks (registered
/// as "blocks", a ModuleList as in the managed checkpoint), the stage and fade-in α with the managed nets' checks, and
/// no labels.
/// </summary>
public abstract class TorchProgressiveNet : TorchNet
{
    /// <summary>The stages' blocks, in growth order.</summary>
    private protected readonly TorchLayerStack[] _stageBlocks;

    private protected TorchProgressiveNet(string name, IReadOnlyList<BlockModule> blocks) : base(name)
    {
        _stageBlocks = TorchProgress.Blocks(blocks);
        register_module("blocks", nn.ModuleList(_stageBlocks));
    }

    /// <summary>The number of stages.</summary>
    public int StageCount => _stageBlocks.Length;

    /// <summary>The 0-based stage the next forward pass runs.</summary>
    public int Stage { get; private set; }

    /// <summary>The fade-in weight of the current stage's new block, in [0, 1].</summary>
    public float Alpha { get; private set; }

    /// <inheritdoc/>
    public override int Classes => 0;

    /// <summary>Moves to <paramref name="stage"/> with fade-in <paramref name="alpha"/>, as the managed net's <c>SetProgress</c>.</summary>
    public void SetProgress(int stage, float alpha)
    {
        TorchProgress.Check(GetName(), _stageBlocks.Length, stage, alpha);
        (Stage, Alpha) = (stage, alpha);
    }

    /// <summary>Unconditional: <paramref name="labels"/> are ignored.</summary>
    public override Tensor forward(Tensor input, Tensor? labels) => forward(input);
}
