using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>A generator: maps latent noise (and, when conditional, class labels) to samples.</summary>
public abstract class GeneratorModule : Module
{
    public abstract int LatentDim { get; }

    /// <summary>Number of classes for a conditional generator; 0 when unconditional.</summary>
    public abstract int Classes { get; }

    /// <summary>One sample's shape, without the batch dimension.</summary>
    public abstract int[] OutputShape { get; }

    public abstract Tensor Generate(Tensor z, int[]? labels);

    public override Tensor Forward(Tensor input) => Generate(input, null);
}

/// <summary>A discriminator (or critic): maps samples (and labels) to one score per sample, [N, 1].</summary>
public abstract class DiscriminatorModule : Module
{
    public abstract int Classes { get; }
    public abstract int[] InputShape { get; }

    /// <summary>True when the stack ends in Sigmoid (scores are probabilities), false for logits/critic values.</summary>
    public abstract bool OutputsProbability { get; }

    public abstract Tensor Score(Tensor x, int[]? labels);

    public override Tensor Forward(Tensor input) => Score(input, null);
}

/// <summary>A generator/discriminator pair that the adversarial loop trains.</summary>
public interface IGan
{
    GeneratorModule Generator { get; }
    DiscriminatorModule Discriminator { get; }
}
