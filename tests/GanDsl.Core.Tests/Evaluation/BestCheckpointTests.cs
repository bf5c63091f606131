using System.Text.Json;
using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

public class BestCheckpointTests
{
    /// <summary>A fake checkpoint folder whose files say which step they are from.</summary>
    private static string Checkpoint(TempFolder dir, long step)
    {
        var folder = Path.Combine(dir.Path, "checkpoints", $"step-{step:D7}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "generator.safetensors"), $"weights of step {step}");
        File.WriteAllText(Path.Combine(folder, "state.json"), $"{{\"step\": {step}}}");
        return folder;
    }

    private static string Kept(TempFolder dir) => File.ReadAllText(Path.Combine(BestCheckpoint.PathIn(dir.Path), "generator.safetensors"));

    [Fact]
    public void The_first_offer_is_kept_then_only_a_lower_fcd_replaces_it()
    {
        using var dir = new TempFolder();
        Assert.Null(BestCheckpoint.Read(dir.Path));
        Assert.True(BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 100), 100, 20.0, "{\"fcd\": 20.0}"));
        Assert.Equal((20.0, 100L), BestCheckpoint.Read(dir.Path));

        Assert.False(BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 200), 200, 25.0));
        Assert.False(BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 250), 250, 20.0)); // a tie keeps the earlier one
        Assert.Equal("weights of step 100", Kept(dir));

        Assert.True(BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 300), 300, 12.5));
        Assert.Equal("weights of step 300", Kept(dir));
        Assert.Equal((12.5, 300L), BestCheckpoint.Read(dir.Path));
        Assert.Equal(["best", "step-0000100", "step-0000200", "step-0000250", "step-0000300"],
            Directory.GetDirectories(Path.Combine(dir.Path, "checkpoints")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_finite_fcd_is_never_kept(double fcd)
    {
        using var dir = new TempFolder();
        Assert.False(BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 10), 10, fcd));
        Assert.False(Directory.Exists(BestCheckpoint.PathIn(dir.Path)));
    }

    [Fact]
    public void The_score_file_records_step_fcd_source_and_report()
    {
        using var dir = new TempFolder();
        BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 40), 40, 3.25, "{\"fcd\": 3.25, \"samples\": 100}");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(BestCheckpoint.PathIn(dir.Path), BestCheckpoint.ScoreFile)));
        var root = doc.RootElement;
        Assert.Equal(40, root.GetProperty("step").GetInt64());
        Assert.Equal(3.25, root.GetProperty("fcd").GetDouble());
        Assert.Equal("step-0000040", root.GetProperty("copied_from").GetString());
        Assert.Equal(100, root.GetProperty("report").GetProperty("samples").GetInt32());
    }

    [Fact]
    public void Leftovers_of_a_crash_and_a_damaged_score_do_not_block_the_next_best()
    {
        using var dir = new TempFolder();
        BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 10), 10, 5.0);
        File.WriteAllText(Path.Combine(BestCheckpoint.PathIn(dir.Path), BestCheckpoint.ScoreFile), "{ torn");
        var temp = Directory.CreateDirectory(Path.Combine(dir.Path, "checkpoints", ".best.tmp")).FullName;
        File.WriteAllText(Path.Combine(temp, "generator.safetensors"), "half written");

        Assert.Null(BestCheckpoint.Read(dir.Path));
        Assert.True(BestCheckpoint.Offer(dir.Path, Checkpoint(dir, 20), 20, 9.0));
        Assert.Equal("weights of step 20", Kept(dir));
        Assert.False(Directory.Exists(temp));
    }
}
