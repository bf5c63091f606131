using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Tests.Support;

/// <summary>Source with one span marked as <c>[|...|]</c>: returns the clean source and the marked span.</summary>
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
}
