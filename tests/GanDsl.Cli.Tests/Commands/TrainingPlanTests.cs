using GanDsl.Cli.Commands;
using GanDsl.Runs;
using GanDsl.Training;

namespace GanDsl.Cli.Tests.Commands;

/// <summary>How <c>gandsl train</c> plans a new run and a resume, in process, before anything is trained.</summary>
public class TrainingPlanTests
{
    private static readonly Action<string> Quiet = _ => { };

    private static TrainRequest Request(string? model = null, string? @out = null, string? resume = null, int? epochs = null, long? maxSteps = null,
        string? dataset = null, int? batchSize = null, ulong? seed = null) =>
        new(model, dataset, epochs, batchSize, seed, @out, resume, maxSteps, EvaluateEvery: null, EvaluationSamples: null);

    [Fact]
    public void A_new_run_lays_the_request_over_the_models_settings_and_writes_nothing_until_its_folder_is_prepared()
    {
        using var dir = new TempFolder();
        var folder = dir.File("run");
        var plan = TrainingPlan.ForNewRun(Request("seven-bit", folder, epochs: 3, seed: 9), Quiet);

        Assert.Equal("seven-bit", plan.Model.Name);
        Assert.Equal(plan.Model.Config with { Epochs = 3, Seed = 9 }, plan.Config);
        Assert.Equal(new RunLength(64, 64, 192), plan.Length); // 4096 generated samples, batch 64, three epochs
        Assert.Equal((false, 0L), (plan.Resume, plan.FirstStep));
        Assert.Equal(new RunInfo("seven-bit", "seven-bit", null) { Engine = "managed", Device = "cpu" }, plan.Info);
        Assert.False(Directory.Exists(folder));

        plan.PrepareFolder();
        Assert.Equal(plan.Info, RunInfo.Read(folder));
        Assert.Equal(["run.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_resume_continues_the_runs_checkpoint_where_only_length_and_evaluation_may_change()
    {
        using var dir = new TempFolder();
        var folder = dir.File("run");
        var first = TrainingPlan.ForNewRun(Request("seven-bit", folder, maxSteps: 10), Quiet);
        first.PrepareFolder();
        Adversarial.Train(first.Gan, first.Data, first.Config, runDirectory: first.RunDirectory);

        var plan = TrainingPlan.ForResume(Request(resume: folder, maxSteps: 30), Quiet);
        Assert.Equal((true, 10L), (plan.Resume, plan.FirstStep));
        Assert.Equal(first.Config with { MaxSteps = 30 }, plan.Config);
        Assert.Equal(30, plan.Length.TotalSteps);
        Assert.Equal(first.Info, plan.Info);
        plan.PrepareFolder(); // the run's folder is already there: nothing to refuse
        Assert.Equal(30, Adversarial.Train(plan.Gan, plan.Data, plan.Config, runDirectory: plan.RunDirectory, resume: true).Steps);
    }

    [Theory]
    [InlineData("Name the model to train", null, null)]
    [InlineData("Unknown model 'nope'; run 'gandsl models' to list them (seven-bit, mnist-mlp,", "nope", null)]
    [InlineData("--resume continues the run in its own folder; drop --out.", null, "elsewhere")]
    public void Requests_that_cannot_be_planned_are_refused_with_one_sentence(string expected, string? model, string? outWithResume)
    {
        var request = outWithResume is null ? Request(model) : Request(resume: "run", @out: outWithResume);
        var ex = Assert.Throws<UserError>(() => outWithResume is null ? TrainingPlan.ForNewRun(request, Quiet) : TrainingPlan.ForResume(request, Quiet));
        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void A_resume_keeps_the_runs_data_and_a_new_run_never_writes_into_a_folder_in_use()
    {
        var ex = Assert.Throws<UserError>(() => TrainingPlan.ForResume(Request(resume: "run", batchSize: 8), Quiet));
        Assert.Equal("--resume keeps the run's dataset, batch size and seed; only --epochs and --max-steps may change.", ex.Message);

        using var dir = new TempFolder();
        File.WriteAllText(dir.File("notes.txt"), "mine");
        var plan = TrainingPlan.ForNewRun(Request("seven-bit", dir.Path), Quiet);
        Assert.Contains("is not empty", Assert.Throws<UserError>(plan.PrepareFolder).Message);
        Assert.Equal("mine", File.ReadAllText(dir.File("notes.txt")));
    }
}
