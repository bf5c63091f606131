using System.CommandLine;
using GanDsl.Cli.Models;

namespace GanDsl.Cli.Commands;

/// <summary>
/// <c>gandsl summary MODEL [--from ASSEMBLY.dll] [--batch-size N]</c>: torchinfo's tables for the model's generator and
/// discriminator, at the batch size the model trains with unless another is given.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model name from 'gandsl models', or a GAN pair of the --from assembly." };
        var from = new Option<string?>("--from") { Description = "The built assembly (.dll) declaring the pair, e.g. bin/Release/net10.0/MyApp.dll." };
        var batch = new Option<int?>("--batch-size") { Description = "Batch size of the summary's input (default: the batch size the model trains with)." };
        var command = new Command("summary", "Print the torchinfo-style summary of a model's generator and discriminator.") { model, from, batch };
        command.SetAction(parse =>
        {
            var m = ModelLookup.Find(parse.GetValue(model)!, parse.GetValue(from));
            int n = parse.GetValue(batch) ?? m.Config.BatchSize;
            if (n <= 0) throw new UserError($"--batch-size must be a positive integer but is {n}.");
            if (m.GeneratorSummary is not { } g || m.DiscriminatorSummary is not { } d)
                throw new UserError($"{m.Name}'s nets have no compile-time summary (only nets declared with [GanGenerator] and [GanDiscriminator] get one).");
            Console.WriteLine($"Generator of {m.Name}:");
            Console.WriteLine(g.ToString(n));
            Console.WriteLine($"Discriminator of {m.Name}:");
            Console.WriteLine(d.ToString(n));
            return 0;
        });
        return command;
    }
}
