using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// A GanDsl net on TorchSharp. <c>forward(input)</c> runs it on an input whose labels are already mixed in (or an
/// unconditional net's input), as the managed <c>Forward</c> does; <see cref="forward(Tensor, Tensor?)"/> mixes class labels
/// in the way the managed generator's <c>Generate</c> and discriminator's <c>Score</c> do. Its <c>state_dict()</c> has the
/// managed net's names and shapes, so <see cref="TorchWeights"/> copies weights both ways.
/// </summary>
public abstract class TorchNet : nn.Module<Tensor, Tensor>
{
    /// <param name="name">The module's name (TorchSharp shows it; it is not part of the state dict's keys).</param>
    protected TorchNet(string name) : base(name) { }

    /// <summary>The label count of a conditional net; 0 when unconditional.</summary>
    public abstract int Classes { get; }

    /// <summary>
    /// The net's output for <paramref name="input"/> (noise z or samples) and, for a conditional net, int64 class labels [N]
    /// (<see cref="TorchTensors.Labels"/>); an unconditional net ignores <paramref name="labels"/>.
    /// </summary>
    public abstract Tensor forward(Tensor input, Tensor? labels);

    /// <summary>True for a discriminator with a class head, whose <see cref="ScoreAndClassify"/> also predicts the class.</summary>
    public virtual bool ClassifiesSamples => false;

    /// <summary>
    /// For a net that <see cref="ClassifiesSamples"/>: the scores [N, 1] of the samples <paramref name="input"/> given
    /// <paramref name="labels"/> and their class logits [N, <see cref="Classes"/>], as the managed <c>ScoreAndClassify</c>
    /// gives them.
    /// </summary>
    /// <exception cref="NotSupportedException">The net has no class head.</exception>
    public virtual (Tensor Scores, Tensor ClassLogits) ScoreAndClassify(Tensor input, Tensor? labels) =>
        throw new NotSupportedException($"{GetName()} has no class head; declare it with Conditioning = LabelConditioning.AuxiliaryClassifier or OneHotPlanesAndClassifier.");
}
