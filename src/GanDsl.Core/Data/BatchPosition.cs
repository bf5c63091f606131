namespace GanDsl.Data;

/// <summary>
/// Where a <see cref="BatchSampler"/> stands: the next batch to hand out is batch <see cref="Batch"/> of epoch
/// <see cref="Epoch"/> (both from 0), and every epoch's order is a pure function of <see cref="Seed"/> and the
/// epoch number. Saving this in a checkpoint is enough to resume at exactly the same batch.
/// </summary>
public readonly record struct BatchPosition(ulong Seed, int Epoch, int Batch);
