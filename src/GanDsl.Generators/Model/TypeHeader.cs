namespace GanDsl.Generators.Model
{
    /// <summary>
    /// Where a generated partial type goes and how to reopen it: its namespace, its containing types and its own
    /// declaration. One value for every kind of declared class (nets, pairs, progressive nets), built once by
    /// <c>TypeHeaders.Of</c> from the symbol.
    /// </summary>
    /// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
    /// <param name="Name">The type's simple name, e.g. <c>VanillaGenerator</c>.</param>
    /// <param name="Keyword">The declaration keyword as written: <c>class</c>, <c>record</c> ….</param>
    /// <param name="ContainingTypes">Each containing type's reopening line, outermost first, e.g. <c>partial class Models</c>.</param>
    /// <param name="FullName">Fully qualified name (<c>global::Ns.Models.Tiny</c>), as type arguments of <c>[Gan&lt;G, D&gt;]</c> print it.</param>
    internal sealed record TypeHeader(string? Namespace, string Name, string Keyword, EquatableArray<string> ContainingTypes, string FullName)
    {
        /// <summary>The line that reopens the type, e.g. <c>partial class VanillaGenerator</c> (modifiers are not repeated).</summary>
        public string Declaration => "partial " + Keyword + " " + Name;

        /// <summary>The generated file's name: the full name without <c>global::</c>, made file-safe, plus <c>.g.cs</c>.</summary>
        public string HintName => FileStem + ".g.cs";

        /// <summary>The file of the nested TorchSharp module: <c>Ns.VanillaGenerator.Torch.g.cs</c>.</summary>
        public string TorchHintName => FileStem + ".Torch.g.cs";

        private string FileStem =>
            FullName.Replace("global::", "").Replace('<', '_').Replace('>', '_').Replace(',', '_').Replace(' ', '_');
    }
}
