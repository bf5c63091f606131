using System.Globalization;

namespace GanDsl.Training;

/// <summary>
/// Training progress on the console, as <c>gandsl train</c> shows it. On an interactive terminal: one line redrawn in place
/// with <c>'\r'</c> (a bar, the step, losses, mean scores, speed and time left), and a line per finished epoch. When the
/// output is redirected (a log file, CI): a plain line per logged step (or per <c>lineEverySteps</c>) and per epoch. It
/// never writes colour or other escape codes. The text is <see cref="ProgressLine"/>'s.
/// </summary>
public sealed class ConsoleProgressObserver : ITrainingObserver
{
    private const int BarWidth = 20;
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly int _lineEverySteps;
    private long _firstStep;
    private long _totalSteps;
    private int _drawnLength;

    /// <summary>Progress on standard output: redrawn in place on a terminal, a line per logged step when redirected.</summary>
    public ConsoleProgressObserver() : this(Console.Out, interactive: !Console.IsOutputRedirected) { }

    /// <summary>Progress on <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="interactive">True to redraw one line in place (a terminal); false for one line per report (a file, a pipe).</param>
    /// <param name="lineEverySteps">
    /// Without <paramref name="interactive"/>, a step line every this many steps (0, the default: every step the loop
    /// reports, i.e. every <see cref="TrainingConfig.LogIntervalSteps"/>); the last step always gets one.
    /// </param>
    public ConsoleProgressObserver(TextWriter output, bool interactive, int lineEverySteps = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(lineEverySteps);
        (_output, _interactive, _lineEverySteps) = (output, interactive, lineEverySteps);
    }

    /// <summary>Writes what is trained, on what, and for how many steps (<c>training X to step N …</c>).</summary>
    public void OnStart(TrainingStartReport report)
    {
        (_firstStep, _totalSteps) = (report.FirstStep, report.Length.TotalSteps);
        WriteLine(ProgressLine.ForStart(report));
    }

    /// <summary>Redraws the bar line, or writes a step line when this step is due one.</summary>
    public void OnStep(StepReport report)
    {
        string line = ProgressLine.ForStep(report, _firstStep, _totalSteps);
        if (_interactive)
        {
            Redraw(Bar(report.Step) + "  " + line);
            return;
        }
        bool last = report.Step >= _totalSteps;
        if (_lineEverySteps == 0 || report.Step % _lineEverySteps == 0 || last) WriteLine(line);
    }

    /// <summary>Writes the epoch's line: its number, the step it ended at and its mean losses.</summary>
    public void OnEpoch(EpochReport report) => WriteLine(ProgressLine.ForEpoch(report));

    /// <summary>Keeps a bar still on screen (a cancelled run's) and moves below it.</summary>
    public void OnEnd(TrainingEndReport report)
    {
        if (_drawnLength == 0) return;
        _output.Write('\n');
        _output.Flush();
        _drawnLength = 0;
    }

    /// <summary>Ends the line being redrawn (if any) and writes <paramref name="text"/> as a line of its own.</summary>
    private void WriteLine(string text)
    {
        if (_drawnLength > 0)
        {
            _output.Write('\r');
            _output.Write(text.PadRight(_drawnLength));
            _output.Write('\n');
            _drawnLength = 0;
        }
        else _output.WriteLine(text);
        _output.Flush();
    }

    private void Redraw(string text)
    {
        int width = TerminalWidth();
        if (text.Length > width) text = text[..width];
        _output.Write('\r');
        _output.Write(text.PadRight(_drawnLength)); // spaces over what a longer previous line left
        _drawnLength = text.Length;
        _output.Flush();
    }

    private string Bar(long step)
    {
        double done = _totalSteps > 0 ? Math.Clamp((double)step / _totalSteps, 0, 1) : 0;
        int filled = (int)Math.Round(done * BarWidth);
        return "[" + new string('#', filled) + new string('-', BarWidth - filled) + "] "
            + (100 * done).ToString("F0", CultureInfo.InvariantCulture).PadLeft(3) + "%";
    }

    /// <summary>The columns a redrawn line may use: one less than the window, so the cursor never wraps.</summary>
    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 20 ? Console.WindowWidth - 1 : 119;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 119;
        }
    }
}
