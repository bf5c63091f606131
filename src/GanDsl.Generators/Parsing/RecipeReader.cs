using System.Collections.Generic;
using System.Globalization;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using GanDsl.Training;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// Reads the recipe of a [Gan&lt;G, D&gt;] pair from its named arguments and checks each value with the shared
    /// <see cref="RecipeArguments"/> rules: a bad value is GAN0022 at its argument and is left out of the recipe.
    /// </summary>
    internal static class RecipeReader
    {
        public const string Loss = "Loss", GradientPenalty = "GradientPenalty", R1 = "R1", CriticSteps = "CriticSteps", DataRange = "DataRange";

        /// <summary>The declared recipe (bad values left out, <paramref name="ok"/> false after reporting them) and where each argument is written.</summary>
        public static GanRecipe Read(AttributeData attribute, AttributeSyntax? syntax, string pair, SyntaxTree tree, TextSpan fallback,
            DiagnosticSink sink, out EquatableArray<NamedSpan> spans, out bool ok)
        {
            var written = new List<NamedSpan>();
            if (syntax?.ArgumentList != null)
                foreach (var argument in syntax.ArgumentList.Arguments)
                    if (argument.NameEquals != null)
                        written.Add(new NamedSpan(argument.NameEquals.Name.Identifier.ValueText, argument.Span.Start, argument.Span.Length));
            spans = EquatableArray.From(written);
            var found = spans;
            bool valid = true;
            void Bad(string name, string sentence, string fix)
            {
                valid = false;
                sink.Add(DiagnosticCatalog.RecipeArgumentOutOfRange, tree, SpanOf(found, name, fallback),
                    DiagnosticCatalog.Sentences.BadRecipeArgument(pair, sentence, fix));
            }

            var recipe = GanRecipe.None;
            if (Value(attribute, Loss) is int loss)
            {
                if (RecipeArguments.IsLoss(loss)) recipe = recipe with { Loss = (GanLoss)loss };
                else Bad(Loss, RecipeArguments.NotOneOf(Loss, loss, RecipeArguments.LossChoices), "use one of GanLoss's named values");
            }
            if (Value(attribute, GradientPenalty) is double gp)
            {
                if (RecipeArguments.IsPenaltyWeight(gp)) recipe = recipe with { GradientPenalty = gp };
                else Bad(GradientPenalty, PenaltyProblem(GradientPenalty, gp), "use a weight such as 10, or 0 for none");
            }
            if (Value(attribute, R1) is double r1)
            {
                if (RecipeArguments.IsPenaltyWeight(r1)) recipe = recipe with { R1 = r1 };
                else Bad(R1, PenaltyProblem(R1, r1), "use a weight such as 1, or 0 for none");
            }
            if (Value(attribute, CriticSteps) is int steps)
            {
                if (RecipeArguments.IsCriticSteps(steps)) recipe = recipe with { CriticSteps = steps };
                else Bad(CriticSteps, RecipeArguments.OutOfRange(CriticSteps, RecipeArguments.CriticStepsRequirement, Int(steps)),
                    "use 1, or 5 for a Wasserstein critic");
            }
            if (Value(attribute, DataRange) is int range)
            {
                if (RecipeArguments.IsDataRange(range)) recipe = recipe with { DataRange = (GanDsl.DataRange)range };
                else Bad(DataRange, RecipeArguments.NotOneOf(DataRange, range, RecipeArguments.DataRangeChoices),
                    "use DataRange.MinusOneToOne or DataRange.ZeroToOne");
            }
            ok = valid;
            return recipe;
        }

        /// <summary>True when the attribute declares a data range (valid or not), which replaces GAN0017's guess for its generator.</summary>
        public static bool DeclaresDataRange(AttributeData attribute) => Value(attribute, DataRange) != null;

        /// <summary>Where argument <paramref name="name"/> is written, or <paramref name="fallback"/> (the attribute) when it is not.</summary>
        public static TextSpan SpanOf(EquatableArray<NamedSpan> spans, string name, TextSpan fallback)
        {
            foreach (var s in spans)
                if (s.Name == name) return new TextSpan(s.Start, s.Length);
            return fallback;
        }

        private static string PenaltyProblem(string name, double weight) =>
            RecipeArguments.OutOfRange(name, RecipeArguments.PenaltyWeightRequirement, weight.ToString("R", CultureInfo.InvariantCulture));

        /// <summary>A bound named argument's value as int (enums, int) or double; null when absent or not bound (the compiler reports that).</summary>
        private static object? Value(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key != name || pair.Value.Kind == TypedConstantKind.Error || pair.Value.Kind == TypedConstantKind.Array) continue;
                switch (pair.Value.Value)
                {
                    case int i: return i;
                    case double d: return d;
                    default: return null;
                }
            }
            return null;
        }

        private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
