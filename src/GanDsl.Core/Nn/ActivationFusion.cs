using GanDsl.Tensors;

namespace GanDsl.Nn;

/// <summary>
/// A layer that can run the ReLU or leaky ReLU after it inside its own op (<see cref="BatchNorm"/>, and a convolution with a
/// bias): generated nets and <see cref="Sequential"/> call <c>ForwardThen</c> for such a pair.
/// </summary>
internal interface IFusesActivation
{
    Tensor ForwardThen(Module next, Tensor input);
}

internal static class ActivationFusion
{
    /// <summary>The negative slope of <paramref name="next"/> when it is a ReLU (0) or a leaky ReLU, else null.</summary>
    public static float? SlopeOf(Module next) => next switch
    {
        ReLU => 0f,
        LeakyReLU leaky => (float)leaky.NegativeSlope,
        _ => null,
    };

    /// <summary>Whether <paramref name="next"/> is an activation <see cref="IFusesActivation.ForwardThen"/> fuses.</summary>
    public static bool Fuses(Module next) => SlopeOf(next) is not null;
}
