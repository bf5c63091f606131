using System.Globalization;

namespace GanDsl.Images;

/// <summary>
/// Which files are read as images: those with one of <see cref="Extensions"/>. The extension only selects the file; its
/// content decides how it decodes, so a PNG named .jpg still loads and a text file named .png is refused as not an image.
/// </summary>
internal static class ImageFormats
{
    /// <summary>The extensions read, lower case with the dot.</summary>
    public static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".bmp", ".dib", ".gif", ".webp"];

    /// <summary>The formats for messages.</summary>
    public const string Names = "PNG, JPEG, BMP, GIF or WebP";

    public static bool HasImageExtension(string fileName)
    {
        string extension = Path.GetExtension(fileName);
        foreach (string known in Extensions)
            if (string.Equals(extension, known, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>"1 file", "2 files": counts in messages and log lines.</summary>
    public static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : noun.EndsWith('s') ? "es" : "s")}");
}
