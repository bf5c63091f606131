"""Peer benchmark: PyTorch CPU training-step time for every reference model `gandsl bench` times.

Extends ../shared/bench/torch_gan_step.py (which has mlp-gan, dcgan and lightning-cnn) to the models of
bench/bench_models.json, each with the nets of its GanDsl model (src/GanDsl.Models): mlp-gan (= vanilla), mnist-mlp,
lightning-cnn, dcgan, cgan. The step is the same for all: one discriminator update on a fixed real batch (uniform in
[-1, 1)) and a detached fresh fake batch, then one generator update through D; AdamW lr=2e-4 betas=(0.5, 0.999)
weight_decay=1e-5; BCELoss where D ends in Sigmoid, BCEWithLogitsLoss where it ends in a logit (mnist-mlp); batch 128.
A conditional model (cgan) gets fixed labels with its real batch and fresh labels with each step's noise; a D with a class
head (cgan's) adds the head's cross-entropy on the real batch to D's loss and on the fakes to G's, as GanDsl's training does.
PyTorch is given its best thread count (1 or 2, whichever is faster per model).

Set-up (Debian): apt-get install -y python3-torch libopenblas0-pthread
Run:            /usr/bin/python3 bench/torch_gan_step.py [--params] [--warmup W] [--steps N] [model ...]
Prints one JSON line per model: {"engine": "pytorch-X", "model": ..., "batch": 128, "threads": t, "ms_per_step": m}
(median over 5 repeats of the mean over N steps, after W warm-up steps; default 5 and 20). Every model's parameter
counts are checked against bench_models.json first; --params prints them instead of timing.
"""
import argparse, json, os, statistics, sys, time
from collections import namedtuple
import torch
from torch import nn, optim
import torch.nn.functional as F

torch.manual_seed(42)
HERE = os.path.dirname(os.path.abspath(__file__))
# G(z, labels), D(x, labels), latent size, classes (0 = unconditional), loss, one real sample's shape (D's input).
Gan = namedtuple("Gan", "G D nz classes crit sample")
MNIST = (1, 28, 28)


class View(nn.Module):
    def __init__(s, *shape): super().__init__(); s.shape = shape
    def forward(s, x): return x.reshape(x.size(0), *s.shape)


class Unconditional(nn.Module):
    """A net that takes no labels, behind the (input, labels) call of the step."""
    def __init__(s, net): super().__init__(); s.net = net
    def forward(s, x, labels): return s.net(x)


class EmbeddingAtInput(nn.Module):
    """GanDsl's conditional generator: concat(z, Embedding(classes, classes)(y)) into the stack."""
    def __init__(s, classes, net): super().__init__(); s.emb = nn.Embedding(classes, classes); s.net = net
    def forward(s, z, labels): return s.net(torch.cat([z, s.emb(labels)], 1))


class OneHotPlanes(nn.Module):
    """GanDsl's conditional image discriminator: the image's channels, then one constant plane per class (one-hot)."""
    def __init__(s, classes, net): super().__init__(); s.classes = classes; s.net = net
    def forward(s, x, labels):
        b, _, h, w = x.shape
        planes = F.one_hot(labels, s.classes).to(x.dtype).reshape(b, s.classes, 1, 1).expand(b, s.classes, h, w)
        return s.net(torch.cat([x, planes], 1))


class OneHotPlanesAndClassifier(OneHotPlanes):
    """GanDsl's OneHotPlanesAndClassifier: the score as OneHotPlanes'; classify() runs the stack up to its last features
    (all but [Conv2d(128, 1, 4), Flatten, Sigmoid], GanDsl's [Flatten, Linear(1), Sigmoid]) with every label plane zero and
    reads the flattened features with the class head Linear(features, classes)."""
    def __init__(s, classes, net, features): super().__init__(classes, net); s.cls = nn.Linear(features, classes)
    def classify(s, x):
        blank = x.new_zeros(x.size(0), s.classes, x.size(2), x.size(3))
        return s.cls(s.net[:-3](torch.cat([x, blank], 1)).flatten(1))


