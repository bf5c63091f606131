using System.CommandLine;
using GanDsl.Cli.Engines;
using GanDsl.Cli.Runs;
using GanDsl.Imaging;

namespace GanDsl.Cli.Commands;

/// <summary>
/// <c>gandsl sample RUN_DIR [--count N] [--label K] [--seed N] [--truncation T] [--engine E] [--device D] --out FILE.png</c>: a grid drawn from the
/// run's latest generator, on the managed engine unless told otherwise (whichever engine trained the run).
/// </summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "A run folder written by 'gandsl train' or by Adversarial.Train in your program." };
        var count = new Option<int>("--count") { Description = "Number of samples in the grid.", DefaultValueFactory = _ => 64 };
        var label = new Option<int?>("--label") { Description = "Class to draw, for a conditional model (default: every class in turn)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the noise.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "The PNG file to write.", Required = true };
        var truncation = new TruncationOption();
        var engines = new EngineOptions();
        var command = new Command("sample", "Draw samples from a trained run into a PNG grid.") { run, count, label, seed, truncation.Option, output };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            int n = parse.GetValue(count);
            if (n <= 0 || n > 4096) throw new UserError($"--count must be between 1 and 4096 but is {n}.");
            var path = parse.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(folder)) throw new UserError($"The folder of --out {path} does not exist; create it first.");
            var bound = truncation.Read(parse);
            using var trained = TrainedRun.Open(parse.GetValue(run)!, engines.Read(parse));
            int[]? labels = null;
            if (parse.GetValue(label) is { } k)
            {
                if (trained.Generator.Classes == 0) throw new UserError($"{trained.Model.Name} is not conditional; drop --label.");
                if (k < 0 || k >= trained.Generator.Classes)
                    throw new UserError($"--label must be between 0 and {trained.Generator.Classes - 1} for {trained.Model.Name} but is {k}.");
                labels = Enumerable.Repeat(k, n).ToArray();
            }
            SampleGrid.Save(trained.Sample(n, parse.GetValue(seed), labels, bound), path);
            Console.WriteLine($"Wrote {n} samples of {trained.Model.Name} (step {trained.Step}) to {path}");
            return 0;
        });
        return command;
    }
}
