"""Writes expected.json: fixed inputs and PyTorch's outputs for the engine's parity tests.

Run from anywhere with `/usr/bin/python3 tests/GanDsl.Core.Tests/Parity/make_expected.py` (PyTorch 1.13, CPU, float32).
Inputs follow x[i] = sin(0.37 i + phase) * scale + offset, computed in float64 and cast to float32; they are written
into the JSON too, so the C# side reads them instead of recomputing. Every float32 is printed as its shortest
round-trip decimal, so parsing it back gives the identical float32.

The helpers live in parity_common.py, which make_layers_expected.py shares. Each case also records `f32_error`: for every
output, the largest |torch float32 - torch float64| over its elements (the float64 run uses the same float32 inputs).
The tests use it to tell reduction-order rounding from real bugs.
"""
import os

import torch
import torch.nn.functional as F

from parity_common import _phase, add, fixed, run_both, with_grads, write

HERE = os.path.dirname(os.path.abspath(__file__))

# ---- linear -------------------------------------------------------------------------------------------------------
for name, n, i, o, bias in [("linear_bias", 4, 5, 3, True), ("linear_nobias", 4, 5, 3, False),
                            ("linear_large", 17, 45, 37, True)]:
    ins = {"x": fixed(n, i), "weight": fixed(o, i, scale=0.4)}
    if bias:
        ins["bias"] = fixed(o, scale=0.3)
    gy = fixed(n, o)
    fn = with_grads(lambda t: F.linear(t["x"], t["weight"], t.get("bias")), ins, list(ins), gy)
    o32, o64 = run_both(fn, ins)
    add(name, {}, {**ins, "grad_out": gy}, o32, o64)

# ---- conv2d -------------------------------------------------------------------------------------------------------
for name, xs, ws, s, p, bias in [
        ("conv2d_k3_s1_p0", (2, 3, 7, 6), (4, 3, 3, 3), 1, 0, True),
        ("conv2d_k3_s1_p1", (2, 3, 7, 6), (4, 3, 3, 3), 1, 1, True),
        ("conv2d_k3_s2_p1", (2, 3, 7, 6), (4, 3, 3, 3), 2, 1, True),
        ("conv2d_k3_s2_p0_nobias", (2, 3, 7, 6), (4, 3, 3, 3), 2, 0, False),
        ("conv2d_k4_s2_p1", (2, 3, 8, 8), (5, 3, 4, 4), 2, 1, True),
        ("conv2d_k5_s1_p2", (1, 2, 6, 5), (3, 2, 5, 5), 1, 2, True),
        ("conv2d_k1_s1_p0", (2, 5, 3, 4), (6, 5, 1, 1), 1, 0, True),
        ("conv2d_k2_s3_p1", (2, 2, 8, 7), (3, 2, 2, 2), 3, 1, True)]:
    ins = {"x": fixed(*xs), "weight": fixed(*ws, scale=0.3)}
    if bias:
        ins["bias"] = fixed(ws[0], scale=0.2)
    out_shape = F.conv2d(ins["x"], ins["weight"], stride=s, padding=p).shape
    gy = fixed(*out_shape)
    fn = with_grads(lambda t: F.conv2d(t["x"], t["weight"], t.get("bias"), stride=s, padding=p), ins, list(ins), gy)
    o32, o64 = run_both(fn, ins)
    add(name, {"stride": s, "padding": p}, {**ins, "grad_out": gy}, o32, o64)

# ---- conv_transpose2d (weight [Cin, Cout, k, k]) ------------------------------------------------------------------
for name, xs, ws, s, p, op, bias in [
        ("conv_transpose2d_k3_s2_p1_op1", (2, 4, 3, 4), (4, 3, 3, 3), 2, 1, 1, True),
        ("conv_transpose2d_k4_s1_p0_from1x1", (2, 6, 1, 1), (6, 5, 4, 4), 1, 0, 0, False),
        ("conv_transpose2d_k3_s2_p1", (2, 4, 4, 3), (4, 3, 3, 3), 2, 1, 0, True),
        ("conv_transpose2d_k4_s2_p1", (2, 4, 3, 3), (4, 2, 4, 4), 2, 1, 0, True),
        ("conv_transpose2d_k4_s2_p1_nobias", (1, 3, 4, 2), (3, 2, 4, 4), 2, 1, 0, False),
        ("conv_transpose2d_k5_s3_p2_op1", (2, 2, 3, 2), (2, 3, 5, 5), 3, 2, 1, True)]:
    ins = {"x": fixed(*xs), "weight": fixed(*ws, scale=0.3)}
    if bias:
        ins["bias"] = fixed(ws[1], scale=0.2)
    out_shape = F.conv_transpose2d(ins["x"], ins["weight"], stride=s, padding=p, output_padding=op).shape
    gy = fixed(*out_shape)
    fn = with_grads(lambda t: F.conv_transpose2d(t["x"], t["weight"], t.get("bias"), stride=s, padding=p,
                                                 output_padding=op), ins, list(ins), gy)
    o32, o64 = run_both(fn, ins)
    add(name, {"stride": s, "padding": p, "output_padding": op}, {**ins, "grad_out": gy}, o32, o64)

