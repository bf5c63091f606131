using System.CommandLine;
using GanDsl.Cli.Models;
using GanDsl.Onnx;
using GanDsl.Runs;

namespace GanDsl.Cli.Commands;

/// <summary>
/// <c>gandsl export RUN_DIR --onnx FILE [--ema] [--opset N]</c>: the generator of a run's latest checkpoint as an ONNX
/// file that ONNX Runtime runs (see docs/onnx.md).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "A run folder written by 'gandsl train' or by Adversarial.Train in your program." };
        var onnx = new Option<string>("--onnx") { Description = "The ONNX file to write the generator to.", Required = true };
        var ema = new Option<bool>("--ema") { Description = "Export the generator's moving average (runs trained with EmaDecay > 0) rather than its latest weights." };
        var opset = new Option<int>("--opset")
        {
            Description = $"The ONNX opset to write, {OnnxExport.MinimumOpset} to {OnnxExport.MaximumOpset}.",
            DefaultValueFactory = _ => OnnxExport.DefaultOpset,
        };
        var command = new Command("export", "Export a trained run's generator as an ONNX file.") { run, onnx, ema, opset };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(run)!, path = parse.GetValue(onnx)!;
            var info = RunFolder.Open(folder).Info;
            var model = ModelLookup.ForRun(info, folder); // a reference model, or the pair of the assembly run.json names
            var generator = model.Create(0).Generator;   // its weights (and stage) come from the checkpoint
            OnnxRunExport exported;
            try
            {
                exported = OnnxExport.SaveFromRun(folder, generator, path, parse.GetValue(ema), new OnnxExportOptions { Opset = parse.GetValue(opset) });
            }
            catch (OnnxExportException e)
            {
                throw new UserError(e.Message);
            }
            string inputs = $"z [N, {generator.LatentDim}]" + (generator.Classes > 0 ? $" and label [N] (int64, 0 to {generator.Classes - 1})" : "");
            Console.WriteLine($"Wrote the {(exported.Ema ? "averaged" : "latest")} generator of {model.Name} (step {exported.Step}) to {path}: "
                + $"ONNX IR {OnnxExport.IrVersion}, opset {parse.GetValue(opset)}, inputs {inputs}, output [N, {string.Join(", ", generator.OutputShape)}].");
            return 0;
        });
        return command;
    }
}
