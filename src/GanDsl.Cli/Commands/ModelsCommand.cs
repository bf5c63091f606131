using System.CommandLine;
using System.Globalization;
using GanDsl.Models;
using Spectre.Console;

namespace GanDsl.Cli.Commands;

/// <summary><c>gandsl models</c>: the registered reference GANs with their datasets and parameter counts.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "List the reference GANs you can train.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("model", "dataset", "G params", "D params", "description");
            foreach (var m in ModelCatalog.All)
                table.AddRow(m.Name, m.Dataset, Count(m.GeneratorSummary.TotalParams), Count(m.DiscriminatorSummary.TotalParams), Markup.Escape(m.Description));
            CliConsole.Out.Write(table);
            return 0;
        });
        return command;
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
