using GanDsl.Imaging;

namespace GanDsl.Cli.Tests;

/// <summary>Folders of PNG files for the CLI's tests, written with GanDsl's own PNG writer.</summary>
internal static class ImageFolders
{
    /// <summary><paramref name="count"/> RGB pictures of <paramref name="size"/>² pixels, each a different gradient.</summary>
    public static string Write(string folder, int count = 12, int size = 20)
    {
        Directory.CreateDirectory(folder);
        for (int k = 0; k < count; k++)
        {
            var pixels = new byte[size * size * 3];
            for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int p = (y * size + x) * 3;
                (pixels[p], pixels[p + 1], pixels[p + 2]) = ((byte)(x * 255 / size), (byte)(y * 255 / size), (byte)(k * 255 / count));
            }
            Png.WriteFile(Path.Combine(folder, $"picture-{k:D2}.png"), new GridImage(size, size, 3, pixels));
        }
        return folder;
    }
}
