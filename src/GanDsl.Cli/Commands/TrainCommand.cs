using System.CommandLine;
using System.Globalization;
using GanDsl.Cli.Evaluation;
using GanDsl.Cli.Runs;
using GanDsl.Examples;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;
using Spectre.Console;

namespace GanDsl.Cli.Commands;

/// <summary>
/// <c>gandsl train MODEL [--dataset NAME|DIR] [--epochs N] [--batch-size N] [--seed N] [--out DIR] [--max-steps N]</c>
/// and <c>gandsl train --resume RUN_DIR [--epochs N] [--max-steps N]</c>.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "A model from 'gandsl models' (omit with --resume).", Arity = ArgumentArity.ZeroOrOne };
        var dataset = new Option<string?>("--dataset") { Description = "A dataset name (mnist, fashion-mnist) or a folder holding its IDX files." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs to train (the run's total)." };
        var batch = new Option<int?>("--batch-size") { Description = "Samples per batch." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the weights, the noise and the data order." };
        var output = new Option<string?>("--out") { Description = "The run folder to create (default runs/MODEL-TIME)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this folder." };
        var maxSteps = new Option<long?>("--max-steps") { Description = "Stop after this many steps in total (the run's, not this session's)." };
        var evaluateEvery = new Option<int?>("--evaluate-every") { Description = "Score the generator every N epochs (fcd, kid, coverage) and keep checkpoints/best (0 = off)." };
        var evaluationSamples = new Option<int?>("--evaluation-samples") { Description = "Samples scored at each evaluation (default 10000)." };
        var command = new Command("train", "Train a model; writes a run folder with samples, losses and checkpoints.")
            { model, dataset, epochs, batch, seed, output, resume, maxSteps, evaluateEvery, evaluationSamples };
        command.SetAction(parse => Run(new Request(parse.GetValue(model), parse.GetValue(dataset), parse.GetValue(epochs), parse.GetValue(batch),
            parse.GetValue(seed), parse.GetValue(output), parse.GetValue(resume), parse.GetValue(maxSteps),
            parse.GetValue(evaluateEvery), parse.GetValue(evaluationSamples))));
        return command;
    }

    private sealed record Request(string? Model, string? Dataset, int? Epochs, int? BatchSize, ulong? Seed, string? Out, string? Resume, long? MaxSteps,
        int? EvaluateEvery, int? EvaluationSamples);

    private static int Run(Request request)
    {
        var log = (string line) => Console.Error.WriteLine(line);
        ExampleModel model;
        TrainingConfig config;
        ITrainingData data;
        string runDirectory;
        RunInfo runInfo;
        bool resuming = request.Resume is not null;
        if (resuming)
        {
            if (request.Out is not null) throw new UserError("--resume continues the run in its own folder; drop --out.");
            if (request.Dataset is not null || request.BatchSize is not null || request.Seed is not null)
                throw new UserError("--resume keeps the run's dataset, batch size and seed; only --epochs and --max-steps may change.");
            runDirectory = request.Resume!;
            var info = runInfo = RunInfo.Read(runDirectory);
            model = Find(request.Model ?? info.Model);
            if (model.Name != info.Model) throw new UserError($"The run in {runDirectory} trains {info.Model}, not {model.Name}.");
            var latest = new CheckpointStore(runDirectory).Latest()
                ?? throw new UserError($"The run in {runDirectory} has no checkpoint to resume from; start a new run instead.");
            config = CheckpointStore.Load(latest).State.Config;
            config = config with { Epochs = request.Epochs ?? config.Epochs, MaxSteps = request.MaxSteps ?? config.MaxSteps };
            config = WithEvaluation(config, request);
            if (config.EvaluateEveryEpochs > 0) ImageQuality.CheckScorable(model);
            data = TrainingDataSource.Reopen(model, info, log);
        }
        else
        {
            if (request.Model is null) throw new UserError("Name the model to train (see 'gandsl models'), or pass --resume RUN_DIR.");
            model = Find(request.Model);
            config = model.Config with
            {
                Epochs = request.Epochs ?? model.Config.Epochs,
                BatchSize = request.BatchSize ?? model.Config.BatchSize,
                Seed = request.Seed ?? model.Config.Seed,
                MaxSteps = request.MaxSteps ?? model.Config.MaxSteps,
            };
            config = WithEvaluation(config, request);
            var gan0 = model.Create(config.Seed);
            var errors = config.Validate(gan0.Discriminator);
            if (errors.Count > 0) throw new UserError(string.Join(" ", errors));
            runDirectory = request.Out ?? Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{model.Name}-{DateTime.Now:yyyyMMdd-HHmmss}"));
            var (opened, name, folder) = TrainingDataSource.Open(model, request.Dataset, log); // before any folder is made
            data = opened;
            runInfo = new RunInfo(model.Name, name, folder);
            if (config.EvaluateEveryEpochs > 0) ImageQuality.CheckScorable(model);
            PrepareNewRunFolder(runDirectory);
            runInfo.Write(runDirectory);
        }

        var gan = model.Create(config.Seed);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // let the loop save a checkpoint and return
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            long total = TotalSteps(config, data);
            // The classifier is ready (trained on first use) before the first step, so no evaluation waits on it mid-run.
            var evaluation = config.EvaluateEveryEpochs > 0 ? EvaluationContext.Open(runInfo.Dataset, runInfo.DatasetDirectory, log) : null;
            var run = WithProgress(total, progress =>
            {
                ITrainingObserver observer = new RunFolderObserver(runDirectory, progress);
                if (evaluation is not null) observer = new EvaluationObserver(runDirectory, runInfo, model, evaluation, observer, log);
                return Adversarial.Train(gan, data, config, observer, runDirectory, resuming, cancel.Token);
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run.Cancelled ? "Stopped" : "Finished")} at step {run.Steps}; run folder: {Path.GetFullPath(runDirectory)}; checkpoint: {run.LastCheckpoint}"));
            return run.Cancelled ? 130 : 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static TrainingConfig WithEvaluation(TrainingConfig config, Request request) => config with
    {
        EvaluateEveryEpochs = request.EvaluateEvery ?? config.EvaluateEveryEpochs,
        EvaluationSamples = request.EvaluationSamples ?? config.EvaluationSamples,
    };

    private static ExampleModel Find(string name) =>
        ExampleCatalog.Find(name) ?? throw new UserError($"Unknown model '{name}'; run 'gandsl models' to list them ({string.Join(", ", ExampleCatalog.All.Select(m => m.Name))}).");

    /// <summary>A new run never writes into a folder that already holds one (nothing saved is overwritten without --resume).</summary>
    private static void PrepareNewRunFolder(string runDirectory)
    {
        if (Directory.Exists(runDirectory) && Directory.EnumerateFileSystemEntries(runDirectory).Any())
            throw new UserError($"The folder {runDirectory} is not empty; choose a new --out folder, or continue the run there with --resume {runDirectory}.");
        try
        {
            Directory.CreateDirectory(runDirectory);
            var probe = Path.Combine(runDirectory, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"Cannot write to the output folder {runDirectory} ({e.Message.TrimEnd('.')}); choose a writable --out folder.");
        }
    }

    private static long TotalSteps(TrainingConfig config, ITrainingData data)
    {
        long perEpoch = data.Count / (config.BatchSize * (long)config.CriticSteps);
        long byEpochs = perEpoch * config.Epochs;
        return config.MaxSteps is { } max ? Math.Min(max, byEpochs) : byEpochs;
    }

    private static TrainingRun WithProgress(long totalSteps, Func<ProgressObserver, TrainingRun> train)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return train(new ProgressObserver(0, totalSteps, null, Console.Out));
        TrainingRun? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: Math.Max(1, totalSteps));
                result = train(new ProgressObserver(0, totalSteps, task, Console.Out));
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
