extern alias Generator;

using System.Runtime.CompilerServices;
using Catalog = Generator::GanDsl.Generators.Diagnostics.DiagnosticCatalog;

namespace GanDsl.Generators.Tests;

public class DiagnosticCatalogTests
{
    [Fact]
    public void Ids_are_unique_sequential_and_each_has_a_docs_page()
    {
        var ids = Catalog.All.Select(d => d.Id).ToList();

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"GAN{i:D4}"), ids);
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        Assert.All(Catalog.All, d =>
        {
            var page = Path.Combine(docs, d.Id + ".md");
            Assert.True(File.Exists(page), $"missing {page}");
            Assert.StartsWith("# " + d.Id + ": " + d.Title, File.ReadAllText(page));
            Assert.Contains("docs/diagnostics/" + d.Id + ".md", d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public void Every_descriptor_links_to_its_page_in_the_repository()
    {
        const string blob = "https://github.com/gandsl/gandsl/blob/main/";
        Assert.All(Catalog.All, d =>
        {
            Assert.Equal(blob + "docs/diagnostics/" + d.Id + ".md", d.HelpLinkUri);
            var page = Path.Combine(RepositoryRoot(), d.HelpLinkUri[blob.Length..].Replace('/', Path.DirectorySeparatorChar));
            Assert.True(File.Exists(page), $"{d.Id} links to {d.HelpLinkUri}, but {page} does not exist");
        });
    }

    [Fact]
    public void The_analyzer_reports_only_catalog_descriptors()
    {
        var analyzer = new Generator::GanDsl.Generators.Diagnostics.DeclarationAnalyzer();
        Assert.All(analyzer.SupportedDiagnostics, d => Assert.Same(Catalog.Get(d.Id), d));
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
