using System.CommandLine;
using System.Globalization;
using GanDsl.Cli.Evaluation;
using GanDsl.Cli.Runs;
using GanDsl.Training;
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
        command.SetAction(parse => Run(new TrainRequest(parse.GetValue(model), parse.GetValue(dataset), parse.GetValue(epochs), parse.GetValue(batch),
            parse.GetValue(seed), parse.GetValue(output), parse.GetValue(resume), parse.GetValue(maxSteps),
            parse.GetValue(evaluateEvery), parse.GetValue(evaluationSamples))));
        return command;
    }

    private static int Run(TrainRequest request)
    {
        var log = (string line) => Console.Error.WriteLine(line);
        var plan = request.Resume is null ? TrainingPlan.ForNewRun(request, log) : TrainingPlan.ForResume(request, log);
        plan.PrepareFolder();
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // let the loop save a checkpoint and return
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var run = Train(plan, log, cancel.Token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run.Cancelled ? "Stopped" : "Finished")} at step {run.Steps}; run folder: {Path.GetFullPath(plan.RunDirectory)}; checkpoint: {run.LastCheckpoint}"));
            return run.Cancelled ? 130 : 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static TrainingRun Train(TrainingPlan plan, Action<string> log, CancellationToken cancel)
    {
        // The classifier is ready (trained on first use) before the first step, so no evaluation waits on it mid-run.
        var evaluation = plan.Config.EvaluateEveryEpochs > 0 ? EvaluationContext.Open(plan.Info.Dataset, plan.Info.DatasetDirectory, log) : null;
        return WithProgress(plan.FirstStep, plan.Length.TotalSteps, progress =>
        {
            ITrainingObserver observer = new RunFolderObserver(plan.RunDirectory, progress);
            if (evaluation is not null) observer = new EvaluationObserver(plan.RunDirectory, plan.Info, plan.Model, evaluation, observer, log);
            return Adversarial.Train(plan.Gan, plan.Data, plan.Config, observer, plan.RunDirectory, plan.Resume, cancel);
        });
    }

    private static TrainingRun WithProgress(long firstStep, long totalSteps, Func<ProgressObserver, TrainingRun> train)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return train(new ProgressObserver(firstStep, totalSteps, null, Console.Out));
        TrainingRun? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: Math.Max(1, totalSteps));
                result = train(new ProgressObserver(firstStep, totalSteps, task, Console.Out));
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
