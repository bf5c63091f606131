using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Tests.Support;

/// <summary>Source with spans marked as <c>[|...|]</c>: returns the clean source and the marked spans.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        int start = markup.IndexOf("[|", StringComparison.Ordinal);
        int end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException("Markup needs one [|...|] span.", nameof(markup));
        var source = markup.Remove(end, 2).Remove(start, 2);
        return (source, new TextSpan(start, end - start - 2));
    }

    /// <summary>Source with any number of marked spans: the clean source and the spans in order.</summary>
    public static (string Source, IReadOnlyList<TextSpan> Spans) ParseAll(string markup)
    {
        var spans = new List<TextSpan>();
        while (markup.Contains("[|", StringComparison.Ordinal))
        {
            var (source, span) = Parse(markup);
            spans.Add(span);
            markup = source;
        }
        return (markup, spans);
    }
}
