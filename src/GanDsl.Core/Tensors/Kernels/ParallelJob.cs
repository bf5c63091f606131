namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Work split into independent parts for the persistent <see cref="WorkerPool"/> (im2col rows, col2im channels,
/// batch-norm channels, element-wise chunks, Adam chunks). A job object is reused call after call, so running one allocates nothing; each part writes
/// outputs no other part touches, which keeps results bit-identical for any thread count.
/// </summary>
internal abstract class ParallelJob
{
    public abstract void Run(int part);

    /// <summary>Runs parts 0..<paramref name="parts"/>−1 on the pool's threads (<see cref="KernelSettings.Threads"/>).</summary>
    public void RunAll(int parts) => WorkerPool.Shared.Run(this, parts, KernelSettings.Threads);
}
