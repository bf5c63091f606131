namespace GanDsl.Onnx;

/// <summary>What <see cref="OnnxExport.SaveFromRun"/> exported: the checkpoint folder, its training step, and whether the weights are the generator's moving average.</summary>
/// <param name="Checkpoint">The checkpoint folder the weights were read from (the run's latest).</param>
/// <param name="Step">The training step the checkpoint was written at.</param>
/// <param name="Ema">True when the file holds the generator's exponential moving average rather than its latest weights.</param>
public sealed record OnnxRunExport(string Checkpoint, long Step, bool Ema);
