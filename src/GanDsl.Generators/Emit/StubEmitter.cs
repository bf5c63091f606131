using GanDsl.Generators.Model;

namespace GanDsl.Generators.Emit
{
    /// <summary>
    /// Writes the stand-in for a class that failed its GanDsl checks: the base class and the members generated code would
    /// have, with the same types, so code that uses the class compiles and the GAN diagnostic stays the build's only error.
    /// Its members throw (the build has an error, so they run only if that error was switched off).
    /// </summary>
    internal static class StubEmitter
    {
        private const string Tensor = "global::GanDsl.Tensors.Tensor";
        private const string Nn = "global::GanDsl.Nn.";

        public static string Emit(StubModel stub)
        {
            var w = new SourceWriter();
            string fails = "throw new global::System.InvalidOperationException(\"" + stub.Type.Name
                + " has a GanDsl build error; fix the GAN diagnostic on its declaration.\")";
            using (w.OpenType(stub.Type, " : " + BaseType(stub.Kind)))
            {
                if (stub.Kind == StubKind.Gan) WriteGan(w, stub, fails);
                else WriteNet(w, stub, fails);
            }
            return w.ToString();
        }

        private static string BaseType(StubKind kind)
        {
            switch (kind)
            {
                case StubKind.Generator: return Nn + "GeneratorModule";
                case StubKind.Discriminator: return Nn + "DiscriminatorModule";
                case StubKind.Block: return Nn + "Progressive.BlockModule";
                case StubKind.ProgressiveGenerator: return Nn + "Progressive.ProgressiveGenerator";
                case StubKind.ProgressiveDiscriminator: return Nn + "Progressive.ProgressiveDiscriminator";
                default: return Nn + "IGan";
            }
        }

        private static void WriteNet(SourceWriter w, StubModel stub, string fails)
        {
            w.Line("/// <summary>0 while the declaration has a GanDsl error.</summary>");
            w.Line("public const long ParameterCount = 0L;").Line();
            w.Line("public static global::GanDsl.Shapes.ModelSummary Summary => " + fails + ";").Line();
            switch (stub.Kind)
            {
                case StubKind.Generator:
                    w.Line("public static int[] InputShape => " + fails + ";").Line();
                    w.Line("public override int LatentDim => " + fails + ";").Line();
                    w.Line("public override int[] OutputShape => " + fails + ";").Line();
                    w.Line("public override int Classes => " + fails + ";").Line();
                    break;
                case StubKind.Discriminator:
                    w.Line("public static int[] OutputShape => " + fails + ";").Line();
                    w.Line("public override int[] InputShape => " + fails + ";").Line();
                    w.Line("public override bool OutputsProbability => " + fails + ";").Line();
                    w.Line("public override int Classes => " + fails + ";").Line();
                    break;
                case StubKind.Block:
                    w.Line("public override int[] InputShape => " + fails + ";").Line();
                    w.Line("public override int[] OutputShape => " + fails + ";").Line();
                    break;
                default:
                    // The progressive base classes need stages; none can be built, and the base refuses an empty list.
                    w.Line("public " + stub.Type.Name + "(ulong seed = 42)");
                    w.Line("    : base(global::System.Array.Empty<" + Nn + "Progressive.BlockModule>())");
                    w.Line("{");
                    w.Line("}");
                    return;
            }
            w.Line("public " + stub.Type.Name + "(ulong seed = 42)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("public override " + Tensor + " Forward(" + Tensor + " input) => " + fails + ";");
            if (stub.Kind == StubKind.Generator)
                w.Line().Line("public override " + Tensor + " Generate(" + Tensor + " z, int[]? labels) => " + fails + ";");
            if (stub.Kind == StubKind.Discriminator)
                w.Line().Line("public override " + Tensor + " Score(" + Tensor + " x, int[]? labels) => " + fails + ";");
        }

        private static void WriteGan(SourceWriter w, StubModel stub, string fails)
        {
            w.Line("public " + stub.Type.Name + "(ulong seed = 42)");
            w.Line("{");
            w.Line("}");
            w.Line();
            if (stub.GanTypes.Count == 2)
            {
                w.Line("public " + stub.GanTypes[0] + " Generator => " + fails + ";").Line();
                w.Line("public " + stub.GanTypes[1] + " Discriminator => " + fails + ";").Line();
            }
            w.Line(Nn + "GeneratorModule " + Nn + "IGan.Generator => " + fails + ";").Line();
            w.Line(Nn + "DiscriminatorModule " + Nn + "IGan.Discriminator => " + fails + ";");
        }
    }
}
