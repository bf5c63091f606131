using System.Globalization;
using GanDsl.Evaluation;
using Spectre.Console;

namespace GanDsl.Cli.Evaluation;

/// <summary>The readable form of a <see cref="QualityReport"/>: one row per metric with what a better value looks like.</summary>
internal static class ReportTable
{
    public static Table Create(QualityReport r, string title)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumns("metric", "value", "meaning");
        table.Columns[1].RightAligned();
        void Row(string name, string value, string meaning) => table.AddRow(name, value, Markup.Escape(meaning));
        Row("fcd", Number(r.Fcd, "F3"), "Fréchet distance of classifier features to the test split; lower is better, 0 = same statistics");
        Row("kid", Number(r.Kid, "F5") + " ± " + Number(r.KidStd, "F5"), "kernel distance (mean ± std over 100 subsets); lower is better");
        Row("classifier_score", Number(r.ClassifierScore, "F3"), "exp(mean KL(p(y|x) || p(y))); higher is better, at most the class count");
        Row("coverage", Number(r.Coverage, "F3"), "entropy of the predicted classes, normalised; 1 = all classes equally often");
        Row("classes_covered", r.ClassesCovered.ToString(CultureInfo.InvariantCulture), "classes holding at least 5% of the samples");
        if (r.ConditionalAccuracy is { } accuracy)
            Row("conditional_accuracy", Number(accuracy, "F3"), "fraction of samples classified as the label they were generated for");
        if (r.ConditionalAccuracyByClass is { } byClass)
            Row("  by class", string.Join(" ", byClass.Select(v => Number(v, "F2"))), "the same for each class asked for, class 0 first");
        Row("samples", r.Samples.ToString(CultureInfo.InvariantCulture), "generated images scored");
        return table;
    }

    private static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
