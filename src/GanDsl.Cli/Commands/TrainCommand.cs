using System.CommandLine;
using System.Globalization;
using GanDsl.Cli.Engines;
using GanDsl.Cli.Evaluation;
using GanDsl.Training;

namespace GanDsl.Cli.Commands;

/// <summary>
/// <c>gandsl train MODEL [--from ASSEMBLY.dll] [--dataset NAME|DIR] [--epochs N] [--batch-size N] [--seed N] [--out DIR] [--max-steps N]
/// [--checkpoint-every N] [--engine managed|torch] [--device cpu|cuda|cuda:N]</c> and <c>gandsl train --resume RUN_DIR [--epochs N]
/// [--max-steps N] [--engine E] [--device D]</c> (a resumed run keeps the engine and device its run.json records unless told otherwise).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "A model from 'gandsl models', or a GAN pair of the --from assembly (omit with --resume).", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "The built assembly (.dll) declaring the pair, e.g. bin/Release/net10.0/MyApp.dll." };
        var dataset = new Option<string?>("--dataset") { Description = "A dataset name (mnist, fashion-mnist, emoji), a folder of IDX files, or a folder of images (PNG, JPEG, BMP, GIF, WebP)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs to train (the run's total)." };
        var batch = new Option<int?>("--batch-size") { Description = "Samples per batch." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the weights, the noise and the data order." };
        var output = new Option<string?>("--out") { Description = "The run folder to create (default runs/MODEL-TIME)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this folder." };
        var maxSteps = new Option<long?>("--max-steps") { Description = "Stop after this many steps in total (the run's, not this session's)." };
        var checkpointEvery = new Option<int?>("--checkpoint-every") { Description = "Steps between checkpoints (0 = only at the end; training always ends with one)." };
        var evaluateEvery = new Option<int?>("--evaluate-every") { Description = "Score the generator every N epochs (fcd, kid, coverage) and keep checkpoints/best (0 = off)." };
        var evaluationSamples = new Option<int?>("--evaluation-samples") { Description = "Samples scored at each evaluation (default 10000)." };
        var skip = new Option<bool>("--skip-undecodable") { Description = "Image folders: skip files that cannot be decoded (and say how many) instead of refusing them." };
        var upscale = new Option<bool>("--allow-upscaling") { Description = "Image folders: enlarge images smaller than the net's input instead of refusing them." };
        var background = new Option<string?>("--background") { Description = "Image folders: what transparent pixels are composited on, black, white or #RRGGBB (default black; a named image set's own, white for emoji)." };
        var engines = new EngineOptions();
        var threads = new ThreadsOption();
        var command = new Command("train", "Train a model; writes a run folder with samples, losses and checkpoints.")
            { model, from, dataset, epochs, batch, seed, output, resume, maxSteps, checkpointEvery, evaluateEvery, evaluationSamples, skip, upscale, background };
        engines.AddTo(command);
        command.Options.Add(threads.Option);
        command.SetAction(parse => Run(new TrainRequest(parse.GetValue(model), parse.GetValue(dataset), parse.GetValue(epochs), parse.GetValue(batch),
            parse.GetValue(seed), parse.GetValue(output), parse.GetValue(resume), parse.GetValue(maxSteps),
            parse.GetValue(evaluateEvery), parse.GetValue(evaluationSamples))
        {
            From = parse.GetValue(from),
            CheckpointEvery = parse.GetValue(checkpointEvery),
            SkipUndecodable = parse.GetValue(skip),
            AllowUpscaling = parse.GetValue(upscale),
            Background = parse.GetValue(background),
            Engine = parse.GetValue(engines.Engine),
            Device = parse.GetValue(engines.Device),
            Threads = threads.Read(parse),
        }));
        return command;
    }

    private static int Run(TrainRequest request)
    {
        var log = (string line) => Console.Error.WriteLine(line);
        var plan = request.Resume is null ? TrainingPlan.ForNewRun(request, log) : TrainingPlan.ForResume(request, log);
        using var data = plan.Data as IDisposable; // an image folder's mapped cache
        if (request.Threads is { } count)
        {
            ThreadsOption.Apply(count, plan.Engine);
            log($"the {plan.Engine.Engine} engine's kernels run on {count} thread{(count == 1 ? "" : "s")} (--threads)");
        }
        plan.PrepareFolder();
        using var stop = new StopSignals();
        var run = Train(plan, log, stop.Token);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(run.Cancelled ? "Stopped" : "Finished")} at step {run.Steps}; run folder: {Path.GetFullPath(plan.RunDirectory)}; checkpoint: {run.LastCheckpoint}"));
        return run.Cancelled ? stop.ExitCode : 0;
    }

    private static TrainingRun Train(TrainingPlan plan, Action<string> log, CancellationToken cancel)
    {
        // The classifier is ready (trained on first use) before the first step, so no evaluation waits on it mid-run.
        var evaluation = plan.Config.EvaluateEveryEpochs > 0 ? EvaluationContext.Open(plan.Info.Dataset, plan.Info.DatasetDirectory, log) : null;
        var observer = TrainingObservers.Combine(new ConsoleProgressObserver(),
            evaluation is null ? null : new EvaluationObserver(plan.RunDirectory, plan.Info, plan.Model, evaluation, log));
        return Adversarial.Train(plan.Gan, plan.Data, plan.Config, observer, plan.RunDirectory, plan.Resume, cancel, plan.Engine.Factory());
    }
}
