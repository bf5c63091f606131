using System.Globalization;
using GanDsl.Evaluation;
using Spectre.Console;

namespace GanDsl.Cli.Evaluation;

/// <summary>
/// Shows classifier training: a Spectre.Console bar on the terminal's stderr, or a few plain lines when stderr is redirected.
/// Stdout is left alone so <c>--json</c> prints exactly one object.
/// </summary>
internal static class ClassifierProgressDisplay
{
    public static T Run<T>(string title, Action<string> log, Func<Action<ClassifierTrainingProgress>, T> train)
    {
        var console = CliConsole.Error;
        if (Console.IsErrorRedirected || !console.Profile.Capabilities.Interactive)
        {
            log(title + ".");
            return train(p =>
            {
                int every = Math.Max(1, p.StepsPerEpoch / 4);
                if (p.Step % every == 0 || p.Step == p.StepsPerEpoch) log(Line(p));
            });
        }
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title));
                result = train(p =>
                {
                    task.MaxValue = (double)p.Epochs * p.StepsPerEpoch;
                    task.Value = (double)(p.Epoch - 1) * p.StepsPerEpoch + p.Step;
                    task.Description = Markup.Escape(Line(p));
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    private static string Line(ClassifierTrainingProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"classifier epoch {p.Epoch}/{p.Epochs} step {p.Step}/{p.StepsPerEpoch} loss {p.Loss:F4}");
}
