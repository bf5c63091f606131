using System.Collections.Immutable;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using GanDsl.Training;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// The pair's recipe against its nets, by the shared <see cref="RecipeRules"/> (so <c>TrainingConfig.Validate</c> gives the
    /// same sentences at run time). Each finding points at the argument it is about; the capacity check at the attribute.
    /// </summary>
    internal static class RecipeCheck
    {
        public static void Add(ImmutableArray<DiagnosticInfo>.Builder infos, GanParse gan, NetModel g, NetModel d)
        {
            var recipe = gan.Model!.Recipe;
            var attribute = new TextSpan(gan.AttributeStart, gan.AttributeLength);
            TextSpan At(string argument) => RecipeReader.SpanOf(gan.RecipeArguments, argument, attribute);
            void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextSpan span, string? sentence)
            {
                if (sentence != null) infos.Add(PairCheck.Info(descriptor, gan.FilePath, span, sentence));
            }

            if (recipe.Loss is GanLoss loss)
                Report(DiagnosticCatalog.RawScoreLossWithSigmoid, At(RecipeReader.Loss),
                    RecipeRules.RawScoreLossWithSigmoid(loss, d.Name, d.Stack.EndsInSigmoid));
            double gp = recipe.GradientPenalty ?? 0, r1 = recipe.R1 ?? 0;
            Report(DiagnosticCatalog.BatchNormUnderPenalty, At(gp > 0 ? RecipeReader.GradientPenalty : RecipeReader.R1),
                RecipeRules.BatchNormUnderPenalty(gp, r1, d.Name, d.Stack.Layers.ToArray()));
            if (recipe.DataRange is DataRange range)
                Report(DiagnosticCatalog.UncoveredDataRange, At(RecipeReader.DataRange),
                    RecipeRules.UncoveredDataRange(range, g.Name, g.Stack.Layers.ToArray()));
            Report(DiagnosticCatalog.CapacityImbalance, attribute, RecipeRules.CapacityImbalance(g.Name, g.ParameterCount, d.Name, d.ParameterCount));
        }
    }
}
