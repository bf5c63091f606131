using System.Collections.Generic;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// Decides how a net takes its labels: the role attribute's <c>Conditioning = …</c> when written (checked against the role,
    /// the input shape and the stack), otherwise the way the input's shape suggests.
    /// </summary>
    internal static class ConditioningChoice
    {
        private const string GeneratorChoices = "ConditionalBatchNorm or EmbeddingAtInput";
        private const string DiscriminatorChoices = "Projection, AuxiliaryClassifier, OneHotPlanes, OneHotPlanesAndClassifier, EmbeddingAfterFlatten or EmbeddingAtInput";

        /// <summary>The conditioning, or null after reporting GAN0027 at <paramref name="span"/>.</summary>
        public static Conditioning? Decide(AttributeData attribute, NetRole role, string roleName, string name, int[] shape, int classes,
            IReadOnlyList<LayerSpec> layers, SyntaxTree tree, TextSpan span, DiagnosticSink sink)
        {
            int? requested = LayerReader.NamedInt(attribute, "Conditioning");
            if (requested == null) return Automatic(shape, classes, layers);
            string? problem = Problem(requested.Value, role, roleName, name, shape, classes, layers);
            if (problem == null) return (Conditioning)requested.Value;
            sink.Add(DiagnosticCatalog.ConditioningMismatch, tree, span, problem);
            return null;
        }

        /// <summary>The way the input's shape suggests: z or a flat sample takes the embedding, an image one-hot planes (or the embedding after a leading Flatten).</summary>
        private static Conditioning Automatic(int[] shape, int classes, IReadOnlyList<LayerSpec> layers)
        {
            if (classes == 0) return Conditioning.None;
            if (shape.Length == 3 && layers.Count > 0 && layers[0].Kind == LayerKind.Flatten) return Conditioning.EmbeddingAfterFlatten;
            return shape.Length == 3 ? Conditioning.OneHotPlanes : Conditioning.EmbeddingAtInput;
        }

        private static string? Problem(int value, NetRole role, string roleName, string name, int[] shape, int classes, IReadOnlyList<LayerSpec> layers)
        {
            if (value < (int)Conditioning.None || value > (int)Conditioning.OneHotPlanesAndClassifier)
                return "[" + roleName + "] on '" + name + "' sets Conditioning to " + value.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + ", which is no LabelConditioning value; name one, e.g. LabelConditioning." + (role == NetRole.Generator ? "ConditionalBatchNorm" : "Projection");
            var conditioning = (Conditioning)value;
            if (conditioning == Conditioning.None)
                return classes == 0 ? null : DiagnosticCatalog.Sentences.ExplicitNoConditioning(roleName, name, classes);
            if (classes == 0) return DiagnosticCatalog.Sentences.ConditioningWithoutClasses(roleName, name, conditioning.ToString());
            bool generator = role == NetRole.Generator;
            string input = LayerSpec.FormatShape(shape);
            switch (conditioning)
            {
                case Conditioning.Projection:
                    if (generator) return OtherRole(roleName, name, conditioning, "discriminator", GeneratorChoices);
                    return LabelLayout.ProjectionHead(layers) < 0 ? DiagnosticCatalog.Sentences.ProjectionWithoutHead(name) : null;
                case Conditioning.AuxiliaryClassifier:
                case Conditioning.OneHotPlanesAndClassifier:
                    if (generator) return OtherRole(roleName, name, conditioning, "discriminator", GeneratorChoices);
                    if (conditioning == Conditioning.OneHotPlanesAndClassifier && shape.Length != 3)
                        return DiagnosticCatalog.Sentences.ConditioningNeedsShape(roleName, name, conditioning.ToString(), "an image input [C, H, W]", input);
                    return LabelLayout.ProjectionHead(layers) < 0 ? DiagnosticCatalog.Sentences.ClassifierWithoutHead(name, conditioning.ToString()) : null;
                case Conditioning.ConditionalBatchNorm:
                    if (!generator) return OtherRole(roleName, name, conditioning, "generator", DiscriminatorChoices);
                    return LabelLayout.ConditionalNorms(layers).Count == 0 ? DiagnosticCatalog.Sentences.ConditionalBatchNormWithoutNorms(name) : null;
                case Conditioning.EmbeddingAtInput:
                    return shape.Length == 1 ? null
                        : DiagnosticCatalog.Sentences.ConditioningNeedsShape(roleName, name, conditioning.ToString(), "a flat input [features]", input);
                case Conditioning.OneHotPlanes:
                    return shape.Length == 3 ? null
                        : DiagnosticCatalog.Sentences.ConditioningNeedsShape(roleName, name, conditioning.ToString(), "an image input [C, H, W]", input);
                default: // EmbeddingAfterFlatten
                    return shape.Length == 3 && layers.Count > 0 && layers[0].Kind == LayerKind.Flatten ? null
                        : DiagnosticCatalog.Sentences.ConditioningNeedsShape(roleName, name, conditioning.ToString(), "an image input [C, H, W] and a leading [Flatten]", input);
            }
        }

        private static string OtherRole(string roleName, string name, Conditioning conditioning, string owner, string choices) =>
            DiagnosticCatalog.Sentences.ConditioningOfOtherRole(roleName, name, conditioning.ToString(), owner, choices);
    }
}
