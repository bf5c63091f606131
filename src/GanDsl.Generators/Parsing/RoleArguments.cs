using System.Collections.Generic;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Reads and checks the arguments of [GanGenerator], [GanDiscriminator] and [GanBlock].</summary>
    internal static class RoleArguments
    {
        /// <summary>The value of <c>Init.Dcgan</c> in GanDsl's <c>Init</c> enum (the generator does not reference the runtime).</summary>
        internal const int DcganInit = 1;

        /// <summary>The role's settings (conditioning decided by <paramref name="layers"/>), or null after reporting what is wrong.</summary>
        public static NetInputs? Read(AttributeData attribute, NetRole role, string name, IReadOnlyList<LayerSpec> layers,
            SyntaxTree tree, TextSpan span, DiagnosticSink sink)
        {
            int classes = LayerReader.NamedInt(attribute, "Classes") ?? 0;
            bool dcgan = (LayerReader.NamedInt(attribute, "Init") ?? 0) == DcganInit;
            string roleName = RoleName(role);
            if (classes < 0)
            {
                sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span, DiagnosticCatalog.Sentences.NegativeClasses(roleName, name, classes));
                return null;
            }
            int[]? shape = role == NetRole.Generator ? LatentShape(attribute, name, classes, tree, span, sink)
                : DeclaredShape(attribute, role, roleName, name, classes, tree, span, sink);
            if (shape == null) return null;
            var conditioning = ConditioningChoice.Decide(attribute, role, roleName, name, shape, classes, layers, tree, span, sink);
            if (conditioning == null) return null;
            return new NetInputs(role == NetRole.Generator ? shape[0] : 0, classes, dcgan, conditioning.Value, EquatableArray.From(shape));
        }

        /// <summary>What the layer stack receives once the labels are mixed in as <paramref name="inputs"/> says (a projection and
        /// conditional batch norm mix nothing into the input).</summary>
        public static int[] StackInput(NetInputs inputs)
        {
            var shape = inputs.DeclaredShape;
            switch (inputs.Conditioning)
            {
                case Conditioning.EmbeddingAfterFlatten: return new[] { shape[0] * shape[1] * shape[2] + inputs.Classes };
                case Conditioning.OneHotPlanes:
                case Conditioning.OneHotPlanesAndClassifier: return new[] { shape[0] + inputs.Classes, shape[1], shape[2] };
                case Conditioning.EmbeddingAtInput: return new[] { shape[0] + inputs.Classes };
                default: return shape.ToArray();
            }
        }

        private static int[]? LatentShape(AttributeData attribute, string name, int classes, SyntaxTree tree, TextSpan span, DiagnosticSink sink)
        {
            int? latent = LayerReader.NamedInt(attribute, "LatentDim");
            if (latent == null)
                sink.Add(DiagnosticCatalog.MissingLatentDim, tree, span, name);
            else if (latent <= 0)
                sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span, DiagnosticCatalog.Sentences.NonPositiveLatentDim(name, latent.Value));
            else if ((long)latent.Value + classes > int.MaxValue)
                sink.Add(DiagnosticCatalog.Overflow, tree, span, DiagnosticCatalog.Sentences.LatentOverflow(name));
            else return new[] { latent.Value };
            return null;
        }

        private static int[]? DeclaredShape(AttributeData attribute, NetRole role, string roleName, string name, int classes,
            SyntaxTree tree, TextSpan span, DiagnosticSink sink)
        {
            var shape = LayerReader.Ints(attribute.ConstructorArguments, 0);
            if (shape.Length == 0)
            {
                sink.Add(role == NetRole.Block ? DiagnosticCatalog.BlockWithoutInputShape : DiagnosticCatalog.MissingInputShape, tree, span, name);
                return null;
            }
            foreach (var d in shape)
                if (d <= 0)
                {
                    sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span, DiagnosticCatalog.Sentences.NonPositiveInputDimension(roleName, name, d));
                    return null;
                }
            if (shape.Length != 1 && shape.Length != 3)
            {
                sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span, DiagnosticCatalog.Sentences.InputRank(roleName, name, shape.Length));
                return null;
            }
            long elements = 1;
            foreach (var d in shape) elements *= d;
            if (elements + classes > int.MaxValue || (shape.Length == 3 && elements * (shape[0] + (long)classes) / shape[0] > int.MaxValue))
            {
                sink.Add(DiagnosticCatalog.Overflow, tree, span, DiagnosticCatalog.Sentences.InputOverflow(roleName, name));
                return null;
            }
            return shape;
        }

        private static string RoleName(NetRole role) =>
            role == NetRole.Generator ? "GanGenerator" : role == NetRole.Block ? "GanBlock" : "GanDiscriminator";
    }
}
