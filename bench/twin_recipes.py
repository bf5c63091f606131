"""Recipes and nets of the PyTorch twins of GanDsl's reference models (driven by bench/torch_twin.py).

A recipe is every value that decides a run apart from the loop itself: nets, latent size, batch, optimizer, loss form,
label smoothing, data scaling, noise and initialisation. RECIPES["example"] copies GanDsl's examples as they stand in
examples/GanDsl.Examples (ExampleCatalog.cs holds each TrainingConfig, TrainingConfig.cs the defaults); RECIPES["tutorial"]
holds the values of the tutorial each example comes from (sources and differences: docs/pytorch-twins.md). When an example
changes, change its recipe here and its row in EXAMPLE_PARAMETERS.

The vanilla GAN, DCGAN and the Lightning CNN GAN reuse the shared peer's nets (../shared/bench/torch_gan_step.py, read only).
"""
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "bench"))
import torch_gan_step as peer  # noqa: E402

IMAGE = (1, 28, 28)
CLASSES = 10


@dataclass(frozen=True)
class Recipe:
    model: str
    nets: str              # key of NET_BUILDERS
    dataset: str           # default dataset; --dataset overrides it
    latent: int
    batch: int
    optimizer: str         # "adamw" or "adam" (eps 1e-8 as GanDsl's TrainingSession)
    lr: float
    betas: tuple
    weight_decay: float
    logits: bool           # D ends without Sigmoid: BCE-with-logits instead of BCE on probabilities
    real_target: float = 1.0      # one-sided label smoothing (GanDsl's LabelSmoothing)
    d_loss_scale: float = 0.5     # D loss = scale * (BCE(real) + BCE(fake)); GanDsl averages the two halves
    init: str = "default"         # "default" (PyTorch's) or "dcgan" (N(0, 0.02), batch-norm weights N(1, 0.02))
    normalize: tuple = None       # (mean, std) on [0, 1] pixels; None is GanDsl's x / 127.5 - 1
    noise: str = "normal"         # latent distribution: "normal" N(0, 1) or "uniform" U(-1, 1)
    classes: int = 0
    class_head: bool = False      # D has a class head on blank label planes; its cross-entropy joins both losses
    tutorial_epochs: int = None   # the tutorial's epoch count, for the record (the run's epochs are a CLI argument)


def _example(model, nets, dataset, batch=128, optimizer="adamw", latent=100, betas=(0.5, 0.999), weight_decay=1e-5, **kw):
    # TrainingConfig.Default: AdamW, lr 2e-4 for both players, betas (0.5, 0.999), weight decay 1e-5, batch 128.
    return Recipe(model, nets, dataset, latent, batch, optimizer, 2e-4, betas, weight_decay, **kw)