def vanilla():  # src/GanDsl.Models/Vanilla.cs (the shared script's mlp-gan)
    g = nn.Sequential(nn.Linear(100, 256), nn.LeakyReLU(0.2, True), nn.Linear(256, 512), nn.LeakyReLU(0.2, True),
                      nn.Linear(512, 1024), nn.LeakyReLU(0.2, True), nn.Linear(1024, 784), nn.Tanh(), View(1, 28, 28))
    d = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.LeakyReLU(0.2, True), nn.Dropout(0.3),
                      nn.Linear(512, 256), nn.LeakyReLU(0.2, True), nn.Dropout(0.3),
                      nn.Linear(256, 128), nn.LeakyReLU(0.2, True), nn.Dropout(0.3), nn.Linear(128, 1), nn.Sigmoid())
    return Gan(Unconditional(g), Unconditional(d), 100, 0, nn.BCELoss(), MNIST)


def mnist_mlp():  # src/GanDsl.Models/MnistMlp.cs: D ends in a logit
    g = nn.Sequential(nn.Linear(100, 256), nn.LeakyReLU(0.2, True), nn.Linear(256, 512), nn.LeakyReLU(0.2, True),
                      nn.Linear(512, 784), nn.Tanh(), View(1, 28, 28))
    d = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.LeakyReLU(0.2, True), nn.Dropout(0.3),
                      nn.Linear(512, 256), nn.LeakyReLU(0.2, True), nn.Dropout(0.3), nn.Linear(256, 1))
    return Gan(Unconditional(g), Unconditional(d), 100, 0, nn.BCEWithLogitsLoss(), MNIST)


def lightning_cnn():  # src/GanDsl.Models/LightningCnn.cs, the tutorial's nets (Dropout2d after D's second convolution)
    g = nn.Sequential(nn.Linear(100, 7 * 7 * 64), nn.ReLU(), View(64, 7, 7), nn.ConvTranspose2d(64, 32, 4, 2), nn.ReLU(),
                      nn.ConvTranspose2d(32, 16, 4, 2), nn.ReLU(), nn.Conv2d(16, 1, 7))
    d = nn.Sequential(nn.Conv2d(1, 10, 5), nn.MaxPool2d(2), nn.ReLU(), nn.Conv2d(10, 20, 5), nn.Dropout2d(0.5), nn.MaxPool2d(2),
                      nn.ReLU(), nn.Flatten(), nn.Linear(320, 50), nn.ReLU(), nn.Dropout(0.5), nn.Linear(50, 1), nn.Sigmoid())
    return Gan(Unconditional(g), Unconditional(d), 100, 0, nn.BCELoss(), MNIST)


