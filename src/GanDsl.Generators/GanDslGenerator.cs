using System.Collections.Immutable;
using System.Linq;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Emit;
using GanDsl.Generators.Model;
using GanDsl.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators
{
    /// <summary>
    /// Turns attribute-declared layer stacks into modules. Parse (syntax + attribute data → equatable model) →
    /// emit (model → source); diagnostics travel in a separate branch so the source output stays cached. A class that
    /// fails its checks gets a stub, so its diagnostic is the only error. Mistakes that need no layer model are the
    /// <see cref="DeclarationAnalyzer"/>'s.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class GanDslGenerator : IIncrementalGenerator
    {
        /// <summary>Step names for <c>WithTrackingName</c>; tests assert their run reasons.</summary>
        public static class Steps
        {
            public const string ParseGenerators = nameof(ParseGenerators);
            public const string ParseDiscriminators = nameof(ParseDiscriminators);
            public const string ParseGans = nameof(ParseGans);
            public const string NetModels = nameof(NetModels);
            public const string GanModels = nameof(GanModels);
            public const string Stubs = nameof(Stubs);
            public const string NetDiagnostics = nameof(NetDiagnostics);
            public const string PairDiagnostics = nameof(PairDiagnostics);
            public const string ParseBlocks = nameof(ParseBlocks);
            public const string ParseProgressive = nameof(ParseProgressive);
            public const string ProgressiveChecks = nameof(ProgressiveChecks);
            public const string TorchReference = nameof(TorchReference);
            public const string TorchModels = nameof(TorchModels);
            public const string RangedGenerators = nameof(RangedGenerators);
            public const string RangeGuesses = nameof(RangeGuesses);
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var torch = context.CompilationProvider.Select(static (c, _) => TorchReference.IsReferenced(c)).WithTrackingName(Steps.TorchReference);
            var gans = context.SyntaxProvider.ForAttributeWithMetadataName(RoleAttributes.Gan,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => GanParser.Parse(ctx, ct))
                .WithTrackingName(Steps.ParseGans);
            // Generators whose range some pair declares: that pair's range check replaces their GAN0017 guess.
            var ranged = gans.Select(static (r, _) => r.RangedGenerator).Collect()
                .Select(static (names, _) => EquatableArray.From(names.Where(n => n != null).Select(n => n!).Distinct().OrderBy(n => n, System.StringComparer.Ordinal)))
                .WithTrackingName(Steps.RangedGenerators);
            var generators = Nets(context, RoleAttributes.Generator, NetRole.Generator, Steps.ParseGenerators, torch, ranged);
            var discriminators = Nets(context, RoleAttributes.Discriminator, NetRole.Discriminator, Steps.ParseDiscriminators, torch);

            var ganModels = gans.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!)
                .WithTrackingName(Steps.GanModels);
            context.RegisterSourceOutput(ganModels, static (spc, gan) => InternalErrors.Emit(spc, gan.Type, () => GanEmitter.Emit(gan)));
            EmitStubs(context, gans.Select(static (r, _) => r.Stub));
            ReportDiagnostics(context, gans.Select(static (r, _) => r.Diagnostics));

            var allNets = generators.Collect().Combine(discriminators.Collect())
                .Select(static (pair, _) => new EquatableNets(pair.Left.AddRange(pair.Right)));
            var pairs = gans.Combine(allNets).Select(static (p, _) => PairCheck.Check(p.Left, p.Right.Nets))
                .WithTrackingName(Steps.PairDiagnostics);
            context.RegisterSourceOutput(pairs, static (spc, batch) => batch.Report(spc));

            InitializeProgressive(context, torch);
        }

        /// <summary>
        /// The nets of one role: parsed, emitted (or stubbed), their diagnostics reported; returns the valid models. Generators
        /// pass <paramref name="ranged"/>, the generators whose data range a pair declares, which get no GAN0017.
        /// </summary>
        private static IncrementalValuesProvider<NetModel> Nets(IncrementalGeneratorInitializationContext context, string attribute,
            NetRole role, string step, IncrementalValueProvider<bool> torch, IncrementalValueProvider<EquatableArray<string>>? ranged = null)
        {
            // The role is fixed per pipeline, so capturing it costs nothing per run.
            var parsed = context.SyntaxProvider.ForAttributeWithMetadataName(attribute,
                    static (node, _) => node is ClassDeclarationSyntax, (ctx, ct) => NetParser.Parse(ctx, role, ct))
                .WithTrackingName(step);
            var models = parsed.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!)
                .WithTrackingName(Steps.NetModels);
            context.RegisterSourceOutput(models, static (spc, net) => InternalErrors.Emit(spc, net.Type, () => NetEmitter.Emit(net)));
            context.RegisterSourceOutput(WhenTorch(models, torch),
                static (spc, net) => InternalErrors.Emit(spc, net.Type, () => TorchEmitter.Emit(net), net.Type.TorchHintName));
            EmitStubs(context, parsed.Select(static (r, _) => r.Stub));
            ReportDiagnostics(context, parsed.Select(static (r, _) => r.Diagnostics));
            if (ranged is { } declared)
            {
                var guesses = parsed.Where(static r => r.Model != null && r.RangeGuess is { Infos.Count: > 0 })
                    .Select(static (r, _) => (Generator: r.Model!.Type.FullName, Guess: r.RangeGuess!))
                    .Combine(declared)
                    .Select(static (p, _) => p.Right.Contains(p.Left.Generator) ? DiagnosticBatch.Empty : p.Left.Guess)
                    .WithTrackingName(Steps.RangeGuesses);
                context.RegisterSourceOutput(guesses, static (spc, batch) => batch.Report(spc));
            }
            return models;
        }

        /// <summary>[GanBlock] nets, and progressive nets checked against the collected blocks once those are parsed.</summary>
        private static void InitializeProgressive(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<bool> torch)
        {
            var blocks = Nets(context, RoleAttributes.Block, NetRole.Block, Steps.ParseBlocks, torch);
            var allBlocks = blocks.Collect().Select(static (b, _) => new EquatableNets(b));

            foreach (var role in new[] { NetRole.Generator, NetRole.Discriminator })
            {
                var parsed = context.SyntaxProvider.ForAttributeWithMetadataName(
                        role == NetRole.Generator ? RoleAttributes.ProgressiveGenerator : RoleAttributes.ProgressiveDiscriminator,
                        static (node, _) => node is ClassDeclarationSyntax, (ctx, ct) => ProgressiveParser.Parse(ctx, role, ct))
                    .WithTrackingName(Steps.ParseProgressive);
                ReportDiagnostics(context, parsed.Select(static (p, _) => p.Diagnostics));
                var checkedNets = parsed.Combine(allBlocks).Select(static (p, _) => ProgressiveCheck.Check(p.Left, p.Right.Nets))
                    .WithTrackingName(Steps.ProgressiveChecks);
                context.RegisterSourceOutput(checkedNets.Select(static (r, _) => r.Diagnostics), static (spc, batch) => batch.Report(spc));
                var models = checkedNets.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!);
                context.RegisterSourceOutput(models, static (spc, model) => InternalErrors.Emit(spc, model.Net.Type, () => ProgressiveEmitter.Emit(model)));
                context.RegisterSourceOutput(WhenTorch(models, torch),
                    static (spc, model) => InternalErrors.Emit(spc, model.Net.Type, () => TorchEmitter.Emit(model), model.Net.Type.TorchHintName));
                EmitStubs(context, checkedNets.Select(static (r, _) => r.Stub));
            }
        }

        /// <summary>The models again when the compilation references TorchSharp and GanDsl.TorchSharp, none otherwise.</summary>
        private static IncrementalValuesProvider<T> WhenTorch<T>(IncrementalValuesProvider<T> models, IncrementalValueProvider<bool> torch) =>
            models.Combine(torch).Where(static p => p.Right).Select(static (p, _) => p.Left).WithTrackingName(Steps.TorchModels);

        private static void EmitStubs(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<StubModel?> stubs) =>
            context.RegisterSourceOutput(stubs.Where(static s => s != null).Select(static (s, _) => s!).WithTrackingName(Steps.Stubs),
                static (spc, stub) => InternalErrors.Emit(spc, stub.Type, () => StubEmitter.Emit(stub)));

        /// <summary>Diagnostics: a separate branch of plain values; locations are rebuilt from the trees when reported.</summary>
        private static void ReportDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<DiagnosticBatch> batches) =>
            context.RegisterSourceOutput(batches.WithTrackingName(Steps.NetDiagnostics), static (spc, batch) => batch.Report(spc));

        /// <summary>The collected nets compared element-wise, so the pair check reruns only when some net changed.</summary>
        private sealed class EquatableNets : System.IEquatable<EquatableNets>
        {
            public EquatableNets(ImmutableArray<NetModel> nets) { Nets = nets; }
            public ImmutableArray<NetModel> Nets { get; }

            public bool Equals(EquatableNets? other)
            {
                if (other is null || other.Nets.Length != Nets.Length) return false;
                for (int i = 0; i < Nets.Length; i++) if (!Nets[i].Equals(other.Nets[i])) return false;
                return true;
            }

            public override bool Equals(object? obj) => Equals(obj as EquatableNets);
            public override int GetHashCode() => Nets.Length;
        }
    }
}
