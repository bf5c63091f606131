using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;

namespace GanDsl.Core.Tests.Parity;

/// <summary>
/// Checks a GanDsl module against a module case of <c>layers_expected.json</c>: its state dict has PyTorch's names in PyTorch's
/// order (the names PyTorch's load_state_dict(strict=True) took from a plain dict), loads PyTorch's values, and computes
/// PyTorch's training-mode output, gradients and buffers, and its evaluation-mode output.
/// </summary>
internal static class ModuleParity
{
    /// <param name="build">A fresh module (called twice: for the training pass and for the evaluation pass).</param>
    /// <param name="forward">The module's output for the case's input (and labels, for a conditional net).</param>
    public static void Check(ParityCase c, Func<Module> build, Func<Module, Tensor, int[]?, Tensor> forward)
    {
        Assert.Equal(1, c.Int("strict_load"));
        int[]? labels = c.Has("labels") ? c.Tensor("labels").Data.Select(v => (int)v).ToArray() : null;

        var trained = Loaded(c, build());
        if (c.Has("out_train"))
        {
            trained.Train();
            var x = c.Tensor("x").RequireGrad();
            var output = forward(trained, x, labels);
            ParityAssert.Close(c, "out_train", output);
            var parameters = trained.NamedParameters().ToList();
            if (c.Has("grad_out"))
            {
                var grads = Engine.Grad(Ops.Sum(Ops.Mul(output, c.Tensor("grad_out"))), parameters.Select(p => p.Value).Prepend(x).ToArray());
                ParityAssert.Close(c, "grad_x", grads[0]);
                for (int i = 0; i < parameters.Count; i++) ParityAssert.Close(c, "grad." + parameters[i].Name, grads[i + 1]);
            }
            foreach (var (name, buffer) in trained.NamedBuffers().Where(b => c.Has("after." + b.Name)))
                ParityAssert.Close(c, "after." + name, buffer);
        }

        var evaluated = Loaded(c, build());
        evaluated.Eval();
        ParityAssert.Close(c, "out_eval", forward(evaluated, c.Tensor("x"), labels));
    }

    /// <summary><paramref name="module"/> after asserting its state names and loading the case's state into it.</summary>
    public static Module Loaded(ParityCase c, Module module)
    {
        var names = c.Strings("state_names");
        Assert.Equal(names, module.StateDict().Select(e => e.Name));
        module.LoadStateDict(names.ToDictionary(n => n, n => c.Tensor("state." + n)));
        return module;
    }
}
