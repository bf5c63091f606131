namespace GanDsl.Runs;

/// <summary>A run folder that cannot be used as asked (missing, not a run folder, no checkpoint of the kind wanted); the message is one sentence saying what to pass instead.</summary>
public sealed class RunFolderException(string message) : Exception(message);

/// <summary>An assembly whose GAN pairs cannot be loaded, or that has no pair of the name asked for; the message is one sentence.</summary>
public sealed class PairAssemblyException(string message, Exception? inner = null) : Exception(message, inner);
