using GanDsl.Generators.Model;
using static GanDsl.Generators.Emit.RuntimeNames;

namespace GanDsl.Generators.Emit
{
    /// <summary>
    /// Writes a declared net's nested <c>Torch</c> class, for compilations that reference TorchSharp and GanDsl.TorchSharp:
    /// the same layers as TorchSharp modules (each kind's <c>TorchModuleCall</c>), registered under nn.Sequential's names
    /// so <c>state_dict()</c> has the managed checkpoint's names, the managed net's weights for a seed, and its labels mixed
    /// in as the managed net mixes them.
    /// </summary>
    internal static class TorchEmitter
    {
        public static string Emit(NetModel net)
        {
            var w = new SourceWriter();
            using (w.OpenType(net.Type, "", markGenerated: false))
            {
                WriteHeader(w, net.Name, "its layers registered under nn.Sequential's names");
                using (w.Block("public sealed class Torch : " + TorchSharpEngine + "TorchNet"))
                {
                    WriteSummary(w, net.Type.FullName);
                    WriteFields(w, net);
                    WriteConstructors(w, net);
                    w.Line("/// <inheritdoc/>");
                    w.Line("public override int Classes => " + SourceWriter.Int(net.Inputs.Classes) + ";").Line();
                    WriteForward(w, net);
                    WriteLabelledForward(w, net);
                    if (net.ClassifierHead >= 0) WriteScoreAndClassify(w, net);
                }
            }
            return w.ToString();
        }

        /// <summary>A progressive net's Torch class: GanDsl.TorchSharp's progressive module built from the managed net's stages.</summary>
        public static string Emit(ProgressiveModel model)
        {
            var net = model.Net;
            var w = new SourceWriter();
            using (w.OpenType(net.Type, "", markGenerated: false))
            {
                WriteHeader(w, net.Type.Name, "its blocks and heads named as in the managed checkpoint");
                string baseType = TorchSharpEngine + (net.Role == NetRole.Generator ? "TorchProgressiveGenerator" : "TorchProgressiveDiscriminator");
                using (w.Block("public sealed class Torch : " + baseType))
                {
                    WriteSummary(w, net.Type.FullName);
                    w.Line("/// <summary>The weights, stage and α <c>new " + net.Type.Name + "(seed)</c> has, on <paramref name=\"device\"/> (the CPU when null).</summary>");
                    w.Line("public Torch(ulong seed = 42, " + TorchDevice + "? device = null) : this(new " + net.Type.FullName + "(seed), device) { }").Line();
                    w.Line("/// <summary>The current weights, stage and α of <paramref name=\"net\"/>, on <paramref name=\"device\"/> (the CPU when null).</summary>");
                    using (w.Block("public Torch(" + net.Type.FullName + " net, " + TorchDevice + "? device = null) : base(net)"))
                        w.Line(TorchSharpEngine + "TorchWeights.CopyFrom(net, this, device);");
                }
            }
            return w.ToString();
        }

        private static void WriteHeader(SourceWriter w, string name, string naming)
        {
            w.Line("/// <summary>");
            w.Line("/// " + name + " as a TorchSharp module (LibTorch, CPU or CUDA), " + naming + " so that");
            w.Line("/// <c>state_dict()</c> holds the managed net's checkpoint names and shapes.");
            w.Line("/// </summary>");
            w.Line(SourceWriter.GeneratedCodeAttribute);
        }

        private static void WriteSummary(SourceWriter w, string outer)
        {
            w.Line("/// <summary>torchinfo 1.8's table, as <see cref=\"" + outer.Replace("global::", "") + ".Summary\"/>.</summary>");
            w.Line("public static " + ModelSummary + " Summary => " + outer + ".Summary;").Line();
        }

        private static void WriteFields(SourceWriter w, NetModel net)
        {
            if (net.HasEmbedding) w.Line("private readonly " + TorchModule + " _embedding;");
            if (net.ProjectionHead >= 0) w.Line("private readonly " + TorchSharpEngine + "TorchLabelProjection " + LabelTerms.Projection + ";");
            for (int i = 0; i < net.Stack.Layers.Count; i++) w.Line("private readonly " + TorchModule + " _layer" + SourceWriter.Int(i) + ";");
            foreach (int k in net.ConditionalNorms) w.Line("private readonly " + TorchSharpEngine + "TorchClassConditionalAffine " + LabelTerms.AffineField(k) + ";");
            if (net.ClassifierHead >= 0) w.Line("private readonly " + TorchModule + " " + LabelTerms.Classifier + ";");
            w.Line();
        }

