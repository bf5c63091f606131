using System.CommandLine;
using GanDsl.Cli;
using GanDsl.Cli.Bench;
using GanDsl.Cli.Commands;

var root = new RootCommand("gandsl: declare, train, sample and evaluate GANs.")
{
    ModelsCommand.Create(),
    SummaryCommand.Create(),
    BenchCommand.Create(),
};

try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UserError e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
