using GanDsl.Generators.Model;
using static GanDsl.Generators.Emit.RuntimeNames;

namespace GanDsl.Generators.Emit
{
    /// <summary>Writes the partial class of one declared net against the runtime contract (GanDsl.Nn).</summary>
    internal static class NetEmitter
    {
        public static string Emit(NetModel net)
        {
            var w = new SourceWriter();
            bool generator = net.Role == NetRole.Generator;
            bool block = net.Role == NetRole.Block;
            using (w.OpenType(net.Type, " : " + (block ? BlockModule : generator ? GeneratorModule : DiscriminatorModule)))
            {
                w.Line("/// <summary>Trainable parameters allocated by the constructor" + (net.HasEmbedding ? ", the label embedding included" : net.LabelParameters > 0 ? ", the label modules included" : "") + ".</summary>");
                w.Line("public const long ParameterCount = " + SourceWriter.Int(net.ParameterCount) + "L;").Line();
                WriteShapes(w, net);
                WriteSummary(w, net);
                WriteFields(w, net);
                WriteConstructor(w, net);
                WriteForward(w, net);
                if (generator) WriteGenerate(w, net);
                else if (!block) WriteScore(w, net);
                if (net.ClassifierHead >= 0) WriteScoreAndClassify(w, net);
            }
            return w.ToString();
        }

        private static void WriteShapes(SourceWriter w, NetModel net)
        {
            var stack = net.Stack;
            if (net.Role == NetRole.Block)
            {
                w.Line("public override int[] InputShape => " + SourceWriter.IntArray(stack.Input) + ";").Line();
                w.Line("public override int[] OutputShape => " + SourceWriter.IntArray(stack.Output) + ";").Line();
                if (stack.EndsInSigmoid) w.Line("public override bool EndsInSigmoid => true;").Line();
                return;
            }
            if (net.Role == NetRole.Generator)
            {
                w.Line("/// <summary>Per-sample input of <see cref=\"Forward\"/>: the noise z" + (net.HasEmbedding ? " followed by the label embedding" : "") + ".</summary>");
                w.Line("public static int[] InputShape => " + SourceWriter.IntArray(stack.Input) + ";").Line();
                w.Line("public override int LatentDim => " + SourceWriter.Int(net.Inputs.LatentDim) + ";").Line();
                w.Line("public override int[] OutputShape => " + SourceWriter.IntArray(stack.Output) + ";").Line();
            }
            else
            {
                w.Line("/// <summary>Per-sample output: one score.</summary>");
                w.Line("public static int[] OutputShape => " + SourceWriter.IntArray(stack.Output) + ";").Line();
                w.Line("public override int[] InputShape => " + SourceWriter.IntArray(net.SampleShape) + ";").Line();
                w.Line("public override bool OutputsProbability => " + SourceWriter.Bool(stack.EndsInSigmoid) + ";").Line();
            }
            w.Line("public override int Classes => " + SourceWriter.Int(net.Inputs.Classes) + ";").Line();
        }

        private static void WriteSummary(SourceWriter w, NetModel net)
        {
            var layers = net.Stack.Layers;
            w.Line("/// <summary>torchinfo 1.8's table for the equivalent nn.Sequential; <c>Summary.ToString(batchSize)</c>.</summary>");
            w.Line("public static " + ModelSummary + " Summary { get; } = " + ModelSummary + ".Of(");
            w.Line("    " + SourceWriter.IntArray(net.Stack.Input) + (layers.Count == 0 ? ");" : ","));
            for (int i = 0; i < layers.Count; i++)
                w.Line("    " + LayerEmitter.Spec(layers[i]) + (i == layers.Count - 1 ? ");" : ","));
            w.Line();
            w.Line("/// <summary>The layer stack as data, for engines that rebuild the net (TorchSharp, ONNX).</summary>");
            w.Line("public override " + Nn + "NetArchitecture Architecture => StackArchitecture;").Line();
            w.Line("private static readonly " + Nn + "NetArchitecture StackArchitecture = " + Nn + "NetArchitecture.Of(Summary, "
                + "global::GanDsl.LabelConditioning." + net.Inputs.Conditioning + ", " + SourceWriter.Int(net.Inputs.Classes) + ", " + Init(net.Inputs.DcganInit) + ");");
            w.Line();
        }

