"""Side-by-side GEMM table: GanDsl (bench/GanDsl.Benchmarks --quick) vs PyTorch/OpenBLAS (bench/openblas_gemm.py).

Usage (after `dotnet build bench/GanDsl.Benchmarks -c Release`):
    /usr/bin/python3 bench/compare_gemm.py [rounds] [threads]
Both engines get the same thread count (default 2); 1 compares one core against one core.
The two programs run alternately `rounds` times (default 3) so both see the same machine load;
each shape keeps its best GFLOP/s per engine. Prints a Markdown table.
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOTNET = ["dotnet", str(ROOT / "bench/GanDsl.Benchmarks/bin/Release/net10.0/GanDsl.Benchmarks.dll"), "--quick"]
TORCH = ["/usr/bin/python3", str(ROOT / "bench/openblas_gemm.py")]
LINE = re.compile(r"^(\w+\s+\d+->\d+)\s+m=\s*(\d+) n=\s*(\d+) k=\s*(\d+)\s+([\d.]+) ms\s+([\d.]+) GFLOP/s")


def run(cmd, best):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            key = (" ".join(m.group(1).split()), int(m.group(2)), int(m.group(3)), int(m.group(4)))
            best[key] = min(best.get(key, float("inf")), float(m.group(5)))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    threads = sys.argv[2] if len(sys.argv) > 2 else "2"
    ours, theirs = {}, {}
    for _ in range(rounds):
        run(DOTNET + [threads], ours)
        run(TORCH + [threads], theirs)
    print("| shape | m | n | k | GanDsl ms | GanDsl GFLOP/s | OpenBLAS ms | OpenBLAS GFLOP/s | GanDsl/OpenBLAS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    tot_flop = tot_ours = tot_theirs = 0.0
    for key, ms in ours.items():
        name, m, n, k = key
        flop = 2.0 * m * n * k
        other = theirs[key]
        tot_flop += flop
        tot_ours += ms
        tot_theirs += other
        print(f"| {name} | {m} | {n} | {k} | {ms:.4f} | {flop / ms / 1e6:.1f} | {other:.4f} | {flop / other / 1e6:.1f} | {other / ms:.2f} |")
    print(f"| **all 24 (sum)** | | | | {tot_ours:.3f} | {tot_flop / tot_ours / 1e6:.1f} | {tot_theirs:.3f} | "
          f"{tot_flop / tot_theirs / 1e6:.1f} | {tot_theirs / tot_ours:.2f} |")


if __name__ == "__main__":
    main()
