using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

/// <summary>One tiny classifier trained on the quadrant images, shared by the tests of a class (training takes a few seconds).</summary>
public sealed class TrainedTinyClassifier
{
    public static readonly ClassifierTrainingOptions Options = new(Epochs: 5, BatchSize: 16, LearningRate: 3e-3f, Seed: 42);

    public TrainedTinyClassifier()
    {
        (TrainImages, TrainLabels) = Synthetic.Quadrants(160, seed: 1);
        Classifier = ClassifierTraining.Train(TrainImages, TrainLabels, Options, Synthetic.TinyArchitecture, p => Progress.Add(p));
    }

    public float[] TrainImages { get; }
    public int[] TrainLabels { get; }
    public DomainClassifier Classifier { get; }
    public List<ClassifierTrainingProgress> Progress { get; } = new();
}
