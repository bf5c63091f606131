namespace GanDsl.Images;

/// <summary>The image sets <c>--dataset NAME</c> accepts besides the IDX datasets of <c>GanDsl.Data.DatasetCatalog</c>.</summary>
public static class ImageDatasetCatalog
{
    /// <summary>
    /// Google's Noto emoji at 64x64, as the npm package <c>emoji-datasource-google</c> 16.0.0 ships them (RGBA PNGs on
    /// transparent backgrounds; the images are under the Apache License 2.0). Composited on <b>white</b>: emoji are drawn to
    /// be read on light backgrounds, and on black the dark ones (the black heart, the 8-ball, the spider, dark outlines and
    /// hair) would merge with the background; on white every emoji stands out from a plain field the generator can learn.
    /// </summary>
    public static ImageDatasetInfo Emoji { get; } = new(
        Name: "emoji",
        FolderName: "emoji-google-64",
        Description: "3,786 Noto emoji, 64x64 RGBA PNGs on white (npm package emoji-datasource-google@16.0.0)",
        NpmPackage: "emoji-datasource-google",
        NpmVersion: "16.0.0",
        PackagePath: "package/img/google/64",
        ImageCount: 3786,
        Background: BackgroundColor.White);

    /// <summary>Every image set, in the order help texts list them.</summary>
    public static IReadOnlyList<ImageDatasetInfo> All { get; } = [Emoji];

    /// <summary>The names <see cref="TryGet"/> accepts, for help texts.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToArray();

    /// <summary>Finds an image set by name (case and surrounding spaces ignored).</summary>
    public static bool TryGet(string name, out ImageDatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(name);
        info = All.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return info is not null;
    }
}
