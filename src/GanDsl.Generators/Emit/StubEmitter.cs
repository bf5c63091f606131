using GanDsl.Generators.Model;
using static GanDsl.Generators.Emit.RuntimeNames;

namespace GanDsl.Generators.Emit
{
    /// <summary>
    /// Writes the stand-in for a class that failed its GanDsl checks: the base class and the members generated code would
    /// have, with the same types, so code that uses the class compiles and the GAN diagnostic stays the build's only error.
    /// Its members throw (the build has an error, so they run only if that error was switched off).
    /// </summary>
    internal static class StubEmitter
    {
        public static string Emit(StubModel stub)
        {
            var w = new SourceWriter();
            string fails = "throw new global::System.InvalidOperationException(\"" + stub.Type.Name
                + " has a GanDsl build error; fix the GAN diagnostic on its declaration.\")";
            string name = stub.Type.Name;
            using (w.OpenType(stub.Type, " : " + BaseType(stub.Kind)))
            {
                if (stub.Kind != StubKind.Gan)
                {
                    w.Line("/// <summary>0 while the declaration has a GanDsl error.</summary>");
                    w.Line("public const long ParameterCount = 0L;").Line();
                    w.Line("public static " + ModelSummary + " Summary => " + fails + ";").Line();
                }
                w.Line("public " + name + "(ulong seed = 42)");
                // The progressive base classes need stages; none can be built here, and the base refuses an empty list.
                if (stub.Kind == StubKind.ProgressiveGenerator || stub.Kind == StubKind.ProgressiveDiscriminator)
                    w.Line("    : base(global::System.Array.Empty<" + BlockModule + ">())");
                w.Line("{").Line("}");
                foreach (var member in ThrowingMembers(stub))
                    w.Line().Line(member + " => " + fails + ";");
            }
            return w.ToString();
        }

        private static string BaseType(StubKind kind)
        {
            switch (kind)
            {
                case StubKind.Generator: return GeneratorModule;
                case StubKind.Discriminator: return DiscriminatorModule;
                case StubKind.Block: return BlockModule;
                case StubKind.ProgressiveGenerator: return Progressive + "ProgressiveGenerator";
                case StubKind.ProgressiveDiscriminator: return Progressive + "ProgressiveDiscriminator";
                default: return Nn + "IGan";
            }
        }

        /// <summary>The members the full emission has (abstract ones and the static shapes), as signatures to give a throwing body.</summary>
        private static string[] ThrowingMembers(StubModel stub)
        {
            string forward = "public override " + Tensor + " Forward(" + Tensor + " input)";
            switch (stub.Kind)
            {
                case StubKind.Generator:
                    return new[]
                    {
                        "public static int[] InputShape", "public override int LatentDim", "public override int[] OutputShape",
                        "public override int Classes", forward, "public override " + Tensor + " Generate(" + Tensor + " z, int[]? labels)",
                    };
                case StubKind.Discriminator:
                    return new[]
                    {
                        "public static int[] OutputShape", "public override int[] InputShape", "public override bool OutputsProbability",
                        "public override int Classes", forward, "public override " + Tensor + " Score(" + Tensor + " x, int[]? labels)",
                    };
                case StubKind.Block:
                    return new[] { "public override int[] InputShape", "public override int[] OutputShape", forward };
                case StubKind.Gan:
                    var typed = stub.GanTypes.Count == 2
                        ? new[] { "public " + stub.GanTypes[0] + " Generator", "public " + stub.GanTypes[1] + " Discriminator" }
                        : new string[0];
                    return System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(typed, new[]
                    {
                        GeneratorModule + " " + Nn + "IGan.Generator", DiscriminatorModule + " " + Nn + "IGan.Discriminator",
                        "public static " + Recipe + " Recipe", "public static " + TrainingConfig + " DefaultConfig",
                    }));
                default:
                    return new string[0];
            }
        }
    }
}
