using System.Globalization;

namespace GanDsl.Images;

/// <summary>An opaque colour that transparent pixels are composited on (see <see cref="ImageFolderOptions.Background"/>).</summary>
/// <param name="R">Red, 0 to 255.</param>
/// <param name="G">Green, 0 to 255.</param>
/// <param name="B">Blue, 0 to 255.</param>
public readonly record struct BackgroundColor(byte R, byte G, byte B)
{
    /// <summary>Black, the default background.</summary>
    public static BackgroundColor Black => new(0, 0, 0);

    /// <summary>White.</summary>
    public static BackgroundColor White => new(255, 255, 255);

    /// <summary>The colour as <c>#RRGGBB</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}
