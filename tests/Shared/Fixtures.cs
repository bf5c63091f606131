namespace GanDsl.Testing;

/// <summary>The projects under tests/Fixtures, built with the solution (and before each test project that names them).</summary>
internal static class Fixtures
{
    /// <summary>
    /// tests/Fixtures/UserPairs's built assembly, in the configuration of the running tests: a user's own project of GAN pairs
    /// (TinyGrayGan, TinyGrayLeastSquaresGan, TwoChannelGan) that GanDsl does not reference.
    /// </summary>
    public static string UserPairsDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var dll = Path.Combine(RepositoryRoot(), "tests", "Fixtures", "UserPairs", "bin", configuration, "net10.0", "UserPairs.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing; build the solution first (dotnet build GanDsl.sln -c {configuration}).", dll);
        return dll;
    }

    /// <summary>The checkout: the first folder above the test binaries that holds GanDsl.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GanDsl.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("GanDsl.sln was not found above the test binaries; run the tests from the repository checkout.");
    }
}
