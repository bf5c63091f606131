using System.Text.Json;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

/// <summary><see cref="TrainingConfig.EvaluateEveryEpochs"/>: a checkpoint ends each evaluation epoch and the observer's metrics are logged.</summary>
public class EvaluationHookTests
{
    private sealed class Scorer : ITrainingObserver
    {
        public List<EvaluationRequest> Requests { get; } = new();

        public IReadOnlyList<KeyValuePair<string, double?>>? OnEvaluation(EvaluationRequest request)
        {
            Requests.Add(request);
            Assert.True(File.Exists(Path.Combine(request.CheckpointDirectory!, "state.json")), "the evaluated checkpoint must be on disk already");
            return [new("fcd", request.Epoch * 1.5), new("conditional_accuracy", null)];
        }
    }

    [Fact]
    public void Every_kth_epoch_ends_in_a_checkpoint_that_is_scored_and_logged_as_an_evaluation_line()
    {
        using var dir = new TempFolder();
        var scorer = new Scorer();
        var config = Configs.Tiny with { Epochs = 5, EvaluateEveryEpochs = 2, EvaluationSamples = 7 };
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), config, scorer, dir.Path);

        // 5 steps per epoch: epochs 2 and 4 end at steps 10 and 20.
        Assert.Equal([(2, 10L), (4, 20L)], scorer.Requests.Select(r => (r.Epoch, r.Step)));
        Assert.All(scorer.Requests, r => Assert.Equal(7, r.Samples));
        Assert.Equal(dir.File(Path.Combine("checkpoints", "step-0000010")), scorer.Requests[0].CheckpointDirectory);
        var evaluations = File.ReadAllLines(dir.File("metrics.jsonl")).Where(l => l.Contains("\"kind\":\"evaluation\"")).ToList();
        Assert.Equal(["{\"kind\":\"evaluation\",\"step\":10,\"epoch\":2,\"fcd\":3,\"conditional_accuracy\":null}",
            "{\"kind\":\"evaluation\",\"step\":20,\"epoch\":4,\"fcd\":6,\"conditional_accuracy\":null}"], evaluations);
        Assert.All(evaluations, l => JsonDocument.Parse(l).Dispose());
    }

    [Fact]
    public void Without_a_run_folder_the_observer_is_asked_with_no_checkpoint_and_nothing_is_written()
    {
        var requests = new List<EvaluationRequest>();
        var observer = new Recording(requests);
        Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny with { Epochs = 2, EvaluateEveryEpochs = 1 }, observer);
        Assert.Equal([1, 2], requests.Select(r => r.Epoch));
        Assert.All(requests, r => Assert.Null(r.CheckpointDirectory));
    }

    [Theory]
    [InlineData(-1, 10, "EvaluateEveryEpochs must be at least 0")]
    [InlineData(1, 1, "EvaluationSamples must be at least 2")]
    public void Bad_evaluation_settings_are_named(int every, int samples, string expected)
    {
        var errors = (TrainingConfig.Default with { EvaluateEveryEpochs = every, EvaluationSamples = samples }).Validate();
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    private sealed class Recording(List<EvaluationRequest> requests) : ITrainingObserver
    {
        public IReadOnlyList<KeyValuePair<string, double?>>? OnEvaluation(EvaluationRequest request)
        {
            requests.Add(request);
            return null;
        }
    }
}
