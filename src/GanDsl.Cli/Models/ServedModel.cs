using System.Reflection;
using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Runs;
using GanDsl.Shapes;
using GanDsl.Training;

namespace GanDsl.Cli.Models;

/// <summary>
/// A model the CLI trains, summarises, samples and evaluates: a reference model of GanDsl.Models, or a GAN pair declared in
/// the user's own assembly (<c>--from MyApp.dll</c>). Both take the same road from here on.
/// </summary>
/// <param name="Name">The name the user types and run.json records: a reference model's CLI name or the pair's class name.</param>
internal sealed record ServedModel(string Name, Func<ulong, IGan> Create, TrainingConfig Config)
{
    /// <summary>The dataset a reference model trains on by default; null for a user's pair, which must be given --dataset.</summary>
    public string? DefaultDataset { get; init; }

    /// <summary>Data made in code (the seven-bit toy); null for models that read a dataset.</summary>
    public Func<ITrainingData>? GeneratedData { get; init; }

    /// <summary>The model's own quality measure, for samples the image metrics cannot score.</summary>
    public ModelEvaluation? Evaluation { get; init; }

    /// <summary>The compile-time summaries of the two nets; null for nets not declared with the DSL.</summary>
    public ModelSummary? GeneratorSummary { get; init; }

    public ModelSummary? DiscriminatorSummary { get; init; }

    /// <summary>The assembly a user's pair comes from (full path); null for reference models.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>The full name of a user's pair class; null for reference models.</summary>
    public string? PairType { get; init; }

    public static ServedModel Of(ReferenceModel m) => new(m.Name, m.Create, m.Config)
    {
        DefaultDataset = m.Dataset,
        GeneratedData = m.GeneratedData,
        Evaluation = m.Evaluation,
        GeneratorSummary = m.GeneratorSummary,
        DiscriminatorSummary = m.DiscriminatorSummary,
    };

    /// <summary>The pair <paramref name="name"/> of the assembly at <paramref name="assemblyPath"/> (see <see cref="PairAssembly"/>).</summary>
    public static ServedModel FromAssembly(string assemblyPath, string name)
    {
        var assembly = PairAssembly.Load(assemblyPath);
        var type = assembly.Find(name);
        return new ServedModel(type.Name, seed => PairAssembly.Create(type, seed), TrainingConfig.Default)
        {
            GeneratorSummary = SummaryOf(type, nameof(IGan.Generator)),
            DiscriminatorSummary = SummaryOf(type, nameof(IGan.Discriminator)),
            AssemblyPath = assembly.Path,
            PairType = type.FullName,
        };
    }

    /// <summary>The run.json of a new run of this model on <paramref name="source"/>.</summary>
    public RunInfo RunInfoFor(DataSource source) =>
        new(Name, source.Dataset, source.Directory) { Pair = PairType, Assembly = AssemblyPath, Images = source.Images };

    /// <summary>The static <c>Summary</c> the source generator emits on a DSL-declared net, found through the pair's property type.</summary>
    private static ModelSummary? SummaryOf(Type pair, string role)
    {
        var net = pair.GetProperty(role, BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
        return net?.GetProperty("Summary", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ModelSummary;
    }
}
