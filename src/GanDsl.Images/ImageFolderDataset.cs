using System.Globalization;
using GanDsl.Training;

namespace GanDsl.Images;

/// <summary>
/// An image folder as training data, made by <see cref="ImageFolder.Load"/>: its samples live in a memory-mapped cache
/// file and a batch is scaled to floats as it is copied, so the object holds only the labels (4 bytes a sample) whatever
/// the folder's size. Dispose it to unmap the file. Reading batches from several threads at once is safe.
/// </summary>
public sealed class ImageFolderDataset : ITrainingData, IDisposable
{
    private readonly SampleFormat _format;
    private readonly int[] _labels;
    private readonly MappedSamples _samples;
    private readonly float[] _scale;

    internal ImageFolderDataset(FolderScan scan, SampleFormat format, ImageFolderOptions options, string cachePath,
        CacheContents contents, int decodedImages)
    {
        _format = format;
        _labels = contents.Labels;
        _samples = contents.Samples;
        Directory = scan.Directory;
        ClassNames = scan.Labelled ? scan.ClassNames : [];
        CachePath = cachePath;
        DecodedImages = decodedImages;
        SkippedFiles = contents.Skipped;
        IgnoredFiles = scan.IgnoredFiles + scan.TopLevelImagesIgnored;
        Range = options.Range;
        Source = new DataSource(DataSource.ImageFolder, Path.GetFullPath(scan.Directory)) { Images = options.ToSettings() };
        _scale = new float[256];
        for (int b = 0; b < 256; b++) // the same expressions as GanDsl.Data.Dataset.Scale, so values match it bit for bit
            _scale[b] = options.Range == PixelRange.ZeroToOne ? b / 255f : b / 127.5f - 1f;
    }

    /// <summary>The folder the images came from.</summary>
    public string Directory { get; }

    /// <summary>Number of samples (images that decoded).</summary>
    public int Count => _labels.Length;

    /// <summary>One sample's shape [C, H, W], the net's input shape it was loaded for.</summary>
    public IReadOnlyList<int> SampleShape => _format.Shape;

    /// <summary>Number of classes (first-level subfolders); 0 for an unlabelled folder.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>The class names in label order (the subfolder names, sorted ordinally); empty for an unlabelled folder.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The cache file the samples are read from.</summary>
    public string CachePath { get; }

    /// <summary>How many files were decoded to make this dataset: 0 when the cache already held it.</summary>
    public int DecodedImages { get; }

    /// <summary>Relative paths of the files skipped as undecodable (with <see cref="ImageFolderOptions.SkipUndecodable"/>).</summary>
    public IReadOnlyList<string> SkippedFiles { get; }

    /// <summary>Files passed over: those without an image extension, hidden ones, and images beside class subfolders.</summary>
    public int IgnoredFiles { get; }

    /// <summary>The folder and the options it was read with, as a run folder records them (<see cref="ImageFolderOptions.FromSettings"/> reads them back).</summary>
    public DataSource Source { get; }

    /// <summary>The range batches are scaled to.</summary>
    public PixelRange Range { get; }

    /// <summary>The label of sample <paramref name="index"/> (0 in an unlabelled folder).</summary>
    public int Label(int index) => _labels[index];

    /// <summary>The stored bytes of sample <paramref name="index"/> (C x H x W, 0 to 255), e.g. to draw real images in a grid.</summary>
    public void CopyPixels(int index, Span<byte> destination) => _samples.Sample(index).CopyTo(destination);

    /// <inheritdoc />
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> samples, Span<int> labels)
    {
        int size = _format.Size;
        if (samples.Length < (long)indices.Length * size)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The sample buffer holds {samples.Length} floats but {indices.Length} samples of {_format} need {(long)indices.Length * size}."), nameof(samples));
        if (Classes > 0 && labels.Length < indices.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The label buffer holds {labels.Length} entries but the batch has {indices.Length} samples."), nameof(labels));
        var scale = _scale.AsSpan();
        for (int i = 0; i < indices.Length; i++)
        {
            var pixels = _samples.Sample(indices[i]);
            var destination = samples.Slice(i * size, size);
            for (int k = 0; k < pixels.Length; k++) destination[k] = scale[pixels[k]];
            if (Classes > 0) labels[i] = _labels[indices[i]];
        }
    }

    /// <summary>Unmaps the cache file; batches cannot be read afterwards.</summary>
    public void Dispose() => _samples.Dispose();

    /// <summary>"photos: 1,234 images of 3x64x64, 2 classes".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Directory}: {Count:N0} images of {_format}, {Classes} classes");
}
