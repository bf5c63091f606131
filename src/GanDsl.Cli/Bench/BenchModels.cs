using GanDsl.Models;
using GanDsl.Nn;

namespace GanDsl.Cli.Bench;

/// <summary>
/// The models <c>gandsl bench</c> times: the reference models that name one as their <see cref="ReferenceModel.BenchName"/>
/// (<c>mlp-gan</c> is the vanilla pair, the others keep their catalog names), in catalog order; the peer scripts in bench/
/// build the same nets under the same names (bench/bench_models.json).
/// </summary>
internal static class BenchModels
{
    private static readonly ReferenceModel[] Peers = ModelCatalog.All.Where(m => m.BenchName is not null).ToArray();

    public static readonly string[] Names = Peers.Select(m => m.BenchName!).ToArray();

    public static IGan Create(string name, ulong seed) =>
        (Peers.FirstOrDefault(m => m.BenchName == name)
            ?? throw new UserError($"Unknown benchmark model '{name}'; choose one of: {string.Join(", ", Names)}.")).Create(seed);
}
