"""Measure PyTorch/OpenBLAS sgemm GFLOP/s on the MLP GAN's shapes (batch 128) on THREADS threads (default 2).

Usage: /usr/bin/python3 bench/openblas_gemm.py [THREADS]
Debian's PyTorch hands x @ w to OpenBLAS, whose own thread pool ignores torch.set_num_threads; it reads
OPENBLAS_NUM_THREADS once, when the library loads, so that is set here before torch is imported.
Prints one line per case: name, m, n, k, best ms, GFLOP/s (2*m*n*k / best time).
The cases and names match bench/GanDsl.Benchmarks/GemmBenchmarks.cs.
"""
import os
import sys
import time

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
os.environ["OPENBLAS_NUM_THREADS"] = str(THREADS)
import torch  # noqa: E402  (after the environment variable, which OpenBLAS reads at load)

torch.set_num_threads(THREADS)
BATCH = 128
LAYERS = [(100, 256), (256, 512), (512, 1024), (1024, 784),   # generator
          (784, 512), (512, 256), (256, 128), (128, 1)]       # discriminator


def cases():
    g = torch.Generator().manual_seed(0)
    for fan_in, fan_out in LAYERS:
        x = torch.randn(BATCH, fan_in, generator=g)
        w = torch.randn(fan_out, fan_in, generator=g)
        gy = torch.randn(BATCH, fan_out, generator=g)
        tag = f"{fan_in}->{fan_out}"
        # forward y = x W^T; backward dx = gy W; dW = gy^T x
        yield f"fwd {tag}", BATCH, fan_out, fan_in, lambda x=x, w=w: x @ w.T
        yield f"dx  {tag}", BATCH, fan_in, fan_out, lambda gy=gy, w=w: gy @ w
        yield f"dW  {tag}", fan_out, fan_in, BATCH, lambda gy=gy, x=x: gy.T @ x


def best_seconds(fn, min_time=0.2):
    for _ in range(5):
        fn()
    best = float("inf")
    for _ in range(7):
        reps, t0 = 0, time.perf_counter()
        while True:
            fn()
            reps += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= min_time / 7:
                break
        best = min(best, elapsed / reps)
    return best


if __name__ == "__main__":
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    total_flop, total_s = 0.0, 0.0
    for name, m, n, k, fn in cases():
        s = best_seconds(fn)
        flop = 2.0 * m * n * k
        total_flop += flop
        total_s += s
        print(f"{name:16s} m={m:5d} n={n:5d} k={k:5d}  {s * 1e3:8.4f} ms  {flop / s / 1e9:7.1f} GFLOP/s")
    print(f"{'all (sum)':16s} {total_s * 1e3:8.3f} ms  {total_flop / total_s / 1e9:7.1f} GFLOP/s")
