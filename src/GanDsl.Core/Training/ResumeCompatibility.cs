using System.Globalization;

namespace GanDsl.Training;

/// <summary>
/// Which configuration changes a resumed run refuses: those that change the meaning of the saved state (the data order,
/// the random streams, the optimizer state, the fixed noise, the generator average). Everything else may change.
/// </summary>
public static class ResumeCompatibility
{
    /// <summary>One sentence per field of <paramref name="next"/> that a run saved with <paramref name="saved"/> cannot resume with; empty when it can.</summary>
    public static IEnumerable<string> Problems(TrainingConfig saved, TrainingConfig next)
    {
        if (saved.BatchSize != next.BatchSize) yield return Message("BatchSize", saved.BatchSize, next.BatchSize, "the position in the data order depends on it");
        if (saved.CriticSteps != next.CriticSteps) yield return Message("CriticSteps", saved.CriticSteps, next.CriticSteps, "the position in the data order depends on it");
        if (saved.Seed != next.Seed) yield return Message("Seed", saved.Seed, next.Seed, "the epoch orders are drawn from it");
        if (saved.Optimizer != next.Optimizer) yield return Message("Optimizer", saved.Optimizer, next.Optimizer, "the saved optimizer state belongs to the other one");
        if (saved.SampleCount != next.SampleCount) yield return Message("SampleCount", saved.SampleCount, next.SampleCount, "the fixed noise was drawn for it");
        if (saved.Normalization != next.Normalization)
            yield return Message("Normalization", Describe(saved.Normalization), Describe(next.Normalization), "the nets learned data normalised the saved way");
        if ((saved.EmaDecay > 0f) != (next.EmaDecay > 0f)) yield return Message("EmaDecay", saved.EmaDecay, next.EmaDecay, "it turns the saved generator average on or off");
    }

    private static string Describe(DataNormalization? n) =>
        n is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"(mean {n.Mean}, std {n.Std})");

    private static string Message(string field, object saved, object next, string why) =>
        string.Create(CultureInfo.InvariantCulture, $"Resume cannot change {field} from {saved} to {next} because {why}; keep {field} = {saved} or start a new run.");
}
