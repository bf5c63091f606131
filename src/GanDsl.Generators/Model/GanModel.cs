namespace GanDsl.Generators.Model
{
    /// <summary>A <c>[Gan&lt;G, D&gt;]</c> class whose type arguments carry their roles.</summary>
    /// <param name="Type">Where the partial class goes.</param>
    /// <param name="GeneratorType">G's fully qualified name.</param>
    /// <param name="DiscriminatorType">D's fully qualified name.</param>
    internal sealed record GanModel(TypeHeader Type, string GeneratorType, string DiscriminatorType);
}
