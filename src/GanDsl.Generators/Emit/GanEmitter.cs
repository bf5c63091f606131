using System.Collections.Generic;
using GanDsl.Generators.Model;
using static GanDsl.Generators.Emit.RuntimeNames;

namespace GanDsl.Generators.Emit
{
    /// <summary>Writes the partial class of a [Gan&lt;G, D&gt;] pair.</summary>
    internal static class GanEmitter
    {
        public static string Emit(GanModel gan)
        {
            var w = new SourceWriter();
            using (w.OpenType(gan.Type, " : " + Nn + "IGan"))
            {
                w.Line("/// <summary>Creates the generator from <paramref name=\"seed\"/> and the discriminator from seed + 1.</summary>");
                using (w.Block("public " + gan.Type.Name + "(ulong seed = 42)"))
                {
                    w.Line("Generator = new " + gan.GeneratorType + "(seed);");
                    w.Line("Discriminator = new " + gan.DiscriminatorType + "(seed + 1);");
                }
                w.Line();
                w.Line("public " + gan.GeneratorType + " Generator { get; }").Line();
                w.Line("public " + gan.DiscriminatorType + " Discriminator { get; }").Line();
                w.Line(GeneratorModule + " " + Nn + "IGan.Generator => Generator;").Line();
                w.Line(DiscriminatorModule + " " + Nn + "IGan.Discriminator => Discriminator;").Line();
                WriteRecipe(w, gan.Recipe);
            }
            return w.ToString();
        }

        /// <summary>The declared recipe as data, the default configuration it makes, and the recipe through <c>IGan</c>.</summary>
        private static void WriteRecipe(SourceWriter w, GanRecipe recipe)
        {
            var fields = new List<string>();
            if (recipe.Loss is { } loss) fields.Add("Loss = global::GanDsl.Training.GanLoss." + loss);
            if (recipe.GradientPenalty is { } gp) fields.Add("GradientPenalty = " + SourceWriter.Real(gp));
            if (recipe.R1 is { } r1) fields.Add("R1 = " + SourceWriter.Real(r1));
            if (recipe.CriticSteps is { } steps) fields.Add("CriticSteps = " + SourceWriter.Int(steps));
            if (recipe.DataRange is { } range) fields.Add("DataRange = global::GanDsl.DataRange." + range);
            w.Line("/// <summary>The training recipe declared on this pair's [Gan&lt;G, D&gt;] attribute (a null field was not declared).</summary>");
            w.Line("public static " + Recipe + " Recipe { get; } = " + (fields.Count == 0 ? Recipe + ".None;" : "new " + Recipe + " { " + string.Join(", ", fields) + " };"));
            w.Line();
            w.Line("/// <summary><c>TrainingConfig.Default</c> with <see cref=\"Recipe\"/> applied: this pair's default configuration (derive variants with <c>with</c>).</summary>");
            w.Line("public static " + TrainingConfig + " DefaultConfig { get; } = " + TrainingConfig + ".Default.WithRecipe(Recipe);").Line();
            w.Line(Recipe + " " + Nn + "IGan.Recipe => Recipe;");
        }
    }
}
