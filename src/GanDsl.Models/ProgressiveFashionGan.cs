using GanDsl.Nn.Progressive;

namespace GanDsl.Models;

/// <summary>
/// The progressive model's pair grown by one schedule: by default a new stage every 1500 steps (about three epochs of
/// Fashion-MNIST at batch 128), each faded in linearly over 750 steps. The discriminator is seeded apart from the generator.
/// </summary>
public sealed class ProgressiveFashionGan : ProgressiveGan
{
    public static ProgressiveSchedule DefaultSchedule { get; } = new(StepsPerStage: 1500, FadeSteps: 750);

    public ProgressiveFashionGan(ulong seed = 42) : this(seed, DefaultSchedule) { }

    public ProgressiveFashionGan(ulong seed, ProgressiveSchedule schedule)
        : base(new ProgressiveGenerator28(seed), new ProgressiveDiscriminator28(unchecked(seed + 1000)), schedule) { }
}
