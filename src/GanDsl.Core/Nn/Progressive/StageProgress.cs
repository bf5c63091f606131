using System.Globalization;

namespace GanDsl.Nn.Progressive;

/// <summary>What the progressive generator and discriminator share about their stage: its argument checks and which modules it uses.</summary>
internal static class StageProgress
{
    public static void Check(string owner, int stageCount, int stage, float alpha)
    {
        if (stage < 0 || stage >= stageCount)
            throw new ArgumentOutOfRangeException(nameof(stage), $"{owner} has stages 0 to {stageCount - 1} but stage {stage} was asked for.");
        if (!(alpha >= 0f && alpha <= 1f))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"The fade-in α must be in [0, 1] but is {alpha.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>
    /// The parameters a stage's forward pass uses: blocks 0..stage and the stage's image adapter (to_image or from_image),
    /// plus the previous stage's adapter while the new block is still fading in (α &lt; 1).
    /// </summary>
    public static IReadOnlyList<Tensors.Tensor> ActiveParameters(IReadOnlyList<BlockModule> blocks, IReadOnlyList<Conv2d> adapters, int stage, float alpha)
    {
        var modules = blocks.Take(stage + 1).Cast<Module>().Append(adapters[stage]);
        if (stage > 0 && alpha < 1f) modules = modules.Append(adapters[stage - 1]);
        return modules.SelectMany(m => m.Parameters()).ToList();
    }
}
