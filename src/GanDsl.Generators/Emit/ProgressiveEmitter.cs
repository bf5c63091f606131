using GanDsl.Generators.Model;
using static GanDsl.Generators.Emit.RuntimeNames;

namespace GanDsl.Generators.Emit
{
    /// <summary>Writes the partial class of a progressive net: a constructor composing its [GanBlock] stages, the count and the summary.</summary>
    internal static class ProgressiveEmitter
    {
        public static string Emit(ProgressiveModel model)
        {
            var net = model.Net;
            bool generator = net.Role == NetRole.Generator;
            var w = new SourceWriter();
            using (w.OpenType(net.Type, " : " + Progressive + (generator ? "ProgressiveGenerator" : "ProgressiveDiscriminator")))
            {
                w.Line("/// <summary>Trainable parameters of every stage and every " + (generator ? "to-image" : "from-image") + " head.</summary>");
                w.Line("public const long ParameterCount = " + SourceWriter.Int(model.ParameterCount) + "L;").Line();
                w.Line("/// <summary>torchinfo 1.8's table for the fully grown net as one nn.Sequential; <c>Summary.ToString(batchSize)</c>.</summary>");
                w.Line("public static " + ModelSummary + " Summary { get; } = " + ModelSummary + ".Of(");
                w.Line("    " + SourceWriter.IntArray(model.SummaryInput) + ",");
                for (int i = 0; i < model.SummaryLayers.Count; i++)
                    w.Line("    " + LayerEmitter.Spec(model.SummaryLayers[i]) + (i == model.SummaryLayers.Count - 1 ? ");" : ","));
                w.Line();
                w.Line("/// <summary>Stage k's block is seeded with <paramref name=\"seed\"/> + k and the heads with seed + the stage count.</summary>");
                w.Line("public " + net.Type.Name + "(ulong seed = 42)");
                w.Line("    : base(new " + BlockModule + "[]");
                w.Line("    {");
                for (int k = 0; k < net.StageTypes.Count; k++)
                    w.Line("        new " + net.StageTypes[k] + "(unchecked(seed + " + SourceWriter.Int(k) + "UL)),");
                w.Line("    }, " + SourceWriter.Int(net.ImageChannels) + ", " + Init(net.DcganInit)
                    + ", unchecked(seed + " + SourceWriter.Int(net.StageTypes.Count) + "UL))");
                w.Line("{");
                w.Line("}");
            }
            return w.ToString();
        }
    }
}
