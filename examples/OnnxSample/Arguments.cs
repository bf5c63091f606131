using System.Globalization;

namespace OnnxSample;

/// <summary>The command line: MODEL.onnx OUT.png [--count N] [--seed N] [--label K].</summary>
internal static class Arguments
{
    public const string Usage = "usage: OnnxSample MODEL.onnx OUT.png [--count N] [--seed N] [--label K]";

    public static (string Model, string Output, int Count, int Seed, int? Label) Parse(string[] args)
    {
        var positional = new List<string>();
        int count = 64, seed = 1;
        int? label = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count": count = Int(args, ++i, "--count", min: 1); break;
                case "--seed": seed = Int(args, ++i, "--seed", min: 0); break;
                case "--label": label = Int(args, ++i, "--label", min: 0); break;
                default: positional.Add(args[i]); break;
            }
        }
        if (positional.Count != 2) throw new ArgumentException(Usage);
        if (!File.Exists(positional[0]))
            throw new ArgumentException($"{positional[0]} does not exist; write it with 'gandsl export RUN --onnx {positional[0]}'.");
        return (positional[0], positional[1], count, seed, label);
    }

    private static int Int(string[] args, int index, string name, int min) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min ? value
            : throw new ArgumentException($"{name} needs a whole number of at least {min}; {Usage}.");
}
