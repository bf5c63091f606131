using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Tests.Support;

/// <summary>Runs the generator on one marked-up source and checks the single diagnostic it reports.</summary>
public static class DiagnosticExpectation
{
    /// <summary>
    /// <paramref name="markup"/> (prefixed with <c>using GanDsl;</c>) must give exactly one diagnostic, with this id, message and
    /// severity, located in source at the span marked <c>[|...|]</c>; the generator must not throw.
    /// </summary>
    public static void Single(string markup, string id, string message, DiagnosticSeverity severity)
    {
        var (source, span) = Markup.Parse("using GanDsl;\n" + markup);
        var outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Exception);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Equal(severity, diagnostic.Severity);
    }
}
