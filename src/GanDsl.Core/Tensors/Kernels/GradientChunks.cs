namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The parts a job over all parameters' gradients runs (the optimizer's update, the gradient norm): fixed chunks of each
/// gradient, in parameter order, for the parameters that have one this step (a progressive stage or a frozen layer may
/// have none). The chunks depend on the sizes alone, never on the thread count.
/// </summary>
internal static class GradientChunks
{
    /// <summary>The chunk length: 32 Ki floats, a multiple of every vector width and lane count that walks a chunk.</summary>
    public const int Length = 32 * 1024;

    /// <summary>Refills <paramref name="chunks"/> (which keeps its capacity, so listing them each step allocates nothing).</summary>
    public static void Plan(IReadOnlyList<Tensor> parameters, List<(int Parameter, int Start, int Length)> chunks)
    {
        chunks.Clear();
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Grad is not { } grad) continue;
            for (int start = 0; start < grad.Size; start += Length) chunks.Add((i, start, Math.Min(Length, grad.Size - start)));
        }
    }
}
