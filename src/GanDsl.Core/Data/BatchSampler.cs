using System.Globalization;

namespace GanDsl.Data;

/// <summary>
/// Hands out batches of sample indices, epoch after epoch: each epoch is a fresh random permutation of
/// 0..Count-1 cut into <see cref="BatchesPerEpoch"/> full batches, the last incomplete batch dropped
/// (PyTorch's <c>drop_last=True</c>). An epoch's permutation depends only on the seed and the epoch number, so
/// <see cref="Position"/> is the whole state and <see cref="Seek"/> resumes at exactly the same batch.
/// Steady-state batches allocate nothing.
/// </summary>
public sealed class BatchSampler
{
    private readonly int[] _order;
    private int _orderEpoch = -1;

    /// <summary>A sampler over <paramref name="count"/> samples in batches of <paramref name="batchSize"/>, at epoch 0, batch 0.</summary>
    /// <param name="count">Samples in the dataset.</param>
    /// <param name="batchSize">Indices per batch, between 1 and <paramref name="count"/>.</param>
    /// <param name="seed">Fixes every epoch's permutation.</param>
    /// <param name="shuffle">False visits the samples in order (evaluation).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or <paramref name="batchSize"/> is not positive, or the batch is larger than the dataset.</exception>
    public BatchSampler(int count, int batchSize, ulong seed, bool shuffle = true)
    {
        if (count <= 0)
            throw new ArgumentOutOfRangeException(nameof(count), string.Create(CultureInfo.InvariantCulture,
                $"A batch sampler needs at least one sample but the dataset holds {count}."));
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), string.Create(CultureInfo.InvariantCulture,
                $"The batch size must be positive but is {batchSize}; pass a --batch-size of 1 or more."));
        if (batchSize > count)
            throw new ArgumentOutOfRangeException(nameof(batchSize), string.Create(CultureInfo.InvariantCulture,
                $"The batch size {batchSize} is larger than the dataset's {count} samples, so every epoch would be empty once the incomplete batch is dropped; pass a --batch-size of at most {count}."));
        Count = count;
        BatchSize = batchSize;
        Seed = seed;
        Shuffle = shuffle;
        _order = new int[count];
    }

    /// <summary>A sampler whose seed is drawn from <paramref name="rng"/> (one draw; the sampler keeps no reference).</summary>
    public BatchSampler(int count, int batchSize, GanDsl.Tensors.Rng rng, bool shuffle = true)
        : this(count, batchSize, (rng ?? throw new ArgumentNullException(nameof(rng))).NextUInt64(), shuffle)
    {
    }

    /// <summary>Samples in the dataset the indices point into.</summary>
    public int Count { get; }
    /// <summary>Indices per batch.</summary>
    public int BatchSize { get; }
    /// <summary>The seed every epoch's permutation derives from; saved in <see cref="Position"/>.</summary>
    public ulong Seed { get; }

    /// <summary>False: every epoch visits the samples in order 0..Count-1 (evaluation).</summary>
    public bool Shuffle { get; }

    /// <summary>Full batches per epoch: Count / BatchSize, rounded down.</summary>
    public int BatchesPerEpoch => Count / BatchSize;

    /// <summary>The epoch of the next batch.</summary>
    public int Epoch { get; private set; }

    /// <summary>The index within its epoch of the next batch.</summary>
    public int BatchInEpoch { get; private set; }

    /// <summary>Batches handed out since epoch 0, batch 0 (the training step count when one batch is one step).</summary>
    public long BatchesDone => (long)Epoch * BatchesPerEpoch + BatchInEpoch;

    /// <summary>Where the next batch is (seed, epoch, batch): the whole state a checkpoint saves for <see cref="Seek"/>.</summary>
    public BatchPosition Position => new(Seed, Epoch, BatchInEpoch);

    /// <summary>Moves to a saved position; the next batch is the one that position names.</summary>
    public void Seek(BatchPosition position)
    {
        if (position.Seed != Seed)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The saved position was made with sampler seed {position.Seed} but this sampler's seed is {Seed}; create the sampler with the saved seed (BatchSampler.Resume)."), nameof(position));
        if (position.Epoch < 0 || position.Batch < 0 || position.Batch >= BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(position), string.Create(CultureInfo.InvariantCulture,
                $"The saved position (epoch {position.Epoch}, batch {position.Batch}) is outside 0..{BatchesPerEpoch - 1} batches per epoch; the dataset size or batch size changed since it was saved."));
        Epoch = position.Epoch;
        BatchInEpoch = position.Batch;
    }

    /// <summary>A sampler at a saved position (count and batch size must be those of the saving run).</summary>
    public static BatchSampler Resume(int count, int batchSize, BatchPosition position, bool shuffle = true)
    {
        var sampler = new BatchSampler(count, batchSize, position.Seed, shuffle);
        sampler.Seek(position);
        return sampler;
    }

    /// <summary>
    /// The indices of the next batch, then advances (into the next epoch after the last full batch). The span
    /// points into the sampler's buffer and stays valid until the next call crosses an epoch boundary.
    /// </summary>
    public ReadOnlySpan<int> Next()
    {
        EnsureOrder(Epoch);
        var batch = new ReadOnlySpan<int>(_order, BatchInEpoch * BatchSize, BatchSize);
        if (++BatchInEpoch == BatchesPerEpoch)
        {
            BatchInEpoch = 0;
            Epoch = checked(Epoch + 1);
        }
        return batch;
    }

    /// <summary>Copies the next batch's images and labels into caller-owned buffers and advances.</summary>
    public void Next(Dataset dataset, Span<float> images, Span<int> labels)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count != Count)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The sampler was made for {Count} samples but {dataset.Name} holds {dataset.Count}."), nameof(dataset));
        dataset.CopyBatch(Next(), images, labels);
    }

    /// <summary>The full order of one epoch (a new array; for tests and inspection).</summary>
    public int[] EpochOrder(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var order = new int[Count];
        Fill(order, epoch);
        return order;
    }

    private void EnsureOrder(int epoch)
    {
        if (_orderEpoch == epoch) return;
        Fill(_order, epoch);
        _orderEpoch = epoch;
    }

    private void Fill(int[] order, int epoch)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (!Shuffle) return;
        // Each epoch gets its own generator from a hash of (seed, epoch): no epoch depends on the draws of another.
        var rng = new GanDsl.Tensors.Rng(Mix(Seed ^ Mix((ulong)epoch + 1)));
        rng.Shuffle(order);
    }

    // SplitMix64's finaliser: a bijective 64-bit mix.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
