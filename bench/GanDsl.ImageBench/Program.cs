using System.Diagnostics;
using System.Globalization;
using GanDsl.Images;
using GanDsl.ImageBench;

// Images per second of GanDsl.Images: the first load (decode, convert, resize, write the cache), a second load (the
// cache hit) and one epoch of batches read from the mapped cache. Uses a folder you name, or makes one.
//   dotnet run -c Release --project bench/GanDsl.ImageBench -- [--dir DIR] [--count N] [--size PX] [--format png|jpeg|mixed]
//       [--shape C,H,W] [--threads N] [--batch N]
var options = BenchOptions.Parse(args);
var scratch = Directory.CreateTempSubdirectory("gandsl-imagebench-").FullName;
try
{
    string folder = options.Directory ?? SyntheticFolder.Write(Path.Combine(scratch, "images"), options.Count, options.Size, options.Format);
    var loadOptions = new ImageFolderOptions { CacheDirectory = Path.Combine(scratch, "cache"), DecodeThreads = options.Threads };
    int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
    Console.WriteLine($"folder: {folder}; samples {string.Join('x', options.Shape)}; {threads} decode threads; {Environment.ProcessorCount} processors");

    var clock = Stopwatch.StartNew();
    using (var first = ImageFolder.Load(folder, options.Shape, loadOptions))
        Report("first load (decode + cache write)", first.DecodedImages, clock.Elapsed);

    clock.Restart();
    using var cached = ImageFolder.Load(folder, options.Shape, loadOptions);
    Report("second load (cache hit)", cached.Count, clock.Elapsed);

    int size = options.Shape[0] * options.Shape[1] * options.Shape[2];
    var values = new float[options.Batch * size];
    var labels = new int[options.Batch];
    var order = Enumerable.Range(0, cached.Count).OrderBy(_ => Random.Shared.Next()).ToArray();
    clock.Restart();
    for (int start = 0; start + options.Batch <= order.Length; start += options.Batch)
        cached.CopyBatch(order.AsSpan(start, options.Batch), values, labels);
    Report($"one epoch of shuffled batches of {options.Batch}", order.Length / options.Batch * options.Batch, clock.Elapsed);
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

static void Report(string what, int images, TimeSpan elapsed) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{what}: {images} images in {elapsed.TotalSeconds:0.000} s = {images / Math.Max(elapsed.TotalSeconds, 1e-9):0} images/s"));
