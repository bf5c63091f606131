namespace GanDsl.IO;

/// <summary>
/// Writes a folder so that readers see either the old folder or the complete new one: its files are written into a hidden
/// sibling <c>.NAME.tmp</c>, which then takes the target's place (an existing target is first moved aside to
/// <c>.NAME.old</c> and deleted afterwards). A crash mid-write leaves only hidden debris, which the next write clears.
/// </summary>
public static class AtomicFolder
{
    /// <summary>Replaces the folder <paramref name="path"/> with the files <paramref name="fill"/> writes into the temporary folder it is given.</summary>
    public static void Write(string path, Action<string> fill)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var final = Path.TrimEndingDirectorySeparator(path);
        var parent = Path.GetDirectoryName(final)
            ?? throw new ArgumentException($"'{path}' is a root folder; give a folder path such as 'run/checkpoints/step-0000010'.", nameof(path));
        string name = Path.GetFileName(final);
        string temp = Path.Combine(parent, "." + name + ".tmp"), old = Path.Combine(parent, "." + name + ".old");
        DeleteIfPresent(temp); // left by an earlier crash
        Directory.CreateDirectory(temp);
        fill(temp);

        DeleteIfPresent(old);
        if (Directory.Exists(final)) Directory.Move(final, old);
        Directory.Move(temp, final);
        DeleteIfPresent(old);
    }

    private static void DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
