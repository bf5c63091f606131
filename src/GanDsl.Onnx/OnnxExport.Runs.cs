using GanDsl.Nn;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Onnx;

public static partial class OnnxExport
{
    /// <summary>
    /// Loads the latest checkpoint of the run in <paramref name="runDirectory"/> into <paramref name="generator"/> (a new
    /// instance of the run's generator type: its weights and, for a progressive generator, its stage and α are replaced)
    /// and writes it to <paramref name="path"/>, recording the checkpoint's step and weight file.
    /// </summary>
    /// <param name="runDirectory">A run folder written by <c>gandsl train</c> or the run-folder observer.</param>
    /// <param name="generator">A generator of the type the run trained, e.g. <c>new DcganGenerator()</c>.</param>
    /// <param name="path">The ONNX file to write.</param>
    /// <param name="ema">True for the generator's exponential moving average (the run must have kept one, <c>EmaDecay</c> &gt; 0); false for its latest weights.</param>
    /// <param name="options">The opset; <see cref="OnnxExportOptions.Step"/> and <see cref="OnnxExportOptions.Weights"/> are taken from the checkpoint.</param>
    /// <exception cref="OnnxExportException">The run has no checkpoint or no moving average, or the net cannot be exported.</exception>
    /// <exception cref="CheckpointException">The checkpoint is damaged or its weights do not fit <paramref name="generator"/>.</exception>
    public static OnnxRunExport SaveFromRun(string runDirectory, GeneratorModule generator, string path, bool ema = false, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (!Directory.Exists(runDirectory))
            throw new OnnxExportException($"The run folder {runDirectory} does not exist; pass the folder training wrote (gandsl train's --out).");
        var latest = new CheckpointStore(runDirectory).Latest()
            ?? throw new OnnxExportException($"The run in {runDirectory} has no checkpoint yet; train it first.");
        var checkpoint = CheckpointStore.Load(latest);
        if (ema && checkpoint.GeneratorEma is null)
            throw new OnnxExportException($"The checkpoint {latest} holds no moving average of the generator (the run trained with EmaDecay 0); export without --ema (ema: false).");
        TrainingSession.LoadGenerator(generator, checkpoint, preferAverage: ema);
        string file = ema ? Checkpoint.GeneratorEmaFile : Checkpoint.GeneratorFile;
        Save(generator, path, (options ?? OnnxExportOptions.Default) with
        {
            Step = checkpoint.State.Step,
            Weights = $"{file} of {Path.Combine(Path.GetFileName(Path.GetFullPath(runDirectory).TrimEnd(Path.DirectorySeparatorChar)), "checkpoints", Path.GetFileName(latest))}",
        });
        return new OnnxRunExport(latest, checkpoint.State.Step, ema);
    }
}
