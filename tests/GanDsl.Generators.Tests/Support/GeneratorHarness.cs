extern alias Generator;

using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Generator::GanDsl.Generators;
using Generator::GanDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GanDsl.Generators.Tests.Support;

/// <summary>Runs <see cref="GanDslGenerator"/> over in-memory sources against .NET 10 and GanDsl.Core.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanDsl.Tensors.Tensor).Assembly.Location))
            .ToImmutableArray();

    /// <summary>TorchSharp's and GanDsl.TorchSharp's assemblies: a compilation with them gets the emitted Torch classes.</summary>
    public static readonly ImmutableArray<MetadataReference> TorchReferences = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::GanDsl.TorchSharp.TorchNet).Assembly.Location));

    public static CSharpCompilation Compilation(params string[] sources)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Net{i}.cs"));
        return CSharpCompilation.Create("UserNets", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>As <see cref="Compilation"/>, referencing TorchSharp and GanDsl.TorchSharp as a torch-engine project does.</summary>
    /// <remarks>TorchSharp is built against .NET 8; the unification warnings CS1701/CS1702 are off, as the .NET SDK turns them off.</remarks>
    public static CSharpCompilation TorchCompilation(params string[] sources)
    {
        var compilation = Compilation(sources).AddReferences(TorchReferences);
        return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    public static GeneratorDriver Driver(bool track = true) =>
        CSharpGeneratorDriver.Create(new[] { new GanDslGenerator().AsSourceGenerator() }, parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>
    /// GanDsl's diagnostics (the generator's, then the <see cref="DeclarationAnalyzer"/>'s on the compilation with the
    /// generated sources, as a build runs both), the generated sources (hint name → text) and that compilation.
    /// </summary>
    public static GeneratorOutcome Run(params string[] sources) => Run(Compilation(sources));

    /// <summary>As <see cref="Run(string[])"/> for a compilation that references TorchSharp and GanDsl.TorchSharp.</summary>
    public static GeneratorOutcome RunWithTorch(params string[] sources) => Run(TorchCompilation(sources));

    public static GeneratorOutcome Run(CSharpCompilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var generated = run.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var analyzerDiagnostics = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new GeneratorOutcome(generatorDiagnostics.AddRange(analyzerDiagnostics), generated, (CSharpCompilation)output, run.Results.Single().Exception);
    }

    /// <summary>Compiler warnings and errors of the user code plus generated code, compiled against the real GanDsl.Core.</summary>
    public static ImmutableArray<Diagnostic> CompileWithRuntime(GeneratorOutcome outcome) =>
        outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Emits the compilation and loads it into a collectible context, so tests can run the generated modules.</summary>
    public static System.Reflection.Assembly Load(GeneratorOutcome outcome)
    {
        using var image = new MemoryStream();
        var emitted = outcome.Output.Emit(image);
        if (!emitted.Success) throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("UserNets", isCollectible: true).LoadFromStream(image);
    }
}

internal sealed record GeneratorOutcome(
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Sources,
    CSharpCompilation Output,
    Exception? Exception);
