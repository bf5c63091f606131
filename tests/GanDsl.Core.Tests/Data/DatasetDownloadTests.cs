using System.Net.Http;
using GanDsl.Data;

namespace GanDsl.Core.Tests.Data;

/// <summary>Downloads served by a <see cref="TinyHttpServer"/> on 127.0.0.1; nothing leaves the machine.</summary>
public sealed class DatasetDownloadTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) };

    public void Dispose()
    {
        _client.Dispose();
        _tmp.Dispose();
    }

    private string Cache => Path.Combine(_tmp.Path, "cache", "datasets", "tiny");

    private DatasetResolver Resolver(params string[] mirrors) => new(new DatasetResolverOptions
    {
        DebianRoots = [],
        HomeDirectory = null,
        CacheDirectory = Path.Combine(_tmp.Path, "cache"),
        Mirrors = mirrors,
        HttpClient = _client,
    });

    private static Reply Official(string path) =>
        TinyDataset.Files.TryGetValue(path.TrimStart('/').Replace("mirror/", ""), out var bytes) ? new Reply(200, bytes) : Reply.NotFound;

    private string[] CacheFiles() => Directory.Exists(Cache)
        ? Directory.GetFiles(Cache).Select(Path.GetFileName).OfType<string>().Order().ToArray()
        : [];

    [Fact]
    public void Download_is_verified_and_placed_under_the_final_name()
    {
        using var server = new TinyHttpServer(Official);
        var found = Resolver(server.BaseUrl + "mirror/").Resolve(TinyDataset.Info, DatasetSplit.Train);

        Assert.Equal(DatasetSource.Downloaded, found.Source);
        Assert.Equal(["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"], CacheFiles()); // no temporary left
        Assert.Equal(TinyDataset.Files["train-images-idx3-ubyte.gz"], File.ReadAllBytes(found.ImagesPath));
        Assert.Equal(["/mirror/train-images-idx3-ubyte.gz", "/mirror/train-labels-idx1-ubyte.gz"], server.Requests);

        // The next load reads the cache and asks the server nothing.
        var again = Resolver(server.BaseUrl + "mirror/");
        Assert.Equal(DatasetSource.Cache, again.Resolve(TinyDataset.Info, DatasetSplit.Train).Source);
        Assert.Equal(TinyDataset.TrainCount, again.Load(TinyDataset.Info, DatasetSplit.Train).Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Wrong_hash_is_refused_and_leaves_no_file()
    {
        using var server = new TinyHttpServer(path =>
        {
            var reply = Official(path);
            var tampered = (byte[])reply.Body.Clone();
            tampered[^5] ^= 0xFF; // same size, different content
            return reply with { Body = tampered };
        });

        var e = Assert.Throws<DatasetException>(() => Resolver(server.BaseUrl).Resolve(TinyDataset.Info, DatasetSplit.Test));

        Sentences.AssertOne(e.Message, "t10k-images-idx3-ubyte.gz");
        Text.Has(e.Message, "SHA-256 is ");
        Text.Has(e.Message, TinyDataset.Info.TestImages.Sha256);
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public void Not_found_on_the_server_lists_every_way_to_get_the_data()
    {
        using var server = new TinyHttpServer(_ => Reply.NotFound);

        var e = Assert.Throws<DatasetException>(() => Resolver(server.BaseUrl).Load(TinyDataset.Info, DatasetSplit.Test));

        Sentences.AssertOne(e.Message, "t10k-images-idx3-ubyte.gz");
        Text.Has(e.Message, "HTTP 404");
        Text.Has(e.Message, "--dataset DIR");
        Text.Has(e.Message, "apt-get install dataset-fashion-mnist");
        Text.Has(e.Message, server.BaseUrl + "t10k-images-idx3-ubyte.gz");
        Text.Has(e.Message, server.BaseUrl + "t10k-labels-idx1-ubyte.gz");
        Text.Has(e.Message, Cache);
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public void A_dropped_connection_leaves_nothing_and_the_next_try_succeeds()
    {
        using var server = new TinyHttpServer(path => Official(path) is var r && r.Status == 200
            ? r with { SendOnly = r.Body.Length / 2 }
            : r);
        // A hidden partial file from an earlier crash must never count as the dataset.
        Directory.CreateDirectory(Cache);
        File.WriteAllBytes(Path.Combine(Cache, ".train-images-idx3-ubyte.gz.0123.partial"), [1, 2, 3]);

        var e = Assert.Throws<DatasetException>(() => Resolver(server.BaseUrl).Resolve(TinyDataset.Info, DatasetSplit.Train));
        Sentences.AssertOne(e.Message, "train-images-idx3-ubyte.gz");
        Assert.Equal([".train-images-idx3-ubyte.gz.0123.partial"], CacheFiles());

        server.Answer = Official;
        var found = Resolver(server.BaseUrl).Resolve(TinyDataset.Info, DatasetSplit.Train);
        Assert.Equal(DatasetSource.Downloaded, found.Source);
        Assert.Equal(TinyDataset.Files["train-labels-idx1-ubyte.gz"], File.ReadAllBytes(found.LabelsPath));
    }

    [Fact]
    public void A_short_body_with_a_matching_length_header_is_refused()
    {
        using var server = new TinyHttpServer(path => Official(path) is var r && r.Status == 200 ? r with { Body = r.Body[..^7] } : r);

        var e = Assert.Throws<DatasetException>(() => Resolver(server.BaseUrl).Resolve(TinyDataset.Info, DatasetSplit.Test));
        Text.Has(e.Message, "ended after");
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public void An_oversized_body_is_refused()
    {
        using var server = new TinyHttpServer(path => Official(path) is var r && r.Status == 200 ? r with { Body = [.. r.Body, .. new byte[4096]] } : r);

        var e = Assert.Throws<DatasetException>(() => Resolver(server.BaseUrl).Resolve(TinyDataset.Info, DatasetSplit.Test));
        Text.Has(e.Message, "more than the expected");
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public void The_next_mirror_is_tried_when_one_fails()
    {
        using var server = new TinyHttpServer(path => path.StartsWith("/broken/", StringComparison.Ordinal) ? Reply.NotFound : Official(path));

        var found = Resolver(server.BaseUrl + "broken/", server.BaseUrl + "mirror/").Resolve(TinyDataset.Info, DatasetSplit.Test);

        Assert.Equal(DatasetSource.Downloaded, found.Source);
        Assert.Equal(["/broken/t10k-images-idx3-ubyte.gz", "/mirror/t10k-images-idx3-ubyte.gz",
            "/broken/t10k-labels-idx1-ubyte.gz", "/mirror/t10k-labels-idx1-ubyte.gz"], server.Requests);
    }

    [Fact]
    public void Only_the_missing_half_of_a_split_is_downloaded()
    {
        using var server = new TinyHttpServer(Official);
        Directory.CreateDirectory(Cache);
        File.WriteAllBytes(Path.Combine(Cache, "t10k-images-idx3-ubyte.gz"), TinyDataset.Files["t10k-images-idx3-ubyte.gz"]);

        var found = Resolver(server.BaseUrl).Resolve(TinyDataset.Info, DatasetSplit.Test);

        Assert.Equal(DatasetSource.Downloaded, found.Source);
        Assert.Equal(["/t10k-labels-idx1-ubyte.gz"], server.Requests);
    }
}
