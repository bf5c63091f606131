// Trains PictureGan (Nets.cs) on a folder of pictures, or on discs it draws itself, and writes samples:
//   dotnet run -c Release -- photos/ --epochs 15 --out runs/mine
// Without a folder it trains 15 epochs on ToyShapes (960 steps, about a minute on 2 cores): coloured discs by then.
// The run folder is the one 'gandsl train' writes, so 'gandsl sample runs/mine --out grid.png', 'gandsl evaluate' and
// 'gandsl train --resume runs/mine' work on it too.
using System.Globalization;
using GanDsl.Images;
using GanDsl.Imaging;
using GanDsl.Runs;
using GanDsl.Training;
using MyGan;

string? folder = null;
int epochs = 15, batchSize = 32;
string output = "runs/mygan";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs" when i + 1 < args.Length: epochs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--batch-size" when i + 1 < args.Length: batchSize = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        default: folder = args[i]; break;
    }
}

var gan = new PictureGan(seed: 42);
// DCGAN's recipe: Adam 2e-4 with beta1 0.5; the run folder keeps a checkpoint every 500 steps and at the end.
var config = TrainingConfig.Default with
{
    Epochs = epochs, BatchSize = batchSize, Optimizer = OptimizerKind.Adam, WeightDecay = 0f, CheckpointIntervalSteps = 500, SampleCount = 64,
};

// Every picture is checked and decoded (then cached) before the first step; a bad one stops here with one sentence.
using var pictures = folder is null ? null : ImageFolder.Load(folder, gan.Discriminator.InputShape, log: Console.WriteLine);
ITrainingData data = pictures is null ? new ToyShapes() : pictures;

var run = Adversarial.Train(gan, data, config, new ConsoleProgressObserver(), runDirectory: output);

// The latest generator, taken back from the run folder as any later program would, and 16 samples from it.
var generator = RunFolder.Open(output).LoadGenerator<PictureGan>();
var samplesPath = Path.Combine(output, "my-samples.png");
SampleGrid.Save(Sampling.Draw(generator, 16, seed: 7), samplesPath);
Console.WriteLine($"Trained {run.Steps} steps; run folder {Path.GetFullPath(output)}; samples in {samplesPath}");
