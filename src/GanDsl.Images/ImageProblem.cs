using System.Globalization;
using SkiaSharp;

namespace GanDsl.Images;

/// <summary>
/// Why one file gives no sample, as the sentence for the user. <see cref="Undecodable"/> problems (not an image, corrupt,
/// truncated, unreadable) may be skipped with <see cref="ImageFolderOptions.SkipUndecodable"/>; a size problem may not.
/// </summary>
internal sealed record ImageProblem(ImageFile File, string Message, bool Undecodable, Exception? Cause = null)
{
    private const string SkipHint = "remove or replace it, or set ImageFolderOptions.SkipUndecodable to skip such files";

    public static ImageProblem NotAnImage(ImageFile file) =>
        new(file, $"{file.FullPath} is not an image: its content is not a {ImageFormats.Names} file that can be decoded; {SkipHint}.", true);

    public static ImageProblem Incomplete(ImageFile file, SKCodecResult result) =>
        new(file, $"{file.FullPath} cannot be decoded completely ({Reason(result)}); {SkipHint}.", true);

    public static ImageProblem Unreadable(ImageFile file, Exception cause) =>
        new(file, $"{file.FullPath} cannot be read ({cause.Message.TrimEnd('.')}); check that it exists and is readable, or set ImageFolderOptions.SkipUndecodable to skip such files.", true, cause);

    public static ImageProblem TooSmall(ImageFile file, int width, int height, SampleFormat target) =>
        new(file, string.Create(CultureInfo.InvariantCulture,
            $"{file.FullPath} is {width}x{height} pixels, smaller than the net's {target.Width}x{target.Height} input (width x height); use images at least that large, or set ImageFolderOptions.AllowUpscaling to enlarge it."), false);

    public static ImageProblem TooLarge(ImageFile file, int width, int height) =>
        new(file, string.Create(CultureInfo.InvariantCulture,
            $"{file.FullPath} is {width}x{height} pixels, more than the {SampleDecoder.MaxPixels:N0} pixels (or {SampleDecoder.MaxSide:N0} a side) an image may have here; shrink it before training."), false);

    /// <summary>The exception that stops the load.</summary>
    public ImageFolderException ToException() =>
        Cause is null ? new ImageFolderException(Message, File.FullPath) : new ImageFolderException(Message, File.FullPath, Cause);

    private static string Reason(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "its data ends early, as in a truncated file or an interrupted download",
        SKCodecResult.ErrorInInput => "its data is corrupt",
        _ => $"the decoder reports {result}",
    };
}
