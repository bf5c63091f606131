using GanDsl.Examples;
using GanDsl.Nn;

namespace GanDsl.Cli.Bench;

/// <summary>
/// The two peer models of ../shared/bench/torch_gan_step.py, declared once with the DSL in examples/:
/// <c>mlp-gan</c> is the vanilla example's pair, <c>dcgan</c> the dcgan example's.
/// </summary>
internal static class BenchModels
{
    public static readonly string[] Names = { "mlp-gan", "dcgan" };

    public static IGan Create(string name, ulong seed) => name switch
    {
        "mlp-gan" => new VanillaGan(seed),
        "dcgan" => new Dcgan(seed),
        _ => throw new UserError($"Unknown benchmark model '{name}'; choose one of: {string.Join(", ", Names)}."),
    };
}
