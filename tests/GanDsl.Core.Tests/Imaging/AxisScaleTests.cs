using System.Globalization;
using CsCheck;
using GanDsl.Core.Tests;
using GanDsl.Imaging;

namespace GanDsl.Tests.Imaging;

public class AxisScaleTests
{
    [Theory]
    [InlineData(0.13, 1.87, new[] { "0.0", "0.5", "1.0", "1.5", "2.0" })]
    [InlineData(0, 1000, new[] { "0", "200", "400", "600", "800", "1000" })]
    [InlineData(-0.3, 0.25, new[] { "-0.4", "-0.2", "0.0", "0.2", "0.4" })]
    public void TicksAreRoundValuesWithMatchingDecimals(double lo, double hi, string[] expected)
    {
        var scale = AxisScale.Create(lo, hi);
        Assert.Equal(expected, scale.Ticks().Select(scale.Label));
    }

    [Fact]
    public void TicksCoverTheRangeAtOneTwoOrFiveTimesAPowerOfTen() =>
        Gen.Select(Sized.NormalFloat, Sized.NormalFloat).ForAll((a, b) =>
    {
        double lo = Math.Min(a, b) % 1e12, hi = Math.Max(a, b) % 1e12;
        if (lo > hi) (lo, hi) = (hi, lo);
        var scale = AxisScale.Create(lo, hi);
        var ticks = scale.Ticks();
        double mantissa = scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step)));
        bool nice = new[] { 1.0, 2.0, 5.0, 10.0 }.Any(m => Math.Abs(mantissa - m) < 1e-9);
        Assert.True(nice && scale.Min <= lo && scale.Max >= hi && scale.Max > scale.Min
                && ticks.Count is >= 2 and <= 12 && ticks.All(double.IsFinite),
            $"lo={lo} hi={hi} step={scale.Step} ticks={ticks.Count}");
    }, iter: 100);

    [Fact]
    public void LabelsParseBackInInvariantCultureAndAreDistinct() =>
        Gen.Select(Sized.NormalFloat, Sized.PositiveInt).ForAll((a, span) =>
    {
        double lo = a % 1e6;
        var scale = AxisScale.Create(lo, lo + span * 0.001);
        var labels = scale.Ticks().Select(scale.Label).ToList();
        bool parse = labels.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        Assert.True(parse && labels.Distinct().Count() == labels.Count, string.Join(" ", labels));
    }, iter: 100);

    [Fact]
    public void IntegerStepsNeverGoBelowOne()
    {
        var scale = AxisScale.Create(3, 5, integerSteps: true);
        Assert.Equal(1, scale.Step);
        Assert.Equal(["3", "4", "5"], scale.Ticks().Select(scale.Label));
    }

    [Theory]
    [InlineData(0.7, 0.7)]
    [InlineData(0, 0)]
    [InlineData(double.NaN, 1)]
    [InlineData(double.NegativeInfinity, double.PositiveInfinity)]
    public void DegenerateRangesAreWidened(double lo, double hi)
    {
        var scale = AxisScale.Create(lo, hi);
        Assert.True(scale.Max > scale.Min);
        Assert.True(double.IsFinite(scale.ToPixel(double.IsFinite(lo) ? lo : 0, 0, 100)));
    }
}
