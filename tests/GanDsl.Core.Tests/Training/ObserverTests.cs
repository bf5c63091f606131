using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

/// <summary>Observers combined, and the console progress observer's two ways of writing.</summary>
public class ObserverTests
{
    private sealed class Recorder(string name, List<string> log, double? metric = null) : ITrainingObserver
    {
        public void OnStart(TrainingStartReport report) => log.Add($"{name} start {report.FirstStep}/{report.Length.TotalSteps}");
        public void OnStep(StepReport report) => log.Add($"{name} step {report.Step}");
        public void OnEpoch(EpochReport report) => log.Add($"{name} epoch {report.Epoch}");
        public void OnCheckpoint(CheckpointReport report) => log.Add($"{name} checkpoint {report.Step}");
        public void OnEnd(TrainingEndReport report) => log.Add($"{name} end {report.Step} {report.Cancelled}");

        public IReadOnlyList<KeyValuePair<string, double?>>? OnEvaluation(EvaluationRequest request) =>
            metric is { } m ? [new(name, m)] : null;
    }

    [Fact]
    public void A_combination_passes_every_event_to_each_member_in_order()
    {
        var log = new List<string>();
        var observer = TrainingObservers.Combine(new Recorder("a", log), null, TrainingObservers.Combine(new Recorder("b", log)));
        Assert.Equal(2, TrainingObservers.Members(observer).Count);
        using var dir = new TempFolder();
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny with { Epochs = 1 }, observer, dir.Path);

        // 5 steps of batch 8, logged every 2 and at the last; one epoch; the closing checkpoint.
        Assert.Equal(["a start 0/5", "b start 0/5", "a step 2", "b step 2", "a step 4", "b step 4", "a step 5", "b step 5",
            "a epoch 1", "b epoch 1", "a checkpoint 5", "b checkpoint 5", "a end 5 False", "b end 5 False"], log);
    }

    [Fact]
    public void Evaluation_metrics_of_every_member_are_kept()
    {
        var combined = TrainingObservers.Combine(new Recorder("fcd", []), new Recorder("none", []), new Recorder("kid", [], 0.5));
        var request = new EvaluationRequest(1, 10, null, 100);
        Assert.Null(TrainingObservers.Combine(new Recorder("none", [])).OnEvaluation(request));
        Assert.Equal(["kid"], combined.OnEvaluation(request)!.Select(m => m.Key));
    }

    [Fact]
    public void Redirected_progress_is_one_plain_line_per_logged_step_and_epoch()
    {
        var output = new StringWriter();
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny with { Epochs = 2 }, new ConsoleProgressObserver(output, interactive: false));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("training MlpGan to step 10 (5 steps per epoch, batch 8) from step 0 on 40 samples of [6]", lines[0]);
        Assert.Equal(["epoch 1 step 2/10", "epoch 1 step 4/10", "epoch 1 done at step 5:", "epoch 2 step 6/10", "epoch 2 step 8/10",
            "epoch 2 step 10/10", "epoch 2 done at step 10:"], lines[1..].Select(l => string.Join(' ', l.Split(' ').Take(l.Contains("done") ? 6 : 4))));
        Assert.Matches(@"^epoch 1 step 2/10  D \d+\.\d{3}  G \d+\.\d{3}  D\(x\) \d\.\d\d  D\(G\(z\)\) \d\.\d\d  \d+\.\d steps/s  ETA (\d\d:\d\d:\d\d|--)$", lines[1]);
        Assert.DoesNotContain('\r', output.ToString());
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    [Fact]
    public void Redirected_progress_can_thin_the_step_lines_and_keeps_the_last()
    {
        var output = new StringWriter();
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny with { Epochs = 2 }, new ConsoleProgressObserver(output, false, lineEverySteps: 4));
        var steps = output.ToString().Split('\n').Where(l => l.Contains(" step ") && l.Contains("steps/s")).Select(l => l.Split(' ')[3]);
        Assert.Equal(["4/10", "8/10", "10/10"], steps);
    }

    [Fact]
    public void Interactive_progress_redraws_one_line_with_a_bar_and_writes_each_epoch_on_a_line_of_its_own()
    {
        var output = new StringWriter();
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny with { Epochs = 2 }, new ConsoleProgressObserver(output, interactive: true));
        var text = output.ToString();

        Assert.Contains("\r[####----------------]  20%  epoch 1 step 2/10", text);
        Assert.Contains("\r[####################] 100%  epoch 2 step 10/10", text);
        var lines = text.Split('\n');
        Assert.Equal(4, lines.Length); // start line, epoch 1, epoch 2 (each over the bar), and the empty rest
        Assert.StartsWith("\repoch 1 done at step 5", lines[1][lines[1].LastIndexOf('\r')..]);
        Assert.StartsWith("\repoch 2 done at step 10", lines[2][lines[2].LastIndexOf('\r')..]);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void A_cancelled_interactive_run_keeps_its_bar_and_ends_the_line()
    {
        var output = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var stopAt4 = new StopAt(4, cancel);
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny, TrainingObservers.Combine(new ConsoleProgressObserver(output, true), stopAt4),
            cancellationToken: cancel.Token);
        var text = output.ToString();
        var last = text[(text.LastIndexOf('\r') + 1)..];
        Assert.StartsWith("[#####---------------]  27%  epoch 1 step 4/15", last);
        Assert.EndsWith("\n", last);
    }

    private sealed class StopAt(long step, CancellationTokenSource cancel) : ITrainingObserver
    {
        public void OnStep(StepReport report)
        {
            if (report.Step >= step) cancel.Cancel();
        }
    }
}
