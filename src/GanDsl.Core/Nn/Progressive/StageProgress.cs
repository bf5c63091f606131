using System.Globalization;

namespace GanDsl.Nn.Progressive;

/// <summary>The argument checks shared by the progressive generator and discriminator when their stage is set.</summary>
internal static class StageProgress
{
    public static void Check(string owner, int stageCount, int stage, float alpha)
    {
        if (stage < 0 || stage >= stageCount)
            throw new ArgumentOutOfRangeException(nameof(stage), $"{owner} has stages 0 to {stageCount - 1} but stage {stage} was asked for.");
        if (!(alpha >= 0f && alpha <= 1f))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"The fade-in α must be in [0, 1] but is {alpha.ToString(CultureInfo.InvariantCulture)}.");
    }
}
