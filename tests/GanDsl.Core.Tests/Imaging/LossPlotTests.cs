using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GanDsl.Imaging;

namespace GanDsl.Tests.Imaging;

public class LossPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<(long Step, double DLoss, double GLoss)> Losses(int count) =>
        Enumerable.Range(0, count).Select(i => ((long)i * 10, 1.4 - 0.5 * Math.Tanh(i / 20.0), 0.7 + 0.6 * Math.Tanh(i / 30.0))).ToList();

    private static List<(double X, double Y)> Points(XElement polyline) =>
        polyline.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();

    [Fact]
    public void RendersWellFormedSvgWithTwoCurvesLegendAxesAndTickLabels()
    {
        var doc = XDocument.Parse(LossPlot.Render(Losses(100)));
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var lines = doc.Descendants(Svg + "polyline").ToList();
        Assert.Equal(["d-loss", "g-loss"], lines.Select(l => l.Attribute("class")!.Value));
        Assert.All(lines, l => Assert.Equal(100, Points(l).Count));
        Assert.All(lines, l => Assert.True(Points(l).Select(p => p.X).SequenceEqual(Points(l).Select(p => p.X).Order())));

        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("step", texts);
        Assert.Contains("loss", texts);
        Assert.Contains("D loss", texts);
        Assert.Contains("G loss", texts);
        var xTicks = Ticks(doc, "x-axis");
        var yTicks = Ticks(doc, "y-axis");
        Assert.Equal(["0", "200", "400", "600", "800", "1000"], xTicks);
        Assert.Equal(["0.6", "0.8", "1.0", "1.2", "1.4"], yTicks);
    }

    private static List<string> Ticks(XDocument doc, string axis) =>
        doc.Descendants(Svg + "g").Single(g => g.Attribute("class")!.Value == axis)
            .Elements(Svg + "text").Where(t => t.Attribute("class")?.Value == "tick").Select(t => t.Value).ToList();

    [Fact]
    public void HigherLossIsDrawnHigherOnThePage()
    {
        var doc = XDocument.Parse(LossPlot.Render([(0, 2.0, 1.0), (1, 1.0, 1.0)]));
        var d = Points(doc.Descendants(Svg + "polyline").First());
        Assert.True(d[0].Y < d[1].Y); // SVG's y grows downwards
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ZeroOrOnePointStillGivesAValidPlot(int count)
    {
        var svg = LossPlot.Render(Losses(count));
        var doc = XDocument.Parse(svg);
        Assert.Equal(2, doc.Descendants(Svg + "polyline").Count());
        Assert.Equal(count == 1 ? 2 : 0, doc.Descendants(Svg + "circle").Count());
        Assert.True(Ticks(doc, "x-axis").Count >= 2);
        Assert.True(Ticks(doc, "y-axis").Count >= 2);
        Assert.DoesNotMatch("NaN|Infinity|∞", svg);
    }

    [Fact]
    public void NonFiniteAndHugeValuesNeverReachTheSvg()
    {
        var svg = LossPlot.Render([(0, double.NaN, 1), (5, double.PositiveInfinity, 2), (9, 1e300, double.NegativeInfinity), (12, -3, double.MaxValue)]);
        Assert.DoesNotMatch("NaN|Infinity|∞", svg);
        var doc = XDocument.Parse(svg);
        var lines = doc.Descendants(Svg + "polyline").Select(Points).ToList();
        Assert.Equal([2, 3], lines.Select(l => l.Count));
        Assert.All(lines.SelectMany(l => l), p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y)));
    }

    [Fact]
    public void NumbersUseTheInvariantCultureWhateverTheCurrentOne()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var saved = CultureInfo.CurrentCulture;
        string svg;
        try
        {
            CultureInfo.CurrentCulture = comma;
            svg = LossPlot.Render(Losses(50));
        }
        finally { CultureInfo.CurrentCulture = saved; }
        Assert.Equal(LossPlot.Render(Losses(50)), svg);
        Assert.Contains(Ticks(XDocument.Parse(svg), "y-axis"), t => t.Contains('.'));
        Assert.DoesNotMatch(@"\d,\d+,", svg); // no decimal commas inside "x,y" pairs
    }

    [Fact]
    public void LongRunsAreThinnedToAboutTwoPointsPerPixelColumnKeepingExtremes()
    {
        var losses = Enumerable.Range(0, 50_000).Select(i => ((long)i, i == 25_000 ? 9.0 : 1.0, 0.5)).ToList();
        var doc = XDocument.Parse(LossPlot.Render(losses));
        var d = Points(doc.Descendants(Svg + "polyline").First());
        Assert.InRange(d.Count, 2, 2 * 800);
        var spike = d.Min(p => p.Y); // the spike is the topmost point
        Assert.True(d.Count(p => p.Y == spike) == 1 && spike < d[0].Y);
    }

    [Fact]
    public void WriteFileWritesUtf8WithoutBomAtomically()
    {
        using var folder = new TempFolder();
        var path = folder.File("losses.svg");
        LossPlot.WriteFile(path, Losses(10));
        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(LossPlot.Render(Losses(10)), System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