        private static void WriteConstructors(SourceWriter w, NetModel net)
        {
            string scheme = net.Inputs.DcganInit ? "DCGAN's scheme" : "PyTorch's defaults";
            w.Line("/// <summary>The weights <c>new " + net.Name + "(seed)</c> has (" + scheme + "), on <paramref name=\"device\"/> (the CPU when null).</summary>");
            w.Line("public Torch(ulong seed = 42, " + TorchDevice + "? device = null) : this(new " + net.Type.FullName + "(seed), device) { }").Line();
            w.Line("/// <summary>The current weights of <paramref name=\"net\"/> (parameters and buffers), on <paramref name=\"device\"/> (the CPU when null).</summary>");
            using (w.Block("public Torch(" + net.Type.FullName + " net, " + TorchDevice + "? device = null) : base(\"" + net.Name + "\")"))
            {
                string classes = SourceWriter.Int(net.Inputs.Classes) + "L";
                if (net.HasEmbedding)
                {
                    w.Line("_embedding = global::TorchSharp.torch.nn.Embedding(num_embeddings: " + classes + ", embedding_dims: " + classes + ");");
                    w.Line("register_module(\"emb\", _embedding);");
                }
                if (net.ProjectionHead >= 0)
                {
                    w.Line(LabelTerms.Projection + " = new " + TorchSharpEngine + "TorchLabelProjection(classes: " + classes + ", features: "
                        + SourceWriter.Int(net.ProjectionFeatures) + "L);");
                    w.Line("register_module(\"emb\", " + LabelTerms.Projection + ");");
                }
                for (int i = 0; i < net.Stack.Layers.Count; i++)
                {
                    string field = "_layer" + SourceWriter.Int(i);
                    w.Line(field + " = " + net.Stack.Layers[i].TorchModule(net.Stack.LayerInput(i)).ToCSharp() + ";");
                    w.Line("register_module(\"" + SourceWriter.Int(i) + "\", " + field + ");");
                }
                if (net.ConditionalNorms.Count > 0)
                {
                    w.Line("var cbn = new " + TorchSharpEngine + "TorchModuleGroup();");
                    w.Line("register_module(\"" + GanDsl.Shapes.LabelLayout.ConditionalNormGroup + "\", cbn);");
                }
                foreach (int k in net.ConditionalNorms)
                    w.Line(LabelTerms.AffineField(k) + " = cbn.Add(\"" + SourceWriter.Int(k) + "\", new " + TorchSharpEngine + "TorchClassConditionalAffine(classes: "
                        + classes + ", channels: " + SourceWriter.Int(net.Stack.LayerInput(k)[0]) + "L));");
                if (net.ClassifierHead >= 0)
                {
                    w.Line(LabelTerms.Classifier + " = global::TorchSharp.torch.nn.Linear(" + SourceWriter.Int(net.ClassifierFeatures) + "L, " + classes + ");");
                    w.Line("register_module(\"" + LabelTerms.ClassifierName + "\", " + LabelTerms.Classifier + ");");
                }
                w.Line(TorchSharpEngine + "TorchWeights.CopyFrom(net, this, device);");
            }
            w.Line();
        }

        /// <summary>
        /// A discriminator's scores and class logits as the managed net gives them (the class head reads h): one pass for an
        /// auxiliary classifier, the labelled score and a pass with blank label planes for one-hot planes with a classifier.
        /// </summary>
        private static void WriteScoreAndClassify(SourceWriter w, NetModel net)
        {
            int head = net.ClassifierHead;
            bool blankPlanes = net.Inputs.Conditioning == Conditioning.OneHotPlanesAndClassifier;
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool ClassifiesSamples => true;").Line();
            w.Line(LabelTerms.ScoreAndClassifySummary(net, "input"));
            using (w.Block("public override (" + TorchTensor + " Scores, " + TorchTensor + " ClassLogits) ScoreAndClassify(" + TorchTensor + " input, " + TorchTensor + "? labels)"))
            {
                w.Line("using var scope = global::TorchSharp.torch.NewDisposeScope();");
                if (blankPlanes)
                {
                    w.Line("var scores = forward(input, labels);");
                    w.Line("var x = global::TorchSharp.torch.cat(new[] { input, global::TorchSharp.torch.zeros(new long[] { input.shape[0], "
                        + SourceWriter.Int(net.Inputs.Classes) + "L, input.shape[2], input.shape[3] }, input.dtype, input.device) }, 1);");
                    for (int i = 0; i < head; i++) w.Line("x = _layer" + SourceWriter.Int(i) + ".forward(x);");
                    w.Line("return (scores.MoveToOuterDisposeScope(), " + LabelTerms.Classifier + ".forward(x).MoveToOuterDisposeScope());");
                }
                else
                {
                    w.Line("var x = input;");
                    for (int i = 0; i < head; i++) w.Line("x = _layer" + SourceWriter.Int(i) + ".forward(x);");
                    w.Line("var h = x;");
                    for (int i = head; i < net.Stack.Layers.Count; i++) w.Line("x = _layer" + SourceWriter.Int(i) + ".forward(x);");
                    w.Line("return (x.MoveToOuterDisposeScope(), " + LabelTerms.Classifier + ".forward(h).MoveToOuterDisposeScope());");
                }
            }
            w.Line();
        }

