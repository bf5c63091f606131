namespace GanDsl.Generators.Model
{
    /// <summary>What a class that failed its checks still gets, so the GAN diagnostic is the build's only error.</summary>
    internal enum StubKind
    {
        Generator,
        Discriminator,
        Block,
        ProgressiveGenerator,
        ProgressiveDiscriminator,
        Gan,
    }

    /// <summary>
    /// A class with a GanDsl error: its members exist with the right types (so code that uses it compiles) and throw an
    /// <c>InvalidOperationException</c> that names the build error if ever run.
    /// </summary>
    /// <param name="Type">Where the partial class goes.</param>
    /// <param name="Kind">Which base class and members it mirrors.</param>
    /// <param name="GanTypes">For a pair: G's and D's fully qualified names when both bind; empty otherwise.</param>
    internal sealed record StubModel(TypeHeader Type, StubKind Kind, EquatableArray<string> GanTypes);
}
