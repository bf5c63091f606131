using System.CommandLine;
using System.Globalization;
using GanDsl.Cli.Engines;
using GanDsl.Cli.Evaluation;
using GanDsl.Cli.Runs;
using GanDsl.Evaluation;
using GanDsl.Models;

namespace GanDsl.Cli.Commands;

/// <summary>
/// <c>gandsl evaluate RUN [--samples N] [--truncation T] [--json] [--engine E] [--device D]</c>: quality of a run's latest generator (sampled on
/// the engine asked for, the managed one by default); and
/// <c>gandsl evaluate --images FILE.idx --dataset NAME [--labels LABELS.idx] [--dataset-dir DIR] [--json]</c>: quality of any IDX
/// file of 28x28 images, with the conditional accuracy when the class asked of each image is given.
/// </summary>
internal static class EvaluateCommand
{
    private const int DefaultImageSamples = 10000;

    public static Command Create()
    {
        var run = new Argument<string?>("run") { Description = "A run folder written by 'gandsl train' or by Adversarial.Train in your program.", Arity = ArgumentArity.ZeroOrOne };
        var samples = new Option<int?>("--samples") { Description = "Number of generated samples to score (default 10000, or the model's own default where it has a measure of its own)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var images = new Option<string?>("--images") { Description = "Score this IDX file of 28x28 u8 images instead of a run (needs --dataset)." };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset --images is compared with: mnist or fashion-mnist." };
        var datasetDir = new Option<string?>("--dataset-dir") { Description = "Read --dataset's files from this folder instead of the standard places." };
        var labels = new Option<string?>("--labels") { Description = "With --images: an IDX label file of the class asked of each image (a conditional generator's), to score the conditional accuracy." };
        var truncation = new TruncationOption();
        var engines = new EngineOptions();
        var threads = new ThreadsOption();
        var command = new Command("evaluate", "Score generated images: Fréchet distance and KID on a domain classifier's features, classifier score, coverage.")
            { run, samples, truncation.Option, json, images, dataset, datasetDir, labels };
        engines.AddTo(command);
        command.Options.Add(threads.Option);
        command.SetAction(parse =>
        {
            var log = (string line) => Console.Error.WriteLine(line);
            int? threadCount = threads.Read(parse);
            bool asJson = parse.GetValue(json);
            int? n = parse.GetValue(samples);
            if (n is <= 0) throw new UserError($"--samples must be positive but is {n}.");
            var bound = truncation.Read(parse);
            if (parse.GetValue(images) is { } file)
            {
                if (parse.GetValue(run) is { } folder) throw new UserError($"Pass either a run folder ({folder}) or --images, not both.");
                if (n is not null) throw new UserError("--samples does not apply to --images, which scores every image in the file; drop it.");
                if (bound is not null) throw new UserError("--truncation shapes the noise a run's generator draws from; --images generates nothing, so drop it.");
                if (parse.GetValue(engines.Engine) is not null || parse.GetValue(engines.Device) is not null)
                    throw new UserError("--engine and --device choose where a run's generator draws its samples; --images generates nothing, so drop them.");
                var name = parse.GetValue(dataset) ?? throw new UserError("--images needs --dataset NAME (mnist or fashion-mnist) to compare the images with.");
                if (threadCount is { } imageThreads) ThreadsOption.Apply(imageThreads, null);
                var report = ImageQuality.OfImages(file, parse.GetValue(labels), name, parse.GetValue(datasetDir), log);
                Print(report, asJson, $"{Path.GetFileName(file)} against the {name} test split");
                return 0;
            }
            if (parse.GetValue(dataset) is not null || parse.GetValue(datasetDir) is not null || parse.GetValue(labels) is not null)
                throw new UserError("--dataset, --dataset-dir and --labels go with --images; a run is compared with the dataset it trained on, and a conditional run's labels are its own.");
            var runFolder = parse.GetValue(run) ?? throw new UserError("Name the run folder to evaluate, or pass --images FILE.idx --dataset NAME.");
            var choice = engines.Read(parse);
            if (threadCount is { } runThreads) ThreadsOption.Apply(runThreads, choice);
            using var trained = TrainedRun.Open(runFolder, choice);
            if (trained.Model.Evaluation is { } own)
            {
                Console.WriteLine(OwnMeasureJson(trained, own, n ?? own.DefaultSamples, bound));
                return 0;
            }
            var runReport = ImageQuality.OfRun(trained, n ?? DefaultImageSamples, log, bound);
            Print(runReport, asJson, $"{trained.Model.Name} at step {trained.Step} against the {trained.Info.Dataset} test split"
                + (bound is { } t ? $", noise truncated to ±{t.ToString(CultureInfo.InvariantCulture)}" : ""));
            return 0;
        });
        return command;
    }

    /// <summary>A model's own measure of <paramref name="samples"/> samples (noise seed 0), with the count, as one JSON object.</summary>
    private static string OwnMeasureJson(TrainedRun run, ModelEvaluation measure, int samples, float? truncation)
    {
        var values = measure.Score(run.Sample(samples, seed: 0, truncation: truncation)).Append(new("samples", samples));
        if (truncation is { } bound) values = values.Append(new("truncation", bound));
        return "{" + string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"\"{v.Key}\": {v.Value}"))) + "}";
    }

    private static void Print(QualityReport report, bool asJson, string title)
    {
        if (asJson) Console.WriteLine(report.ToJson());
        else CliConsole.Out.Write(ReportTable.Create(report, title));
    }
}
