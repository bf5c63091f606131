using System.CommandLine;
using GanDsl.Cli.Runs;
using GanDsl.Examples;

namespace GanDsl.Cli.Commands;

/// <summary><c>gandsl evaluate RUN [--samples N] [--json]</c>: quality of a run's latest generator.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var run = new Argument<string?>("run") { Description = "A run folder written by 'gandsl train'.", Arity = ArgumentArity.ZeroOrOne };
        var samples = new Option<int?>("--samples") { Description = "Number of generated samples to score." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("evaluate", "Score the samples of a trained run.") { run, samples, json };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(run) ?? throw new UserError("Name the run folder to evaluate.");
            var trained = TrainedRun.Open(folder);
            if (trained.Model.Dataset != ExampleModel.GeneratedData)
                throw new UserError($"Image-quality metrics for {trained.Model.Name} are not available in this version; only seven-bit runs can be evaluated yet.");
            int n = parse.GetValue(samples) ?? 1000;
            if (n <= 0) throw new UserError($"--samples must be positive but is {n}.");
            Console.WriteLine(SevenBitEvaluation.Json(trained, n, seed: 0));
            return 0;
        });
        return command;
    }
}
