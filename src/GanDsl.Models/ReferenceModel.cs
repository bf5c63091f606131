using GanDsl.Nn;
using GanDsl.Shapes;
using GanDsl.Training;

namespace GanDsl.Models;

/// <summary>
/// One reference GAN as the CLI knows it: its nets' compile-time summaries, a factory, the training settings of the
/// tutorial it comes from (the pair's generated <c>DefaultConfig</c>, its declared recipe over <see cref="TrainingConfig.Default"/>,
/// with the tutorial's changes), and whatever it needs beyond
/// the common road (data made in code, a measure of its own), so the CLI never needs to know a model by name.
/// </summary>
/// <param name="Dataset">The dataset it trains on by default: a name from <c>DatasetCatalog</c>, or the name of its <see cref="GeneratedData"/>.</param>
public sealed record ReferenceModel(string Name, string Dataset, string Description,
    ModelSummary GeneratorSummary, ModelSummary DiscriminatorSummary, Func<ulong, IGan> Create)
{
    public TrainingConfig Config { get; init; } = TrainingConfig.Default;

    /// <summary>Makes the training data in code, for a model that reads no dataset files; null for those that do.</summary>
    public Func<ITrainingData>? GeneratedData { get; init; }

    /// <summary>The model's own quality measure, for samples the image metrics cannot score; null for image models.</summary>
    public ModelEvaluation? Evaluation { get; init; }

    /// <summary>
    /// The name <c>gandsl bench</c> and the peer scripts in bench/ time it under (bench/bench_models.json lists them); null for
    /// a model whose training is not the bench's common step (generated data, a hinge-loss critic, nets that grow).
    /// </summary>
    public string? BenchName { get; init; }

    /// <summary>Names this model had before, with the same nets and recipe: a command or a run.json that gives one finds it.</summary>
    public IReadOnlyList<string> FormerNames { get; init; } = [];

    /// <summary>
    /// Catalog models whose nets this name stood for before it changed design: a run saved then resumes as the one whose
    /// discriminator weights its checkpoint holds (cgan gained its class head; its plane-only runs resume as cgan-planes).
    /// </summary>
    public IReadOnlyList<string> FormerDesigns { get; init; } = [];
}
