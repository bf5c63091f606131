using System.CommandLine;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Cli.Engines;

/// <summary>
/// <c>--threads N</c> on train, evaluate and bench: how many cores the engine's kernels use. The managed engine's results are the
/// same bits for any count, so fewer threads only trade speed for leaving cores to other work; two runs that each spin
/// on every core of a small machine slow each other down far more than half.
/// </summary>
internal sealed class ThreadsOption(string description = ThreadsOption.DefaultDescription)
{
    private const string DefaultDescription =
        "Threads the engine's kernels use (default: all cores). The managed engine gives the same results for any count; use fewer when other runs share the machine.";

    public Option<int?> Option { get; } = new("--threads") { Description = description };

    /// <summary>The count asked for, checked against the cores this machine has; null when not given.</summary>
    public int? Read(ParseResult parse)
    {
        if (parse.GetValue(Option) is not { } threads) return null;
        if (threads < 1 || threads > Environment.ProcessorCount)
            throw new UserError($"--threads must be between 1 and {Environment.ProcessorCount} (this machine's cores) but is {threads}.");
        return threads;
    }

    /// <summary>
    /// Sets <paramref name="threads"/> for the managed kernels (which also score samples) and, when <paramref name="choice"/> is
    /// the torch engine, for LibTorch's intra-op pool.
    /// </summary>
    public static void Apply(int threads, EngineChoice? choice)
    {
        KernelSettings.Threads = threads;
        if (choice is { IsTorch: true }) global::TorchSharp.torch.set_num_threads(threads);
    }
}
