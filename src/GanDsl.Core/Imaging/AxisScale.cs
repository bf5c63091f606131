using System.Globalization;

namespace GanDsl.Imaging;

/// <summary>
/// One plot axis: a data range widened to round tick values (1, 2 or 5 × 10^k apart, Heckbert's
/// "nice numbers"), the mapping from data to pixels, and invariant-culture tick labels.
/// </summary>
internal sealed class AxisScale
{
    private const int MaxTicks = 50;

    private AxisScale(double min, double max, double step)
    {
        Min = min;
        Max = max;
        Step = step;
    }

    public double Min { get; }
    public double Max { get; }
    public double Step { get; }

    /// <summary>
    /// A scale covering [<paramref name="lo"/>, <paramref name="hi"/>] with about <paramref name="targetTicks"/> ticks.
    /// An empty or one-value range is widened so the scale never divides by zero.
    /// <paramref name="integerSteps"/> keeps ticks on whole numbers (training steps).
    /// </summary>
    public static AxisScale Create(double lo, double hi, int targetTicks = 6, bool integerSteps = false)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) (lo, hi) = (0, 1);
        if (lo > hi) (lo, hi) = (hi, lo);
        if (hi - lo <= Math.Abs(hi) * 1e-12 || hi - lo < double.Epsilon * 1e3)
        {
            double half = Math.Max(Math.Abs(lo) * 0.1, 0.5);
            (lo, hi) = (lo - half, hi + half);
        }
        double step = NiceNumber(NiceNumber(hi - lo, round: false) / Math.Max(1, targetTicks - 1), round: true);
        if (integerSteps) step = Math.Max(1, Math.Round(step));
        double min = Math.Floor(lo / step) * step;
        double max = Math.Ceiling(hi / step) * step;
        if (max <= min) max = min + step;
        return new AxisScale(min, max, step);
    }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>, computed by index so errors do not accumulate.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double>();
        for (int i = 0; i < MaxTicks; i++)
        {
            double v = Min + i * Step;
            if (v > Max + Step * 1e-6) break;
            ticks.Add(Math.Abs(v) < Step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    /// <summary>Where <paramref name="value"/> falls between <paramref name="fromPixel"/> (at Min) and <paramref name="toPixel"/> (at Max).</summary>
    public double ToPixel(double value, double fromPixel, double toPixel) =>
        fromPixel + (value - Min) / (Max - Min) * (toPixel - fromPixel);

    /// <summary>A tick label with just the decimals the step needs, e.g. 0.5, 1.0, 1.5 or 0, 500, 1000.</summary>
    public string Label(double value)
    {
        double magnitude = Math.Max(Math.Abs(Min), Math.Abs(Max));
        if (magnitude >= 1e7 || Step < 1e-5)
            return value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static double NiceNumber(double x, bool round)
    {
        double exponent = Math.Floor(Math.Log10(x));
        double power = Math.Pow(10, exponent);
        double fraction = x / power;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