RECIPES = {
    "example": {
        "vanilla": _example("vanilla", "vanilla", "fashion-mnist", logits=False, init="dcgan"),
        "mnist-mlp": _example("mnist-mlp", "mnist-mlp", "mnist", logits=True, real_target=0.9),
        # ModelCatalog.cs follows the tutorial: Adam with default betas, Dropout2d, MNIST normalised with (0.1307, 0.3081).
        "lightning-cnn": _example("lightning-cnn", "lightning-cnn", "mnist", optimizer="adam", betas=(0.9, 0.999),
                                  weight_decay=0.0, logits=False, normalize=(0.1307, 0.3081)),
        # The article's batch of 128 (the README's quick picture is `--batch 32`).
        "dcgan": _example("dcgan", "dcgan", "fashion-mnist", latent=128, logits=False, init="dcgan"),
        "cgan": _example("cgan", "cgan", "fashion-mnist", batch=32, logits=False, init="dcgan", classes=CLASSES,
                         class_head=True),
        "cgan-planes": _example("cgan-planes", "cgan-planes", "fashion-mnist", batch=32, logits=False, init="dcgan",
                                classes=CLASSES),
        "cgan-wide": _example("cgan-wide", "cgan-wide", "fashion-mnist", batch=32, logits=False, init="dcgan", classes=CLASSES),
    },
}
RECIPES["tutorial"] = {
    # Cerar's article (current version): D returns logits scored by BCE-with-logits; batch 128; 100 epochs.
    "vanilla": replace(RECIPES["example"]["vanilla"], nets="vanilla-logits", logits=True, tutorial_epochs=100),
    # Same article: the DCGAN trains with NOISE_DIM = 128 (its classes' default nz of 100 is overridden) at batch 128.
    "dcgan": replace(RECIPES["example"]["dcgan"], nets="dcgan-logits", logits=True, batch=128, latent=128,
                     tutorial_epochs=100),
    # Udacity's MNIST GAN: narrow MLPs with dropout in both nets, U(-1, 1) noise, Adam lr 2e-3 with default betas,
    # batch 64, D loss = real + fake, real labels 0.9; 100 epochs.
    "mnist-mlp": Recipe("mnist-mlp", "mnist-mlp-udacity", "mnist", 100, 64, "adam", 2e-3, (0.9, 0.999), 0.0,
                        logits=True, real_target=0.9, d_loss_scale=1.0, noise="uniform", tutorial_epochs=100),
    # The Lightning CNN GAN: Adam lr 2e-4 with PyTorch's default betas, MNIST normalised with (0.1307, 0.3081),
    # Dropout2d in D; batch 128, 20 epochs.
    # Dropout2d in D; batch 128, 20 epochs. The example has the same values since issue 16.
    "lightning-cnn": replace(RECIPES["example"]["lightning-cnn"], tutorial_epochs=20),
}

# Trainable parameters of GanDsl's example nets (`gandsl summary NAME`, README); the conditional generator's count is its
# layer stack without the label embedding, cgan's discriminator's without its class head. A mismatch means the twin no longer builds the example's nets.
EXAMPLE_PARAMETERS = {
    "vanilla": (1_486_352, 566_273),
    "mnist-mlp": (559_632, 533_505),
    "lightning-cnn": (358_529, 21_381),
    "dcgan": (369_600, 109_504),
    "cgan": (332_736, 114_624),
    "cgan-planes": (332_736, 114_624),
    "cgan-wide": (878_464, 442_240),
}


def mlp(widths, dropout=0.0):
    """Linear layers over `widths`, LeakyReLU(0.2) (then dropout when given) after each hidden one."""
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(nn.LeakyReLU(0.2))
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
    return layers


def mlp_generator(latent, hidden, dropout=0.0):
    return nn.Sequential(*mlp([latent, *hidden, 784], dropout), nn.Tanh(), peer.View(*IMAGE))


def mlp_discriminator(hidden, dropout):
    return nn.Sequential(nn.Flatten(), *mlp([784, *hidden, 1], dropout))


def without_sigmoid(d):
    """The peer's discriminators end in Sigmoid inside `.m`; the logit variants drop it."""
    assert isinstance(d.m[-1], nn.Sigmoid), "the peer's discriminator no longer ends in Sigmoid"
    d.m = d.m[:-1]
    return d


def lightning_discriminator():
    d = peer.LcD()
    assert isinstance(d[4], nn.Dropout2d), "the peer's Lightning discriminator changed its layer order"
    return d


class LabelledGenerator(nn.Module):
    """G(concat(z, Embedding(classes, classes)(y))), as GanDsl's conditional generator."""

    def __init__(self, stack, classes):
        super().__init__()
        self.embedding = nn.Embedding(classes, classes)
        self.stack = stack

    def forward(self, z, labels):
        return self.stack(torch.cat([z, self.embedding(labels)], 1))


class LabelledDiscriminator(nn.Module):
    """D(concat(x, one-hot label planes)), as GanDsl's Ops.OneHotPlanes conditioning."""

    def __init__(self, stack, classes):
        super().__init__()
        self.classes = classes
        self.stack = stack

    def forward(self, x, labels):
        planes = nn.functional.one_hot(labels, self.classes).to(x.dtype)[:, :, None, None]
        return self.stack(torch.cat([x, planes.expand(-1, -1, x.size(2), x.size(3))], 1))


