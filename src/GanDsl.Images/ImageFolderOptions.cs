using GanDsl.Training;

namespace GanDsl.Images;

/// <summary>
/// How <see cref="ImageFolder.Load"/> turns image files into samples. Every option that changes the stored pixels is part of
/// the cache key, so changing one decodes the folder again instead of reusing samples made the other way.
/// </summary>
public sealed record ImageFolderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ImageFolderOptions Default { get; } = new();

    /// <summary>
    /// The colour that transparent pixels are composited on when the net takes 1 or 3 channels (a 4-channel net gets the
    /// straight RGBA values). Black by default: compositing on black is premultiplying by alpha, so a transparent pixel
    /// carries no colour of its own into the data and anti-aliased edges blend towards the same value a fully transparent
    /// pixel gets; it is also what PyTorch's usual loader sees for the common transparent pixel stored as (0, 0, 0, 0).
    /// </summary>
    public BackgroundColor Background { get; init; } = BackgroundColor.Black;

    /// <summary>
    /// Whether an image smaller than the net's input (narrower or lower than it) may be enlarged, with bilinear
    /// interpolation. Off by default: enlarged images are blurry and a GAN learns the blur, so a too-small image is refused
    /// with a sentence naming it.
    /// </summary>
    public bool AllowUpscaling { get; init; }

    /// <summary>
    /// Whether a file that cannot be decoded completely (not an image, corrupt, or truncated) is skipped and counted in the
    /// log instead of stopping the load with a sentence naming it.
    /// </summary>
    public bool SkipUndecodable { get; init; }

    /// <summary>
    /// Whether first-level subfolders are classes (torchvision's <c>ImageFolder</c> rule, the default). When false every
    /// image below the folder is read, subfolders included, and the data is unlabelled.
    /// </summary>
    public bool LabelsFromSubfolders { get; init; } = true;

    /// <summary>The range the byte values are scaled to when a batch is read; [-1, 1] by default (a Tanh generator).</summary>
    public PixelRange Range { get; init; } = PixelRange.MinusOneToOne;

    /// <summary>
    /// The folder holding the decoded samples; null means <see cref="ImageFolder.DefaultCacheDirectory"/>
    /// (<c>$GANDSL_CACHE/images</c>, else <c>~/.cache/gandsl/images</c>).
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>How many images are decoded at once; 0 (the default) or less uses every processor.</summary>
    public int DecodeThreads { get; init; }

    /// <summary>The options that decide the samples, as the plain values a run folder's <c>run.json</c> records.</summary>
    public ImageFolderSettings ToSettings() =>
        new(SkipUndecodable, AllowUpscaling, Background.ToString(), LabelsFromSubfolders, Range.ToString());

    /// <summary>
    /// The options a run folder recorded (<see cref="ToSettings"/>), with this machine's cache folder and decode threads;
    /// throws <see cref="ImageFolderException"/> for values no GanDsl writes.
    /// </summary>
    public static ImageFolderOptions FromSettings(ImageFolderSettings settings, string directory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!BackgroundColor.TryParse(settings.Background, out var background) || !Enum.TryParse<PixelRange>(settings.Range, out var range) || !Enum.IsDefined(range))
            throw new ImageFolderException($"The recorded image options of {directory} (background '{settings.Background}', range '{settings.Range}') are not ones GanDsl writes; fix run.json or start a new run.", directory);
        return new ImageFolderOptions
        {
            SkipUndecodable = settings.SkipUndecodable,
            AllowUpscaling = settings.AllowUpscaling,
            Background = background,
            LabelsFromSubfolders = settings.LabelsFromSubfolders,
            Range = range,
        };
    }
}
