using GanDsl.Generators.Model;
using GanDsl.Shapes;

namespace GanDsl.Generators.Emit
{
    /// <summary>Writes the partial class of one declared net against the runtime contract (GanDsl.Nn).</summary>
    internal static class NetEmitter
    {
        private const string Tensor = "global::GanDsl.Tensors.Tensor";
        private const string Ops = "global::GanDsl.Autograd.Ops";

        public static string Emit(NetModel net)
        {
            var w = new SourceWriter();
            int scopes = w.OpenScopes(net.Namespace, net.ContainingTypes);
            bool generator = net.Role == NetRole.Generator;
            bool block = net.Role == NetRole.Block;
            w.Open(net.Declaration + " : global::GanDsl.Nn." + (block ? "Progressive.BlockModule" : generator ? "GeneratorModule" : "DiscriminatorModule"));

            w.Line("/// <summary>Trainable parameters allocated by the constructor" + (HasEmbedding(net) ? ", the label embedding included" : "") + ".</summary>");
            w.Line("public const long ParameterCount = " + SourceWriter.Int(net.ParameterCount) + "L;").Line();
            if (block)
            {
                w.Line("public override int[] InputShape => " + SourceWriter.IntArray(net.StackInput) + ";").Line();
                w.Line("public override int[] OutputShape => " + SourceWriter.IntArray(net.StackOutput) + ";").Line();
                if (net.Layers.Count > 0 && net.Layers[net.Layers.Count - 1].Kind == LayerKind.Sigmoid)
                    w.Line("public override bool EndsInSigmoid => true;").Line();
            }
            else if (generator)
            {
                w.Line("/// <summary>Per-sample input of <see cref=\"Forward\"/>: the noise z" + (net.Classes > 0 ? " followed by the label embedding" : "") + ".</summary>");
                w.Line("public static int[] InputShape => " + SourceWriter.IntArray(net.StackInput) + ";").Line();
                w.Line("public override int LatentDim => " + SourceWriter.Int(net.LatentDim) + ";").Line();
                w.Line("public override int[] OutputShape => " + SourceWriter.IntArray(net.StackOutput) + ";").Line();
            }
            else
            {
                w.Line("/// <summary>Per-sample output: one score.</summary>");
                w.Line("public static int[] OutputShape => " + SourceWriter.IntArray(net.StackOutput) + ";").Line();
                w.Line("public override int[] InputShape => " + SourceWriter.IntArray(net.SampleShape) + ";").Line();
                bool probability = net.Layers.Count > 0 && net.Layers[net.Layers.Count - 1].Kind == LayerKind.Sigmoid;
                w.Line("public override bool OutputsProbability => " + SourceWriter.Bool(probability) + ";").Line();
            }
            if (!block) w.Line("public override int Classes => " + SourceWriter.Int(net.Classes) + ";").Line();

            w.Line("/// <summary>torchinfo 1.8's table for the equivalent nn.Sequential; <c>Summary.ToString(batchSize)</c>.</summary>");
            w.Line("public static global::GanDsl.Shapes.ModelSummary Summary { get; } = global::GanDsl.Shapes.ModelSummary.Of(");
            w.Line("    " + SourceWriter.IntArray(net.StackInput) + (net.Layers.Count == 0 ? ");" : ","));
            for (int i = 0; i < net.Layers.Count; i++)
                w.Line("    " + LayerEmitter.Spec(net.Layers[i]) + (i == net.Layers.Count - 1 ? ");" : ","));
            w.Line();

            if (HasEmbedding(net)) w.Line("private readonly global::GanDsl.Nn.Embedding _embedding;");
            for (int i = 0; i < net.Layers.Count; i++)
                w.Line("private readonly " + LayerEmitter.RuntimeType(net.Layers[i]) + " _layer" + SourceWriter.Int(i) + ";");
            w.Line();

            w.Line("/// <summary>Builds the layers and initialises them (" + (net.DcganInit ? "DCGAN's N(0, 0.02) scheme" : "PyTorch's defaults") + ") from <paramref name=\"seed\"/>.</summary>");
            w.Open("public " + net.Name + "(ulong seed = 42)");
            if (HasEmbedding(net))
                w.Line("_embedding = Register(\"emb\", new global::GanDsl.Nn.Embedding(" + SourceWriter.Int(net.Classes) + ", " + SourceWriter.Int(net.Classes) + "));");
            for (int i = 0; i < net.Layers.Count; i++)
                w.Line("_layer" + SourceWriter.Int(i) + " = Register(\"" + SourceWriter.Int(i) + "\", " + LayerEmitter.Construct(net.Layers[i], net.LayerInput(i)) + ");");
            w.Line("Initialize(global::GanDsl.Nn.InitScheme." + (net.DcganInit ? "Dcgan" : "PyTorchDefault") + ", new global::GanDsl.Tensors.Rng(seed));");
            w.Close().Line();

            w.Line("/// <summary>Runs the layer stack on a batch shaped [N, " + SourceWriter.IntArray(net.StackInput).Replace("new int[] { ", "").Replace(" }", "") + "] (labels already mixed in).</summary>");
            w.Open("public override " + Tensor + " Forward(" + Tensor + " input)");
            w.Line("var x = input;");
            for (int i = 0; i < net.Layers.Count; i++) w.Line("x = _layer" + SourceWriter.Int(i) + ".Forward(x);");
            w.Line("return x;");
            w.Close().Line();

            if (generator) EmitGenerate(w, net); else if (!block) EmitScore(w, net);
            w.Close();
            w.CloseScopes(scopes);
            return w.ToString();
        }

