using System;
using System.Collections.Generic;
using GanDsl.Generators.Model;
using GanDsl.Shapes;

namespace GanDsl.Generators.Emit
{
    /// <summary>
    /// The label modules of a projection discriminator and of conditional batch norm, as both emitters (managed and torch)
    /// declare and call them: the projection is the field <c>_projection</c> registered as <c>emb</c>, the per-class affine
    /// after batch norm K the field <c>_cbnK</c> registered as <c>cbn.K</c>, a discriminator's class head the field
    /// <c>_classifier</c> registered as <c>cls</c>.
    /// </summary>
    internal static class LabelTerms
    {
        public const string Projection = "_projection";

        /// <summary>The field of a discriminator's class head, registered as <see cref="ClassifierName"/>.</summary>
        public const string Classifier = "_classifier";

        /// <summary>The class head's state dict name (GanDsl.Nn.LabelModules.ClassifierName).</summary>
        public const string ClassifierName = "cls";

        /// <summary>The doc summary of an emitted <c>ScoreAndClassify</c> whose samples are the parameter <paramref name="input"/>.</summary>
        public static string ScoreAndClassifySummary(NetModel net, string input)
        {
            bool blankPlanes = net.Inputs.Conditioning == Conditioning.OneHotPlanesAndClassifier;
            return "/// <summary>The scores [N, 1] of <paramref name=\"" + input + "\"/>" + (blankPlanes ? " given <paramref name=\"labels\"/>" : " (labels are ignored)")
                + " and its class logits [N, " + SourceWriter.Int(net.Inputs.Classes) + "] from the class head on h, the input of layer "
                + SourceWriter.Int(net.ClassifierHead) + (blankPlanes ? ", in a pass with blank label planes" : "") + ".</summary>";
        }

        /// <summary>True when labels enter inside the stack (projection, conditional batch norm) rather than at its input.</summary>
        public static bool InsideStack(NetModel net) =>
            net.Inputs.Conditioning == Conditioning.Projection || net.Inputs.Conditioning == Conditioning.ConditionalBatchNorm;

        public static string AffineField(int layer) => "_cbn" + SourceWriter.Int(layer);

        /// <summary>
        /// The statements that run the stack on <c>x</c> with the label terms in place: <c>x = _layer0.Forward(x);</c>,
        /// <c>x = _cbn3.Forward(_layer3.Forward(x), labels);</c>, <c>x = add(_layer5.Forward(x), _projection.Forward(x, labels));</c>.
        /// </summary>
        public static IEnumerable<string> StackStatements(NetModel net, string forward, Func<string, string, string> add)
        {
            var conditioned = new HashSet<int>(net.ConditionalNorms);
            for (int i = 0; i < net.Stack.Layers.Count; i++)
            {
                string call = "_layer" + SourceWriter.Int(i) + "." + forward + "(x)";
                if (i == net.ProjectionHead) call = add(call, Projection + "." + forward + "(x, labels)");
                else if (conditioned.Contains(i)) call = AffineField(i) + "." + forward + "(" + call + ", labels)";
                yield return "x = " + call + ";";
            }
        }

        /// <summary>The state dict name of the per-class affine after layer <paramref name="layer"/>.</summary>
        public static string AffineName(int layer) => LabelLayout.ConditionalNormName(layer);
    }
}
