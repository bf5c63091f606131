"""Prints torchinfo's summary of every net that TorchinfoReferenceTests compares with GanDsl's ModelSummary.

Usage (torchinfo 1.8.0 importable from DIR or from PYTHONPATH):
    python3 torchinfo_reference.py [--torchinfo DIR] [--out DIR] [--note TEXT] [NAME ...]

Without --out it prints each table after a '### NAME' line; with --out it writes DIR/NAME.txt, whose first line is a
'#' comment naming this script and the versions (the C# test skips '#' lines). Each net is the nn.Sequential that
GanDsl's layer stack stands for, built with PyTorch's own modules plus a module whose class name is Reshape.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys

import torch
from torch import nn


class MinibatchStdDev(nn.Module):
    """GanDsl's MinibatchStdDev(group_size) (ProGAN's layer): one more channel, no parameters; torchinfo names it by class."""

    def __init__(self, group_size: int = 4) -> None:
        super().__init__()
        self.group_size = group_size

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, _, h, w = x.shape
        g = min(self.group_size, n)
        y = x.reshape(g, -1, *x.shape[1:])
        y = ((y - y.mean(0, keepdim=True)).square().mean(0) + 1e-8).sqrt().mean([1, 2, 3])
        return torch.cat([x, y.reshape(-1, 1, 1, 1).repeat(g, 1, h, w)], 1)


class Reshape(nn.Module):
    """GanDsl's Reshape(dims...): keeps the batch dimension, reshapes the rest."""

    def __init__(self, *dims: int) -> None:
        super().__init__()
        self.dims = dims

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], *self.dims)


