using CsCheck;
using GanDsl.Tests;
using Xunit.Sdk;

namespace GanDsl.Core.Tests;

/// <summary>The suite's way to run a property (<see cref="Properties"/>) keeps its promises.</summary>
public class PropertyTestingTests
{
    [Fact]
    public void A_property_runs_its_cases_and_a_false_one_is_reported_with_its_smallest_counterexample()
    {
        int cases = 0;
        Gen.Int.ForAll(_ => Interlocked.Increment(ref cases), iter: 37);
        Assert.Equal(37, cases);

        // "Every array of up to 20 ints in 0 … 100 sums below 100": most arrays of three or more break it, so the first
        // failure is a long array. CsCheck orders arrays by length, then by their elements, so the smallest counterexample
        // is the single element 100; 100 cases alone seldom reach it, the shrinking after them always does.
        var failure = Assert.Throws<CsCheckException>(() =>
            Gen.Int[0, 100].Array[0, 20].ForAll(values => values.Sum() < 100, iter: 100));

        var lines = failure.Message.Split('\n');
        Assert.StartsWith("Set seed: \"", lines[0]); // the seed that replays the reported case
        Assert.Equal("[100]", lines[^1].Trim());
        Assert.IsType<TrueException>(failure.InnerException);
    }
}
