"""Helpers the parity scripts share: fixed inputs, float32 encoding, cases with PyTorch's own float32 error, the JSON writer.

make_expected.py (ops, optimizers) and make_layers_expected.py (the layers of issue 19, their checkpoints, conditional nets)
import it; see make_expected.py for the conventions.
"""
import json
import math
import os

import numpy as np
import torch

torch.set_num_threads(1)  # one summation order, so reruns give the same file
_phase = [0.0]


def fixed(*shape, scale=1.0, offset=0.0):
    """The next fixed tensor: each call gets a new phase so inputs are not copies of each other."""
    _phase[0] += 0.731
    n = math.prod(shape)
    vals = [math.sin(0.37 * i + _phase[0]) * scale + offset for i in range(n)]
    return torch.tensor(vals, dtype=torch.float64).to(torch.float32).reshape(shape)


def enc(t):
    t = t.detach().to(torch.float32).contiguous()
    data = ",".join(np.format_float_positional(v, unique=True, trim="-") if abs(v) >= 1e-4 or v == 0
                    else np.format_float_scientific(v, unique=True, trim="-")
                    for v in t.reshape(-1).numpy())
    return '{"shape":%s,"data":[%s]}' % (json.dumps(list(t.shape)), data)


CASES = {}


def add(name, args, inputs, outputs, outputs64=None):
    """inputs/outputs: dict name -> float32 tensor; outputs64: the same outputs computed in float64."""
    err = {}
    if outputs64 is not None:
        for k, v in outputs.items():
            err[k] = float((v.double() - outputs64[k].double()).abs().max()) if v.numel() else 0.0
    CASES[name] = (args, {**inputs, **outputs}, err)


def run_both(fn, inputs):
    """Runs fn on the float32 inputs and on their float64 copies; returns (outputs32, outputs64)."""
    out32 = fn({k: v.clone() for k, v in inputs.items()})
    out64 = fn({k: v.double() for k, v in inputs.items()})
    return out32, out64


def with_grads(forward, inputs, wrt, grad_out):
    """A function computing out and the gradients of <out, grad_out> w.r.t. the named inputs."""
    def fn(t):
        leaves = {k: v.clone().requires_grad_(k in wrt) for k, v in t.items()}
        out = forward(leaves)
        go = grad_out.to(out.dtype)
        grads = torch.autograd.grad(out, [leaves[k] for k in wrt], go)
        res = {"out": out.detach()}
        res.update({"grad_" + k: g for k, g in zip(wrt, grads)})
        return res
    return fn


def write(path, generator):
    """Writes CASES as the JSON ParityData reads; <generator> names the script that made it."""
    parts = []
    for name, (args, tensors, err) in CASES.items():
        body = ",\n    ".join('"%s":%s' % (k, enc(v)) for k, v in tensors.items())
        parts.append('  "%s":{\n   "args":%s,\n   "f32_error":%s,\n   "tensors":{\n    %s}}'
                     % (name, json.dumps(args), json.dumps(err), body))
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"generator":"%s","torch":"%s",\n "cases":{\n%s}}\n' % (generator, torch.__version__, ",\n".join(parts)))
    print(f"wrote {len(CASES)} cases")
