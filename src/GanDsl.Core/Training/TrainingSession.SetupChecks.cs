using GanDsl.Nn;

namespace GanDsl.Training;

public sealed partial class TrainingSession
{
    /// <summary>Refuses a data set and networks that do not fit together, with one sentence naming what differs.</summary>
    private static void CheckFits(GeneratorModule g, DiscriminatorModule d, ITrainingData data, RunLength length)
    {
        static string S(IEnumerable<int> dims) => "[" + string.Join(", ", dims) + "]";
        var sample = data.SampleShape.ToArray();
        if (!g.OutputShape.SequenceEqual(sample))
            throw new TrainingSetupException($"The generator produces samples of shape {S(g.OutputShape)} but the data set's samples are {S(sample)}; use a generator for this data set.");
        if (!d.InputShape.SequenceEqual(sample))
            throw new TrainingSetupException($"The discriminator takes samples of shape {S(d.InputShape)} but the data set's samples are {S(sample)}; use a discriminator for this data set.");
        if (g.Classes != d.Classes)
            throw new TrainingSetupException($"The generator is conditioned on {g.Classes} classes but the discriminator on {d.Classes}; pair nets with the same class count.");
        if (g.Classes > 0 && data.Classes != g.Classes)
            throw new TrainingSetupException($"The conditional GAN needs data labelled with {g.Classes} classes but the data set has {data.Classes}; use a labelled data set with {g.Classes} classes.");
        if (data.Count < length.SamplesPerStep)
            throw new TrainingSetupException($"The data set has {data.Count} samples, fewer than the {length.SamplesPerStep} one step reads (BatchSize × CriticSteps); lower BatchSize or CriticSteps.");
    }
}
