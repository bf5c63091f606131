using GanDsl.Tensors;
using GanDsl.Training.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp.Training;

/// <summary>
/// The torch engine's one random source of its own: LibTorch draws dropout masks from its default generator (the CPU's, or the
/// CUDA device's), which this reseeds at the start of every step from a GanDsl <see cref="Rng"/>. That Rng's state is all a
/// checkpoint needs to resume the masks exactly (<see cref="SourceName"/>). The default generator is the process's: code that
/// draws from it between steps does not change the engine's masks, and the engine's reseeding changes what such code draws.
/// </summary>
internal sealed class TorchDropoutSeeds(ulong runSeed, Device device)
{
    /// <summary>The name of this source among a checkpoint's random states.</summary>
    public const string SourceName = "torch.dropout";

    private readonly Rng _seeds = new(runSeed ^ 0x746F7263682E6470UL); // "torch.dp": a stream of its own, a function of the run's seed

    public RngState State
    {
        get => _seeds.State;
        set => _seeds.State = value;
    }

    public void SeedStep()
    {
        long seed = (long)(_seeds.NextUInt64() >> 1);
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.manual_seed_all(seed);
            return;
        }
        // torch.manual_seed would also probe for a CUDA backend on every call; a fresh CPU generator's state is the seeded state.
        using var seeded = new Generator((ulong)seed);
        using var state = seeded.get_state();
        using var global = Generator.Default;
        global.set_state(state);
    }
}
