namespace GanDsl.Nn;

/// <summary>
/// A generator and a discriminator made at run time (e.g. with <see cref="LayerStack.Generator(int, Shapes.LayerSpec[])"/> and
/// <see cref="LayerStack.Discriminator(IReadOnlyList{int}, Shapes.LayerSpec[])"/>, from F# or any code without attributes) as the
/// pair <c>Adversarial.Train</c> takes, checked as <c>[Gan&lt;G, D&gt;]</c> checks a declared pair.
/// </summary>
public sealed class GanPair : IGan
{
    /// <summary>
    /// Pairs <paramref name="generator"/> with <paramref name="discriminator"/>; throws <see cref="ShapeMismatchException"/>
    /// when G's samples are not what D takes, or their class counts differ.
    /// </summary>
    public GanPair(GeneratorModule generator, DiscriminatorModule discriminator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        static string S(IEnumerable<int> dims) => "[" + string.Join(", ", dims) + "]";
        if (!generator.OutputShape.SequenceEqual(discriminator.InputShape))
            throw new ShapeMismatchException($"The generator outputs {S(generator.OutputShape)} but the discriminator expects {S(discriminator.InputShape)}; make the generator's last shape the discriminator's input.");
        if (generator.Classes != discriminator.Classes)
            throw new ShapeMismatchException($"The generator has {generator.Classes} classes but the discriminator has {discriminator.Classes}; give both the same class count.");
        (Generator, Discriminator) = (generator, discriminator);
    }

    /// <summary>The generator given to the constructor.</summary>
    public GeneratorModule Generator { get; }

    /// <summary>The discriminator given to the constructor.</summary>
    public DiscriminatorModule Discriminator { get; }
}