# ---- batch_norm ---------------------------------------------------------------------------------------------------
for name, xs in [("batch_norm_1d", (6, 4)), ("batch_norm_1d_ncl", (4, 3, 5)), ("batch_norm_2d", (3, 4, 3, 5))]:
    c = xs[1]
    ins = {"x": fixed(*xs, scale=2.0, offset=0.5), "weight": fixed(c, scale=0.5, offset=1.0),
           "bias": fixed(c, scale=0.3), "running_mean": fixed(c, scale=0.2),
           "running_var": fixed(c, scale=0.3, offset=1.0)}
    gy = fixed(*xs)

    def train(t):
        rm, rv = t["running_mean"].clone(), t["running_var"].clone()
        leaves = {k: t[k].clone().requires_grad_() for k in ("x", "weight", "bias")}
        out = F.batch_norm(leaves["x"], rm, rv, leaves["weight"], leaves["bias"], training=True, momentum=0.1, eps=1e-5)
        grads = torch.autograd.grad(out, [leaves["x"], leaves["weight"], leaves["bias"]], gy.to(out.dtype))
        return {"out": out.detach(), "running_mean_after": rm, "running_var_after": rv,
                "grad_x": grads[0], "grad_weight": grads[1], "grad_bias": grads[2]}

    def evaluate(t):
        return {"out": F.batch_norm(t["x"], t["running_mean"], t["running_var"], t["weight"], t["bias"],
                                    training=False, eps=1e-5)}

    o32, o64 = run_both(train, ins)
    add(name + "_train", {"momentum": 0.1, "eps": 1e-5}, {**ins, "grad_out": gy}, o32, o64)
    o32, o64 = run_both(evaluate, ins)
    add(name + "_eval", {"eps": 1e-5}, ins, o32, o64)

# ---- pooling and upsampling ---------------------------------------------------------------------------------------
for name, xs, k, s in [("max_pool2d_k2", (2, 3, 6, 7), 2, 2), ("max_pool2d_k3_s2", (2, 2, 7, 6), 3, 2),
                       ("max_pool2d_k2_s1", (1, 2, 4, 5), 2, 1), ("max_pool2d_k3_s1_ties", (1, 2, 5, 6), 3, 1)]:
    ins = {"x": fixed(*xs)}
    if name.endswith("ties"):  # values on a 0.5 grid: windows hold equal maxima, and the gradient goes to the first
        ins["x"] = torch.round(ins["x"] * 2) / 2
    gy = fixed(*F.max_pool2d(ins["x"], k, s).shape)
    o32, o64 = run_both(with_grads(lambda t: F.max_pool2d(t["x"], k, s), ins, ["x"], gy), ins)
    add(name, {"kernel": k, "stride": s}, {**ins, "grad_out": gy}, o32, o64)

for name, xs, f in [("upsample_nearest_2", (2, 3, 3, 4), 2), ("upsample_nearest_3", (1, 2, 2, 3), 3)]:
    ins = {"x": fixed(*xs)}
    gy = fixed(xs[0], xs[1], xs[2] * f, xs[3] * f)
    o32, o64 = run_both(with_grads(lambda t: F.interpolate(t["x"], scale_factor=f, mode="nearest"), ins, ["x"], gy), ins)
    add(name, {"factor": f}, {**ins, "grad_out": gy}, o32, o64)

# ---- activations (inputs span the saturating range) ---------------------------------------------------------------
for name, fwd, args in [("leaky_relu_0.2", lambda x: F.leaky_relu(x, 0.2), {"slope": 0.2}),
                        ("leaky_relu_default", lambda x: F.leaky_relu(x), {"slope": 0.01}),
                        ("relu", F.relu, {}), ("tanh", torch.tanh, {}), ("sigmoid", torch.sigmoid, {})]:
    ins = {"x": fixed(5, 8, scale=12.0)}
    ins["x"][0, :2] = 0.0  # the gradient at exactly 0 is a convention: PyTorch takes the x <= 0 branch
    gy = fixed(5, 8)
    o32, o64 = run_both(with_grads(lambda t: fwd(t["x"]), ins, ["x"], gy), ins)
    add(name, args, {**ins, "grad_out": gy}, o32, o64)

