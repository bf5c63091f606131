using System.CommandLine;
using GanDsl.Models;

namespace GanDsl.Cli.Commands;

/// <summary><c>gandsl summary MODEL [--batch-size N]</c>: torchinfo's tables for the model's generator and discriminator.</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model name from 'gandsl models'." };
        var batch = new Option<int>("--batch-size") { Description = "Batch size of the summary's input.", DefaultValueFactory = _ => 128 };
        var command = new Command("summary", "Print the torchinfo-style summary of a model's generator and discriminator.") { model, batch };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(model)!;
            var m = ModelCatalog.Find(name) ?? throw new UserError($"Unknown model '{name}'; run 'gandsl models' to list them.");
            int n = parse.GetValue(batch);
            if (n <= 0) throw new UserError($"--batch-size must be a positive integer but is {n}.");
            Console.WriteLine($"Generator of {m.Name}:");
            Console.WriteLine(m.GeneratorSummary.ToString(n));
            Console.WriteLine($"Discriminator of {m.Name}:");
            Console.WriteLine(m.DiscriminatorSummary.ToString(n));
            return 0;
        });
        return command;
    }
}
