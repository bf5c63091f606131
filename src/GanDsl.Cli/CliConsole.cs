using Spectre.Console;

namespace GanDsl.Cli;

/// <summary>
/// The Spectre.Console consoles the commands write tables and bars to. Escape codes (colour, cursor moves) go only to a
/// terminal: when a stream is redirected to a file or a pipe, or <c>NO_COLOR</c> is set, its console writes plain text.
/// </summary>
internal static class CliConsole
{
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        bool plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
    }
}