        private static void WriteFields(SourceWriter w, NetModel net)
        {
            if (net.HasEmbedding) w.Line("private readonly " + Nn + "Embedding _embedding;");
            if (net.ProjectionHead >= 0) w.Line("private readonly " + Nn + "LabelProjection " + LabelTerms.Projection + ";");
            for (int i = 0; i < net.Stack.Layers.Count; i++)
                w.Line("private readonly " + LayerEmitter.RuntimeType(net.Stack.Layers[i]) + " _layer" + SourceWriter.Int(i) + ";");
            foreach (int k in net.ConditionalNorms) w.Line("private readonly " + Nn + "ClassConditionalAffine " + LabelTerms.AffineField(k) + ";");
            if (net.ClassifierHead >= 0) w.Line("private readonly " + Nn + "Linear " + LabelTerms.Classifier + ";");
            w.Line();
        }

        private static void WriteConstructor(SourceWriter w, NetModel net)
        {
            bool dcgan = net.Inputs.DcganInit;
            w.Line("/// <summary>Builds the layers and initialises them (" + (dcgan ? "DCGAN's N(0, 0.02) scheme" : "PyTorch's defaults") + ") from <paramref name=\"seed\"/>.</summary>");
            using (w.Block("public " + net.Name + "(ulong seed = 42)"))
            {
                string classes = SourceWriter.Int(net.Inputs.Classes);
                if (net.HasEmbedding) w.Line("_embedding = Register(\"emb\", new " + Nn + "Embedding(" + classes + ", " + classes + "));");
                if (net.ProjectionHead >= 0)
                    w.Line(LabelTerms.Projection + " = Register(\"emb\", new " + Nn + "LabelProjection(" + classes + ", " + SourceWriter.Int(net.ProjectionFeatures) + "));");
                for (int i = 0; i < net.Stack.Layers.Count; i++)
                    w.Line("_layer" + SourceWriter.Int(i) + " = Register(\"" + SourceWriter.Int(i) + "\", "
                        + LayerEmitter.Construct(net.Stack.Layers[i], net.Stack.LayerInput(i)) + ");");
                foreach (int k in net.ConditionalNorms)
                    w.Line(LabelTerms.AffineField(k) + " = Register(\"" + LabelTerms.AffineName(k) + "\", new " + Nn + "ClassConditionalAffine("
                        + classes + ", " + SourceWriter.Int(net.Stack.LayerInput(k)[0]) + "));");
                if (net.ClassifierHead >= 0)
                    w.Line(LabelTerms.Classifier + " = Register(\"" + LabelTerms.ClassifierName + "\", new " + Nn + "Linear(" + SourceWriter.Int(net.ClassifierFeatures) + ", " + classes + "));");
                w.Line("Initialize(" + Init(dcgan) + ", new " + Rng + "(seed));");
            }
            w.Line();
        }

        private static void WriteForward(SourceWriter w, NetModel net)
        {
            string dims = SourceWriter.IntArray(net.Stack.Input).Replace("new int[] { ", "").Replace(" }", "");
            w.Line("/// <summary>Runs the layer stack on a batch shaped [N, " + dims + "] ("
                + (LabelTerms.InsideStack(net) ? "without the label terms, which " + (net.Role == NetRole.Generator ? "Generate" : "Score") + " adds" : "labels already mixed in") + ").</summary>");
            using (w.Block("public override " + Tensor + " Forward(" + Tensor + " input)"))
            {
                w.Line("var x = input;");
                WriteLayers(w, net, 0, net.Stack.Layers.Count);
                w.Line("return x;");
            }
            w.Line();
        }

