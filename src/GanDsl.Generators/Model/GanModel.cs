namespace GanDsl.Generators.Model
{
    /// <summary>A <c>[Gan&lt;G, D&gt;]</c> class whose type arguments carry their roles.</summary>
    /// <param name="Type">Where the partial class goes.</param>
    /// <param name="GeneratorType">G's fully qualified name.</param>
    /// <param name="DiscriminatorType">D's fully qualified name.</param>
    /// <param name="Recipe">The training recipe its named arguments declare (plain values; none declared is <c>GanRecipe.None</c>).</param>
    internal sealed record GanModel(TypeHeader Type, string GeneratorType, string DiscriminatorType, GanRecipe Recipe);

    /// <summary>Where a named argument is written in its attribute, so a diagnostic about it points there.</summary>
    internal sealed record NamedSpan(string Name, int Start, int Length);
}
