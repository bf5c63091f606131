using System.Globalization;

namespace GanDsl.ImageBench;

/// <summary>The command line of the image decoding benchmark.</summary>
internal sealed record BenchOptions
{
    public string? Directory { get; init; }
    public int Count { get; init; } = 2000;
    public int Size { get; init; } = 256;
    public string Format { get; init; } = "mixed";
    public int[] Shape { get; init; } = [3, 64, 64];
    public int Threads { get; init; }
    public int Batch { get; init; } = 128;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            options = args[i] switch
            {
                "--dir" => options with { Directory = value },
                "--count" => options with { Count = Int(value) },
                "--size" => options with { Size = Int(value) },
                "--format" => options with { Format = value },
                "--shape" => options with { Shape = value.Split(',').Select(Int).ToArray() },
                "--threads" => options with { Threads = Int(value) },
                "--batch" => options with { Batch = Int(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; see the comment at the top of Program.cs."),
            };
        }
        return options;
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
