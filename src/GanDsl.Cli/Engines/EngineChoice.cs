using System.Reflection;
using GanDsl.TorchSharp;
using GanDsl.TorchSharp.Training;
using GanDsl.Training.Engines;

namespace GanDsl.Cli.Engines;

/// <summary>
/// The engine and device a command runs on, from <c>--engine managed|torch</c> and <c>--device cpu|cuda|cuda:N</c>: the managed
/// engine (the default) runs on the CPU only; the torch engine runs on LibTorch's CPU or a CUDA device, and a device that is
/// not there is a <see cref="TorchSetupException"/> (one sentence), never a silent fall-back to the CPU.
/// </summary>
internal sealed record EngineChoice(string Engine, string Device)
{
    public const string ManagedName = "managed";
    public const string TorchName = TorchEngine.EngineName;

    public static EngineChoice Managed { get; } = new(ManagedName, "cpu");

    public bool IsTorch => Engine == TorchName;

    /// <summary>
    /// The choice the words make, or <paramref name="fallback"/>'s engine (and device) for a word not given: a resumed run keeps
    /// its engine unless told otherwise. A device alone picks the torch engine when it is not the CPU. Only the words are
    /// checked here (<see cref="EnsureAvailable"/> loads LibTorch).
    /// </summary>
    public static EngineChoice From(string? engine, string? device, EngineChoice? fallback = null)
    {
        string? e = engine?.Trim().ToLowerInvariant();
        string? d = device?.Trim().ToLowerInvariant();
        if (e is not null && e != ManagedName && e != TorchName)
            throw new UserError($"--engine must be managed or torch but is '{engine}'.");
        e ??= d is not null && d != "cpu" ? TorchName : fallback?.Engine ?? ManagedName;
        if (e == ManagedName)
        {
            if (d is not null && d != "cpu")
                throw new UserError($"The managed engine runs on the CPU only, so --device {device} needs --engine torch.");
            return Managed;
        }
        d ??= fallback is { IsTorch: true } ? fallback.Device : "cpu";
        try
        {
            return new EngineChoice(TorchName, TorchDevices.Normalize(d));
        }
        catch (ArgumentException wrong)
        {
            string message = wrong.Message;
            int parameter = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new UserError(parameter >= 0 ? message[..parameter] : message);
        }
    }

    /// <summary>
    /// Checks that the engine can run here before anything is read or trained: for torch, that LibTorch loads and the device is
    /// there (a <see cref="TorchSetupException"/> in one sentence otherwise).
    /// </summary>
    public EngineChoice EnsureAvailable()
    {
        if (IsTorch) TorchDevices.Parse(Device);
        return this;
    }

    /// <summary>The factory of this engine on this device.</summary>
    public ITrainingEngineFactory Factory() => IsTorch ? TorchEngineFactory.For(Device) : ManagedEngine.Factory;

    /// <summary>The bench line's <c>engine</c> field: <c>gandsl-0.1.0</c>, or <c>gandsl-torch-libtorch-2.10.0</c> when LibTorch ran.</summary>
    public string BenchLabel()
    {
        if (IsTorch) return "gandsl-torch-libtorch-" + string.Join('.', global::TorchSharp.torch.__version__.Split('.').Take(3));
        var version = typeof(GanDsl.Tensors.Tensor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        return "gandsl-" + version;
    }
}
