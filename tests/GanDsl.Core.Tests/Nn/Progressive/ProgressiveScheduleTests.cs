using CsCheck;
using GanDsl.Nn.Progressive;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Nn.Progressive;

public class ProgressiveScheduleTests
{
    [Theory]
    [InlineData(0, 0, 1f)]
    [InlineData(99, 0, 1f)]
    [InlineData(100, 1, 0f)]
    [InlineData(110, 1, 0.25f)]
    [InlineData(140, 1, 1f)]
    [InlineData(199, 1, 1f)]
    [InlineData(220, 2, 0.5f)]
    [InlineData(5000, 2, 1f)]
    public void Stage_and_alpha_follow_the_schedule(long step, int stage, float alpha)
    {
        var p = new ProgressiveSchedule(100, 40).At(step, 3);
        Assert.Equal(stage, p.Stage);
        Assert.Equal(alpha, p.Alpha);
        Assert.Equal(new ProgressiveSchedule(100, 40), p.Schedule);
    }

    [Fact]
    public void Alpha_is_min_of_one_and_steps_into_stage_over_fade_steps_and_stages_never_shrink() =>
        Gen.Select(Sized.PositiveInt, Sized.NonNegativeInt, Sized.NonNegativeInt, Sized.PositiveInt).ForAll((perStage, fadeSeed, stepSeed, stagesSeed) =>
    {
        long per = perStage % 50 + 1, fade = fadeSeed % (per + 1);
        int stages = stagesSeed % 4 + 1;
        long step = stepSeed % (per * (stages + 2));
        var schedule = new ProgressiveSchedule(per, fade);
        var now = schedule.At(step, stages);
        var next = schedule.At(step + 1, stages);
        long into = step - now.Stage * per;
        float expected = now.Stage == 0 || fade == 0 ? 1f : (float)Math.Min(1.0, (double)into / fade);
        return now.Alpha == expected && now.Alpha is >= 0f and <= 1f && now.Stage < stages
                && (next.Stage > now.Stage || next.Alpha >= now.Alpha) && next.Stage >= now.Stage;
    }, iter: 100);

    [Fact]
    public void Invalid_schedules_are_refused_naming_the_field()
    {
        var perStage = Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressiveSchedule(0, 0).Validate());
        Assert.Contains("StepsPerStage of at least 1 but has 0", perStage.Message);
        var fade = Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressiveSchedule(10, 11).Validate());
        Assert.Contains("FadeSteps between 0 and StepsPerStage (10) but has 11", fade.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => TinyProgressive.Gan(new ProgressiveSchedule(10, -1)));
    }
}
