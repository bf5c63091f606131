extern alias Generator;

using System.Diagnostics;
using System.Globalization;
using Basic.Reference.Assemblies;
using GanDsl.GeneratorBench;
using Generator::GanDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Times the GanDsl source generator on a 200-net project: a cold full run (per net) and the incremental
// re-run after editing one net, as an IDE or `dotnet build` with a warm compiler server would see it.
const int Nets = 200;
const int FullRuns = 15;
const int Edits = 50;

var parse = new CSharpParseOptions(LanguageVersion.Latest);
var references = Net100.References.All.Cast<MetadataReference>()
    .Append(MetadataReference.CreateFromFile(typeof(GanDsl.Tensors.Tensor).Assembly.Location)).ToArray();
var trees = Enumerable.Range(0, Nets)
    .Select(i => CSharpSyntaxTree.ParseText(NetCorpus.Net(i), parse, path: $"Net{i:D3}.cs")).ToArray();

CSharpCompilation Compile() => CSharpCompilation.Create("BenchNets", trees, references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

GeneratorDriver NewDriver(bool track = false) => CSharpGeneratorDriver.Create(new[] { new GanDslGenerator().AsSourceGenerator() },
    parseOptions: parse, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

TimeSpan GeneratorTime(GeneratorDriver driver) => driver.GetTimingInfo().ElapsedTime;

// Sanity: every net generates and nothing reports an error, else the timings would measure a failure path.
var check = NewDriver().RunGeneratorsAndUpdateCompilation(Compile(), out var output, out var diagnostics);
var generated = check.GetRunResult().GeneratedTrees.Length;
var errors = diagnostics.Concat(output.GetDiagnostics()).Count(d => d.Severity == DiagnosticSeverity.Error);
if (generated < Nets || errors > 0)
{
    Console.Error.WriteLine($"The benchmark project is broken: {generated} generated files, {errors} errors; fix NetCorpus.");
    return 1;
}

// Full run: a fresh driver and a fresh compilation each time (binding is part of what the generator pays for).
var full = new List<double>();
for (var run = 0; run < FullRuns + 5; run++)
{
    var driver = NewDriver().RunGenerators(Compile());
    if (run >= 5) full.Add(GeneratorTime(driver).TotalMilliseconds); // the first runs warm up the JIT
}

// Incremental: one driver kept across edits; each edit changes one net's first layer width.
var compilation = Compile();
var live = NewDriver().RunGenerators(compilation);
var incremental = new List<double>();
var wall = new List<double>();
for (var edit = 0; edit < Edits + 5; edit++)
{
    var index = (edit * 37) % Nets;
    var old = compilation.SyntaxTrees.Single(t => t.FilePath == $"Net{index:D3}.cs");
    compilation = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(NetCorpus.Net(index, 1 + edit), parse, path: old.FilePath));
    var clock = Stopwatch.StartNew();
    live = live.RunGenerators(compilation);
    clock.Stop();
    if (edit >= 5)
    {
        incremental.Add(GeneratorTime(live).TotalMilliseconds);
        wall.Add(clock.Elapsed.TotalMilliseconds);
    }
}

// Baseline: the same driver after editing a file that declares no net (the per-compilation floor).
var floor = new List<double>();
compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Bench; class Plain { int X => 0; }", parse, path: "Plain.cs"));
live = live.RunGenerators(compilation);
for (var edit = 0; edit < Edits + 5; edit++)
{
    var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Plain.cs");
    compilation = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
        $"namespace Bench; class Plain {{ int X => {edit + 1}; }}", parse, path: old.FilePath));
    live = live.RunGenerators(compilation);
    if (edit >= 5) floor.Add(GeneratorTime(live).TotalMilliseconds);
}

static double Median(List<double> xs) { var s = xs.Order().ToList(); return (s[s.Count / 2] + s[(s.Count - 1) / 2]) / 2; }
string F(double ms) => ms.ToString("F3", CultureInfo.InvariantCulture);

Console.WriteLine($"GanDsl generator benchmark: {Nets} nets, {generated} generated files");
Console.WriteLine($"full run (median of {FullRuns}): {F(Median(full))} ms total, {F(Median(full) / Nets)} ms per net (target < 1 ms)");
Console.WriteLine($"full run (min):                {F(full.Min())} ms total, {F(full.Min() / Nets)} ms per net");
Console.WriteLine($"incremental after one-net edit (median of {Edits}): {F(Median(incremental))} ms in generator, {F(Median(wall))} ms wall");
Console.WriteLine($"incremental after editing a file with no net (median of {Edits}): {F(Median(floor))} ms in generator");

// Where an incremental run spends its time: per named step, summed over the step's nodes (tracking on).
var tracked = NewDriver(track: true).RunGenerators(compilation);
var lastTree = compilation.SyntaxTrees.Single(t => t.FilePath == "Net000.cs");
tracked = tracked.RunGenerators(compilation.ReplaceSyntaxTree(lastTree,
    CSharpSyntaxTree.ParseText(NetCorpus.Net(0, 999), parse, path: lastTree.FilePath)));
var steps = tracked.GetRunResult().Results.Single().TrackedSteps
    .Select(kv => (kv.Key, Ms: kv.Value.Sum(step => step.ElapsedTime.TotalMilliseconds)))
    .OrderByDescending(x => x.Ms).Take(8);
Console.WriteLine("incremental step times (one edit, tracking on): "
    + string.Join(", ", steps.Select(x => $"{x.Key} {F(x.Ms)} ms")));
return 0;
