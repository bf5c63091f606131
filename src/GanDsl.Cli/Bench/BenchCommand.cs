using System.CommandLine;
using System.Globalization;
using GanDsl.Cli.Engines;

namespace GanDsl.Cli.Bench;

/// <summary><c>gandsl bench [--json] [--engine E] [--device D] [MODEL…]</c>: ms per training step, in the peer script's line format.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON line per model, in the format of torch_gan_step.py." };
        var threads = new ThreadsOption("Threads the engine may use (default: all cores for managed; for torch the faster of 1 and all cores, as the peer scripts time it).");
        var warmup = new Option<int>("--warmup") { Description = "Untimed steps before timing.", DefaultValueFactory = _ => 30 };
        var steps = new Option<int>("--steps") { Description = "Steps per timed repeat (5 repeats; the median is reported).", DefaultValueFactory = _ => 20 };
        var engines = new EngineOptions();
        var models = new Argument<string[]>("model") { Description = $"{string.Join(", ", BenchModels.Names)} (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("bench", "Time one training step (D + G, AdamW, BCE, batch 128) of the reference image GANs.") { json, threads.Option, warmup, steps, models };
        engines.AddTo(command);
        command.SetAction(parse =>
        {
            var choice = engines.Read(parse);
            var factory = choice.Factory();
            var requested = threads.Read(parse);
            if (!choice.IsTorch && requested is { } managedThreads) GanDsl.Tensors.Kernels.KernelSettings.Threads = managedThreads;
            int warm = parse.GetValue(warmup), timed = parse.GetValue(steps);
            if (warm < 0) throw new UserError($"--warmup must be at least 0 but is {warm}.");
            if (timed < 1) throw new UserError($"--steps must be at least 1 but is {timed}.");
            var names = parse.GetValue(models) is { Length: > 0 } given ? given : BenchModels.Names;
            foreach (var name in names)
            {
                if (!BenchModels.Names.Contains(name))
                    throw new UserError($"Unknown benchmark model '{name}'; choose one of: {string.Join(", ", BenchModels.Names)}.");
                var r = choice.IsTorch
                    ? TorchThreadCounts(requested).Select(n => TimeOnTorch(name, factory, n, warm, timed)).MinBy(x => x.MsPerStep)!
                    : TrainingStepBenchmark.Run(name, warmupSteps: warm, stepsPerRepeat: timed);
                Console.WriteLine(parse.GetValue(json) ? ToJson(r, choice) : string.Create(CultureInfo.InvariantCulture,
                    $"{r.Model}: {r.MsPerStep:F1} ms/step, {r.AllocBytesPerStep} bytes allocated/step, batch {r.Batch}, {r.Threads} threads, {choice.Engine} engine on {choice.Device}"));
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The LibTorch thread counts to time: the one asked for, or, as both peer scripts do, one thread and every core (the
    /// faster is reported: LibTorch's OpenMP threads wait on each other when the machine is busy).
    /// </summary>
    private static int[] TorchThreadCounts(int? requested) =>
        requested is { } t ? [t] : new[] { 1, Environment.ProcessorCount }.Distinct().ToArray();

    private static TrainingStepBenchmark.Result TimeOnTorch(string model, GanDsl.Training.Engines.ITrainingEngineFactory factory, int threads, int warm, int timed)
    {
        global::TorchSharp.torch.set_num_threads(threads);
        return EngineStepBenchmark.Run(model, factory, global::TorchSharp.torch.get_num_threads(), warmupSteps: warm, stepsPerRepeat: timed);
    }

    private static string ToJson(TrainingStepBenchmark.Result r, EngineChoice choice) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"engine\": \"{choice.BenchLabel()}\", \"model\": \"{r.Model}\", \"batch\": {r.Batch}, \"threads\": {r.Threads}, \"ms_per_step\": {Math.Round(r.MsPerStep, 3)}, \"alloc_bytes_per_step\": {r.AllocBytesPerStep}}}");
}
