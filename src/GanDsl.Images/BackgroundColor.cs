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

    /// <summary>
    /// Reads <c>black</c>, <c>white</c> (any case) or <c>#RRGGBB</c>, as the CLI's <c>--background</c> and a run folder's
    /// <c>run.json</c> write it.
    /// </summary>
    public static bool TryParse(string? text, out BackgroundColor color)
    {
        color = Black;
        var t = text?.Trim() ?? "";
        if (t.Equals("black", StringComparison.OrdinalIgnoreCase)) return true;
        if (t.Equals("white", StringComparison.OrdinalIgnoreCase))
        {
            color = White;
            return true;
        }
        if (t.Length != 7 || t[0] != '#' || !uint.TryParse(t.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint rgb))
            return false;
        color = new BackgroundColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        return true;
    }
}
