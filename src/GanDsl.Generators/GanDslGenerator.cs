using System.Collections.Immutable;
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
    /// emit (model → source); diagnostics travel in a separate branch so the source output stays cached.
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
            public const string NetDiagnostics = nameof(NetDiagnostics);
            public const string PairDiagnostics = nameof(PairDiagnostics);
            public const string MissingRole = nameof(MissingRole);
            public const string ParseBlocks = nameof(ParseBlocks);
            public const string ParseProgressive = nameof(ParseProgressive);
            public const string ProgressiveChecks = nameof(ProgressiveChecks);
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var generators = context.SyntaxProvider.ForAttributeWithMetadataName(NetParser.GeneratorAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => NetParser.Parse(ctx, NetRole.Generator, ct))
                .WithTrackingName(Steps.ParseGenerators);
            var discriminators = context.SyntaxProvider.ForAttributeWithMetadataName(NetParser.DiscriminatorAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => NetParser.Parse(ctx, NetRole.Discriminator, ct))
                .WithTrackingName(Steps.ParseDiscriminators);
            var gans = context.SyntaxProvider.ForAttributeWithMetadataName(NetParser.GanAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => GanParser.Parse(ctx, ct))
                .WithTrackingName(Steps.ParseGans);

            var generatorModels = generators.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!)
                .WithTrackingName(Steps.NetModels);
            var discriminatorModels = discriminators.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!)
                .WithTrackingName(Steps.NetModels);
            context.RegisterSourceOutput(generatorModels, static (spc, net) => EmitNet(spc, net));
            context.RegisterSourceOutput(discriminatorModels, static (spc, net) => EmitNet(spc, net));

            var ganModels = gans.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!)
                .WithTrackingName(Steps.GanModels);
            context.RegisterSourceOutput(ganModels, static (spc, gan) => EmitGan(spc, gan));

            // Diagnostics: a separate branch of plain values; locations are rebuilt from the trees when reported.
            context.RegisterSourceOutput(generators.Select(static (r, _) => r.Diagnostics).WithTrackingName(Steps.NetDiagnostics),
                static (spc, batch) => batch.Report(spc));
            context.RegisterSourceOutput(discriminators.Select(static (r, _) => r.Diagnostics).WithTrackingName(Steps.NetDiagnostics),
                static (spc, batch) => batch.Report(spc));
            context.RegisterSourceOutput(gans.Select(static (r, _) => r.Diagnostics).WithTrackingName(Steps.NetDiagnostics),
                static (spc, batch) => batch.Report(spc));

            var allNets = generatorModels.Collect().Combine(discriminatorModels.Collect())
                .Select(static (pair, _) => new EquatableNets(pair.Left.AddRange(pair.Right)));
            var pairs = gans.Combine(allNets).Select(static (p, _) => PairCheck.Check(p.Left, p.Right.Nets))
                .WithTrackingName(Steps.PairDiagnostics);
            context.RegisterSourceOutput(pairs, static (spc, batch) => batch.Report(spc));

            InitializeProgressive(context);

            foreach (var name in MissingRoleCheck.LayerAttributeNames)
            {
                var missing = context.SyntaxProvider.ForAttributeWithMetadataName("GanDsl." + name,
                        static (node, _) => node is ClassDeclarationSyntax,
                        static (ctx, _) => MissingRoleCheck.Check(ctx))
                    .WithTrackingName(Steps.MissingRole);
                context.RegisterSourceOutput(missing, static (spc, batch) => batch.Report(spc));
            }
        }

        /// <summary>[GanBlock] nets, and progressive nets checked against the collected blocks once those are parsed.</summary>
        private static void InitializeProgressive(IncrementalGeneratorInitializationContext context)
        {
            var blocks = context.SyntaxProvider.ForAttributeWithMetadataName(NetParser.BlockAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => NetParser.Parse(ctx, NetRole.Block, ct))
                .WithTrackingName(Steps.ParseBlocks);
            var blockModels = blocks.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!)
                .WithTrackingName(Steps.NetModels);
            context.RegisterSourceOutput(blockModels, static (spc, net) => EmitNet(spc, net));
            context.RegisterSourceOutput(blocks.Select(static (r, _) => r.Diagnostics).WithTrackingName(Steps.NetDiagnostics),
                static (spc, batch) => batch.Report(spc));
            var allBlocks = blockModels.Collect().Select(static (b, _) => new EquatableNets(b));

            foreach (var role in new[] { NetRole.Generator, NetRole.Discriminator })
            {
                System.Func<GeneratorAttributeSyntaxContext, System.Threading.CancellationToken, ProgressiveParse> parse = role == NetRole.Generator
                    ? static (ctx, ct) => ProgressiveParser.Parse(ctx, NetRole.Generator, ct)
                    : static (ctx, ct) => ProgressiveParser.Parse(ctx, NetRole.Discriminator, ct);
                var parsed = context.SyntaxProvider.ForAttributeWithMetadataName(
                        role == NetRole.Generator ? NetParser.ProgressiveGeneratorAttribute : NetParser.ProgressiveDiscriminatorAttribute,
                        static (node, _) => node is ClassDeclarationSyntax, parse)
                    .WithTrackingName(Steps.ParseProgressive);
                context.RegisterSourceOutput(parsed.Select(static (p, _) => p.Diagnostics).WithTrackingName(Steps.NetDiagnostics),
                    static (spc, batch) => batch.Report(spc));
                var checkedNets = parsed.Combine(allBlocks).Select(static (p, _) => ProgressiveCheck.Check(p.Left, p.Right.Nets))
                    .WithTrackingName(Steps.ProgressiveChecks);
                context.RegisterSourceOutput(checkedNets.Select(static (r, _) => r.Diagnostics), static (spc, batch) => batch.Report(spc));
                context.RegisterSourceOutput(checkedNets.Select(static (r, _) => r.Model).Where(static m => m != null).Select(static (m, _) => m!),
                    static (spc, model) => EmitProgressive(spc, model));
            }
        }

        private static void EmitProgressive(SourceProductionContext context, ProgressiveModel model)
        {
            var net = model.Net;
            string source;
            try
            {
                source = ProgressiveEmitter.Emit(model);
            }
            catch (System.Exception e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, Location.None, net.Name, e.GetType().Name + ": " + e.Message));
                return;
            }
            var fullName = (net.Namespace == null ? "" : net.Namespace + ".") + string.Join(".", net.ContainingTypes) + net.Name;
            context.AddSource(SourceWriter.HintName(fullName), source);
        }

        private static void EmitNet(SourceProductionContext context, NetModel net)
        {
            string source;
            try
            {
                source = NetEmitter.Emit(net);
            }
            catch (System.Exception e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, Location.None, net.Name, e.GetType().Name + ": " + e.Message));
                return;
            }
            context.AddSource(SourceWriter.HintName(net.FullName), source);
        }

        private static void EmitGan(SourceProductionContext context, GanModel gan)
        {
            string source;
            try
            {
                source = GanEmitter.Emit(gan);
            }
            catch (System.Exception e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InternalError, Location.None, gan.Name, e.GetType().Name + ": " + e.Message));
                return;
            }
            var fullName = (gan.Namespace == null ? "" : gan.Namespace + ".") + string.Join(".", gan.ContainingTypes) + gan.Name;
            context.AddSource(SourceWriter.HintName(fullName), source);
        }

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
