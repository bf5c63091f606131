using System.Text.Json;

namespace GanDsl.Models.Tests;

/// <summary>
/// <c>gandsl bench</c> times the catalog entries that have a <see cref="ReferenceModel.BenchName"/>; the peer scripts in bench/
/// build the models of bench/bench_models.json and refuse to run when their parameter counts differ from the ones listed
/// there. These tests tie the three together: the list is the catalog's, its counts are GanDsl's, and no model that trains
/// on images is left out by accident.
/// </summary>
public class BenchModelListTests
{
    /// <summary>Image models the bench's common step (one BCE D update, one G update) does not describe, and why.</summary>
    private static readonly Dictionary<string, string> NotBenched = new()
    {
        ["sngan"] = "hinge loss, a spectral-norm critic and five critic steps per generator step",
        ["cgan-planes"] = "cgan's step without the class head's pass: the same kernels as cgan, which the bench times",
        ["cgan-wide"] = "cgan-planes' step with twice the channels: the same kernels as cgan, which the bench times",
        ["progressive"] = "nets that grow during training, so no one step stands for the run",
    };

    private sealed record Listed(string Name, string Catalog, long GeneratorParams, long DiscriminatorParams);

    private static List<Listed> Manifest()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot(), "bench", "bench_models.json")));
        return doc.RootElement.GetProperty("models").EnumerateArray()
            .Select(m => new Listed(m.GetProperty("name").GetString()!, m.GetProperty("catalog").GetString()!,
                m.GetProperty("generator_params").GetInt64(), m.GetProperty("discriminator_params").GetInt64()))
            .ToList();
    }

    [Fact]
    public void The_bench_list_is_the_catalogs_bench_names_in_catalog_order()
    {
        var benched = ModelCatalog.All.Where(m => m.BenchName is not null).Select(m => m.BenchName + " = " + m.Name);
        Assert.Equal(benched, Manifest().Select(m => m.Name + " = " + m.Catalog));
        Assert.Equal("mlp-gan", ModelCatalog.Get("vanilla").BenchName); // the name the shared peers and earlier tables use
    }

    [Fact]
    public void Every_model_that_trains_on_images_is_benched_or_says_why_not()
    {
        var images = ModelCatalog.All.Where(m => m.GeneratedData is null).Select(m => m.Name).ToList();
        var unbenched = ModelCatalog.All.Where(m => m.GeneratedData is null && m.BenchName is null).Select(m => m.Name);
        Assert.Equal(NotBenched.Keys.Order(), unbenched.Order());
        Assert.All(new[] { "vanilla", "mnist-mlp", "lightning-cnn", "dcgan", "dcgan64", "cgan" }, name => Assert.Contains(name, images));
        Assert.All(ModelCatalog.All.Where(m => m.GeneratedData is not null), m => Assert.Null(m.BenchName));
    }

    [Fact]
    public void The_listed_parameter_counts_are_those_of_GanDsls_nets()
    {
        Assert.All(Manifest(), listed =>
        {
            var gan = ModelCatalog.Get(listed.Catalog).Create(1);
            long Count(GanDsl.Nn.Module net) => net.Parameters().Sum(p => (long)p.Size);
            Assert.Equal((listed.Name, listed.GeneratorParams, listed.DiscriminatorParams),
                (listed.Name, Count(gan.Generator), Count(gan.Discriminator)));
        });
    }
}
