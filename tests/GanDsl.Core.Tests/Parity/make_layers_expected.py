"""Writes layers_expected.json: PyTorch's values for the layers of issue 19, their checkpoints and the conditional nets.

Run with `/usr/bin/python3 tests/GanDsl.Core.Tests/Parity/make_layers_expected.py` (PyTorch 1.13, CPU). Conventions as in
make_expected.py (parity_common.py): fixed sin inputs, float32 values in shortest round-trip form, f32_error from a float64 run.

Every module case builds the PyTorch module GanDsl's layer stands for (nn.utils.spectral_norm around Linear/Conv2d/
ConvTranspose2d, LayerNorm, InstanceNorm2d, GroupNorm, Dropout2d, BatchNorm2d(affine=False); MinibatchStdDev, the
projection discriminator and the conditional batch norm generator as the reference classes below), gives every float
entry of its state dict a fixed value, and records:
  - args.state_names: state_dict() keys in order, which GanDsl's StateDict() must equal;
  - args.strict_load: 1 once a fresh module accepted that state as a plain dict with load_state_dict(strict=True) and then
    computed the same output (the script stops otherwise, so the file cannot hold a failed load). A GanDsl checkpoint is
    such a dict (no PyTorch _metadata; spectral norm's load hook takes weight_orig/_u/_v as current), so this is the load a
    user does;
  - the state ("state.NAME"), the input, the training-mode output and gradients (of sum(out * grad_out)), the buffers after
    that forward ("after.NAME": spectral norm's u and v after its power iteration, batch norm's running statistics), and
    the evaluation-mode output of a second copy holding the initial state.
The critic case checks second order: the gradient of a WGAN-GP penalty through every normalisation that a critic may hold.
"""
import collections
import os

import torch
from torch import nn

from parity_common import _phase, add, fixed, write

HERE = os.path.dirname(os.path.abspath(__file__))
sn = nn.utils.spectral_norm


class MinibatchStdDev(nn.Module):
    """ProGAN's layer (Karras et al. 2018, minibatch_stddev_layer): groups of min(G, N), sample n in group n mod N/G."""

    def __init__(self, group_size=4):
        super().__init__()
        self.group_size = group_size

    def forward(self, x):
        n, c, h, w = x.shape
        g = min(self.group_size, n)
        y = x.reshape(g, -1, c, h, w)
        y = y - y.mean(0, keepdim=True)
        y = (y.square().mean(0) + 1e-8).sqrt()
        y = y.mean([1, 2, 3]).reshape(-1, 1, 1, 1).repeat(g, 1, h, w)
        return torch.cat([x, y], 1)


class ClassAffine(nn.Module):
    """Conditional batch norm's per-class gain and bias (after a BatchNorm without affine)."""

    def __init__(self, classes, channels):
        super().__init__()
        self.gain = nn.Embedding(classes, channels)
        self.bias = nn.Embedding(classes, channels)

    def forward(self, x, y):
        view = (x.shape[0], x.shape[1]) + (1,) * (x.dim() - 2)
        return x * self.gain(y).view(view) + self.bias(y).view(view)


class ProjectionDiscriminator(nn.Module):
    """Miyato and Koyama 2018: emb registered first, the stack as "0", "1", …; score = last Linear(h) + <emb(y), h>."""

    def __init__(self, classes, features, layers):
        super().__init__()
        self.emb = nn.Embedding(classes, features)
        for i, layer in enumerate(layers):
            self.add_module(str(i), layer)
        self.n = len(layers)

    def forward(self, x, y):
        for i in range(self.n - 1):
            x = getattr(self, str(i))(x)
        return getattr(self, str(self.n - 1))(x) + (self.emb(y) * x).sum(1, keepdim=True)


