using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Syntax + attribute data of a [GanGenerator]/[GanDiscriminator]/[GanBlock] class → <see cref="NetModel"/> (or a stub) and diagnostics.</summary>
    internal static class NetParser
    {
        public static ParseResult<NetModel> Parse(GeneratorAttributeSyntaxContext context, NetRole role, CancellationToken token) =>
            InternalErrors.Parse(context, token, (c, t) => Build(c, role, t), ParseResult<NetModel>.Failed);

        private static ParseResult<NetModel> Build(GeneratorAttributeSyntaxContext context, NetRole role, CancellationToken token)
        {
            var declaration = (TypeDeclarationSyntax)context.TargetNode;
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            var header = TypeHeaders.Of(symbol, declaration);
            var stub = new StubModel(header, StubKindOf(role), EquatableArray<string>.Empty);

            // The analyzer reports declaration mistakes; the class gets a stub when the mistake leaves it one role.
            var problem = DeclarationProblems.Find(symbol, token);
            if (problem != null)
                return new ParseResult<NetModel>(null, problem.KeptRole == RoleAttributes.Rank(RoleAttributes.Of(role)) ? stub : null, DiagnosticBatch.Empty);

            var sink = new DiagnosticSink();
            var guess = new DiagnosticSink();
            var model = Check(declaration, symbol, header, context.Attributes[0], role, sink, guess, token);
            return new ParseResult<NetModel>(model, model == null ? stub : null, sink.ToBatch(), guess.ToBatch());
        }

        private static NetModel? Check(TypeDeclarationSyntax declaration, INamedTypeSymbol symbol, TypeHeader header,
            AttributeData roleAttribute, NetRole role, DiagnosticSink sink, DiagnosticSink guess, CancellationToken token)
        {
            var tree = declaration.SyntaxTree;
            var roleSpan = roleAttribute.ApplicationSyntaxReference?.Span ?? declaration.Identifier.Span;
            var layerAttributes = DeclarationProblems.LayerAttributes(symbol);
            token.ThrowIfCancellationRequested();
            if (layerAttributes.Count == 0)
            {
                sink.Add(DiagnosticCatalog.EmptyStack, tree, roleSpan, symbol.Name);
                return null;
            }
            var layers = new List<LayerSpec>();
            foreach (var a in layerAttributes)
            {
                var spec = LayerReader.Read(a);
                if (spec == null) return null; // binding error: the compiler already reports it
                layers.Add(spec);
            }

            var inputs = RoleArguments.Read(roleAttribute, role, symbol.Name, layers, tree, roleSpan, sink);
            if (inputs == null) return null;
            var shapes = ShapeInference.InferStack(RoleArguments.StackInput(inputs), layers);
            if (shapes.Error != null)
            {
                var at = layerAttributes[Math.Max(0, shapes.Error.LayerIndex)].ApplicationSyntaxReference!;
                sink.Add(DiagnosticCatalog.For(shapes.Error.Kind), at.SyntaxTree, at.Span, shapes.Error.Message);
                return null;
            }
            // Conditional batch norm replaces each batch norm's own affine by per-class ones (the shapes stay as inferred).
            var stackLayers = inputs.Conditioning == Conditioning.ConditionalBatchNorm ? LabelLayout.WithoutNormAffines(layers) : layers.ToArray();
            var stack = new StackModel(EquatableArray.From(shapes.Input), EquatableArray.From(stackLayers),
                EquatableArray.From(shapes.Outputs.Select(o => EquatableArray.From(o))));
            var net = new NetModel(Type: header, Role: role, Inputs: inputs, Stack: stack, ParameterCount: 0);

            long? parameters = CountParameters(net, shapes);
            if (parameters == null)
            {
                sink.Add(DiagnosticCatalog.Overflow, tree, roleSpan, DiagnosticCatalog.Sentences.CountOverflow(symbol.Name));
                return null;
            }
            if (role == NetRole.Generator) WarnIfUnbounded(symbol.Name, layers, layerAttributes, guess);
            return net with { ParameterCount = parameters.Value };
        }

        /// <summary>The layers' parameters plus the label modules', or null when it (or a mult-add count) exceeds 64 bits.</summary>
        private static long? CountParameters(NetModel net, StackShapes shapes)
        {
            try
            {
                var layers = net.Stack.Layers.ToArray();
                long total = checked(LayerCounts.TotalParameters(shapes.Input, layers) + net.LabelParameters);
                new ModelSummary(shapes.Input, layers).TotalMultAdds(1);
                return total;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        /// <summary>
        /// GAN0017 at the last layer that can leave the data's range (layers that only move values are looked through): a guess
        /// at the data's range, which a pair's declared DataRange replaces.
        /// </summary>
        private static void WarnIfUnbounded(string name, List<LayerSpec> layers, List<AttributeData> attributes, DiagnosticSink sink)
        {
            int i = RecipeRules.LastValueLayer(layers);
            if (i < 0 || layers[i].Kind.OutputBound == OutputBound.Fixed) return;
            var at = attributes[i].ApplicationSyntaxReference!;
            sink.Add(DiagnosticCatalog.UnboundedOutput, at.SyntaxTree, at.Span, name, layers[i].Describe());
        }

        private static StubKind StubKindOf(NetRole role) =>
            role == NetRole.Generator ? StubKind.Generator : role == NetRole.Discriminator ? StubKind.Discriminator : StubKind.Block;
    }
}
