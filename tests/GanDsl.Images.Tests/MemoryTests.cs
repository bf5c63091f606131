using GanDsl.Images.Tests.Support;

namespace GanDsl.Images.Tests;

/// <summary>Measures process-wide managed memory, so nothing else in this assembly runs beside it.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// A folder whose decoded samples exceed a limit the test sets still loads and trains: the dataset keeps its samples in
/// the mapped cache file, so the managed memory it holds, and what reading every batch allocates, stay under the limit.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public class MemoryTests
{
    private const long Limit = 2 << 20; // 2 MiB

    [Fact]
    public void A_folder_larger_than_the_limit_is_read_batch_by_batch_within_it()
    {
        using var s = new Scratch();
        for (int i = 0; i < 200; i++)
            s.Put($"{i:000}.png", PngFile.Bytes8(16, 16, PngFile.Gray, Enumerable.Range(0, 256).Select(p => (byte)(p + i)).ToArray()));
        int[] shape = [3, 96, 96]; // 27 KiB a sample, 5.3 MiB in all: more than twice the limit
        long decodedSize = 200L * 3 * 96 * 96;
        Assert.True(decodedSize > 2 * Limit);
        const int batch = 4;
        var values = new float[batch * 3 * 96 * 96];
        var labels = new int[batch];
        var indices = new int[batch];
        var options = s.Options with { AllowUpscaling = true, DecodeThreads = 1 };
        long before = GC.GetTotalMemory(forceFullCollection: true);

        using var data = ImageFolder.Load(s.Images, shape, options);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        double checksum = 0;
        for (int start = 0; start < data.Count; start += batch)
        {
            for (int k = 0; k < batch; k++) indices[k] = (start + k) % data.Count;
            data.CopyBatch(indices, values, labels);
            checksum += values[0] + values[^1];
        }
        long allocatedReading = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long held = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.Equal(200, data.Count);
        Assert.True(held < Limit, $"The dataset holds {held} bytes of managed memory after reading every batch; the limit is {Limit}.");
        Assert.True(allocatedReading < Limit / 16, $"Reading every batch allocated {allocatedReading} bytes.");
        Assert.NotEqual(0, checksum);
        GC.KeepAlive(data);
    }
}
