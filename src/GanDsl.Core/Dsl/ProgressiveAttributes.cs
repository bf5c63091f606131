namespace GanDsl;

/// <summary>
/// Declares a progressive generator from [GanBlock] stages in growth order: stage 1 takes the noise [LatentDim] and each
/// later stage grows the previous stage's output by a whole factor (e.g. 7x7 → 14x14 → 28x28). Each stage gets a 1x1
/// convolution to <see cref="ImageChannels"/> and Tanh; a new stage is faded in linearly over the schedule's fade steps.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ProgressiveGeneratorAttribute : Attribute
{
    /// <summary>A progressive generator whose stages are the <c>[GanBlock]</c> classes <paramref name="stages"/>, lowest resolution first.</summary>
    public ProgressiveGeneratorAttribute(params Type[] stages) { Stages = stages; }

    /// <summary>The <c>[GanBlock]</c> classes of the stages, in growth order.</summary>
    public Type[] Stages { get; }

    /// <summary>Channels of the generated images.</summary>
    public int ImageChannels { get; set; } = 1;

    /// <summary>Initialisation of the to-image heads (the blocks carry their own).</summary>
    public Init Init { get; set; }
}

/// <summary>
/// Declares a progressive discriminator from [GanBlock] stages in growth order: stage 1 maps the lowest resolution to one
/// score and each later stage shrinks a higher resolution to the previous stage's input. Each stage gets a 1x1
/// convolution from <see cref="ImageChannels"/> followed by LeakyReLU(0.2).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ProgressiveDiscriminatorAttribute : Attribute
{
    /// <summary>A progressive discriminator whose stages are the <c>[GanBlock]</c> classes <paramref name="stages"/>, lowest resolution first.</summary>
    public ProgressiveDiscriminatorAttribute(params Type[] stages) { Stages = stages; }

    /// <summary>The <c>[GanBlock]</c> classes of the stages, in growth order (stage 1 scores the lowest resolution).</summary>
    public Type[] Stages { get; }

    /// <summary>Channels of the images it scores.</summary>
    public int ImageChannels { get; set; } = 1;

    /// <summary>Initialisation of the from-image heads (the blocks carry their own).</summary>
    public Init Init { get; set; }
}
