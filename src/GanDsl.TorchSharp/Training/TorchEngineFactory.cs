using GanDsl.Nn;
using GanDsl.Training;
using GanDsl.Training.Engines;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp.Training;

/// <summary>
/// Makes a <see cref="TorchEngine"/> on one device for each run:
/// <c>Adversarial.Train(gan, data, config, engine: TorchEngineFactory.For("cuda"))</c>.
/// </summary>
public sealed class TorchEngineFactory : ITrainingEngineFactory
{
    /// <summary>A factory for <paramref name="device"/>; the CPU when null (after checking that LibTorch loads).</summary>
    public TorchEngineFactory(Device? device = null) => Device = device ?? TorchDevices.Cpu;

    /// <summary>
    /// A factory for the device <paramref name="device"/> names (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>); throws
    /// <see cref="TorchSetupException"/> when LibTorch or the device is not there (never falls back to the CPU).
    /// </summary>
    public static TorchEngineFactory For(string device) => new(TorchDevices.Parse(device));

    /// <summary>The device every engine it makes runs on.</summary>
    public Device Device { get; }

    /// <inheritdoc/>
    public ITrainingEngine Create(IGan gan, TrainingConfig config) => new TorchEngine(gan, config, Device);
}
