using GanDsl.Models;
using GanDsl.Nn;

namespace GanDsl.Cli.Bench;

/// <summary>
/// The peer models of ../shared/bench/torch_gan_step.py: the reference models that name one as their
/// <see cref="ReferenceModel.BenchName"/> (<c>mlp-gan</c> is the vanilla pair, <c>dcgan</c> the dcgan pair).
/// </summary>
internal static class BenchModels
{
    private static readonly ReferenceModel[] Peers = ModelCatalog.All.Where(m => m.BenchName is not null).ToArray();

    public static readonly string[] Names = Peers.Select(m => m.BenchName!).ToArray();

    public static IGan Create(string name, ulong seed) =>
        (Peers.FirstOrDefault(m => m.BenchName == name)
            ?? throw new UserError($"Unknown benchmark model '{name}'; choose one of: {string.Join(", ", Names)}.")).Create(seed);
}
