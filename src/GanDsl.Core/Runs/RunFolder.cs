using GanDsl.Evaluation;
using GanDsl.Nn;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Runs;

/// <summary>
/// A run folder written by <see cref="Adversarial"/>.Train or <c>gandsl train</c>, opened to take its generator back:
/// <c>RunFolder.Open("runs/mine").LoadGenerator()</c>. The folder's <c>run.json</c> says which pair it trained; a pair declared
/// in another assembly is loaded from it (see <see cref="PairAssembly"/>).
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string directory, RunInfo info) => (Directory, Info) = (directory, info);

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>Its <c>run.json</c>: the model, its pair and assembly, and the data.</summary>
    public RunInfo Info { get; }

    /// <summary>The completed checkpoint folders (<c>checkpoints/step-…</c>), oldest first.</summary>
    public IReadOnlyList<string> Checkpoints => new CheckpointStore(Directory).List();

    /// <summary>
    /// Opens <paramref name="directory"/>. A folder that does not exist or has no <c>run.json</c>, and a checkpoint folder
    /// given in its place, are a <see cref="RunFolderException"/> saying which folder to pass.
    /// </summary>
    public static RunFolder Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (File.Exists(Path.Combine(directory, Checkpoint.StateFile)))
        {
            var run = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)));
            throw new RunFolderException($"{directory} is a checkpoint folder; pass its run folder {run} to RunFolder.Open, or read the checkpoint itself with CheckpointStore.Load.");
        }
        return new RunFolder(directory, RunInfo.Read(directory));
    }

    /// <summary>
    /// The checkpoint folder <paramref name="choice"/> reads from: the latest <c>step-…</c> folder, or <c>checkpoints/best</c>;
    /// a <see cref="RunFolderException"/> when the run has none of that kind.
    /// </summary>
    public string CheckpointOf(GeneratorChoice choice)
    {
        if (choice == GeneratorChoice.Best)
        {
            var best = BestCheckpoint.PathIn(Directory);
            return File.Exists(Path.Combine(best, Checkpoint.StateFile)) ? best
                : throw new RunFolderException($"The run in {Directory} has no checkpoints/best: only runs that evaluate as they train (EvaluateEveryEpochs, gandsl train --evaluate-every N) keep one; load GeneratorChoice.Latest instead.");
        }
        return new CheckpointStore(Directory).Latest()
            ?? throw new RunFolderException($"The run in {Directory} has no checkpoint yet; train it first (training always ends with one).");
    }

    /// <summary>
    /// The run's generator with the weights <paramref name="choice"/> names, in eval mode: the pair of <c>run.json</c> is
    /// created (loading its assembly when it is not GanDsl's) and its generator filled from the checkpoint. A pair built at
    /// run time (<c>LayerStack</c>) cannot be recreated from a name: build it again and use <see cref="LoadInto{TGenerator}"/>.
    /// </summary>
    public GeneratorModule LoadGenerator(GeneratorChoice choice = GeneratorChoice.Latest)
    {
        var checkpoint = Read(choice);
        return Fill(CreatePair(checkpoint.State.Config.Seed).Generator, checkpoint, choice);
    }

    /// <summary>As <see cref="LoadGenerator(GeneratorChoice)"/> for a pair type the caller has, e.g. <c>LoadGenerator&lt;MyGan&gt;()</c>.</summary>
    public GeneratorModule LoadGenerator<TGan>(GeneratorChoice choice = GeneratorChoice.Latest) where TGan : IGan
    {
        var checkpoint = Read(choice);
        return Fill(PairAssembly.Create(typeof(TGan), checkpoint.State.Config.Seed).Generator, checkpoint, choice);
    }

    /// <summary>Loads the weights <paramref name="choice"/> names into <paramref name="generator"/> (e.g. one rebuilt with <c>LayerStack</c>), puts it in eval mode and returns it.</summary>
    public TGenerator LoadInto<TGenerator>(TGenerator generator, GeneratorChoice choice = GeneratorChoice.Latest) where TGenerator : GeneratorModule
    {
        ArgumentNullException.ThrowIfNull(generator);
        return Fill(generator, Read(choice), choice);
    }

    /// <summary>A new pair of the class <c>run.json</c> names, from its assembly; a <see cref="RunFolderException"/> when it cannot be recreated.</summary>
    public IGan CreatePair(ulong seed)
    {
        if (Info.Pair is not { } pair)
            throw new RunFolderException($"The run in {Directory} trained {Info.Model}, which run.json does not name a class for (a reference model, or a pair built at run time); create the pair yourself and use LoadInto(pair.Generator), or LoadGenerator<TGan>().");
        if (Info.Assembly is { } assembly) return PairAssembly.Create(PairAssembly.Load(assembly).Find(pair), seed);
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(pair)).FirstOrDefault(t => t is not null)
            ?? throw new RunFolderException($"The run in {Directory} trained {pair}, which is not loaded in this program; reference its assembly and call LoadGenerator<TGan>().");
        return PairAssembly.Create(type, seed);
    }

    private Checkpoint Read(GeneratorChoice choice)
    {
        var checkpoint = CheckpointStore.Load(CheckpointOf(choice));
        if (choice == GeneratorChoice.Ema && checkpoint.GeneratorEma is null)
            throw new RunFolderException($"The run in {Directory} keeps no generator average (its EmaDecay is 0); load GeneratorChoice.Latest instead.");
        return checkpoint;
    }

    private static TGenerator Fill<TGenerator>(TGenerator generator, Checkpoint checkpoint, GeneratorChoice choice) where TGenerator : GeneratorModule
    {
        TrainingSession.LoadGenerator(generator, checkpoint, preferAverage: choice != GeneratorChoice.Latest);
        generator.Eval();
        return generator;
    }
}