# Each layer is (name, args...) with GanDsl's argument order; widths come from the previous layer, as in the DSL.
# Keep in step with TorchinfoReferenceTests.Nets.
NETS = {
    # The three snapshot nets of SummaryTests.
    "VanillaGenerator64": ((100,), 64, [
        ("Linear", 256), ("LeakyReLU", 0.2), ("Linear", 512), ("LeakyReLU", 0.2),
        ("Linear", 1024), ("LeakyReLU", 0.2), ("Linear", 784), ("Tanh",), ("Reshape", 1, 28, 28)]),
    "DcganGenerator64": ((100,), 64, [
        ("Reshape", 100, 1, 1),
        ("ConvTranspose2d", 256, 7, 1, 0, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 128, 4, 2, 1, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 1, 4, 2, 1, 0, False), ("Tanh",)]),
    "ConvDiscriminator16": ((1, 28, 28), 16, [
        ("Conv2d", 16, 3, 1, 1), ("LeakyReLU", 0.2), ("MaxPool2d", 2), ("Dropout", 0.3),
        ("Upsample", 2), ("Flatten",), ("Linear", 64), ("BatchNorm1d",), ("Linear", 1), ("Sigmoid",)]),
    # examples/GanDsl.Examples.
    "DcganExampleGenerator64": ((128,), 64, [
        ("Reshape", 128, 1, 1),
        ("ConvTranspose2d", 128, 4, 1, 0, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 64, 3, 2, 1, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 32, 4, 2, 1, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 1, 4, 2, 1, 0, False), ("Tanh",)]),
    "DcganExampleDiscriminator64": ((1, 28, 28), 64, [
        ("Conv2d", 32, 4, 2, 1, False), ("BatchNorm2d",), ("LeakyReLU", 0.2),
        ("Conv2d", 64, 4, 2, 1, False), ("BatchNorm2d",), ("LeakyReLU", 0.2),
        ("Conv2d", 128, 3, 2, 1, False), ("BatchNorm2d",), ("LeakyReLU", 0.2),
        ("Conv2d", 1, 4, 1, 0, False), ("Flatten",), ("Sigmoid",)]),
    # GanDsl.Models' dcgan64: PyTorch's examples/dcgan at 64x64x3, at its batch of 128.
    "Dcgan64Generator128": ((100,), 128, [
        ("Reshape", 100, 1, 1),
        ("ConvTranspose2d", 512, 4, 1, 0, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 256, 4, 2, 1, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 128, 4, 2, 1, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 64, 4, 2, 1, 0, False), ("BatchNorm2d",), ("ReLU",),
        ("ConvTranspose2d", 3, 4, 2, 1, 0, False), ("Tanh",)]),
    "Dcgan64Discriminator128": ((3, 64, 64), 128, [
        ("Conv2d", 64, 4, 2, 1, False), ("LeakyReLU", 0.2),
        ("Conv2d", 128, 4, 2, 1, False), ("BatchNorm2d",), ("LeakyReLU", 0.2),
        ("Conv2d", 256, 4, 2, 1, False), ("BatchNorm2d",), ("LeakyReLU", 0.2),
        ("Conv2d", 512, 4, 2, 1, False), ("BatchNorm2d",), ("LeakyReLU", 0.2),
        ("Conv2d", 1, 4, 1, 0, False), ("Flatten",), ("Sigmoid",)]),
    "LightningCnnGenerator64": ((100,), 64, [
        ("Linear", 7 * 7 * 64), ("ReLU",), ("Reshape", 64, 7, 7),
        ("ConvTranspose2d", 32, 4, 2), ("ReLU",), ("ConvTranspose2d", 16, 4, 2), ("ReLU",), ("Conv2d", 1, 7)]),
    "LightningCnnDiscriminator64": ((1, 28, 28), 64, [
        ("Conv2d", 10, 5), ("MaxPool2d", 2), ("ReLU",),
        ("Conv2d", 20, 5), ("Dropout", 0.5), ("MaxPool2d", 2), ("ReLU",),
        ("Flatten",), ("Linear", 50), ("ReLU",), ("Dropout", 0.5), ("Linear", 1), ("Sigmoid",)]),
    "SevenBitGenerator1": ((7,), 1, [("Linear", 7), ("Sigmoid",)]),
    "SevenBitDiscriminator64": ((7,), 64, [("Linear", 1), ("Sigmoid",)]),
    "MnistMlpGenerator32": ((100,), 32, [
        ("Linear", 256), ("LeakyReLU", 0.2), ("Linear", 512), ("LeakyReLU", 0.2),
        ("Linear", 784), ("Tanh",), ("Reshape", 1, 28, 28)]),
    "MnistMlpDiscriminator64": ((1, 28, 28), 64, [
        ("Flatten",), ("Linear", 512), ("LeakyReLU", 0.2), ("Dropout", 0.3),
        ("Linear", 256), ("LeakyReLU", 0.2), ("Dropout", 0.3), ("Linear", 1)]),
    "VanillaDiscriminator128": ((1, 28, 28), 128, [
        ("Flatten",), ("Linear", 512), ("LeakyReLU", 0.2), ("Dropout", 0.3),
        ("Linear", 256), ("LeakyReLU", 0.2), ("Dropout", 0.3),
        ("Linear", 128), ("LeakyReLU", 0.2), ("Dropout", 0.3), ("Linear", 1), ("Sigmoid",)]),
    # Edge cases: 1-d batch norm after an upsampled conv, giga mult-adds from a big batch.
    "UpsampleBatchNorm1d7": ((3, 16, 16), 7, [
        ("Conv2d", 8, 3, 2, 1), ("BatchNorm2d",), ("Upsample", 3), ("MaxPool2d", 3, 2), ("Flatten",),
        ("Linear", 10, False), ("BatchNorm1d",), ("ReLU",), ("Linear", 1)]),
    "WideConv256": ((64, 64, 64), 256, [
        ("Conv2d", 64, 3, 1, 1), ("ReLU",), ("MaxPool2d", 2), ("Flatten",), ("Linear", 1)]),
    # The layers of issue 19: spectral norm (torchinfo counts weight_orig), the normalisations, Dropout2d, MinibatchStdDev.
    "NewLayersCritic16": ((1, 28, 28), 16, [
        ("Conv2d", 16, 3, 1, 1, True, True), ("GroupNorm", 4), ("LeakyReLU", 0.2), ("Dropout2d", 0.2),
        ("Conv2d", 32, 4, 2, 1, False, True), ("InstanceNorm2d", True), ("InstanceNorm2d",), ("LeakyReLU", 0.2),
        ("MinibatchStdDev", 4), ("Flatten",), ("LayerNorm",), ("Linear", 1, True, True)]),
    "NewLayersGenerator8": ((32,), 8, [
        ("Linear", 392, True, True), ("LayerNorm", False), ("Reshape", 8, 7, 7),
        ("ConvTranspose2d", 8, 4, 2, 1, 0, True, True), ("BatchNorm2d", False), ("GroupNorm", 2, False), ("ReLU",),
        ("ConvTranspose2d", 1, 4, 2, 1, 0, False, True), ("BatchNorm2d",), ("Tanh",)]),
    # Number formats: exactly 1 M mult-adds prints "1"; a params size of exactly 0.125 MB rounds half to even.
    "ExactMegaMultAdds100000": ((9,), 100000, [("Linear", 1)]),
    "HalfEvenParamsSize1": ((31249,), 1, [("Linear", 1)]),
}


