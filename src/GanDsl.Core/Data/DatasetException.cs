namespace GanDsl.Data;

/// <summary>
/// A dataset file or source that cannot be used. The message is one sentence for the user: it names the file
/// (or dataset) and says what is wrong and how to fix it, so a CLI can print it as is without a stack trace.
/// Not sealed: other data sources (GanDsl.Images' image folders) derive their errors from it, so one catch serves all.
/// </summary>
public class DatasetException : IOException
{
    /// <summary>An error whose <paramref name="message"/> is the sentence shown to the user.</summary>
    public DatasetException(string message) : base(message) { }

    /// <summary>An error whose <paramref name="message"/> is the sentence shown to the user, caused by <paramref name="inner"/> (an I/O or decoding error).</summary>
    public DatasetException(string message, Exception inner) : base(message, inner) { }
}
