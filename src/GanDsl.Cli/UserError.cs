namespace GanDsl.Cli;

/// <summary>A mistake in what the user asked for: printed as one sentence on stderr, exit code 2, no stack trace.</summary>
internal sealed class UserError(string message) : Exception(message);
