using System.Globalization;
using System.Xml.Linq;
using GanDsl.IO;

namespace GanDsl.Imaging;

/// <summary>
/// Draws <c>RUN/losses.svg</c>: the discriminator's and the generator's loss over training steps as two
/// polylines with a legend, an x axis "step" and a y axis "loss" with ticks at round values.
/// Values that are not finite are left out, so the SVG never holds NaN or infinity.
/// </summary>
public static class LossPlot
{
    /// <summary>The SVG's width in pixels unless another is given.</summary>
    public const int DefaultWidth = 800;
    /// <summary>The SVG's height in pixels unless another is given.</summary>
    public const int DefaultHeight = 450;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string DColor = "#1f77b4";
    private const string GColor = "#ff7f0e";
    // Plot margins in pixels: room for tick labels on the left and bottom, the title on top.
    private const double Left = 70, Right = 20, Top = 40, Bottom = 55;
    // Above this many points per pixel column a series is thinned to each column's extremes.
    private const int PointsPerColumn = 2;

    /// <summary>The SVG document as text.</summary>
    public static string Render(IReadOnlyList<(long Step, double DLoss, double GLoss)> points,
        int width = DefaultWidth, int height = DefaultHeight, string title = "GAN losses")
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(title);
        if (width < 200 || height < 150)
            throw new ArgumentOutOfRangeException(nameof(width), $"A loss plot needs at least 200×150 pixels but got {width}×{height}.");

        var d = Series(points, p => p.DLoss);
        var g = Series(points, p => p.GLoss);
        var xs = points.Select(p => (double)p.Step).ToList();
        var ys = d.Concat(g).Select(p => p.Y).ToList();
        var x = XScale(xs);
        var y = ys.Count == 0 ? AxisScale.Create(0, 1) : AxisScale.Create(ys.Min(), ys.Max());

        double plotLeft = Left, plotRight = width - Right, plotTop = Top, plotBottom = height - Bottom;
        var root = new XElement(Svg + "svg",
            new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(width / 2.0, Top / 2 + 5, title, "middle", ("font-size", "16")));

        var xAxis = new XElement(Svg + "g", new XAttribute("class", "x-axis"));
        foreach (var t in x.Ticks())
        {
            double px = x.ToPixel(t, plotLeft, plotRight);
            xAxis.Add(Line(px, plotTop, px, plotBottom, "#e0e0e0"), Line(px, plotBottom, px, plotBottom + 5, "black"),
                Text(px, plotBottom + 19, x.Label(t), "middle", ("class", "tick")));
        }
        xAxis.Add(Line(plotLeft, plotBottom, plotRight, plotBottom, "black"),
            Text((plotLeft + plotRight) / 2, height - 12, "step", "middle", ("class", "axis-label")));

        var yAxis = new XElement(Svg + "g", new XAttribute("class", "y-axis"));
        foreach (var t in y.Ticks())
        {
            double py = y.ToPixel(t, plotBottom, plotTop);
            yAxis.Add(Line(plotLeft, py, plotRight, py, "#e0e0e0"), Line(plotLeft - 5, py, plotLeft, py, "black"),
                Text(plotLeft - 8, py + 4, y.Label(t), "end", ("class", "tick")));
        }
        double midY = (plotTop + plotBottom) / 2;
        yAxis.Add(Line(plotLeft, plotTop, plotLeft, plotBottom, "black"),
            Text(18, midY, "loss", "middle", ("class", "axis-label"), ("transform", $"rotate(-90 18 {Num(midY)})")));

