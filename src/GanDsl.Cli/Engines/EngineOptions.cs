using System.CommandLine;

namespace GanDsl.Cli.Engines;

/// <summary>The <c>--engine</c> and <c>--device</c> options, the same on train, sample, evaluate and bench.</summary>
internal sealed class EngineOptions
{
    public Option<string?> Engine { get; } = new("--engine")
    {
        Description = "managed (GanDsl's own engine, the default) or torch (LibTorch, on the CPU or CUDA).",
    };

    public Option<string?> Device { get; } = new("--device")
    {
        Description = "cpu (the default), cuda or cuda:N (the torch engine with a TorchSharp CUDA package).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Engine);
        command.Options.Add(Device);
    }

    /// <summary>
    /// The choice given on the command line, with <paramref name="fallback"/> for what was not given, checked to run here
    /// (<see cref="EngineChoice.EnsureAvailable"/>).
    /// </summary>
    public EngineChoice Read(ParseResult parse, EngineChoice? fallback = null) =>
        EngineChoice.From(parse.GetValue(Engine), parse.GetValue(Device), fallback).EnsureAvailable();
}