        /// <summary>The statements that run layers [<paramref name="from"/>, <paramref name="to"/>) on <c>x</c>.</summary>
        private static void WriteLayers(SourceWriter w, NetModel net, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                // A batch norm or a convolution and the ReLU after it run as one fused op (ForwardThen): one pass fewer each way.
                if (i + 1 < to && net.Stack.FusesWithNext(i))
                {
                    w.Line("x = _layer" + SourceWriter.Int(i) + ".ForwardThen(_layer" + SourceWriter.Int(i + 1) + ", x);");
                    i++;
                }
                else w.Line("x = _layer" + SourceWriter.Int(i) + ".Forward(x);");
            }
        }

        /// <summary>
        /// A discriminator's scores and class logits, the class head reading h, the input of the head Linear: one pass for an
        /// auxiliary classifier, the labelled score and a pass with blank label planes for one-hot planes with a classifier.
        /// </summary>
        private static void WriteScoreAndClassify(SourceWriter w, NetModel net)
        {
            int head = net.ClassifierHead;
            bool blankPlanes = net.Inputs.Conditioning == Conditioning.OneHotPlanesAndClassifier;
            w.Line("public override bool ClassifiesSamples => true;").Line();
            w.Line(LabelTerms.ScoreAndClassifySummary(net, "x"));
            using (w.Block("public override (" + Tensor + " Scores, " + Tensor + " ClassLogits) ScoreAndClassify(" + Tensor + " x, int[]? labels)"))
            {
                if (blankPlanes)
                {
                    var shape = net.Inputs.DeclaredShape;
                    w.Line("var scores = Score(x, labels);");
                    w.Line("// The class head must tell the class from the image alone, so its pass sees planes that name no class.");
                    if (StartsWithConv2d(net))
                    {
                        // Blank planes are zeros, so a first convolution reads the image's channels alone.
                        bool fused = net.Stack.FusesWithNext(0) && head > 1;
                        w.Line("x = _layer0.ForwardLeadingChannels(x" + (fused ? ", _layer1" : "") + "); // the blank planes are zeros: the image's channels alone");
                        WriteLayers(w, net, fused ? 2 : 1, head);
                    }
                    else
                    {
                        w.Line("x = " + Ops + ".Concat(new[] { x, " + Ops + ".BlankPlanes(x.Shape[0], " + SourceWriter.Int(net.Inputs.Classes) + ", "
                            + SourceWriter.Int(shape[1]) + ", " + SourceWriter.Int(shape[2]) + ") }, 1);");
                        WriteLayers(w, net, 0, head);
                    }
                    w.Line("return (scores, " + LabelTerms.Classifier + ".Forward(x));");
                }
                else
                {
                    WriteLayers(w, net, 0, head);
                    w.Line("var h = x;");
                    WriteLayers(w, net, head, net.Stack.Layers.Count);
                    w.Line("return (x, " + LabelTerms.Classifier + ".Forward(h));");
                }
            }
            w.Line();
        }

        /// <summary>Whether the stack's first layer is a convolution, which can meet label planes without building them.</summary>
        private static bool StartsWithConv2d(NetModel net) =>
            net.Stack.Layers.Count > 0 && net.Stack.Layers[0].Kind == GanDsl.Shapes.LayerKind.Conv2d;

        private static void WriteGenerate(SourceWriter w, NetModel net)
        {
            bool conditional = net.Inputs.Classes > 0;
            w.Line("/// <summary>Samples from noise <paramref name=\"z\"/> [N, " + SourceWriter.Int(net.Inputs.LatentDim) + "]"
                + (conditional ? " and one label per sample" : "; labels are ignored (unconditional)") + ".</summary>");
            using (w.Block("public override " + Tensor + " Generate(" + Tensor + " z, int[]? labels)"))
            {
                if (!conditional)
                {
                    w.Line("return Forward(z);");
                    return;
                }
                RequireLabels(w, net);
                if (LabelTerms.InsideStack(net)) WriteLabelledStack(w, net, "z");
                else w.Line("return Forward(" + Ops + ".Concat(new[] { z, _embedding.Forward(labels) }, 1));");
            }
        }

