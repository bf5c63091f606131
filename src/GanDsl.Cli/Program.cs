using System.CommandLine;
using System.CommandLine.Invocation;
using GanDsl.Cli;
using GanDsl.Cli.Bench;
using GanDsl.Cli.Commands;

var root = new RootCommand("gandsl: declare, train, sample and evaluate GANs.")
{
    ModelsCommand.Create(),
    SummaryCommand.Create(),
    TrainCommand.Create(),
    SampleCommand.Create(),
    EvaluateCommand.Create(),
    ExportCommand.Create(),
    BenchCommand.Create(),
};

try
{
    var parse = root.Parse(args);
    if (parse.Action is ParseErrorAction)
    {
        Console.Error.WriteLine(ParseErrors.Describe(parse));
        return ParseErrors.ExitCode;
    }
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (UserErrors.Describe(e) is { } message)
{
    Console.Error.WriteLine(message);
    return 2;
}
