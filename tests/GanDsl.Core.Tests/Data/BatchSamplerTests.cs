using CsCheck;
using GanDsl.Data;
using GanDsl.Tensors;
using GanDsl.Tests;

namespace GanDsl.Core.Tests.Data;

public class BatchSamplerTests
{
    private static (int Count, int Batch) Sizes(int n, int b)
    {
        int count = n % 200 + 1;
        return (count, b % count + 1);
    }

    [Fact]
    public void Every_index_appears_at_most_once_per_epoch_and_only_the_remainder_is_dropped() =>
        Gen.Select(Sized.PositiveInt, Sized.PositiveInt, Sized.ULong).ForAll((n, b, seed) =>
    {
        var (count, batch) = Sizes(n, b);
        var sampler = new BatchSampler(count, batch, seed);
        var seen = new List<int>();
        for (int i = 0; i < sampler.BatchesPerEpoch; i++)
        {
            Assert.Equal(0, sampler.Epoch);
            seen.AddRange(sampler.Next().ToArray());
        }
        return sampler.Epoch == 1 && sampler.BatchInEpoch == 0
               && seen.Count == count / batch * batch
               && seen.Distinct().Count() == seen.Count
               && seen.All(i => i >= 0 && i < count)
               && seen.Order().SequenceEqual(sampler.EpochOrder(0)[..seen.Count].Order());
    }, iter: 60);

    [Fact]
    public void Each_epoch_order_is_a_permutation() =>
        Gen.Select(Sized.PositiveInt, Sized.ULong, Gen.Byte).ForAll((n, seed, epoch) =>
    {
        int count = n % 300 + 1;
        var order = new BatchSampler(count, 1, seed).EpochOrder(epoch);
        return order.Order().SequenceEqual(Enumerable.Range(0, count));
    }, iter: 60);

    [Fact]
    public void Same_seed_gives_the_same_batches() =>
        Gen.Select(Sized.PositiveInt, Sized.PositiveInt, Sized.ULong).ForAll((n, b, seed) =>
    {
        var (count, batch) = Sizes(n, b);
        var first = new BatchSampler(count, batch, seed);
        var second = new BatchSampler(count, batch, seed);
        for (int i = 0; i < 3 * first.BatchesPerEpoch + 1; i++)
            if (!first.Next().SequenceEqual(second.Next())) return false;
        return true;
    }, iter: 40);

    [Fact]
    public void Resuming_from_a_saved_position_continues_with_the_same_batches() =>
        Gen.Select(Sized.PositiveInt, Sized.PositiveInt, Sized.ULong, Sized.PositiveInt).ForAll((n, b, seed, stop) =>
    {
        var (count, batch) = Sizes(n, b);
        var uninterrupted = new BatchSampler(count, batch, seed);
        int before = stop % (3 * uninterrupted.BatchesPerEpoch);
        for (int i = 0; i < before; i++) uninterrupted.Next();
        var saved = uninterrupted.Position;

        var resumed = BatchSampler.Resume(count, batch, saved);
        bool same = resumed.Position == saved && resumed.BatchesDone == before;
        for (int i = 0; i < 2 * uninterrupted.BatchesPerEpoch + 1; i++)
            same &= uninterrupted.Next().SequenceEqual(resumed.Next());
        return same;
    }, iter: 40);

    [Fact]
    public void Epochs_are_shuffled_differently_and_seeds_differ()
    {
        var sampler = new BatchSampler(1000, 10, seed: 7);
        Assert.NotEqual(sampler.EpochOrder(0), sampler.EpochOrder(1));
        Assert.NotEqual(sampler.EpochOrder(0), new BatchSampler(1000, 10, seed: 8).EpochOrder(0));
        Assert.NotEqual(Enumerable.Range(0, 1000), sampler.EpochOrder(0));
    }

    [Fact]
    public void Without_shuffling_batches_follow_the_dataset_order()
    {
        var sampler = new BatchSampler(7, 3, seed: 1, shuffle: false);
        Assert.Equal([0, 1, 2], sampler.Next().ToArray());
        Assert.Equal([3, 4, 5], sampler.Next().ToArray());
        Assert.Equal([0, 1, 2], sampler.Next().ToArray()); // 6 dropped, next epoch
        Assert.Equal(new BatchPosition(1, 1, 1), sampler.Position);
    }

    [Fact]
    public void Seed_drawn_from_an_rng_is_reproducible()
    {
        var a = new BatchSampler(50, 5, new Rng(3));
        var b = new BatchSampler(50, 5, new Rng(3));
        Assert.Equal(a.Seed, b.Seed);
        Assert.Equal(a.Next().ToArray(), b.Next().ToArray());
    }

    [Fact]
    public void Batches_are_copied_into_caller_buffers()
    {
        var images = Enumerable.Range(0, 10 * 4).Select(i => (float)i).ToArray();
        var data = Dataset.Create("toy", images, Enumerable.Range(0, 10).ToArray(), 1, 2, 2, 10);
        var sampler = new BatchSampler(10, 3, seed: 5);
        var imageBuffer = new float[12];
        var labelBuffer = new int[3];
        var expected = sampler.EpochOrder(0)[..3];

        sampler.Next(data, imageBuffer, labelBuffer);

        Assert.Equal(expected, labelBuffer);
        for (int i = 0; i < 3; i++) Assert.Equal(data.Image(expected[i]).ToArray(), imageBuffer[(i * 4)..(i * 4 + 4)]);
    }

    [Fact]
    public void Bad_sizes_and_foreign_positions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(10, -3, 1));
        var tooBig = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(10, 11, 1));
        Text.Has(tooBig.Message, "at most 10");
        var sampler = new BatchSampler(10, 3, 1);
        Assert.Throws<ArgumentException>(() => sampler.Seek(new BatchPosition(2, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Seek(new BatchPosition(1, 0, 3)));
    }
}