# ---- losses (mean reduction; gradient for d loss / d input with upstream 1) ---------------------------------------
p = torch.sigmoid(fixed(4, 6, scale=4.0))
p[0, 0], p[0, 1], p[1, 0], p[1, 1] = 0.0, 1.0, 0.0, 1.0  # exact 0/1 hit the -100 clamp of log
p[2, 0], p[2, 1] = 1e-30, 1 - 2 ** -24
t = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.9, 0.1] * 4).reshape(4, 6)
t[3] = torch.tensor([0.0, 1.0, 0.3, 0.7, 1.0, 0.0])
logits = fixed(4, 6, scale=6.0)
logits[0, :4] = torch.tensor([100.0, -100.0, 35.0, -35.0])
logits[1, :2] = torch.tensor([0.0, 1e-6])
mse_target = fixed(4, 6)
one = torch.ones(())
for name, fwd, ins in [
        ("binary_cross_entropy", lambda t: F.binary_cross_entropy(t["input"], t["target"]), {"input": p, "target": t}),
        ("binary_cross_entropy_with_logits", lambda t: F.binary_cross_entropy_with_logits(t["input"], t["target"]),
         {"input": logits, "target": t}),
        ("mse_loss", lambda t: F.mse_loss(t["input"], t["target"]), {"input": fixed(4, 6), "target": mse_target})]:
    o32, o64 = run_both(with_grads(fwd, ins, ["input"], one), ins)
    add(name, {}, ins, o32, o64)

# softmax cross-entropy on logits [N, K] against class indices (stored as floats), the class head's loss; row 0 has logits
# far apart (log-sum-exp must shift by the row maximum), row 1 ties.
class_logits = fixed(5, 4, scale=6.0)
class_logits[0] = torch.tensor([80.0, -80.0, 30.0, 0.0])
class_logits[1] = 0.5
class_targets = torch.tensor([2.0, 1.0, 0.0, 3.0, 3.0])
ins = {"input": class_logits, "target": class_targets}
o32, o64 = run_both(with_grads(lambda t: F.cross_entropy(t["input"], t["target"].long()), ins, ["input"], one), ins)
add("cross_entropy", {}, ins, o32, o64)


# ---- optimizers: two parameters, two steps with fixed gradients ---------------------------------------------------
def optimizer_case(name, make, args, steps=2):
    params0 = [fixed(3, 4, scale=0.8), fixed(5, scale=0.5, offset=0.1)]
    grads = [[fixed(3, 4, scale=0.05 * (k + 1)), fixed(5, scale=0.02 * (k + 1))] for k in range(steps)]

    def fn(dtype):
        ps = [q.clone().to(dtype).requires_grad_() for q in params0]
        opt = make(ps)
        res = {}
        for k in range(steps):
            for q, g in zip(ps, grads[k]):
                q.grad = g.clone().to(dtype)
            opt.step()
            for i, q in enumerate(ps):
                res[f"p{i}_after{k + 1}"] = q.detach().clone()
        for i, q in enumerate(ps):  # the optimizer's state after the last step, named as the engine's State()
            for key, value in opt.state[q].items():
                if torch.is_tensor(value) and value.numel() > 1:
                    res[f"{i}.{key}"] = value.clone()
        return res

    inputs = {f"p{i}": q for i, q in enumerate(params0)}
    inputs.update({f"g{i}_step{k + 1}": g for k in range(steps) for i, g in enumerate(grads[k])})
    add(name, {**args, "steps": steps}, inputs, fn(torch.float32), fn(torch.float64))


optimizer_case("adam_gan", lambda ps: torch.optim.Adam(ps, lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5, foreach=False),
               {"lr": 2e-4, "beta1": 0.5, "beta2": 0.999, "eps": 1e-8, "weight_decay": 1e-5})
optimizer_case("adam_large_lr", lambda ps: torch.optim.Adam(ps, lr=0.05, weight_decay=0.1, foreach=False),
               {"lr": 0.05, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.1})
optimizer_case("adamw_gan", lambda ps: torch.optim.AdamW(ps, lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5, foreach=False),
               {"lr": 2e-4, "beta1": 0.5, "beta2": 0.999, "eps": 1e-8, "weight_decay": 1e-5})
optimizer_case("adamw_large_lr", lambda ps: torch.optim.AdamW(ps, lr=0.05, weight_decay=0.1, foreach=False),
               {"lr": 0.05, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.1})
