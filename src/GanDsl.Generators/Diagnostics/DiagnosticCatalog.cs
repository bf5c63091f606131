using System.Collections.Generic;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic GanDsl reports, with every message format; each id has a page docs/diagnostics/GANxxxx.md that
    /// the IDE opens from the help link. Layer shape and argument sentences come whole from the shared Shapes code
    /// (format "{0}"), and so do the recipe sentences (<c>RecipeRules</c>, shared with <c>TrainingConfig.Validate</c>); the other
    /// "{0}" sentences are built by <see cref="Sentences"/> below.
    /// </summary>
    internal static partial class DiagnosticCatalog
    {
        private const string Category = "GanDsl";

        /// <summary>Where the pages are published: the repository's docs folder on its main branch.</summary>
        public const string HelpLinkBase = "https://github.com/gandsl/gandsl/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor NotPartial = Error("GAN0001", "Declared net must be partial",
            "'{0}' must be declared partial so GanDsl can generate its members; add the partial modifier");
        public static readonly DiagnosticDescriptor MissingRole = Error("GAN0002", "Layer attributes without a role",
            "'{0}' declares layer attributes but no role; add [GanGenerator(LatentDim = ...)] or [GanDiscriminator(...)]");
        public static readonly DiagnosticDescriptor ConflictingRoles = Error("GAN0003", "Conflicting role attributes",
            "'{0}' carries both [{1}] and [{2}]; keep one role attribute per class");
        public static readonly DiagnosticDescriptor EmptyStack = Error("GAN0004", "Empty layer stack",
            "'{0}' has no layer attributes; add its layers after the role attribute, e.g. [Linear(256), ReLU]");
        public static readonly DiagnosticDescriptor LayersSpread = Error("GAN0005", "Layers spread over partial declarations",
            "Layer attributes of '{0}' are spread over several partial declarations; move them all to one declaration");
        public static readonly DiagnosticDescriptor RankMismatch = Error("GAN0006", "Flat and image layers mismatched", "{0}");
        public static readonly DiagnosticDescriptor KernelTooLarge = Error("GAN0007", "Kernel larger than its input", "{0}");
        public static readonly DiagnosticDescriptor ReshapeCount = Error("GAN0008", "Reshape element count differs", "{0}");
        public static readonly DiagnosticDescriptor ArgumentOutOfRange = Error("GAN0009", "Argument out of range", "{0}");
        public static readonly DiagnosticDescriptor MissingLatentDim = Error("GAN0010", "Generator without LatentDim",
            "Generator '{0}' has no LatentDim; write [GanGenerator(LatentDim = 100)]");
        public static readonly DiagnosticDescriptor MissingInputShape = Error("GAN0011", "Discriminator without input shape",
            "Discriminator '{0}' has no input shape; write its sample shape, e.g. [GanDiscriminator(1, 28, 28)]");
        public static readonly DiagnosticDescriptor GanRoleMissing = Error("GAN0012", "GAN type argument lacks its role",
            "Type argument '{0}' of [Gan<...>] on '{1}' is not a declared {2}; mark it with [{3}] and a layer stack");
        public static readonly DiagnosticDescriptor GanShapeMismatch = Error("GAN0013", "Generator output differs from discriminator input",
            "Generator '{0}' outputs {1} but discriminator '{2}' expects {3}; make the generator's last layers produce {3}");
        public static readonly DiagnosticDescriptor GanScoreShape = Error("GAN0014", "Discriminator does not end in one score",
            "Discriminator '{0}' outputs {1} per sample but a GAN needs one score per sample; end its stack with [Flatten] and [Linear(1)]");
        public static readonly DiagnosticDescriptor GanClassesMismatch = Error("GAN0015", "Generator and discriminator disagree on Classes",
            "Generator '{0}' has Classes = {1} but discriminator '{2}' has Classes = {3}; give both the same class count");
        public static readonly DiagnosticDescriptor Overflow = Error("GAN0016", "Size overflow", "{0}");
        public static readonly DiagnosticDescriptor UnboundedOutput = Create("GAN0017", "Generator output not bounded",
            "Generator '{0}' ends in {1}, so its samples are not bounded like the data; end the stack with [Tanh] (data in [-1, 1]) or [Sigmoid] (data in [0, 1])",
            DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor InternalError = Error("GAN0018", "GanDsl generator failure",
            "GanDsl could not process '{0}' ({1}); please report this with the declaration");
        public static readonly DiagnosticDescriptor BlockWithoutInputShape = Error("GAN0019", "Block without input shape",
            "Block '{0}' has no input shape; write its per-sample input shape, e.g. [GanBlock(64, 7, 7)] or [GanBlock(128)] for the noise vector");
        public static readonly DiagnosticDescriptor StageNotBlock = Error("GAN0020", "Progressive stage is not a block",
            "Stage {0} '{1}' of progressive {2} '{3}' is not a declared block; mark it with [GanBlock(...)] and a layer stack");
        public static readonly DiagnosticDescriptor StagesDoNotChain = Error("GAN0021", "Progressive stages do not chain", "{0}");
        public static readonly DiagnosticDescriptor RecipeArgumentOutOfRange = Error("GAN0022", "Recipe argument out of range", "{0}");
        public static readonly DiagnosticDescriptor RawScoreLossWithSigmoid = Error("GAN0023", "Raw-score loss with a Sigmoid discriminator", "{0}");
        public static readonly DiagnosticDescriptor BatchNormUnderPenalty = Create("GAN0024", "Batch norm in a critic with a gradient penalty",
            "{0}", DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor UncoveredDataRange = Create("GAN0025", "Generator output does not cover the data range",
            "{0}", DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor CapacityImbalance = Create("GAN0026", "Generator and discriminator sizes far apart",
            "{0}", DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor ConditioningMismatch = Error("GAN0027", "Label conditioning does not fit the net", "{0}");

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>();

        static DiagnosticCatalog()
        {
            foreach (var d in All) ById[d.Id] = d;
        }

        public static IReadOnlyList<DiagnosticDescriptor> All => new[]
        {
            NotPartial, MissingRole, ConflictingRoles, EmptyStack, LayersSpread, RankMismatch, KernelTooLarge, ReshapeCount,
            ArgumentOutOfRange, MissingLatentDim, MissingInputShape, GanRoleMissing, GanShapeMismatch, GanScoreShape,
            GanClassesMismatch, Overflow, UnboundedOutput, InternalError, BlockWithoutInputShape, StageNotBlock, StagesDoNotChain,
            RecipeArgumentOutOfRange, RawScoreLossWithSigmoid, BatchNormUnderPenalty, UncoveredDataRange, CapacityImbalance,
            ConditioningMismatch,
        };

        public static DiagnosticDescriptor Get(string id) => ById[id];

        /// <summary>The descriptor for a shape error from the shared Shapes code.</summary>
        public static DiagnosticDescriptor For(ShapeErrorKind kind)
        {
            switch (kind)
            {
                case ShapeErrorKind.RankMismatch: return RankMismatch;
                case ShapeErrorKind.KernelTooLarge: return KernelTooLarge;
                case ShapeErrorKind.ReshapeCount: return ReshapeCount;
                case ShapeErrorKind.ArgumentOutOfRange: return ArgumentOutOfRange;
                default: return Overflow;
            }
        }

        private static DiagnosticDescriptor Error(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true,
                description: "See docs/diagnostics/" + id + ".md for causes and fixes.", helpLinkUri: HelpLinkBase + id + ".md");
    }
}