        root.Add(xAxis, yAxis);
        int columns = Math.Max(1, (int)(plotRight - plotLeft));
        root.Add(Curve(d, "d-loss", DColor, x, y, plotLeft, plotRight, plotTop, plotBottom, columns));
        root.Add(Curve(g, "g-loss", GColor, x, y, plotLeft, plotRight, plotTop, plotBottom, columns));
        root.Add(Legend(plotRight - 90, plotTop + 8));
        return root.ToString(SaveOptions.None) + "\n";
    }

    /// <summary>Writes the SVG (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteFile(string path, IReadOnlyList<(long Step, double DLoss, double GLoss)> points,
        int width = DefaultWidth, int height = DefaultHeight, string title = "GAN losses")
    {
        AtomicFile.WriteAllText(path, Render(points, width, height, title));
    }

    private static List<(double X, double Y)> Series(IReadOnlyList<(long Step, double DLoss, double GLoss)> points,
        Func<(long Step, double DLoss, double GLoss), double> value)
    {
        var series = new List<(double X, double Y)>(points.Count);
        foreach (var p in points)
        {
            double v = value(p);
            // Huge finite losses are capped so that axis arithmetic cannot overflow to infinity.
            if (double.IsFinite(v)) series.Add((p.Step, Math.Clamp(v, -1e30, 1e30)));
        }
        series.Sort((a, b) => a.X.CompareTo(b.X));
        return series;
    }

    private static AxisScale XScale(List<double> steps)
    {
        if (steps.Count == 0) return AxisScale.Create(0, 1, integerSteps: true);
        double lo = steps.Min(), hi = steps.Max();
        if (lo == hi) (lo, hi) = lo >= 0 ? (Math.Max(0, lo - 1), hi + 1) : (lo - 1, hi + 1);
        return AxisScale.Create(lo, hi, integerSteps: true);
    }

    private static IEnumerable<XElement> Curve(List<(double X, double Y)> series, string cssClass, string color,
        AxisScale x, AxisScale y, double left, double right, double top, double bottom, int columns)
    {
        var pixels = series.Select(p => (X: x.ToPixel(p.X, left, right), Y: y.ToPixel(p.Y, bottom, top))).ToList();
        if (pixels.Count > columns * PointsPerColumn) pixels = Thin(pixels, left, right, columns);
        var text = string.Join(" ", pixels.Select(p => Num(p.X) + "," + Num(p.Y)));
        yield return new XElement(Svg + "polyline", new XAttribute("class", cssClass), new XAttribute("fill", "none"),
            new XAttribute("stroke", color), new XAttribute("stroke-width", "1.5"), new XAttribute("points", text));
        if (pixels.Count == 1) // a one-point polyline draws nothing, so mark the point
            yield return new XElement(Svg + "circle", new XAttribute("class", cssClass), new XAttribute("cx", Num(pixels[0].X)),
                new XAttribute("cy", Num(pixels[0].Y)), new XAttribute("r", "3"), new XAttribute("fill", color));
    }

    /// <summary>Keeps, per pixel column, the lowest and the highest point in step order: spikes survive, the file stays small.</summary>
    private static List<(double X, double Y)> Thin(List<(double X, double Y)> pixels, double left, double right, int columns)
    {
        var kept = new List<(double X, double Y)>(columns * PointsPerColumn);
        int i = 0;
        while (i < pixels.Count)
        {
            int column = Column(pixels[i].X);
            int low = i, high = i, j = i;
            for (; j < pixels.Count && Column(pixels[j].X) == column; j++)
            {
                if (pixels[j].Y > pixels[low].Y) low = j;   // larger pixel y = lower value
                if (pixels[j].Y < pixels[high].Y) high = j;
            }
            kept.Add(pixels[Math.Min(low, high)]);
            if (low != high) kept.Add(pixels[Math.Max(low, high)]);
            i = j;
        }
        return kept;

        int Column(double px) => Math.Clamp((int)((px - left) / (right - left) * columns), 0, columns - 1);
    }

    private static XElement Legend(double x, double y) =>
        new(Svg + "g", new XAttribute("class", "legend"),
            new XElement(Svg + "rect", new XAttribute("x", Num(x - 8)), new XAttribute("y", Num(y - 4)), new XAttribute("width", "88"),
                new XAttribute("height", "44"), new XAttribute("fill", "white"), new XAttribute("fill-opacity", "0.85"),
                new XAttribute("stroke", "#999999")),
            Line(x, y + 8, x + 22, y + 8, DColor, "2"), Text(x + 28, y + 12, "D loss", "start"),
            Line(x, y + 28, x + 22, y + 28, GColor, "2"), Text(x + 28, y + 32, "G loss", "start"));

    private static XElement Line(double x1, double y1, double x2, double y2, string color, string width = "1") =>
        new(Svg + "line", new XAttribute("x1", Num(x1)), new XAttribute("y1", Num(y1)), new XAttribute("x2", Num(x2)),
            new XAttribute("y2", Num(y2)), new XAttribute("stroke", color), new XAttribute("stroke-width", width));

    private static XElement Text(double x, double y, string content, string anchor, params (string Name, string Value)[] extra)
    {
        var e = new XElement(Svg + "text", new XAttribute("x", Num(x)), new XAttribute("y", Num(y)),
            new XAttribute("text-anchor", anchor), content);
        foreach (var (name, value) in extra) e.Add(new XAttribute(name, value));
        return e;
    }

    /// <summary>A pixel coordinate with two decimals, invariant culture.</summary>
    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
