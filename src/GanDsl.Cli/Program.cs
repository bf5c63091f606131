using System.CommandLine;
using GanDsl.Cli;
using GanDsl.Cli.Bench;

var root = new RootCommand("gandsl: declare, train, sample and evaluate GANs.")
{
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
