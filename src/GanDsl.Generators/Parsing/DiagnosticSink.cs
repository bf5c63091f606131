using System.Collections.Generic;
using System.Collections.Immutable;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Collects diagnostics as plain values while parsing, remembering the trees they point into.</summary>
    internal sealed class DiagnosticSink
    {
        private readonly List<DiagnosticInfo> _infos = new List<DiagnosticInfo>();
        private readonly List<SyntaxTree> _trees = new List<SyntaxTree>();

        public bool HasErrors { get; private set; }

        public void Add(DiagnosticDescriptor descriptor, SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span, params string[] args)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error) HasErrors = true;
            if (!_trees.Contains(tree)) _trees.Add(tree);
            _infos.Add(new DiagnosticInfo(descriptor.Id, EquatableArray.From(args), tree.FilePath, span.Start, span.Length));
        }

        public void Add(DiagnosticDescriptor descriptor, SyntaxReference? at, SyntaxTree fallbackTree,
            Microsoft.CodeAnalysis.Text.TextSpan fallbackSpan, params string[] args)
        {
            if (at != null) Add(descriptor, at.SyntaxTree, at.Span, args);
            else Add(descriptor, fallbackTree, fallbackSpan, args);
        }

        public DiagnosticBatch ToBatch() =>
            _infos.Count == 0 ? DiagnosticBatch.Empty : new DiagnosticBatch(EquatableArray.From(_infos), _trees.ToImmutableArray());
    }
}