def dc_generator(nz):  # the DCGAN generator for 28x28x1 (ngf 32) of src/GanDsl.Models/Dcgan.cs and Cgan.cs
    return nn.Sequential(View(nz, 1, 1),
        nn.ConvTranspose2d(nz, 128, 4, 1, 0, bias=False), nn.BatchNorm2d(128), nn.ReLU(True),
        nn.ConvTranspose2d(128, 64, 3, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(True),
        nn.ConvTranspose2d(64, 32, 4, 2, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU(True),
        nn.ConvTranspose2d(32, 1, 4, 2, 1, bias=False), nn.Tanh())


def dc_discriminator(nc):  # the DCGAN discriminator for 28x28 (ndf 32), nc input channels
    return nn.Sequential(
        nn.Conv2d(nc, 32, 4, 2, 1, bias=False), nn.BatchNorm2d(32), nn.LeakyReLU(0.2, True),
        nn.Conv2d(32, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.LeakyReLU(0.2, True),
        nn.Conv2d(64, 128, 3, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2, True),
        nn.Conv2d(128, 1, 4, 1, 0, bias=False), nn.Flatten(), nn.Sigmoid())


def dcgan():  # src/GanDsl.Models/Dcgan.cs: latent 128
    return Gan(Unconditional(dc_generator(128)), Unconditional(dc_discriminator(1)), 128, 0, nn.BCELoss(), MNIST)


def cgan():  # src/GanDsl.Models/Cgan.cs: latent 100 + a 10-wide label embedding into G, 10 one-hot planes and a class head in D
    d = OneHotPlanesAndClassifier(10, dc_discriminator(11), 128 * 4 * 4)
    return Gan(EmbeddingAtInput(10, dc_generator(110)), d, 100, 10, nn.BCELoss(), MNIST)


def dcgan64():  # src/GanDsl.Models/Dcgan64.cs: PyTorch's examples/dcgan at 64x64x3 (nz 100, ngf = ndf = 64)
    g = nn.Sequential(View(100, 1, 1),
        nn.ConvTranspose2d(100, 512, 4, 1, 0, bias=False), nn.BatchNorm2d(512), nn.ReLU(True),
        nn.ConvTranspose2d(512, 256, 4, 2, 1, bias=False), nn.BatchNorm2d(256), nn.ReLU(True),
        nn.ConvTranspose2d(256, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.ReLU(True),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(True),
        nn.ConvTranspose2d(64, 3, 4, 2, 1, bias=False), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(3, 64, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, True),
        nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2, True),
        nn.Conv2d(128, 256, 4, 2, 1, bias=False), nn.BatchNorm2d(256), nn.LeakyReLU(0.2, True),
        nn.Conv2d(256, 512, 4, 2, 1, bias=False), nn.BatchNorm2d(512), nn.LeakyReLU(0.2, True),
        nn.Conv2d(512, 1, 4, 1, 0, bias=False), nn.Flatten(), nn.Sigmoid())
    return Gan(Unconditional(g), Unconditional(d), 100, 0, nn.BCELoss(), (3, 64, 64))


MODELS = {"mlp-gan": vanilla, "mnist-mlp": mnist_mlp, "lightning-cnn": lightning_cnn, "dcgan": dcgan, "cgan": cgan,
          "dcgan64": dcgan64}


def manifest():
    with open(os.path.join(HERE, "bench_models.json")) as f:
        return {m["name"]: m for m in json.load(f)["models"]}


def params(net): return sum(p.numel() for p in net.parameters())


def step(m, oG, oD, real, real_y):
    b = real.size(0)
    ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)
    y = torch.randint(0, m.classes, (b,)) if m.classes else None
    lr = m.crit(m.D(real, real_y), ones)
    fake = m.G(torch.randn(b, m.nz), y)
    lf = m.crit(m.D(fake.detach(), y), zeros)
    lD = (lr + lf) / 2
    head = hasattr(m.D, "classify")
    if head: lD = lD + F.cross_entropy(m.D.classify(real), real_y)
    m.D.zero_grad(); lD.backward(); oD.step()
    lG = m.crit(m.D(fake, y), ones)
    if head: lG = lG + F.cross_entropy(m.D.classify(fake), y)
    m.G.zero_grad(); lG.backward(); oG.step()
    return lG.item(), lD.item()


def bench(build, threads, batch=128, warm=5, n=20, reps=5):
    torch.set_num_threads(threads)
    m = build()
    oG = optim.AdamW(m.G.parameters(), lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5)
    oD = optim.AdamW(m.D.parameters(), lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5)
    real = torch.rand(batch, *m.sample) * 2 - 1
    real_y = torch.randint(0, m.classes, (batch,)) if m.classes else None
    for _ in range(warm): step(m, oG, oD, real, real_y)
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        for _ in range(n): step(m, oG, oD, real, real_y)
        times.append((time.perf_counter() - t) / n * 1000)
    return statistics.median(times)


def check_params(name, expected):
    m = MODELS[name]()
    got = {"generator_params": params(m.G), "discriminator_params": params(m.D)}
    want = {k: expected[k] for k in got}
    if got != want:
        sys.exit(f"{name}: this script's nets have {got} parameters but bench_models.json (GanDsl's counts) says {want}; "
                 f"make the nets match src/GanDsl.Models.")
    return got


if __name__ == "__main__":
    listed = manifest()
    if sorted(listed) != sorted(MODELS):
        sys.exit(f"bench_models.json lists {sorted(listed)} but this script builds {sorted(MODELS)}; add the missing nets.")
    ap = argparse.ArgumentParser(description="PyTorch training-step time of the reference models gandsl bench times.")
    ap.add_argument("models", nargs="*", metavar="model", help=", ".join(listed) + " (default: all)")
    ap.add_argument("--params", action="store_true", help="print each model's parameter counts instead of timing")
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--steps", type=int, default=20)
    a = ap.parse_args()
    for name in a.models:
        if name not in MODELS: ap.error(f"unknown model '{name}'; choose one of: {', '.join(listed)}")
    for name in (a.models or list(listed)):
        counts = check_params(name, listed[name])
        if a.params:
            print(json.dumps({"model": name, **counts}), flush=True)
            continue
        best = min((bench(MODELS[name], t, warm=a.warmup, n=a.steps), t) for t in (1, 2))
        print(json.dumps({"engine": "pytorch-" + torch.__version__, "model": name, "batch": 128,
                          "threads": best[1], "ms_per_step": round(best[0], 3)}), flush=True)
