using System.Diagnostics;
using System.Text.RegularExpressions;
using CsCheck;

namespace GanDsl.Tests;

/// <summary>
/// How every test project runs a property: CsCheck's <c>Sample</c> for exactly <c>iter</c> cases, and a failure shrunk
/// before it is reported. CsCheck shrinks by sampling on and asserting only candidates smaller than the smallest failure
/// so far, so a plain <c>Sample</c> shrinks only in the iterations left after its first failure: a property of 30 cases
/// that fails on its 28th would report nearly the case it stumbled on. Here a failure is sampled again from its seed for
/// <see cref="ShrinkIter"/> more candidates, or until <see cref="ShrinkTime"/> is up, and the test reports the smallest.
/// </summary>
internal static class Properties
{
    /// <summary>Candidates tried after a failure; most are skipped unrun for not being smaller.</summary>
    internal const long ShrinkIter = 100_000;

    /// <summary>Bounds the shrinking of slow properties (a compilation or a gradient check per case).</summary>
    internal static readonly TimeSpan ShrinkTime = TimeSpan.FromSeconds(30);

    public static void ForAll<T>(this Gen<T> gen, Action<T> body, long iter, int threads = -1)
    {
        try
        {
            gen.Sample(body, iter: iter, threads: threads);
        }
        catch (CsCheckException failure) when (SeedOf(failure) is { } seed)
        {
            long deadline = Stopwatch.GetTimestamp() + (long)(ShrinkTime.TotalSeconds * Stopwatch.Frequency);
            // The seed's case is replayed first; past the deadline the remaining candidates pass without running.
            gen.Sample(t => { if (Stopwatch.GetTimestamp() < deadline) body(t); }, seed: seed, iter: ShrinkIter, threads: threads);
            throw; // the failure did not come back from its seed (a flaky body): report it as it was found
        }
    }

    public static void ForAll<T>(this Gen<T> gen, Func<T, bool> property, long iter, int threads = -1) =>
        gen.ForAll(t => Assert.True(property(t), "The property is false for this case."), iter, threads);

    // One overload per arity, as CsCheck's Sample has: the generator is Gen.Select(...) of one generator per parameter.
    public static void ForAll<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> body, long iter, int threads = -1) =>
        gen.ForAll(t => body(t.Item1, t.Item2), iter, threads);

    public static void ForAll<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> body, long iter, int threads = -1) =>
        gen.ForAll(t => body(t.Item1, t.Item2, t.Item3), iter, threads);

    public static void ForAll<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> body, long iter, int threads = -1) =>
        gen.ForAll(t => body(t.Item1, t.Item2, t.Item3, t.Item4), iter, threads);

    public static void ForAll<T1, T2, T3, T4, T5, T6>(this Gen<(T1, T2, T3, T4, T5, T6)> gen, Action<T1, T2, T3, T4, T5, T6> body,
        long iter, int threads = -1) =>
        gen.ForAll(t => body(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6), iter, threads);

    public static void ForAll<T1, T2, T3, T4, T5, T6, T7>(this Gen<(T1, T2, T3, T4, T5, T6, T7)> gen,
        Action<T1, T2, T3, T4, T5, T6, T7> body, long iter, int threads = -1) =>
        gen.ForAll(t => body(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7), iter, threads);

    public static void ForAll<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, bool> property, long iter, int threads = -1) =>
        gen.ForAll(t => property(t.Item1, t.Item2), iter, threads);

    public static void ForAll<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Func<T1, T2, T3, bool> property, long iter, int threads = -1) =>
        gen.ForAll(t => property(t.Item1, t.Item2, t.Item3), iter, threads);

    public static void ForAll<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Func<T1, T2, T3, T4, bool> property, long iter,
        int threads = -1) =>
        gen.ForAll(t => property(t.Item1, t.Item2, t.Item3, t.Item4), iter, threads);

    public static void ForAll<T1, T2, T3, T4, T5, T6>(this Gen<(T1, T2, T3, T4, T5, T6)> gen, Func<T1, T2, T3, T4, T5, T6, bool> property,
        long iter, int threads = -1) =>
        gen.ForAll(t => property(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6), iter, threads);

    /// <summary>The seed CsCheck prints to reproduce a failure: <c>Set seed: "…"</c>.</summary>
    private static string? SeedOf(CsCheckException failure) =>
        Regex.Match(failure.Message, "seed: \"(?<seed>[^\"]+)\"") is { Success: true } match ? match.Groups["seed"].Value : null;
}
