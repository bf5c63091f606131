using System.CommandLine;
using System.Globalization;
using System.Reflection;

namespace GanDsl.Cli.Bench;

/// <summary><c>gandsl bench [--json] [MODEL…]</c>: ms per training step, in the peer script's line format.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON line per model, in the format of torch_gan_step.py." };
        var threads = new Option<int?>("--threads") { Description = "Threads the engine may use (default: all cores)." };
        var models = new Argument<string[]>("model") { Description = "mlp-gan, dcgan (default: both).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("bench", "Time one training step (D + G, AdamW, BCE, batch 128) of the reference GANs.") { json, threads, models };
        command.SetAction(parse =>
        {
            if (parse.GetValue(threads) is { } t)
            {
                if (t < 1 || t > Environment.ProcessorCount)
                    throw new UserError($"--threads must be between 1 and {Environment.ProcessorCount} but is {t}.");
                GanDsl.Tensors.Kernels.KernelSettings.Threads = t;
            }
            var names = parse.GetValue(models) is { Length: > 0 } given ? given : BenchModels.Names;
            foreach (var name in names)
            {
                if (!BenchModels.Names.Contains(name))
                    throw new UserError($"Unknown benchmark model '{name}'; choose one of: {string.Join(", ", BenchModels.Names)}.");
                var r = TrainingStepBenchmark.Run(name);
                Console.WriteLine(parse.GetValue(json) ? ToJson(r) : $"{r.Model}: {r.MsPerStep.ToString("F1", CultureInfo.InvariantCulture)} ms/step, {r.AllocBytesPerStep} bytes allocated/step, batch {r.Batch}, {r.Threads} threads");
            }
            return 0;
        });
        return command;
    }

    private static string ToJson(TrainingStepBenchmark.Result r)
    {
        var version = typeof(GanDsl.Tensors.Tensor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"engine\": \"gandsl-{version}\", \"model\": \"{r.Model}\", \"batch\": {r.Batch}, \"threads\": {r.Threads}, \"ms_per_step\": {Math.Round(r.MsPerStep, 3)}, \"alloc_bytes_per_step\": {r.AllocBytesPerStep}}}");
    }
}
