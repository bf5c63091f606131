using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GanDsl.Generators.Diagnostics;
using GanDsl.Generators.Model;
using GanDsl.Shapes;
using Microsoft.CodeAnalysis.Text;

namespace GanDsl.Generators.Parsing
{
    /// <summary>Checks a progressive net's stages against the parsed [GanBlock] models and builds what the emitter needs.</summary>
    internal static class ProgressiveCheck
    {
        public static ProgressiveResult Check(ProgressiveParse parse, ImmutableArray<NetModel> nets)
        {
            var net = parse.Model;
            if (net == null) return new ProgressiveResult(null, parse.Stub, DiagnosticBatch.Empty);
            var blocks = new List<NetModel>();
            foreach (var type in net.StageTypes)
            {
                var block = nets.FirstOrDefault(n => n.Role == NetRole.Block && n.Type.FullName == type);
                // A block with its own errors has no model; its diagnostics already explain the problem.
                if (block == null) return new ProgressiveResult(null, parse.Stub, DiagnosticBatch.Empty);
                blocks.Add(block);
            }
            var names = blocks.Select(b => b.Name).ToArray();
            var inputs = blocks.Select(b => b.Stack.Input.ToArray()).ToArray();
            var outputs = blocks.Select(b => b.Stack.Output.ToArray()).ToArray();
            var error = net.Role == NetRole.Generator
                ? ProgressiveChain.CheckGenerator(net.Type.Name, names, inputs, outputs)
                : ProgressiveChain.CheckDiscriminator(net.Type.Name, names, inputs, outputs);
            if (error != null)
            {
                var span = error.Stage >= 0 && 2 * error.Stage + 1 < parse.StageSpans.Count
                    ? new TextSpan(parse.StageSpans[2 * error.Stage], parse.StageSpans[2 * error.Stage + 1])
                    : new TextSpan(parse.AttributeStart, parse.AttributeLength);
                var info = new DiagnosticInfo(DiagnosticCatalog.StagesDoNotChain.Id, EquatableArray.From(new[] { error.Message }), parse.FilePath, span.Start, span.Length);
                return new ProgressiveResult(null, parse.Stub, new DiagnosticBatch(EquatableArray.From(new[] { info }), ImmutableArray.Create(parse.Tree)));
            }
            return new ProgressiveResult(Build(net, blocks), null, DiagnosticBatch.Empty);
        }

        private static ProgressiveModel Build(ProgressiveDeclaration net, List<NetModel> blocks)
        {
            int ic = net.ImageChannels;
            var layers = new List<LayerSpec>();
            int[] input;
            long parameters = 0;
            foreach (var b in blocks) parameters = checked(parameters + b.ParameterCount);
            if (net.Role == NetRole.Generator)
            {
                input = blocks[0].Stack.Input.ToArray();
                foreach (var b in blocks) layers.AddRange(b.Stack.Layers);
                layers.Add(LayerSpec.Conv2d(ic, 1));
                layers.Add(LayerSpec.Tanh());
                foreach (var b in blocks) parameters = checked(parameters + ProgressiveChain.HeadParameters(b.Stack.Output[0], ic));
            }
            else
            {
                var top = blocks[blocks.Count - 1].Stack.Input;
                input = new[] { ic, top[1], top[2] };
                layers.Add(LayerSpec.Conv2d(top[0], 1));
                layers.Add(LayerSpec.LeakyReLU(0.2));
                for (int k = blocks.Count - 1; k >= 0; k--) layers.AddRange(blocks[k].Stack.Layers);
                foreach (var b in blocks) parameters = checked(parameters + ProgressiveChain.HeadParameters(ic, b.Stack.Input[0]));
            }
            return new ProgressiveModel(net, EquatableArray.From(input), EquatableArray.From(layers), parameters);
        }
    }
}