class AuxClassifierDiscriminator(nn.Module):
    """AC-GAN: the stack as "0", "1", … scores without labels; "cls", registered after it, reads h, the last Linear's input.
    The output is [score, class logits] side by side; the labels are ignored."""

    def __init__(self, classes, features, layers):
        super().__init__()
        for i, layer in enumerate(layers):
            self.add_module(str(i), layer)
        self.n = len(layers)
        self.cls = nn.Linear(features, classes)

    def forward(self, x, y):
        for i in range(self.n - 2):
            x = getattr(self, str(i))(x)
        score = getattr(self, str(self.n - 1))(getattr(self, str(self.n - 2))(x))
        return torch.cat([score, self.cls(x)], 1)


class Unflatten(nn.Module):
    def __init__(self, *dims):
        super().__init__()
        self.dims = dims

    def forward(self, x):
        return x.reshape(x.shape[0], *self.dims)


class ConditionalBatchNormGenerator(nn.Module):
    """The stack as "0", "1", …, its batch norms without affine, each followed by cbn[K] (a ModuleDict after the layers)."""

    def __init__(self, classes, layers):
        super().__init__()
        for i, layer in enumerate(layers):
            self.add_module(str(i), layer)
        self.n = len(layers)
        self.cbn = nn.ModuleDict({str(i): ClassAffine(classes, layer.num_features) for i, layer in enumerate(layers)
                                  if isinstance(layer, nn.modules.batchnorm._BatchNorm)})

    def forward(self, z, y):
        for i in range(self.n):
            z = getattr(self, str(i))(z)
            if str(i) in self.cbn:
                z = self.cbn[str(i)](z, y)
        return z


def set_state(module):
    """Fixed values for every float entry: near 1 for scales and variances, unit vectors for spectral norm's u and v."""
    with torch.no_grad():
        for name, value in module.state_dict().items():
            if not value.is_floating_point():
                continue
            leaf = name.rsplit(".", 1)[-1]
            near_one = leaf == "running_var" or (leaf == "weight" and value.dim() == 1) or name.endswith("gain.weight")
            new = fixed(*value.shape, scale=0.3, offset=1.0 if near_one else 0.0)
            if leaf in ("weight_u", "weight_v"):
                new = new / new.norm()
            value.copy_(new)


def run(module, inputs, train, grad_out=None):
    """The output (and, given grad_out, the gradients of sum(out * grad_out) for the inputs and parameters)."""
    module.train(train)
    leaves = [t.clone().requires_grad_(t.is_floating_point() and grad_out is not None) for t in inputs]
    out = module(*leaves)
    result = {"out": out.detach()}
    if grad_out is not None:
        params = list(module.named_parameters())
        grads = torch.autograd.grad(out, [leaves[0]] + [p for _, p in params], grad_out.to(out.dtype))
        result["grad_x"] = grads[0]
        result.update({"grad." + n: g for (n, _), g in zip(params, grads[1:])})
    return result


def module_case(name, build, inputs, train=True, grad=True, args=None):
    """One module: state names, strict load of a plain dict, training forward and gradients, buffers after, evaluation forward."""
    torch.manual_seed(0)
    reference = build()
    set_state(reference)
    state = collections.OrderedDict((k, v.clone()) for k, v in reference.state_dict().items())
    names = list(state.keys())
    outputs = {}
    for dtype, into in ((torch.float64, {}), (torch.float32, outputs)):
        fresh = build()
        fresh.load_state_dict(collections.OrderedDict((k, v.clone()) for k, v in state.items()), strict=True)
        fresh.to(dtype)
        cast = [t.to(dtype) if t.is_floating_point() else t for t in inputs]
        if train:
            grad_out = fixed_grad[name] if grad else None
            trained = run(fresh, cast, True, grad_out)
            into.update({("out_train" if k == "out" else k): v for k, v in trained.items()})
            into.update({"after." + k: v.clone() for k, v in fresh.named_buffers() if v.is_floating_point()})
        evaluated = build()
        evaluated.load_state_dict(collections.OrderedDict((k, v.clone()) for k, v in state.items()), strict=True)
        evaluated.to(dtype)
        into["out_eval"] = run(evaluated, cast, False)["out"]
        if dtype == torch.float64:
            outputs64 = {k: v for k, v in into.items()}
    # The plain dict loaded above computes what the module that produced it computes.
    assert torch.equal(run(reference, inputs, False)["out"], outputs["out_eval"]), name
    case_inputs = {"state." + k: v.float() for k, v in state.items()}
    case_inputs.update({"x" if i == 0 else "labels": t.float() for i, t in enumerate(inputs)})
    if train and grad:
        case_inputs["grad_out"] = fixed_grad[name]
    add(name, {"state_names": names, "strict_load": 1, **(args or {})}, case_inputs,
        {k: v.float() for k, v in outputs.items()}, outputs64)


