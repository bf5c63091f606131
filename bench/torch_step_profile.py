"""Where PyTorch's training step spends its time: the peer's step (../shared/bench/torch_gan_step.py), profiled.

Usage: /usr/bin/python3 bench/torch_step_profile.py [MODEL] [THREADS]    (MODEL mlp-gan or dcgan, THREADS 1 or 2;
default mlp-gan on 1 thread, the count the peer reports as its best for that model).
Prints the step's wall time, the CPU time the process used per wall second (above 1 means more than one core
was busy), the time in matrix multiplies (aten::mm + aten::addmm, self time) and the costliest operators.

torch.set_num_threads only sizes PyTorch's own pool: Debian's build hands x @ w to OpenBLAS, whose pthreads
still use every core unless OPENBLAS_NUM_THREADS is set before torch loads. Run with OPENBLAS_NUM_THREADS=1
in the environment to see the step on one core indeed.
"""
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "bench"))
import torch  # noqa: E402
from torch import nn, optim  # noqa: E402
from torch.profiler import ProfilerActivity, profile  # noqa: E402
import torch_gan_step as peer  # noqa: E402

STEPS = 40


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "mlp-gan"
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    make_g, make_d, nz = peer.MODELS[name]
    torch.set_num_threads(threads)
    g, d = make_g(), make_d()
    opt_g = optim.AdamW(g.parameters(), lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5)
    opt_d = optim.AdamW(d.parameters(), lr=2e-4, betas=(0.5, 0.999), weight_decay=1e-5)
    crit = nn.BCELoss()
    real = torch.rand(128, 1, 28, 28) * 2 - 1
    for _ in range(10):
        peer.step(g, d, opt_g, opt_d, crit, real, nz)

    cpu0, wall0 = os.times(), time.perf_counter()
    for _ in range(STEPS):
        peer.step(g, d, opt_g, opt_d, crit, real, nz)
    wall = time.perf_counter() - wall0
    cpu1 = os.times()
    cores = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / wall

    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(STEPS):
            peer.step(g, d, opt_g, opt_d, crit, real, nz)
    events = prof.key_averages()
    gemm_ms = sum(e.self_cpu_time_total for e in events if e.key in ("aten::mm", "aten::addmm")) / STEPS / 1000

    print(f"{name}: torch {torch.__version__}, torch threads {threads}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    print(f"step {wall / STEPS * 1000:.1f} ms (unprofiled), {cores:.2f} CPU-seconds per second")
    print(f"aten::mm + aten::addmm {gemm_ms:.1f} ms per step (self time, profiled)")
    print(events.table(sort_by="self_cpu_time_total", row_limit=10))


if __name__ == "__main__":
    main()
