using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using GanDsl.Generators.Tests.Support;
using GanDsl.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles as it would in a fresh console project that references the GanDsl,
/// GanDsl.Images, GanDsl.TorchSharp and GanDsl.Onnx packages: against .NET 10, those built assemblies and the source generator, with the SDK's
/// implicit usings and nullable on, no error and no warning. A block with statements is a program of its own; a block that
/// only declares types (the DSL's nets) is compiled alone and also beside every program, which may use its types (the README
/// says which). No block is a fragment: each has the usings it needs. The package readmes (src/*/README.md, the page NuGet
/// shows) are held to the same rule, each file on its own.
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly MetadataReference[] References =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GanDsl.Tensors.Tensor).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(GanDsl.Images.ImageFolder).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(GanDsl.TorchSharp.TorchNets).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(GanDsl.Onnx.OnnxExport).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location))
            .ToArray();

    // What Microsoft.NET.Sdk adds to a console project with <ImplicitUsings>enable</ImplicitUsings>.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    // The warnings Microsoft.NET.Sdk turns off for every project (NoWarn 1701;1702: assembly version unification).
    private static readonly Dictionary<string, ReportDiagnostic> SdkNoWarn = new() { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress };

    public static TheoryData<int> Blocks => new(Enumerable.Range(0, ReadmeBlocks().Count));

    [Fact]
    public void The_readme_has_its_programs_and_declarations()
    {
        var blocks = ReadmeBlocks();
        Assert.True(blocks.Count >= 4, $"README.md has {blocks.Count} csharp blocks");
        Assert.Contains(blocks, b => b.Code.Contains("Adversarial.Train(gan, photos, config, new ConsoleProgressObserver()", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Code.Contains("[Gan<VanillaGenerator, VanillaDiscriminator>]", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_csharp_block_compiles_without_errors_or_warnings(int index) => AssertCompiles("README.md", ReadmeBlocks(), index);

    /// <summary>The packed projects' package readmes (src/*/README.md), each block with its file.</summary>
    public static TheoryData<string, int> PackageReadmeBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var readme in PackageReadmes())
            for (int i = 0; i < ReadmeBlocks(readme).Count; i++) data.Add(readme, i);
        return data;
    }

    [Fact]
    public void Every_library_package_readme_has_an_example()
    {
        var readmes = PackageReadmes();
        Assert.Equal(["src/GanDsl.Cli/README.md", "src/GanDsl.Core/README.md", "src/GanDsl.Images/README.md", "src/GanDsl.Onnx/README.md", "src/GanDsl.TorchSharp/README.md"], readmes);
        Assert.All(readmes.Where(r => !r.Contains("GanDsl.Cli", StringComparison.Ordinal)), r => Assert.NotEmpty(ReadmeBlocks(r)));
    }

    [Theory]
    [MemberData(nameof(PackageReadmeBlocks))]
    public void A_package_readme_csharp_block_compiles_without_errors_or_warnings(string readme, int index) => AssertCompiles(readme, ReadmeBlocks(readme), index);

    private static void AssertCompiles(string readme, List<(int Line, string Code)> blocks, int index)
    {
        var block = blocks[index];
        bool program = IsProgram(block.Code);
        var sources = new List<string> { ImplicitUsings, block.Code };
        if (program) sources.AddRange(blocks.Where(b => !IsProgram(b.Code)).Select(b => b.Code));
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions, path: i == 1 ? $"{readme}:{block.Line}" : $"Other{i}.cs"));
        var compilation = CSharpCompilation.Create("ReadmeSnippet", trees, References,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));
        GeneratorHarness.Driver(track: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(problems.Count == 0, $"{readme}'s csharp block at line {block.Line} does not compile cleanly:\n" + string.Join("\n", problems));
    }

    private static bool IsProgram(string code) =>
        CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    /// <summary>The package readmes of the projects under src/, as paths from the repository root, in ordinal order.</summary>
    private static List<string> PackageReadmes()
    {
        var root = Fixtures.RepositoryRoot();
        return Directory.GetDirectories(Path.Combine(root, "src"))
            .Select(project => Path.Combine(project, "README.md"))
            .Where(File.Exists)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The <c>```csharp</c> blocks of <paramref name="readme"/> (from the repository root) with the line each starts on.</summary>
    private static List<(int Line, string Code)> ReadmeBlocks(string readme = "README.md")
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.RepositoryRoot(), readme));
        var blocks = new List<(int, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], @"^```csharp\s*$")) continue;
            int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            Assert.True(end > i, $"{readme}'s csharp block at line {i + 1} is not closed");
            blocks.Add((i + 1, string.Join("\n", lines[(i + 1)..end])));
            i = end;
        }
        return blocks;
    }
}
