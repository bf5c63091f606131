namespace GanDsl.Images;

/// <summary>One image file found in the folder, with what the cache key needs to notice that it changed.</summary>
/// <param name="RelativePath">The path below the folder with '/' separators, e.g. "cats/a.png".</param>
/// <param name="FullPath">The path to open (and to name in messages).</param>
/// <param name="Label">The class index (0 in an unlabelled folder).</param>
/// <param name="Length">The file's size in bytes.</param>
/// <param name="LastWriteTicks">The file's modification time, UTC ticks.</param>
internal sealed record ImageFile(string RelativePath, string FullPath, int Label, long Length, long LastWriteTicks);
