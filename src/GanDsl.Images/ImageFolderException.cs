using GanDsl.Data;

namespace GanDsl.Images;

/// <summary>
/// An image folder that cannot become a dataset. The message is one sentence naming the folder or file, what is wrong and
/// how to fix it; being a <see cref="DatasetException"/>, it is handled like every other data error.
/// </summary>
public sealed class ImageFolderException : DatasetException
{
    /// <summary>An error about <paramref name="path"/> (the folder, or the one file at fault).</summary>
    public ImageFolderException(string message, string path) : base(message) => Path = path;

    /// <summary>An error about <paramref name="path"/> caused by <paramref name="inner"/> (a file that could not be read).</summary>
    public ImageFolderException(string message, string path, Exception inner) : base(message, inner) => Path = path;

    /// <summary>The folder or file the message is about.</summary>
    public string Path { get; }
}
