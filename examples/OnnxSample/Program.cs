// Loads a generator exported by GanDsl ('gandsl export RUN --onnx generator.onnx') with ONNX Runtime, draws a grid of
// samples from seeded noise and writes it as a PNG:
//   dotnet run --project examples/OnnxSample -- generator.onnx grid.png [--count 64] [--seed 1] [--label K]
using System.Globalization;
using OnnxSample;

try
{
    var (model, output, count, seed, label) = Arguments.Parse(args);
    using var generator = new ExportedGenerator(model);
    if (label is { } k && (!generator.IsConditional || k < 0 || k >= generator.Classes))
        throw new ArgumentException(generator.IsConditional
            ? $"--label must be between 0 and {generator.Classes - 1} for {generator.Name} but is {k}."
            : $"{generator.Name} is not conditional; drop --label.");

    var z = Noise.Normal(count * generator.LatentDim, seed);
    long[]? labels = generator.IsConditional ? Enumerable.Range(0, count).Select(i => (long)(label ?? i % generator.Classes)).ToArray() : null;
    var samples = generator.Generate(z, count, labels);
    int scale = generator.SampleShape[^1] < 64 ? 2 : 1;
    var (width, height) = SampleGrid.WritePng(output, samples, count, generator.SampleShape, generator.Range, scale);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Drew {count} samples of {generator.Name}{(generator.Step is { } step ? $" (step {step})" : "")} with ONNX Runtime into {output} ({width}x{height})."));
    return 0;
}
catch (Exception e) when (e is ArgumentException or IOException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
