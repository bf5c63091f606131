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
                w.Line(DiscriminatorModule + " " + Nn + "IGan.Discriminator => Discriminator;");
            }
            return w.ToString();
        }
    }
}