        /// <summary>The stack with its label terms (a projection, per-class affines), run on <paramref name="input"/>.</summary>
        private static void WriteLabelledStack(SourceWriter w, NetModel net, string input)
        {
            if (input != "x") w.Line("var x = " + input + ";");
            foreach (var statement in LabelTerms.StackStatements(net, "Forward", (a, b) => Ops + ".Add(" + a + ", " + b + ")")) w.Line(statement);
            w.Line("return x;");
        }

        private static void WriteScore(SourceWriter w, NetModel net)
        {
            w.Line("/// <summary>One score per sample of <paramref name=\"x\"/>" + (net.Inputs.Conditioning == Conditioning.AuxiliaryClassifier ? "; labels are ignored (the class head predicts them)"
                : net.Inputs.Classes > 0 ? " given its label" : "; labels are ignored (unconditional)") + ".</summary>");
            using (w.Block("public override " + Tensor + " Score(" + Tensor + " x, int[]? labels)"))
            {
                if (net.Inputs.Conditioning == Conditioning.None || net.Inputs.Conditioning == Conditioning.AuxiliaryClassifier)
                {
                    // An auxiliary classifier scores samples without their labels; its class head is ScoreAndClassify's.
                    w.Line("return Forward(x);");
                    return;
                }
                RequireLabels(w, net);
                switch (net.Inputs.Conditioning)
                {
                    case Conditioning.OneHotPlanes:
                    case Conditioning.OneHotPlanesAndClassifier:
                        if (StartsWithConv2d(net))
                        {
                            // Each one-hot plane set is one of a few constants, so a first convolution adds a map per class.
                            bool fused = net.Stack.FusesWithNext(0);
                            w.Line("x = _layer0.ForwardWithOneHotPlanes(x, labels" + (fused ? ", _layer1" : "") + "); // the image convolved, plus its label's map");
                            WriteLayers(w, net, fused ? 2 : 1, net.Stack.Layers.Count);
                            w.Line("return x;");
                            break;
                        }
                        var shape = net.Inputs.DeclaredShape;
                        w.Line("var planes = " + Ops + ".OneHotPlanes(labels, " + SourceWriter.Int(net.Inputs.Classes) + ", "
                            + SourceWriter.Int(shape[1]) + ", " + SourceWriter.Int(shape[2]) + ");");
                        w.Line("return Forward(" + Ops + ".Concat(new[] { x, planes }, 1));");
                        break;
                    case Conditioning.EmbeddingAtInput:
                        w.Line("return Forward(" + Ops + ".Concat(new[] { x, _embedding.Forward(labels) }, 1));");
                        break;
                    case Conditioning.Projection:
                        w.Line("// h, the last Linear's input, also meets the label embedding: score = Linear(h) + <embed(y), h>.");
                        WriteLabelledStack(w, net, "x");
                        break;
                    default:
                        w.Line("// Flatten first, then the embedding; Forward's leading Flatten leaves the flat batch as it is.");
                        w.Line("return Forward(" + Ops + ".Concat(new[] { _layer0.Forward(x), _embedding.Forward(labels) }, 1));");
                        break;
                }
            }
        }

        private static void RequireLabels(SourceWriter w, NetModel net)
        {
            using (w.Block("if (labels is null)"))
                w.Line("throw new global::System.ArgumentNullException(nameof(labels), \"" + net.Name + " is conditional on "
                    + SourceWriter.Int(net.Inputs.Classes) + " classes; pass one label per sample.\");");
        }
    }
}