class BlankPlanesClassifierDiscriminator(LabelledDiscriminator):
    """GanDsl's OneHotPlanesAndClassifier: the score as LabelledDiscriminator's; classify() runs the stack up to its last
    features with every label plane zero and reads them with the class head `cls`, Linear(features, classes)."""

    def __init__(self, stack, classes, features):
        super().__init__(stack, classes)
        self.cls = nn.Linear(features, classes)

    def classify(self, x):
        blank = torch.zeros(x.size(0), self.classes, x.size(2), x.size(3), dtype=x.dtype)
        return self.cls(self.stack.m[:-2](torch.cat([x, blank], 1)).flatten(1))


NET_BUILDERS = {
    "vanilla": lambda r: (peer.MlpG(nz=r.latent), peer.MlpD()),
    "vanilla-logits": lambda r: (peer.MlpG(nz=r.latent), without_sigmoid(peer.MlpD())),
    "mnist-mlp": lambda r: (mlp_generator(r.latent, [256, 512]), mlp_discriminator([512, 256], 0.3)),
    "mnist-mlp-udacity": lambda r: (mlp_generator(r.latent, [32, 64, 128], 0.3), mlp_discriminator([128, 64, 32], 0.3)),
    "lightning-cnn": lambda r: (peer.LcG(nz=r.latent), lightning_discriminator()),
    "dcgan": lambda r: (peer.DcG(nz=r.latent), peer.DcD()),
    "dcgan-logits": lambda r: (peer.DcG(nz=r.latent), without_sigmoid(peer.DcD())),
    # The peer's last Conv2d(128, 1, 4) on the 4x4 features is GanDsl's [Flatten, Linear(1)]: the same map and weight count.
    "cgan": lambda r: (LabelledGenerator(peer.DcG(nz=r.latent + r.classes), r.classes),
                       BlankPlanesClassifierDiscriminator(peer.DcD(nc=IMAGE[0] + r.classes), r.classes, 128 * 16)),
    "cgan-planes": lambda r: (LabelledGenerator(peer.DcG(nz=r.latent + r.classes), r.classes),
                              LabelledDiscriminator(peer.DcD(nc=IMAGE[0] + r.classes), r.classes)),
    "cgan-wide": lambda r: (LabelledGenerator(peer.DcG(nz=r.latent + r.classes, ngf=64), r.classes),
                            LabelledDiscriminator(peer.DcD(ndf=64, nc=IMAGE[0] + r.classes), r.classes)),
}


def dcgan_init(module):
    """DCGAN's scheme as GanDsl's Init.Dcgan: Linear/conv weights N(0, 0.02), batch-norm weights N(1, 0.02), biases 0."""
    if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(module.weight, 0.0, 0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


def stack_parameters(net):
    """Trainable parameters of the layer stack, a conditional net's label modules (embedding, class head) left out."""
    inner = net.stack if isinstance(net, (LabelledGenerator, BlankPlanesClassifierDiscriminator)) else net
    return sum(p.numel() for p in inner.parameters() if p.requires_grad)


def build_nets(recipe, check_example=True):
    """The recipe's (G, D), initialised. With `check_example`, an example recipe at its own latent size must have the
    parameter counts of GanDsl's example, or this stops with one sentence saying so."""
    g, d = NET_BUILDERS[recipe.nets](recipe)
    if recipe.init == "dcgan":
        g.apply(dcgan_init)
        d.apply(dcgan_init)
    example = RECIPES["example"][recipe.model]
    if check_example and recipe.nets == example.nets and recipe.latent == example.latent:
        got, want = (stack_parameters(g), stack_parameters(d)), EXAMPLE_PARAMETERS[recipe.model]
        if got != want:
            raise SystemExit(f"The {recipe.model} twin has {got[0]:,} + {got[1]:,} parameters but GanDsl's example has "
                             f"{want[0]:,} + {want[1]:,}; check ../shared/bench/torch_gan_step.py and the example's nets.")
    return g, d