fixed_grad = {}


def with_grad_out(name, out_shape):
    fixed_grad[name] = fixed(*out_shape)


def layer_case(name, build, x, train=True, grad=True, args=None):
    torch.manual_seed(0)
    with torch.no_grad():
        shape = build().eval()(x).shape
    if train and grad:
        with_grad_out(name, shape)
    module_case(name, build, [x], train, grad, args)


# ---- spectral norm (nn.utils.spectral_norm: weight_orig, weight_u, weight_v) ----------------------------------------
layer_case("module_linear_sn", lambda: sn(nn.Linear(4, 5)), fixed(3, 4))
layer_case("module_linear_sn_nobias", lambda: sn(nn.Linear(6, 3, bias=False)), fixed(2, 6))
layer_case("module_conv2d_sn", lambda: sn(nn.Conv2d(3, 4, 3, 2, 1)), fixed(2, 3, 5, 5))
layer_case("module_conv_transpose2d_sn", lambda: sn(nn.ConvTranspose2d(3, 2, 4, 2, 1)), fixed(2, 3, 3, 3))

# ---- normalisations with each sample's own statistics -------------------------------------------------------------
layer_case("module_layer_norm_image", lambda: nn.LayerNorm([2, 3, 4]), fixed(3, 2, 3, 4, scale=2.0, offset=0.5))
layer_case("module_layer_norm_flat_no_affine", lambda: nn.LayerNorm([6], elementwise_affine=False), fixed(4, 6, scale=2.0))
layer_case("module_instance_norm", lambda: nn.InstanceNorm2d(3), fixed(2, 3, 4, 4, scale=2.0, offset=0.3))
layer_case("module_instance_norm_affine", lambda: nn.InstanceNorm2d(3, affine=True), fixed(2, 3, 4, 4, scale=2.0))
layer_case("module_group_norm_image", lambda: nn.GroupNorm(2, 4), fixed(2, 4, 3, 3, scale=2.0, offset=-0.4))
layer_case("module_group_norm_flat", lambda: nn.GroupNorm(3, 6), fixed(4, 6, scale=2.0))
layer_case("module_batch_norm2d_no_affine", lambda: nn.BatchNorm2d(3, affine=False), fixed(4, 3, 2, 2, scale=2.0, offset=0.5))

# ---- minibatch standard deviation and channel dropout -------------------------------------------------------------
layer_case("module_minibatch_stddev", lambda: MinibatchStdDev(4), fixed(8, 2, 3, 3), args={"group_size": 4})
layer_case("module_minibatch_stddev_small_batch", lambda: MinibatchStdDev(4), fixed(3, 2, 2, 2), args={"group_size": 4})
# Random masks cannot match PyTorch's generator, so only evaluation (the identity) is compared; training is tested in C#.
layer_case("module_dropout2d", lambda: nn.Dropout2d(0.3), fixed(2, 3, 2, 2), train=False)


