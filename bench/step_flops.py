"""Multiply-adds of one bench training step of each reference model, and the step's floor at a given FMA peak.

Usage: /usr/bin/python3 bench/step_flops.py [--peak GFLOPS] [model ...]
The nets are bench/torch_gan_step.py's (checked there against GanDsl's parameter counts). Each Linear, Conv2d and
ConvTranspose2d layer's forward work at batch 128 is counted by its real multiply-adds: a transposed convolution does
Cin x Cout x k x k per input pixel (not torchinfo's output-size formula). The step is GanDsl's (`gandsl bench`):
D forward three times (real, detached fake, fake for G); D's backward on real and fake computes weight gradients and
input gradients below its first layer; G's step goes back through D with D frozen (input gradients of every D layer, no
weight gradients), then through G (weight gradients, input gradients below G's first layer). A layer's weight gradient
and its input gradient each cost what its forward costs, so the step is
    3 G + 8 D - 2 D_first - G_first
multiply-adds, where G and D are the nets' forward work and X_first a net's first layer's. A D with a class head (cgan's)
runs it on a pass of its own (C, blank label planes) for the real batch in D's step (forward, weight and input gradients
below its first layer: 3 C - C_first) and for the fakes in G's (forward and input gradients: 2 C), so such a step adds
5 C - C_first. `--peak` (GFLOP/s, both
threads; `GanDsl.Benchmarks --peak` measures it) turns the step's 2 x multiply-adds into its floor in ms.
Prints one JSON line per model.
"""
import argparse
import json
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_gan_step import MODELS  # noqa: E402

BATCH = 128


def layer_macs(module, inp, out):
    """Forward multiply-adds of one weighted layer for the batch it ran on."""
    x = inp[0]
    if isinstance(module, nn.Linear):
        return x.numel() // module.in_features * module.in_features * module.out_features
    if isinstance(module, nn.ConvTranspose2d):   # every input pixel meets every weight once
        k = module.kernel_size[0] * module.kernel_size[1]
        return x.numel() // module.in_channels * module.in_channels * module.out_channels * k // module.groups
    if isinstance(module, nn.Conv2d):            # every output pixel is one dot product over Cin x k x k
        k = module.kernel_size[0] * module.kernel_size[1]
        return out.numel() * module.in_channels * k // module.groups
    return None


def forward_macs(net, *args, call=None):
    """Per-layer forward multiply-adds of `net` called on `args` (or of `call(*args)`), in the order the layers ran."""
    counts, hooks = [], []
    for m in net.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            hooks.append(m.register_forward_hook(lambda mod, i, o: counts.append(layer_macs(mod, i, o))))
    with torch.no_grad():
        out = (call or net)(*args)
    for h in hooks:
        h.remove()
    return counts, out


def step_macs(name):
    m = MODELS[name]()
    m.G.eval(), m.D.eval()
    labels = torch.randint(0, m.classes, (BATCH,)) if m.classes else None
    g, fake = forward_macs(m.G, torch.randn(BATCH, m.nz), labels)
    d, _ = forward_macs(m.D, fake.reshape(BATCH, *m.sample), labels)
    step = 3 * sum(g) + 8 * sum(d) - 2 * d[0] - g[0]
    if hasattr(m.D, "classify"):
        c, _ = forward_macs(m.D, fake.reshape(BATCH, *m.sample), call=m.D.classify)
        step += 5 * sum(c) - c[0]
    return {"G": sum(g), "D": sum(d), "step": step}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="Multiply-adds of one bench training step per model.")
    ap.add_argument("models", nargs="*", metavar="model", help=", ".join(MODELS) + " (default: all)")
    ap.add_argument("--peak", type=float, help="two-thread FMA peak in GFLOP/s, for each step's floor in ms")
    a = ap.parse_args()
    for name in a.models or list(MODELS):
        if name not in MODELS:
            ap.error(f"unknown model '{name}'; choose one of: {', '.join(MODELS)}")
        c = step_macs(name)
        line = {"model": name, "batch": BATCH, "g_forward_macs": c["G"], "d_forward_macs": c["D"],
                "step_macs": c["step"], "step_gflop": round(2 * c["step"] / 1e9, 3)}
        if a.peak:
            line["floor_ms"] = round(2 * c["step"] / (a.peak * 1e9) * 1000, 2)
        print(json.dumps(line), flush=True)
