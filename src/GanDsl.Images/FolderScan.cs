namespace GanDsl.Images;

/// <summary>
/// The image files of a folder, in a fixed order, with their labels: first-level subfolders are the classes in ordinal
/// order (torchvision's <c>ImageFolder</c> rule) and a folder without subfolders is unlabelled. Inside a class, images are
/// found at any depth and ordered by their relative path. Names starting with '.' (.git, .DS_Store) are passed over.
/// </summary>
internal sealed record FolderScan(string Directory, IReadOnlyList<ImageFile> Files, IReadOnlyList<string> ClassNames,
    bool Labelled, int IgnoredFiles, int TopLevelImagesIgnored)
{
    /// <summary>Lists the folder or throws one sentence for a folder that is missing, empty, imageless or has an empty class.</summary>
    public static FolderScan Run(string directory, bool labelsFromSubfolders)
    {
        var root = new DirectoryInfo(directory);
        if (File.Exists(directory))
            throw new ImageFolderException($"{directory} is a file, but an image dataset is a folder of {ImageFormats.Names} files (or one subfolder of them per class); pass the folder.", directory);
        if (!root.Exists)
            throw new ImageFolderException($"{directory} does not exist; pass a folder of {ImageFormats.Names} files (or one subfolder of them per class).", directory);

        var classFolders = labelsFromSubfolders ? Visible(root.EnumerateDirectories()).ToList() : [];
        var walk = new Walk(directory);
        int topLevelImages = 0;
        var perClass = new int[classFolders.Count];
        if (classFolders.Count > 0)
        {
            foreach (var file in Visible(root.EnumerateFiles(), walk))
            {
                walk.SeenFiles++;
                if (ImageFormats.HasImageExtension(file.Name)) topLevelImages++;
                else walk.Ignored++;
            }
            for (int label = 0; label < classFolders.Count; label++)
            {
                int before = walk.Files.Count;
                walk.Collect(classFolders[label], classFolders[label].Name + "/", label);
                perClass[label] = walk.Files.Count - before;
            }
        }
        else walk.Collect(root, "", 0);

        if (walk.Files.Count == 0)
        {
            if (walk.SeenFiles == 0)
                throw new ImageFolderException($"{directory} is empty; put {ImageFormats.Names} files in it (or one subfolder of them per class).", directory);
            string held = topLevelImages > 0
                ? $"holds {ImageFormats.Count(topLevelImages, "image")} but only beside its class subfolders, which are the only places read"
                : $"holds {ImageFormats.Count(walk.SeenFiles, "file")} but none is a {ImageFormats.Names} image";
            throw new ImageFolderException($"{directory} {held}; put images in it (or one subfolder of them per class).", directory);
        }
        int empty = Array.IndexOf(perClass, 0);
        if (empty >= 0)
            throw new ImageFolderException($"{classFolders[empty].FullName} holds no {ImageFormats.Names} files, so class '{classFolders[empty].Name}' would be empty; add images to it or remove the folder.", classFolders[empty].FullName);
        return new FolderScan(directory, walk.Files, classFolders.Select(d => d.Name).ToArray(), classFolders.Count > 0, walk.Ignored, topLevelImages);
    }

    /// <summary>Entries whose names do not start with '.'; hidden files are counted as ignored.</summary>
    private static IEnumerable<T> Visible<T>(IEnumerable<T> entries, Walk? countHiddenIn = null) where T : FileSystemInfo
    {
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (!entry.Name.StartsWith('.')) yield return entry;
            else if (countHiddenIn is not null && entry is FileInfo) { countHiddenIn.SeenFiles++; countHiddenIn.Ignored++; }
        }
    }

    /// <summary>The recursive part: collects image files below a folder in relative-path order.</summary>
    private sealed class Walk(string root)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

        public List<ImageFile> Files { get; } = [];
        public int Ignored { get; set; }
        public int SeenFiles { get; set; }

        public void Collect(DirectoryInfo folder, string prefix, int label)
        {
            // Links are followed (as torchvision does), but a folder reached twice, e.g. by a link to a parent, is read once.
            if (!_visited.Add(folder.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder.FullName)) return;
            // Files and folders in ordinal name order, depth first: the same order on every machine.
            var entries = Visible<FileSystemInfo>(folder.EnumerateFileSystemInfos(), this);
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo sub)
                {
                    Collect(sub, prefix + sub.Name + "/", label);
                    continue;
                }
                SeenFiles++;
                if (!ImageFormats.HasImageExtension(entry.Name)) { Ignored++; continue; }
                var file = (FileInfo)entry;
                Files.Add(new ImageFile(prefix + file.Name, Path.Combine(root, prefix + file.Name), label, file.Length, file.LastWriteTimeUtc.Ticks));
            }
        }
    }
}
