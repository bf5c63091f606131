using System.CommandLine;
using System.Globalization;
using GanDsl.Tensors;

namespace GanDsl.Cli.Runs;

/// <summary>
/// <c>--truncation T</c> on sample and evaluate: draw the generator's noise from N(0, 1) cut to ±T (BigGAN's truncation
/// trick), trading variety for typical samples. Left out, the noise is plain N(0, 1), as in training.
/// </summary>
internal sealed class TruncationOption
{
    public Option<float?> Option { get; } = new("--truncation")
    {
        Description = "Draw the noise from N(0, 1) truncated to ±T (e.g. 0.5): more typical, less varied samples. Default: no truncation.",
    };

    /// <summary>The bound asked for, checked; null when not given.</summary>
    public float? Read(ParseResult parse)
    {
        if (parse.GetValue(Option) is not { } bound) return null;
        if (!float.IsFinite(bound) || bound < Rng.MinTruncation)
            throw new UserError($"--truncation must be a number of at least {Rng.MinTruncation.ToString(CultureInfo.InvariantCulture)} "
                + $"(smaller bounds reject almost every draw) but is {bound.ToString(CultureInfo.InvariantCulture)}.");
        return bound;
    }
}
