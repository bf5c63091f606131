"""Loads a GanDsl checkpoint into the equivalent torch.nn.Sequential nets with strict=True and checks their forward pass.

Usage: torch_load_checkpoint.py CHECKPOINT_DIR IO.safetensors
IO.safetensors holds "z" (latent input), "g" (GanDsl's generator output, eval mode) and "d" (GanDsl's discriminator
output on g, eval mode). Prints one JSON line with the largest differences; exits 1 when a check fails.
The nets mirror MlpGenerator / MlpDiscriminator in TrainingFixtures.cs.
"""
import json
import os
import struct
import sys

import numpy as np
import torch
from torch import nn

DTYPES = {"F32": np.float32, "I64": np.int64}


def read_safetensors(path):
    """An independent reader of the format: 8-byte LE header length, JSON header, raw little-endian data."""
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = blob[8 + n:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=np.dtype(DTYPES[info["dtype"]]).newbyteorder("<"))
        tensors[name] = torch.from_numpy(array.reshape(info["shape"]).copy())
    return tensors


def main():
    ckpt, io_path = sys.argv[1], sys.argv[2]
    generator = nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.LeakyReLU(0.2), nn.Linear(16, 6), nn.Tanh())
    discriminator = nn.Sequential(nn.Linear(6, 16), nn.LeakyReLU(0.2), nn.Dropout(0.3), nn.Linear(16, 1), nn.Sigmoid())
    g_state = read_safetensors(os.path.join(ckpt, "generator.safetensors"))
    if g_state["1.num_batches_tracked"].dtype != torch.int64:
        print("num_batches_tracked is not int64")
        return 1
    generator.load_state_dict(g_state, strict=True)
    discriminator.load_state_dict(read_safetensors(os.path.join(ckpt, "discriminator.safetensors")), strict=True)
    ema = os.path.join(ckpt, "generator_ema.safetensors")
    if os.path.exists(ema):  # the averaged generator is a loadable state dict too
        nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.LeakyReLU(0.2), nn.Linear(16, 6), nn.Tanh()) \
            .load_state_dict(read_safetensors(ema), strict=True)
    generator.eval()
    discriminator.eval()
    io = read_safetensors(io_path)
    with torch.no_grad():
        g = generator(io["z"])
        d = discriminator(io["g"])
    g_err = float((g - io["g"]).abs().max())
    d_err = float((d - io["d"]).abs().max())
    print(json.dumps({"g_err": g_err, "d_err": d_err, "num_batches_tracked": int(g_state["1.num_batches_tracked"])}))
    return 0 if g_err < 1e-5 and d_err < 1e-5 else 1


if __name__ == "__main__":
    sys.exit(main())