# ---- second order: a WGAN-GP penalty through a critic holding every new layer -------------------------------------
def critic():
    return nn.Sequential(
        sn(nn.Conv2d(2, 4, 3, 1, 1)), nn.GroupNorm(2, 4), nn.LeakyReLU(0.2),
        sn(nn.Conv2d(4, 4, 4, 2, 1)), nn.InstanceNorm2d(4, affine=True), nn.LeakyReLU(0.2),
        MinibatchStdDev(4), nn.Flatten(), nn.LayerNorm([45]), sn(nn.Linear(45, 1)))


def critic_penalty(dtype, state, x):
    net = critic()
    net.load_state_dict(collections.OrderedDict((k, v.clone()) for k, v in state.items()), strict=True)
    net.to(dtype).train()
    leaf = x.to(dtype).requires_grad_()
    (gx,) = torch.autograd.grad(net(leaf).sum(), leaf, create_graph=True)
    penalty = ((gx.flatten(1).norm(dim=1) - 1) ** 2).mean()
    params = list(net.named_parameters())
    grads = torch.autograd.grad(penalty, [leaf] + [p for _, p in params], allow_unused=True)  # the last bias does not reach gx
    out = {"penalty": penalty.detach(), "grad_x": gx.detach(), "penalty_grad_x": grads[0]}
    out.update({"grad." + n: torch.zeros_like(p) if g is None else g for (n, p), g in zip(params, grads[1:])})
    out.update({"after." + k: v.clone() for k, v in net.state_dict().items() if k.endswith(("_u", "_v"))})
    return out


torch.manual_seed(0)
_phase[0] = 300.0
net = critic()
set_state(net)
critic_state = collections.OrderedDict((k, v.clone()) for k, v in net.state_dict().items())
critic_x = fixed(4, 2, 6, 6)
o32 = critic_penalty(torch.float32, critic_state, critic_x)
o64 = critic_penalty(torch.float64, critic_state, critic_x)
add("critic_gradient_penalty", {"state_names": list(critic_state.keys())},
    {**{"state." + k: v for k, v in critic_state.items()}, "x": critic_x}, {k: v.float() for k, v in o32.items()}, o64)


# ---- conditional nets: a projection discriminator and a conditional batch norm generator -----------------------------
_phase[0] = 400.0
labels = torch.tensor([0, 2, 1, 2])
projection = lambda: ProjectionDiscriminator(3, 8, [  # noqa: E731
    sn(nn.Conv2d(1, 4, 4, 2, 1)), nn.LeakyReLU(0.2), nn.Flatten(), sn(nn.Linear(36, 8)), nn.ReLU(), sn(nn.Linear(8, 1))])
with_grad_out("projection_discriminator", (4, 1))
module_case("projection_discriminator", projection, [fixed(4, 1, 6, 6), labels])

generator = lambda: ConditionalBatchNormGenerator(3, [  # noqa: E731
    nn.Linear(5, 32), nn.BatchNorm1d(32, affine=False), nn.ReLU(), Unflatten(2, 4, 4),
    nn.ConvTranspose2d(2, 3, 4, 2, 1), nn.BatchNorm2d(3, affine=False), nn.ReLU(), nn.Conv2d(3, 1, 3, 1, 1), nn.Tanh()])
with_grad_out("cbn_generator", (4, 1, 8, 8))
module_case("cbn_generator", generator, [fixed(4, 5), labels])

# ---- an auxiliary-classifier discriminator (AC-GAN): score and class logits from one pass ----------------------------
_phase[0] = 500.0
aux_classifier = lambda: AuxClassifierDiscriminator(3, 8, [  # noqa: E731
    nn.Conv2d(1, 4, 4, 2, 1), nn.BatchNorm2d(4), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(36, 8), nn.LeakyReLU(0.2),
    nn.Linear(8, 1), nn.Sigmoid()])
with_grad_out("aux_classifier_discriminator", (4, 4))
module_case("aux_classifier_discriminator", aux_classifier, [fixed(4, 1, 6, 6), labels])

write(os.path.join(HERE, "layers_expected.json"), "make_layers_expected.py")
