using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GanDsl.Cli;

/// <summary>
/// System.CommandLine's parse errors as gandsl's one sentence (exit code 2), in place of its message with .NET type names
/// and the help screen: a misspelt command or option (with the nearest name), a value that is not a number, a missing
/// value, argument or required option.
/// </summary>
internal static class ParseErrors
{
    public const int ExitCode = 2;

    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        string usage = command is RootCommand ? "'gandsl --help'" : $"'gandsl {command.Name} --help'";
        if (parse.UnmatchedTokens.Count > 0) return Unmatched(parse.UnmatchedTokens[0], command, usage);
        foreach (var error in parse.Errors)
        {
            if (Given(error.SymbolResult) is not { } given) continue;
            var (name, type, token) = given;
            if (token is null && !IsFlag(type)) return $"{name} needs a value, e.g. {name} {Example(type)}; {usage} lists the options.";
            if (token is not null && Kind(type) is { } kind) return $"{name} needs {kind} but got '{token}'.";
        }
        if (command is RootCommand && parse.Errors.Count > 0)
            return $"Name a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}; 'gandsl --help' describes them.";
        foreach (var argument in command.Arguments)
            if (argument.Arity.MinimumNumberOfValues > 0 && parse.GetResult(argument) is not { Tokens.Count: > 0 })
                return $"'gandsl {command.Name}' needs its {argument.Name} argument ({Lower(argument.Description)}); {usage} shows the usage.";
        foreach (var option in command.Options)
            if (option.Required && parse.GetResult(option) is not { IdentifierToken: not null })
                return $"'gandsl {command.Name}' needs {option.Name} ({Lower(option.Description)}).";
        var first = parse.Errors.Count > 0 ? parse.Errors[0].Message.TrimEnd('.') : "the command line cannot be read";
        return $"{first}; {usage} lists the options.";
    }

    private static string Unmatched(string token, Command command, string usage)
    {
        if (command is RootCommand)
            return $"'{token}' is not a gandsl command{Nearest(token, command.Subcommands.Select(c => c.Name))}; the commands are {string.Join(", ", command.Subcommands.Select(c => c.Name))}.";
        if (token.StartsWith('-'))
            return $"'{token}' is not an option of 'gandsl {command.Name}'{Nearest(token, command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))}; {usage} lists its options.";
        return $"'{token}' is one argument too many for 'gandsl {command.Name}'; {usage} shows its usage.";
    }

    /// <summary>
    /// The option or argument an error is about when the user gave it: its name, value type and last value token (null
    /// when given without one); null for errors about something not given (a required option left out).
    /// </summary>
    private static (string Name, Type Type, string? Token)? Given(SymbolResult? result) => result switch
    {
        OptionResult { IdentifierToken: not null } o => (o.Option.Name, o.Option.ValueType, o.Tokens.LastOrDefault()?.Value),
        ArgumentResult { Parent: OptionResult { IdentifierToken: not null } o } a => (o.Option.Name, a.Argument.ValueType, a.Tokens.LastOrDefault()?.Value),
        ArgumentResult { Tokens.Count: > 0 } a => ($"the {a.Argument.Name} argument", a.Argument.ValueType, a.Tokens[^1].Value),
        _ => null,
    };

    /// <summary>What a value of <paramref name="type"/> looks like, for the types gandsl's options have; null for text.</summary>
    private static string? Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(ulong) ? "a whole number of at least 0"
            : type == typeof(bool) ? "true or false"
            : null;
    }

    private static bool IsFlag(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);

    private static string Example(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(string) ? "VALUE" : "3";

    private static string Lower(string? description) =>
        string.IsNullOrEmpty(description) ? "see the help" : char.ToLowerInvariant(description[0]) + description[1..].TrimEnd('.');

    /// <summary>"; did you mean 'train'?" for the name nearest to <paramref name="token"/> (at most two edits away), else "".</summary>
    private static string Nearest(string token, IEnumerable<string> names)
    {
        var best = names.Distinct().Select(n => (Name: n, Distance: Distance(token, n))).Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (did you mean '{best.Name}'?)");
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
