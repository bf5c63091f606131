using GanDsl.Nn;
using GanDsl.Runs;

namespace GanDsl.Core.Tests.Runs;

/// <summary>GAN pairs found in a user's built assembly, loaded beside this process's GanDsl.Core.</summary>
public class PairAssemblyTests
{
    [Fact]
    public void The_pairs_are_found_by_class_name_in_any_case_or_by_full_name_and_share_this_processes_gandsl()
    {
        var pairs = PairAssembly.Load(Fixtures.UserPairsDll());
        Assert.Same(pairs, PairAssembly.Load(Fixtures.UserPairsDll()));
        Assert.Equal(["UserPairs.TinyGrayGan", "UserPairs.TinyGrayLeastSquaresGan", "UserPairs.TwoChannelGan"], pairs.Pairs.Select(t => t.FullName));
        Assert.Same(pairs.Find("TinyGrayGan"), pairs.Find("tinygraygan"));
        Assert.Same(pairs.Find("TinyGrayGan"), pairs.Find("UserPairs.TinyGrayGan"));
        Assert.NotSame(typeof(IGan).Assembly, pairs.Assembly); // its own load context …

        var gan = PairAssembly.Create(pairs.Find("TinyGrayGan"), seed: 1);
        Assert.IsAssignableFrom<IGan>(gan); // … but IGan is this process's
        Assert.Equal([1, 16, 16], gan.Generator.OutputShape);
        var again = PairAssembly.Create(pairs.Find("TinyGrayGan"), seed: 1);
        Assert.Equal(gan.Generator.Parameters()[0].Data, again.Generator.Parameters()[0].Data);
    }

    [Fact]
    public void An_unknown_name_lists_the_pairs()
    {
        var pairs = PairAssembly.Load(Fixtures.UserPairsDll());
        Assert.Equal("'MyGan' is not a GAN pair in UserPairs.dll; it declares TinyGrayGan, TinyGrayLeastSquaresGan, TwoChannelGan.",
            Assert.Throws<PairAssemblyException>(() => pairs.Find("MyGan")).Message);
    }

    [Fact]
    public void Files_that_are_missing_or_not_assemblies_or_hold_no_pair_are_one_sentence_each()
    {
        using var dir = new TempFolder();
        Assert.Contains("does not exist; pass the .dll your project builds",
            Assert.Throws<PairAssemblyException>(() => PairAssembly.Load(dir.File("MyApp.dll"))).Message);
        File.WriteAllText(dir.File("Notes.dll"), "not an assembly");
        Assert.Contains("is not a .NET assembly", Assert.Throws<PairAssemblyException>(() => PairAssembly.Load(dir.File("Notes.dll"))).Message);
        var empty = Assert.Throws<PairAssemblyException>(() => PairAssembly.Load(typeof(Assert).Assembly.Location)).Message;
        Assert.Contains("declares no GAN pair", empty);
    }

    [Fact]
    public void Only_public_classes_implementing_IGan_with_a_seed_or_no_argument_are_pairs()
    {
        Assert.False(PairAssembly.IsPair(typeof(GanDsl.Core.Tests.Training.MlpGan))); // internal, and its constructor wants more
        Assert.False(PairAssembly.IsPair(typeof(string)));
        Assert.Contains("is not a GAN pair GanDsl can create", Assert.Throws<ArgumentException>(() => PairAssembly.Create(typeof(string), 0)).Message);
    }
}
