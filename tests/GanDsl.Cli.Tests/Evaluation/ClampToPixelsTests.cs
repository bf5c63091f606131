using GanDsl.Cli.Evaluation;

namespace GanDsl.Cli.Tests.Evaluation;

/// <summary>A run's samples are scored as the pixels an image of them shows, as an IDX file of them would be.</summary>
public class ClampToPixelsTests
{
    [Fact]
    public void Values_outside_the_pixel_range_are_clipped_and_the_rest_kept_bit_for_bit()
    {
        float[] samples = [-40f, -1.0001f, -1f, -0.25f, 0f, 0.7310586f, 1f, 1.5f, 3e6f, float.NegativeInfinity, float.PositiveInfinity];
        ImageQuality.ClampToPixels(samples);
        Assert.Equal([-1f, -1f, -1f, -0.25f, 0f, 0.7310586f, 1f, 1f, 1f, -1f, 1f], samples);
    }
}
