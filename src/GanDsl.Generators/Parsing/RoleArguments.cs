using System.Collections.Generic;
using System.Globalization;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>The validated arguments of [GanGenerator] / [GanDiscriminator].</summary>
    internal sealed class RoleArguments
    {
        private RoleArguments(NetRole role, int latentDim, int classes, bool dcgan, int[] inputShape)
        {
            Role = role;
            LatentDim = latentDim;
            Classes = classes;
            Dcgan = dcgan;
            InputShape = inputShape;
        }

        public NetRole Role { get; }
        public int LatentDim { get; }
        public int Classes { get; }
        public bool Dcgan { get; }

        /// <summary>Discriminator: the declared sample shape; generator: [LatentDim].</summary>
        public int[] InputShape { get; }

        public Conditioning Conditioning { get; private set; }

        /// <summary>What the layer stack receives once labels are mixed in; also fixes <see cref="Conditioning"/>.</summary>
        public int[] StackInput(IReadOnlyList<LayerSpec> layers)
        {
            if (Classes == 0)
            {
                Conditioning = Conditioning.None;
                return InputShape;
            }
            if (InputShape.Length == 3 && layers.Count > 0 && layers[0].Kind == LayerKind.Flatten)
            {
                Conditioning = Conditioning.EmbeddingAfterFlatten;
                return new[] { InputShape[0] * InputShape[1] * InputShape[2] + Classes };
            }
            if (InputShape.Length == 3)
            {
                Conditioning = Conditioning.OneHotPlanes;
                return new[] { InputShape[0] + Classes, InputShape[1], InputShape[2] };
            }
            Conditioning = Conditioning.EmbeddingAtInput;
            return new[] { InputShape[0] + Classes };
        }

        public static RoleArguments? Read(AttributeData attribute, NetRole role, string name, SyntaxTree tree, TextSpan span, DiagnosticSink sink)
        {
            int classes = LayerReader.NamedInt(attribute, "Classes") ?? 0;
            bool dcgan = (LayerReader.NamedInt(attribute, "Init") ?? 0) == 1;
            string roleName = role == NetRole.Generator ? "GanGenerator" : role == NetRole.Block ? "GanBlock" : "GanDiscriminator";
            if (classes < 0)
            {
                sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span,
                    "[" + roleName + "] on '" + name + "' needs Classes of 0 (unconditional) or more but has " + Int(classes) + "; use the number of labels");
                return null;
            }
            if (role == NetRole.Generator)
            {
                int? latent = LayerReader.NamedInt(attribute, "LatentDim");
                if (latent == null)
                {
                    sink.Add(DiagnosticCatalog.MissingLatentDim, tree, span, name);
                    return null;
                }
                if (latent <= 0)
                {
                    sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span,
                        "[GanGenerator] on '" + name + "' needs a positive LatentDim but has " + Int(latent.Value) + "; use a size such as 100");
                    return null;
                }
                if ((long)latent.Value + classes > int.MaxValue)
                {
                    sink.Add(DiagnosticCatalog.Overflow, tree, span, "[GanGenerator] on '" + name + "' has LatentDim + Classes beyond 2^31-1; use smaller sizes");
                    return null;
                }
                return new RoleArguments(role, latent.Value, classes, dcgan, new[] { latent.Value });
            }

            var shape = attribute.ConstructorArguments.Length == 0 ? new int[0] : LayerReader.Ints(attribute.ConstructorArguments, 0);
            if (shape.Length == 0)
            {
                sink.Add(role == NetRole.Block ? DiagnosticCatalog.BlockWithoutInputShape : DiagnosticCatalog.MissingInputShape, tree, span, name);
                return null;
            }
            foreach (var d in shape)
                if (d <= 0)
                {
                    sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span,
                        "[" + roleName + "] on '" + name + "' needs positive input dimensions but has " + Int(d) + "; use sizes of at least 1");
                    return null;
                }
            if (shape.Length != 1 && shape.Length != 3)
            {
                sink.Add(DiagnosticCatalog.ArgumentOutOfRange, tree, span,
                    "[" + roleName + "] on '" + name + "' needs [features] or [channels, height, width] but has " + shape.Length.ToString(CultureInfo.InvariantCulture)
                    + " dimensions; write e.g. [" + roleName + "(1, 28, 28)]");
                return null;
            }
            long elements = 1;
            foreach (var d in shape) elements *= d;
            if (elements + classes > int.MaxValue || (shape.Length == 3 && elements * (shape[0] + (long)classes) / shape[0] > int.MaxValue))
            {
                sink.Add(DiagnosticCatalog.Overflow, tree, span, "[" + roleName + "] on '" + name + "' declares more than 2^31-1 elements per sample; use a smaller input");
                return null;
            }
            return new RoleArguments(role, 0, classes, dcgan, shape);
        }

        private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
