using System.Globalization;
using GanDsl.Cli.Runs;
using GanDsl.Examples;

namespace GanDsl.Cli.Commands;

/// <summary>The seven-bit toy's own quality measure: how many generated numbers are even, and how many distinct even ones.</summary>
internal static class SevenBitEvaluation
{
    public static string Json(TrainedRun run, int samples, ulong seed)
    {
        var x = run.Sample(samples, seed);
        int even = 0;
        var distinct = new HashSet<int>();
        for (int i = 0; i < samples; i++)
        {
            int number = SevenBitData.FromBits(x.Data.AsSpan(i * SevenBitData.Bits, SevenBitData.Bits));
            if (number % 2 != 0) continue;
            even++;
            distinct.Add(number);
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"even_fraction\": {(double)even / samples}, \"distinct_even\": {distinct.Count}, \"samples\": {samples}}}");
    }
}
