using System.Globalization;
using GanDsl.Training;

namespace GanDsl.Data;

/// <summary>
/// A labelled image dataset held in memory: <see cref="Count"/> samples of Channels×Height×Width floats in
/// [-1, 1] (NCHW, x / 127.5 - 1 for byte images) and one class label each. Immutable: the arrays are private
/// copies made at construction and shared with readers for speed, so callers must not write to them.
/// </summary>
public sealed class Dataset : ITrainingData
{
    private Dataset(string name, float[] images, int[] labels, int channels, int height, int width, int classes)
    {
        Name = name;
        Images = images;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        Classes = classes;
    }

    /// <summary>The dataset's name (<c>fashion-mnist</c>, <c>mnist</c>, or the one given when it was built), as printed and recorded.</summary>
    public string Name { get; }

    /// <summary>
    /// The dataset's name, and the folder its files came from when one was given explicitly (null when found in the
    /// standard places): what a run folder records so the CLI can read the same data again.
    /// </summary>
    public DataSource Source => new(Name, _directory);

    private string? _directory;

    /// <summary>All images, N×C×H×W row-major, in [-1, 1]. Read-only by contract.</summary>
    public float[] Images { get; }

    /// <summary>One label in [0, <see cref="Classes"/>) per image. Read-only by contract.</summary>
    public int[] Labels { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;
    /// <summary>Channels per image (1 for grey, 3 for RGB).</summary>
    public int Channels { get; }
    /// <summary>Image height in pixels.</summary>
    public int Height { get; }
    /// <summary>Image width in pixels.</summary>
    public int Width { get; }
    /// <summary>Number of classes; every label is in [0, Classes).</summary>
    public int Classes { get; }

    /// <summary>Floats per image: Channels × Height × Width.</summary>
    public int SampleSize => Channels * Height * Width;

    /// <summary>One sample's shape [C, H, W], as the training loop sees it.</summary>
    public IReadOnlyList<int> SampleShape => new[] { Channels, Height, Width };

    /// <summary>The image at <paramref name="index"/> as C×H×W floats.</summary>
    public ReadOnlySpan<float> Image(int index) => Images.AsSpan(checked(index * SampleSize), SampleSize);

    /// <summary>
    /// A dataset from in-memory data (e.g. a toy GAN's generated samples). The arrays are copied; values are
    /// used as given (scale them to the range the generator produces).
    /// </summary>
    public static Dataset Create(string name, ReadOnlySpan<float> images, ReadOnlySpan<int> labels,
        int channels, int height, int width, int classes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (channels <= 0 || height <= 0 || width <= 0)
            throw new ArgumentOutOfRangeException(nameof(channels), string.Create(CultureInfo.InvariantCulture,
                $"Dataset '{name}' needs positive channels, height and width but got {channels}x{height}x{width}."));
        if (classes <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), $"Dataset '{name}' needs at least one class; pass classes = 1 for unlabelled data.");
        if (labels.IsEmpty)
            throw new ArgumentException($"Dataset '{name}' is empty; give it at least one sample.", nameof(labels));
        long sample = (long)channels * height * width;
        if (images.Length != sample * labels.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Dataset '{name}' has {labels.Length} labels, which need {sample * labels.Length} image values of {channels}x{height}x{width}, but {images.Length} were given."), nameof(images));
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Dataset '{name}' has label {labels[i]} at sample {i}, outside 0..{classes - 1}; fix the label or raise classes."), nameof(labels));
        }
        return new Dataset(name, images.ToArray(), labels.ToArray(), channels, height, width, classes);
    }

    /// <summary>
    /// A single-channel dataset from IDX content: bytes scaled with x / 127.5 - 1. Labels must lie below
    /// <paramref name="classes"/>; <paramref name="source"/> names the label file in the error otherwise.
    /// </summary>
    public static Dataset FromIdx(string name, IdxImages images, ReadOnlySpan<byte> labels, int classes, string source = "the label file")
    {
        ArgumentNullException.ThrowIfNull(images);
        if (labels.Length != images.Count)
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                $"{source} holds {labels.Length} labels but the images hold {images.Count}; use the image and label files of the same split."));
        var ints = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
                throw new DatasetException(string.Create(CultureInfo.InvariantCulture,
                    $"{source} has label {labels[i]} at sample {i}, but {name} has only {classes} classes (0..{classes - 1}); check that the file belongs to {name} or download it again."));
            ints[i] = labels[i];
        }
        var floats = new float[images.Pixels.Length];
        Scale(images.Pixels, floats);
        return new Dataset(name, floats, ints, 1, images.Height, images.Width, classes);
    }

    /// <summary>
    /// Copies the samples at <paramref name="indices"/> into caller-owned buffers (batch-major NCHW images and
    /// labels), so a training loop reuses its buffers and allocates nothing per batch.
    /// </summary>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> images, Span<int> labels)
    {
        int size = SampleSize;
        if (images.Length < (long)indices.Length * size)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The image buffer holds {images.Length} floats but {indices.Length} samples of {Channels}x{Height}x{Width} need {(long)indices.Length * size}."), nameof(images));
        if (labels.Length < indices.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The label buffer holds {labels.Length} entries but the batch has {indices.Length} samples."), nameof(labels));
        var source = Images.AsSpan();
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            source.Slice(checked(index * size), size).CopyTo(images.Slice(i * size, size));
            labels[i] = Labels[index];
        }
    }

    /// <summary>Records the folder the files were read from (an explicit --dataset DIR); done once, right after loading.</summary>
    internal Dataset ReadFrom(string? directory)
    {
        _directory = directory;
        return this;
    }

    /// <summary>Byte pixels to [-1, 1] with x / 127.5 - 1 (torchvision's ToTensor then Normalize(0.5, 0.5)).</summary>
    public static void Scale(ReadOnlySpan<byte> pixels, Span<float> destination)
    {
        if (destination.Length < pixels.Length)
            throw new ArgumentException("The destination is shorter than the pixels.", nameof(destination));
        for (int i = 0; i < pixels.Length; i++) destination[i] = pixels[i] / 127.5f - 1f;
    }

    /// <summary>One line for logs, e.g. <c>fashion-mnist: 60000 images of 1x28x28, 10 classes</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Count} images of {Channels}x{Height}x{Width}, {Classes} classes");
}
