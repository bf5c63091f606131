namespace GanDsl.Generators.Model
{
    /// <summary>A <c>[Gan&lt;G, D&gt;]</c> class: its own names and its type arguments' fully qualified names.</summary>
    internal sealed record GanModel(
        string? Namespace,
        string Name,
        string Declaration,
        EquatableArray<string> ContainingTypes,
        string GeneratorType,
        string DiscriminatorType);
}