        private static bool HasEmbedding(NetModel net) =>
            net.Conditioning == Conditioning.EmbeddingAtInput || net.Conditioning == Conditioning.EmbeddingAfterFlatten;

        private static void EmitGenerate(SourceWriter w, NetModel net)
        {
            w.Line("/// <summary>Samples from noise <paramref name=\"z\"/> [N, " + SourceWriter.Int(net.LatentDim) + "]"
                + (net.Classes > 0 ? " and one label per sample" : "; labels are ignored (unconditional)") + ".</summary>");
            w.Open("public override " + Tensor + " Generate(" + Tensor + " z, int[]? labels)");
            if (net.Classes > 0)
            {
                RequireLabels(w, net);
                w.Line("return Forward(" + Ops + ".Concat(new[] { z, _embedding.Forward(labels) }, 1));");
            }
            else w.Line("return Forward(z);");
            w.Close();
        }

        private static void EmitScore(SourceWriter w, NetModel net)
        {
            w.Line("/// <summary>One score per sample of <paramref name=\"x\"/>" + (net.Classes > 0 ? " given its label" : "; labels are ignored (unconditional)") + ".</summary>");
            w.Open("public override " + Tensor + " Score(" + Tensor + " x, int[]? labels)");
            switch (net.Conditioning)
            {
                case Conditioning.None:
                    w.Line("return Forward(x);");
                    break;
                case Conditioning.OneHotPlanes:
                    RequireLabels(w, net);
                    w.Line("var planes = " + Ops + ".OneHotPlanes(labels, " + SourceWriter.Int(net.Classes) + ", "
                        + SourceWriter.Int(net.SampleShape[1]) + ", " + SourceWriter.Int(net.SampleShape[2]) + ");");
                    w.Line("return Forward(" + Ops + ".Concat(new[] { x, planes }, 1));");
                    break;
                case Conditioning.EmbeddingAtInput:
                    RequireLabels(w, net);
                    w.Line("return Forward(" + Ops + ".Concat(new[] { x, _embedding.Forward(labels) }, 1));");
                    break;
                default:
                    RequireLabels(w, net);
                    w.Line("// Flatten first, then the embedding; Forward's leading Flatten leaves the flat batch as it is.");
                    w.Line("return Forward(" + Ops + ".Concat(new[] { _layer0.Forward(x), _embedding.Forward(labels) }, 1));");
                    break;
            }
            w.Close();
        }

        private static void RequireLabels(SourceWriter w, NetModel net)
        {
            w.Open("if (labels is null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(labels), \"" + net.Name + " is conditional on "
                + SourceWriter.Int(net.Classes) + " classes; pass one label per sample.\");");
            w.Close();
        }
    }
}
