using System.Text.Json;

namespace GanDsl.Cli.Tests.Commands;

/// <summary>
/// <c>gandsl bench</c> over the image models: the conditional cgan (labels into both nets) and mnist-mlp (a D that ends in a
/// logit, so BCE-with-logits) run the bench's step on either engine; a model it does not time is refused in one sentence.
/// Speed itself is never asserted.
/// </summary>
public class BenchCommandTests
{
    [Theory]
    [InlineData("managed")]
    [InlineData("torch")]
    public void The_conditional_and_the_logit_models_run_the_step_on_either_engine(string engine)
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, "bench", "--json", "--engine", engine, "--threads", "1", "--warmup", "0", "--steps", "1", "cgan", "mnist-mlp");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["cgan", "mnist-mlp"], lines.Select(l => l.GetProperty("model").GetString()));
        Assert.All(lines, l => Assert.Equal((128, 1), (l.GetProperty("batch").GetInt32(), l.GetProperty("threads").GetInt32())));
        Assert.All(lines, l => Assert.True(l.GetProperty("ms_per_step").GetDouble() > 0));
    }

    // Issue 17's allocation goal. The bench's own count (GC.GetTotalAllocatedBytes over its timed steps, in a process of its
    // own so no other test's allocations land in it): once warm, a step of every model recycles its tensors and index maps
    // and allocates only graph nodes and small objects.
    [Fact]
    public void Every_model_allocates_under_64_KiB_a_step_once_warm()
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, "bench", "--json", "--warmup", "2", "--steps", "1");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["mnist-mlp", "lightning-cnn", "mlp-gan", "dcgan", "dcgan64", "cgan"], lines.Select(l => l.GetProperty("model").GetString()));
        Assert.All(lines, l => Assert.True(l.GetProperty("alloc_bytes_per_step").GetInt64() < 64 * 1024,
            $"{l.GetProperty("model").GetString()} allocates {l.GetProperty("alloc_bytes_per_step").GetInt64()} bytes a step"));
    }

    [Fact]
    public void A_model_the_bench_does_not_time_is_one_sentence_listing_those_it_does()
    {
        using var dir = new TempFolder();
        var result = Gandsl.Run(dir.Path, "bench", "sngan");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Unknown benchmark model 'sngan'; choose one of: mnist-mlp, lightning-cnn, mlp-gan, dcgan, dcgan64, cgan.", result.Stderr.Trim());
    }
}
