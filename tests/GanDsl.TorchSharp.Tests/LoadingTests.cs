using System.Runtime.InteropServices;
using GanDsl.Testing;
using GanDsl.TorchSharp.Build;

namespace GanDsl.TorchSharp.Tests;

/// <summary>
/// LibTorch loads in this test process (a failure here is a failure, never a skip), the build output's LibTorchSharp is
/// patched only where the system's libstdc++ needs it, the NuGet cache's copy is not, and a missing LibTorch is one sentence.
/// </summary>
public class LoadingTests
{
    private static string OutputLibrary =>
        Directory.GetFiles(AppContext.BaseDirectory, LibTorchSharpLoadFix.LibraryName, SearchOption.AllDirectories).Single();

    [Fact]
    public void LibTorch_loads_here()
    {
        Assert.True(TorchRuntime.IsAvailable, "LibTorch did not load in the test process; run the tests of a build made with GanDsl.TorchSharp.targets.");
        TorchRuntime.EnsureAvailable();
        Assert.Equal(6f, global::TorchSharp.torch.ones(2, 3).sum().item<float>());
    }

    [Fact]
    public void The_output_copy_needs_no_libstdcxx_version_this_system_lacks()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
        var available = LibTorchSharpLoadFix.DefinedVersions(File.ReadAllBytes(LibTorchSharpLoadFix.SystemLibStdCxx()!));

        var plan = LibTorchSharpLoadFix.Plan(File.ReadAllBytes(OutputLibrary), available);

        Assert.Null(plan.Problem);
        Assert.Empty(plan.Weakened);
    }

    [Fact]
    public void Only_the_missing_ios_base_library_init_version_is_weakened_and_the_package_cache_is_untouched()
    {
        var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", LibTorchSharpLoadFix.LibraryName);
        Assert.True(File.Exists(cached), $"{cached} is missing; restore the solution first.");
        var bytes = File.ReadAllBytes(cached);
        var upTo3430 = Enumerable.Range(0, 31).Select(i => $"GLIBCXX_3.4.{i}").Append("GLIBCXX_3.4").Concat(Enumerable.Range(0, 14).Select(i => $"CXXABI_1.3.{i}")).Append("CXXABI_1.3").ToHashSet();

        var plan = LibTorchSharpLoadFix.Plan(bytes, upTo3430);
        Assert.Null(plan.Problem);
        Assert.Equal(["GLIBCXX_3.4.32"], plan.Weakened);

        // The cache's copy still needs the version strongly: no build step wrote through to it.
        Assert.Equal(["GLIBCXX_3.4.32"], LibTorchSharpLoadFix.Plan(bytes, upTo3430).Weakened);
        Assert.Empty(LibTorchSharpLoadFix.Plan(bytes, upTo3430.Append("GLIBCXX_3.4.32").ToHashSet()).Weakened);
    }

    [Fact]
    public void A_version_whose_symbols_are_called_is_never_weakened()
    {
        var plan = LibTorchSharpLoadFix.Plan(File.ReadAllBytes(OutputLibrary), new HashSet<string>());

        Assert.NotNull(plan.Problem);
        Assert.Contains("install GCC 13's libstdc++", plan.Problem);
        Assert.Empty(plan.FlagOffsets);
    }

    [Fact]
    public void A_missing_LibTorch_is_one_sentence_naming_the_package_to_add()
    {
        using var empty = new TempFolder();
        File.WriteAllText(Path.Combine(empty.Path, LibTorchSharpLoadFix.LibraryName), "");

        var message = TorchRuntime.Explain(empty.Path);

        Assert.Contains("add the TorchSharp-cpu package", message);
        Assert.Single(message.Split(". ", StringSplitOptions.None));
        Assert.EndsWith(".", message);
    }

    [Fact]
    public void LibTorch_that_is_present_but_does_not_load_points_at_the_libstdcxx_fix()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
        using var folder = new TempFolder();
        var native = Directory.CreateDirectory(Path.Combine(folder.Path, "runtimes", "linux-x64", "native")).FullName;
        File.WriteAllText(Path.Combine(native, "libtorch_cpu.so"), "");

        Assert.Contains("GLIBCXX_3.4.32", TorchRuntime.Explain(folder.Path));
    }
}