def build(input_shape: tuple[int, ...], layers: list[tuple]) -> nn.Sequential:
    modules: list[nn.Module] = []
    shape = list(input_shape)
    for name, *args in layers:
        if name == "Linear":
            out, bias, spectral = (list(args) + [True, False][len(args) - 1:])[:3]
            module = nn.Linear(shape[0], out, bias=bias)
        elif name == "Conv2d":
            out, k, s, p, bias, spectral = (list(args) + [1, 0, True, False][len(args) - 2:])[:6]
            module = nn.Conv2d(shape[0], out, k, s, p, bias=bias)
        elif name == "ConvTranspose2d":
            out, k, s, p, op, bias, spectral = (list(args) + [1, 0, 0, True, False][len(args) - 2:])[:7]
            module = nn.ConvTranspose2d(shape[0], out, k, s, p, op, bias=bias)
        elif name in ("BatchNorm1d", "BatchNorm2d"):
            module = getattr(nn, name)(shape[0], affine=args[0] if args else True)
        elif name == "LayerNorm":
            module = nn.LayerNorm(shape, elementwise_affine=args[0] if args else True)
        elif name == "InstanceNorm2d":
            module = nn.InstanceNorm2d(shape[0], affine=args[0] if args else False)
        elif name == "GroupNorm":
            module = nn.GroupNorm(args[0], shape[0], affine=args[1] if len(args) > 1 else True)
        elif name == "MinibatchStdDev":
            module = MinibatchStdDev(*args)
        elif name == "MaxPool2d":
            module = nn.MaxPool2d(args[0], args[1] if len(args) > 1 else args[0])
        elif name == "Upsample":
            module = nn.Upsample(scale_factor=args[0])
        elif name == "Reshape":
            module = Reshape(*args)
        else:
            module = getattr(nn, name)(*args)
        if name in ("Linear", "Conv2d", "ConvTranspose2d") and spectral:
            module = nn.utils.spectral_norm(module)
        modules.append(module)
        module.eval()
        with torch.no_grad():
            shape = list(module(torch.zeros(2, *shape)).shape[1:])
    return nn.Sequential(*modules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--torchinfo", help="folder that holds the torchinfo package")
    parser.add_argument("--out", help="write NAME.txt files here instead of printing")
    parser.add_argument("--note", default="", help="appended to the header line, e.g. where torchinfo came from")
    parser.add_argument("names", nargs="*", help="nets to print (default: all)")
    args = parser.parse_args()
    if args.torchinfo:
        sys.path.insert(0, args.torchinfo)
    import torchinfo  # pylint: disable=import-outside-toplevel
    from torchinfo.enums import Units  # pylint: disable=import-outside-toplevel

    # torchinfo 1.8.0 predates Python 3.11, whose str-mixin enums format as "Units.MEGABYTES" in f-strings; give Units the
    # Python 3.10 formatting it was written for, so the mult-adds line reads "(M)" on either version.
    Units.__format__ = lambda self, spec: format(self.value, spec)

    torch.manual_seed(0)
    for name in args.names or NETS:
        input_shape, batch, layers = NETS[name]
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            torchinfo.summary(build(input_shape, layers), input_size=(batch, *input_shape), device="cpu")
        table = buffer.getvalue()
        if args.out:
            header = (f"# generated by tests/GanDsl.Generators.Tests/torchinfo_reference.py with torchinfo "
                      f"{torchinfo.__version__}, torch {torch.__version__}, python {sys.version.split()[0]}"
                      + (f" ({args.note})" if args.note else "") + "\n")
            with open(os.path.join(args.out, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write(header + table)
        else:
            print("### " + name)
            print(table, end="")


if __name__ == "__main__":
    main()
