using System.Text.RegularExpressions;

namespace GanDsl.Core.Tests.Data;

internal static class Sentences
{
    /// <summary>The message is one sentence (one line, one final full stop, no ". X" break) that names the file.</summary>
    public static void AssertOne(string message, string mustName)
    {
        Assert.Contains(mustName, message);
        Assert.DoesNotContain('\n', message);
        Assert.EndsWith(".", message);
        Assert.False(Regex.IsMatch(message, @"\.\s+[A-Z]"), $"Expected one sentence but got: {message}");
    }
}

internal static class Text
{
    /// <summary>Like Assert.Contains, but a failure shows the whole message.</summary>
    public static void Has(string message, string part) =>
        Assert.True(message.Contains(part, StringComparison.Ordinal), $"Expected \"{part}\" in: {message}");
}