optimizer_case("sgd_momentum", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=1e-3, foreach=False),
               {"lr": 0.1, "momentum": 0.9, "weight_decay": 1e-3})
optimizer_case("sgd_momentum_gan", lambda ps: torch.optim.SGD(ps, lr=2e-4, momentum=0.5, weight_decay=1e-5, foreach=False),
               {"lr": 2e-4, "momentum": 0.5, "weight_decay": 1e-5})

optimizer_case("sgd_plain", lambda ps: torch.optim.SGD(ps, lr=0.1, weight_decay=1e-2, foreach=False),
               {"lr": 0.1, "momentum": 0.0, "weight_decay": 1e-2})


# ---- end to end: a tiny DCGAN generator step through nn.Sequential, by state-dict names ---------------------------
def dcgan_step(dtype):
    """One generator step (BCE against ones, Adam on G); returns the inputs and the outputs, by state-dict names."""
    g = torch.nn.Sequential(torch.nn.ConvTranspose2d(8, 6, 4, 1, 0, bias=False), torch.nn.BatchNorm2d(6), torch.nn.ReLU(),
                            torch.nn.ConvTranspose2d(6, 3, 4, 2, 1, bias=False), torch.nn.Tanh())
    d = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 4, 2, 1, bias=False), torch.nn.LeakyReLU(0.2),
                            torch.nn.Conv2d(4, 1, 4, 1, 0, bias=False), torch.nn.Flatten(), torch.nn.Sigmoid())
    _phase[0] = 100.0  # both runs draw the same values
    inputs = {}
    with torch.no_grad():
        for prefix, net in (("G", g), ("D", d)):
            for name, value in net.state_dict().items():
                if value.is_floating_point():
                    near_one = name.endswith("running_var") or (name.endswith("weight") and value.dim() == 1)
                    value.copy_(fixed(*value.shape, scale=0.2, offset=1.0 if near_one else 0.0))
                inputs[f"{prefix}.{name}"] = value.clone().float()
    g.to(dtype), d.to(dtype)
    z = fixed(4, 8, 1, 1)
    inputs["z"] = z
    opt = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999), foreach=False)
    out = d(g(z.to(dtype)))
    loss = F.binary_cross_entropy(out, torch.ones_like(out))
    loss.backward()
    outputs = {"out": out.detach(), "loss": loss.detach()}
    for prefix, net in (("G", g), ("D", d)):
        outputs.update({f"grad.{prefix}.{n}": p.grad.clone() for n, p in net.named_parameters()})
    opt.step()
    outputs.update({f"after.G.{n}": v.clone() for n, v in g.state_dict().items()})
    return inputs, outputs


ins, o32 = dcgan_step(torch.float32)
_, o64 = dcgan_step(torch.float64)
add("dcgan_generator_step", {}, ins, {k: v.float() for k, v in o32.items()}, o64)

# ---- second order: a WGAN-GP gradient penalty through conv2d, leaky_relu and linear --------------------------------
def gradient_penalty(dtype):
    _phase[0] = 200.0
    ins = {"x": fixed(3, 2, 4, 4), "conv.weight": fixed(3, 2, 3, 3, scale=0.4), "conv.bias": fixed(3, scale=0.2),
           "linear.weight": fixed(1, 48, scale=0.3), "linear.bias": fixed(1, scale=0.2)}
    t = {k: v.to(dtype).requires_grad_() for k, v in ins.items()}
    h = F.leaky_relu(F.conv2d(t["x"], t["conv.weight"], t["conv.bias"], padding=1), 0.2)
    score = F.linear(h.flatten(1), t["linear.weight"], t["linear.bias"])
    (gx,) = torch.autograd.grad(score.sum(), t["x"], create_graph=True)
    penalty = ((gx.flatten(1).norm(dim=1) - 1) ** 2).mean()
    names = ["conv.weight", "conv.bias", "linear.weight", "linear.bias"]
    grads = torch.autograd.grad(penalty, [t[n] for n in names], allow_unused=True)  # the biases do not reach gx
    out = {"grad_x": gx.detach(), "penalty": penalty.detach()}
    out.update({"grad." + n: torch.zeros_like(t[n]) if g is None else g for n, g in zip(names, grads)})
    return ins, out


ins, o32 = gradient_penalty(torch.float32)
_, o64 = gradient_penalty(torch.float64)
add("gradient_penalty", {}, ins, o32, o64)

# ---- write --------------------------------------------------------------------------------------------------------
write(os.path.join(HERE, "expected.json"), "make_expected.py")
