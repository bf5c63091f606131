"""Reference run kept for its old command line: the dcgan twin of bench/torch_twin.py on Fashion-MNIST.

Usage: /usr/bin/python3 bench/torch_dcgan_fashion.py EPOCHS OUT_PREFIX [SEED (default 42)] [torch_twin.py options]
(threads: $TORCH_THREADS, default 2). Same as `bench/torch_twin.py dcgan EPOCHS OUT_PREFIX --seed SEED --batch 32`
(GanDsl's dcgan example as docs/quality.md's five-seed table ran it: batch 32, latent 128, AdamW 2e-4, betas
(0.5, 0.999), weight decay 1e-5, BCE, DCGAN init), which writes
OUT_PREFIX-samples.idx and OUT_PREFIX-grid.pgm; further options such as --max-steps pass through.
"""
import os
import sys

os.environ.setdefault("TORCH_THREADS", "2")  # this script's default before it became a wrapper
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_twin  # noqa: E402  (after TORCH_THREADS, which torch_twin reads when it loads)

if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    seeded = len(sys.argv) > 3 and not sys.argv[3].startswith("-")
    torch_twin.main(["dcgan", sys.argv[1], sys.argv[2], "--seed", sys.argv[3] if seeded else "42", "--batch", "32",
                     *sys.argv[3 + seeded:]])
