using System.Collections.Immutable;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Checks across a [Gan&lt;G, D&gt;] pair once both nets are parsed: shapes, score and Classes agree, and the recipe fits the nets.</summary>
    internal static class PairCheck
    {
        public static DiagnosticBatch Check(GanParse gan, ImmutableArray<NetModel> nets)
        {
            if (gan.Model == null) return DiagnosticBatch.Empty;
            NetModel? g = null, d = null;
            foreach (var n in nets)
            {
                if (n.Role == NetRole.Generator && n.Type.FullName == gan.Model.GeneratorType) g = n;
                if (n.Role == NetRole.Discriminator && n.Type.FullName == gan.Model.DiscriminatorType) d = n;
            }
            // A net with its own errors has no model; its diagnostics already explain the problem.
            if (g == null || d == null) return DiagnosticBatch.Empty;
            return Build(gan, g, d);
        }

        private static DiagnosticBatch Build(GanParse gan, NetModel g, NetModel d)
        {
            var infos = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            var attribute = new TextSpan(gan.AttributeStart, gan.AttributeLength);
            var dArg = new TextSpan(gan.DiscriminatorArgStart, gan.DiscriminatorArgLength);
            if (!g.SampleShape.Equals(d.SampleShape))
                infos.Add(Info(DiagnosticCatalog.GanShapeMismatch, gan.FilePath, attribute, g.Name, Shape(g.SampleShape), d.Name, Shape(d.SampleShape)));
            if (d.Stack.Output.Count != 1 || d.Stack.Output[0] != 1)
                infos.Add(Info(DiagnosticCatalog.GanScoreShape, gan.FilePath, dArg, d.Name, Shape(d.Stack.Output)));
            if (g.Inputs.Classes != d.Inputs.Classes)
                infos.Add(Info(DiagnosticCatalog.GanClassesMismatch, gan.FilePath, attribute, g.Name, Int(g.Inputs.Classes), d.Name, Int(d.Inputs.Classes)));
            // The recipe is weighed against nets that fit together; a pair that does not gets only its structural error.
            if (infos.Count == 0) RecipeCheck.Add(infos, gan, g, d);
            if (infos.Count == 0) return DiagnosticBatch.Empty;
            return new DiagnosticBatch(EquatableArray.From(infos), ImmutableArray.Create(gan.Tree));
        }

        internal static DiagnosticInfo Info(DiagnosticDescriptor descriptor, string path, TextSpan span, params string[] args) =>
            new DiagnosticInfo(descriptor.Id, EquatableArray.From(args), path, span.Start, span.Length);

        private static string Shape(EquatableArray<int> dims) => "[" + string.Join(", ", System.Linq.Enumerable.Select(dims, Int)) + "]";
        private static string Int(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