        private static void WriteForward(SourceWriter w, NetModel net)
        {
            string dims = SourceWriter.IntArray(net.Stack.Input).Replace("new int[] { ", "").Replace(" }", "");
            w.Line("/// <summary>Runs the layer stack on a batch shaped [N, " + dims + "] ("
                + (LabelTerms.InsideStack(net) ? "without the label terms" : "labels already mixed in") + ").</summary>");
            using (w.Block("public override " + TorchTensor + " forward(" + TorchTensor + " input)"))
            {
                w.Line("using var scope = global::TorchSharp.torch.NewDisposeScope();");
                w.Line("var x = input;");
                for (int i = 0; i < net.Stack.Layers.Count; i++) w.Line("x = _layer" + SourceWriter.Int(i) + ".forward(x);");
                w.Line("return x.MoveToOuterDisposeScope();");
            }
            w.Line();
        }

        private static void WriteLabelledForward(SourceWriter w, NetModel net)
        {
            string signature = "public override " + TorchTensor + " forward(" + TorchTensor + " input, " + TorchTensor + "? labels)";
            if (net.Inputs.Conditioning == Conditioning.AuxiliaryClassifier)
            {
                w.Line("/// <summary>Scores without the labels (the class head of ScoreAndClassify predicts them): <paramref name=\"labels\"/> are ignored.</summary>");
                w.Line(signature + " => forward(input);");
                return;
            }
            if (net.Inputs.Conditioning == Conditioning.None)
            {
                w.Line("/// <summary>Unconditional: <paramref name=\"labels\"/> are ignored.</summary>");
                w.Line(signature + " => forward(input);");
                return;
            }
            string role = net.Role == NetRole.Generator ? "Samples from noise <paramref name=\"input\"/>" : "Scores the samples <paramref name=\"input\"/>";
            w.Line("/// <summary>" + role + " given int64 class labels [N], mixing them in as the managed net does.</summary>");
            using (w.Block(signature))
            {
                using (w.Block("if (labels is null)"))
                    w.Line("throw new global::System.ArgumentNullException(nameof(labels), \"" + net.Name + " is conditional on "
                        + SourceWriter.Int(net.Inputs.Classes) + " classes; pass one label per sample.\");");
                w.Line("using var scope = global::TorchSharp.torch.NewDisposeScope();");
                if (LabelTerms.InsideStack(net))
                {
                    w.Line("var x = input;");
                    foreach (var statement in LabelTerms.StackStatements(net, "forward", (a, b) => a + " + " + b)) w.Line(statement);
                    w.Line("return x.MoveToOuterDisposeScope();");
                    return;
                }
                string mixed;
                switch (net.Inputs.Conditioning)
                {
                    case Conditioning.OneHotPlanes:
                    case Conditioning.OneHotPlanesAndClassifier:
                        var shape = net.Inputs.DeclaredShape;
                        mixed = "new[] { input, " + TorchSharpEngine + "TorchLabels.OneHotPlanes(labels, " + SourceWriter.Int(net.Inputs.Classes) + ", "
                            + SourceWriter.Int(shape[1]) + "L, " + SourceWriter.Int(shape[2]) + "L) }";
                        break;
                    case Conditioning.EmbeddingAtInput:
                        mixed = "new[] { input, _embedding.forward(labels) }";
                        break;
                    default:
                        w.Line("// Flatten first, then the embedding; forward's leading Flatten leaves the flat batch as it is.");
                        mixed = "new[] { _layer0.forward(input), _embedding.forward(labels) }";
                        break;
                }
                w.Line("return forward(global::TorchSharp.torch.cat(" + mixed + ", 1)).MoveToOuterDisposeScope();");
            }
        }
    }
}
