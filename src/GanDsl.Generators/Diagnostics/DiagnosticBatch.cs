using System.Collections.Immutable;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Diagnostics
{
    /// <summary>
    /// Diagnostics of one declaration plus the syntax trees they point into. Lives only in the diagnostics
    /// pipeline (never in the model); trees compare by reference, which holds across unrelated edits.
    /// </summary>
    internal sealed class DiagnosticBatch : System.IEquatable<DiagnosticBatch>
    {
        public DiagnosticBatch(EquatableArray<DiagnosticInfo> infos, ImmutableArray<SyntaxTree> trees)
        {
            Infos = infos;
            Trees = trees;
        }

        public static readonly DiagnosticBatch Empty = new DiagnosticBatch(EquatableArray<DiagnosticInfo>.Empty, ImmutableArray<SyntaxTree>.Empty);

        public EquatableArray<DiagnosticInfo> Infos { get; }
        public ImmutableArray<SyntaxTree> Trees { get; }

        public void Report(SourceProductionContext context)
        {
            foreach (var info in Infos)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.Get(info.Id), Locate(info), info.Arguments.ToArray()));
        }

        private Location Locate(DiagnosticInfo info)
        {
            foreach (var tree in Trees)
                if (tree.FilePath == info.FilePath)
                    return Location.Create(tree, new TextSpan(info.SpanStart, info.SpanLength));
            return Location.None;
        }

        public bool Equals(DiagnosticBatch? other)
        {
            if (other is null || !Infos.Equals(other.Infos) || Trees.Length != other.Trees.Length) return false;
            for (int i = 0; i < Trees.Length; i++)
                if (!ReferenceEquals(Trees[i], other.Trees[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as DiagnosticBatch);
        public override int GetHashCode() => Infos.GetHashCode();
    }
}
