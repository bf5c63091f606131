"""Smoke check of every PyTorch twin: a few steps each, then the files it writes are read back and checked.

Usage: TORCH_THREADS=1 /usr/bin/python3 bench/torch_twin_smoke.py [STEPS (default 3)]
Runs bench/torch_twin.py for every model and recipe (and the old bench/torch_dcgan_fashion.py command line) with
--max-steps STEPS in a temporary folder, and checks: the sample file is an IDX image file of 10 000 28x28 images with
nothing after them, the conditional models' label files hold 10 000 labels i mod 10, --truncation writes a second such set, the record says STEPS steps were taken, and a
tutorial recipe for cgan is refused with one sentence. Prints one line per case; exits 1 if any check fails.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TWIN = [sys.executable, os.path.join(HERE, "torch_twin.py")]
CASES = [  # (name, extra arguments)
    ("vanilla", []), ("vanilla", ["--dataset", "mnist"]), ("vanilla", ["--recipe", "tutorial"]),
    ("mnist-mlp", []), ("mnist-mlp", ["--recipe", "tutorial"]),
    ("lightning-cnn", []), ("lightning-cnn", ["--recipe", "tutorial"]),
    ("dcgan", []), ("dcgan", ["--batch", "32"]), ("dcgan", ["--recipe", "tutorial"]),
    ("cgan", []), ("cgan", ["--truncation", "1.5"]), ("cgan-planes", []), ("cgan-wide", []),
]
SAMPLES, SIDE = 10_000, 28


def check_images(path):
    with open(path, "rb") as f:
        raw = f.read()
    magic, n, h, w = struct.unpack(">IIII", raw[:16])
    assert (magic, n, h, w) == (2051, SAMPLES, SIDE, SIDE), f"{path} header is {(magic, n, h, w)}"
    assert len(raw) == 16 + n * h * w, f"{path} holds {len(raw)} bytes, not {16 + n * h * w}"
    assert len(set(raw[16:16 + 4 * h * w])) > 1, f"{path}'s first images are one flat colour"


def check_labels(path):
    with open(path, "rb") as f:
        raw = f.read()
    magic, n = struct.unpack(">II", raw[:8])
    assert (magic, n, len(raw)) == (2049, SAMPLES, 8 + SAMPLES), f"{path} header is {(magic, n)}, size {len(raw)}"
    assert list(raw[8:]) == [i % 10 for i in range(SAMPLES)], f"{path} does not hold i mod 10"


def run_case(prefix, command, steps, conditional):
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"
    check_images(prefix + "-samples.idx")
    with open(prefix + "-twin.json") as f:
        record = json.load(f)
    assert record["steps"] == steps, f"{record['steps']} steps taken, not {steps}"
    if "--truncation" in command:  # the truncated set beside the plain one, with its own labels and record
        bound = command[command.index("--truncation") + 1]
        check_images(f"{prefix}-t{bound}-samples.idx")
        with open(f"{prefix}-t{bound}-twin.json") as f:
            assert json.load(f)["truncation"] == float(bound), "the truncated record does not name its bound"
        if conditional:
            check_labels(f"{prefix}-t{bound}-labels.idx")
    if conditional:
        check_labels(prefix + "-labels.idx")
    else:
        assert not os.path.exists(prefix + "-labels.idx"), "an unconditional model wrote a label file"
    return done.stdout.splitlines()[0]


def report(name, prefix, command, steps, conditional):
    try:
        print(f"ok   {name}: {run_case(prefix, command, steps, conditional)}", flush=True)
        return True
    except AssertionError as e:
        print(f"FAIL {name}: {e}", flush=True)
        return False


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for model, extra in CASES:
            prefix = os.path.join(folder, "-".join([model, *[a.lstrip("-") for a in extra]]))
            command = TWIN + [model, "1", prefix, "--max-steps", str(steps), *extra]
            failures += not report(f"{model} {' '.join(extra)}", prefix, command, steps, model.startswith("cgan"))
        old = os.path.join(folder, "old-dcgan")
        failures += not report("torch_dcgan_fashion.py 1 OUT 7", old, [sys.executable, os.path.join(HERE, "torch_dcgan_fashion.py"),
                                                                       "1", old, "7", "--max-steps", str(steps)], steps, False)
        refused = subprocess.run(TWIN + ["cgan", "1", os.path.join(folder, "x"), "--recipe", "tutorial"],
                                 capture_output=True, text=True)
        ok = refused.returncode == 2 and "no tutorial of its own" in refused.stderr
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} cgan --recipe tutorial is refused: {refused.stderr.strip().splitlines()[-1]}")
    print(f"{len(CASES) + 2 - failures} of {len(CASES) + 2} cases passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
