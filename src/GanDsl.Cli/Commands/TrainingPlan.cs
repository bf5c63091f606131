using System.Globalization;
using GanDsl.Cli.Engines;
using GanDsl.Cli.Evaluation;
using GanDsl.Cli.Models;
using GanDsl.Cli.Runs;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Cli.Commands;

/// <summary>
/// What <c>gandsl train</c> will do, decided before anything is written: the model and its GAN, the configuration, the data,
/// the run folder, and whether it continues the run there. <see cref="ForNewRun"/> and <see cref="ForResume"/> check the
/// request and refuse it with one sentence; only <see cref="PrepareFolder"/> touches the disk.
/// </summary>
/// <param name="FirstStep">The step training starts from: 0, or the checkpoint's step when resuming.</param>
/// <param name="Engine">The engine and device the steps run on (recorded in <c>run.json</c>).</param>
internal sealed record TrainingPlan(ServedModel Model, IGan Gan, TrainingConfig Config, ITrainingData Data,
    string RunDirectory, RunInfo Info, bool Resume, long FirstStep, EngineChoice Engine)
{
    public RunLength Length => RunLength.Of(Config, Data.Count);

    /// <summary>A new run of <c>request.Model</c> with the request's settings over the model's own, into a new or empty folder.</summary>
    public static TrainingPlan ForNewRun(TrainRequest request, Action<string> log)
    {
        if (request.Model is null) throw new UserError("Name the model to train (see 'gandsl models'), or pass --resume RUN_DIR.");
        var model = ModelLookup.Find(request.Model, request.From);
        var config = request.WithEvaluation(model.Config with
        {
            Epochs = request.Epochs ?? model.Config.Epochs,
            BatchSize = request.BatchSize ?? model.Config.BatchSize,
            Seed = request.Seed ?? model.Config.Seed,
            MaxSteps = request.MaxSteps ?? model.Config.MaxSteps,
        });
        var engine = EngineChoice.From(request.Engine, request.Device).EnsureAvailable();
        var gan = model.Create(config.Seed);
        var errors = config.Validate(gan);
        if (errors.Count > 0) throw new UserError(string.Join(" ", errors));
        var runDirectory = request.Out ?? Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{model.Name}-{DateTime.Now:yyyyMMdd-HHmmss}"));
        var data = TrainingDataSource.Open(model, gan, request.Dataset, request.ImageOptions, log);
        var info = model.RunInfoFor(data.Source ?? new DataSource(model.DefaultDataset ?? DataSource.InCode)) with { Engine = engine.Engine, Device = engine.Device };
        if (config.EvaluateEveryEpochs > 0) ImageQuality.CheckScorable(model, gan.Generator, info);
        return new TrainingPlan(model, gan, config, data, runDirectory, info, Resume: false, FirstStep: 0, engine);
    }

    /// <summary>The run in <c>request.Resume</c>, continued from its latest checkpoint; only the length, evaluation and checkpoint interval may change.</summary>
    public static TrainingPlan ForResume(TrainRequest request, Action<string> log)
    {
        if (request.Out is not null) throw new UserError("--resume continues the run in its own folder; drop --out.");
        if (request.Dataset is not null || request.BatchSize is not null || request.Seed is not null || request.From is not null || request.HasImageOptions)
            throw new UserError("--resume keeps the run's dataset, batch size and seed; only --epochs and --max-steps may change.");
        var runDirectory = request.Resume!;
        var info = RunInfo.Read(runDirectory);
        var engine = EngineChoice.From(request.Engine, request.Device, new EngineChoice(info.EngineOrDefault, info.DeviceOrDefault)).EnsureAvailable();
        var model = ModelLookup.ForRun(info, runDirectory);
        if (request.Model is { } named && !Names(model, named))
            throw new UserError($"The run in {runDirectory} trains {info.Model}, not {named}.");
        var latest = new CheckpointStore(runDirectory).Latest()
            ?? throw new UserError($"The run in {runDirectory} has no checkpoint to resume from; start a new run instead.");
        var checkpoint = CheckpointStore.Load(latest);
        model = ModelLookup.AsSaved(model, checkpoint, log);
        var saved = checkpoint.State;
        var config = request.WithEvaluation(saved.Config with
        {
            Epochs = request.Epochs ?? saved.Config.Epochs,
            MaxSteps = request.MaxSteps ?? saved.Config.MaxSteps,
        });
        var gan = model.Create(config.Seed);
        if (config.EvaluateEveryEpochs > 0) ImageQuality.CheckScorable(model, gan.Generator, info);
        var data = TrainingDataSource.Reopen(model, gan, info, runDirectory, log);
        return new TrainingPlan(model, gan, config, data, runDirectory, info, Resume: true, FirstStep: saved.Step, engine);
    }

    /// <summary>
    /// Makes a new run's folder and writes its <c>run.json</c>; a new run never writes into a folder that already holds one
    /// (nothing saved is overwritten without --resume). A resumed run's folder is already there.
    /// </summary>
    public void PrepareFolder()
    {
        if (Resume) return;
        if (Directory.Exists(RunDirectory) && Directory.EnumerateFileSystemEntries(RunDirectory).Any())
            throw new UserError($"The folder {RunDirectory} is not empty; choose a new --out folder, or continue the run there with --resume {RunDirectory}.");
        try
        {
            Directory.CreateDirectory(RunDirectory);
            var probe = Path.Combine(RunDirectory, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"Cannot write to the output folder {RunDirectory} ({e.Message.TrimEnd('.')}); choose a writable --out folder.");
        }
        Info.Write(RunDirectory);
    }

    /// <summary>Whether <paramref name="name"/> names the model: its name (any case for a user's pair) or its pair's full name.</summary>
    private static bool Names(ServedModel model, string name) =>
        model.AssemblyPath is null ? model.Name == name : string.Equals(model.Name, name, StringComparison.OrdinalIgnoreCase) || model.PairType == name;
}
