"""The table of a sitting: the JSON lines of bench/compare_engines.sh turned into docs/performance.md's table.

Usage: /usr/bin/python3 bench/sitting_table.py [--peak GFLOPS] LOG [LOG ...]
Each LOG is what one `compare_engines.sh` run printed (rounds of GanDsl, PyTorch and TorchSharp lines, "# failed" for a
peer run that failed, and the runs after "# TorchSharp with ONEDNN_MAX_CPU_ISA=..." counted as the capped peer). Several
logs (a sitting, then a model alone over more rounds) give one row per model and log. Each cell lists the rounds and, in
bold, their median; the ratio is GanDsl's median over TorchSharp's (uncapped; capped), with the round-by-round ratios.
With --peak (the two-thread FMA peak in GFLOP/s, from `GanDsl.Benchmarks --peak`) each model's floor comes from
bench/step_flops.py (needs torch) and the table gives how close each engine's median is to it. Prints Markdown, then one
line per model with an issue-17 bar saying whether its median ratio is within it.
"""
import argparse
import json
import statistics
import sys

# Issue 17: GanDsl's step at most this fraction of TorchSharp's.
BARS = {"mlp-gan": 0.50, "lightning-cnn": 0.50, "dcgan": 0.65}
ENGINES = ("gandsl", "ts", "ts_capped", "pytorch")


def parse(lines):
    """{model: {engine: [ms or None per round], "alloc": bytes}} in the order the models first appear."""
    rows, capped = {}, False
    for raw in lines:
        line = raw.strip()
        if line.startswith("# round"):
            capped = False
        elif line.startswith("# TorchSharp with"):
            capped = True
        elif line.startswith("# failed"):  # "# failed: TorchSharp MODEL (...)"
            model = line.split()[3]
            rows.setdefault(model, {}).setdefault("ts_capped" if capped else "ts", []).append(None)
        elif line.startswith("{"):
            d = json.loads(line)
            engine = d["engine"]
            key = ("gandsl" if engine.startswith("gandsl") else "pytorch" if engine.startswith("pytorch")
                   else "ts_capped" if capped else "ts")
            row = rows.setdefault(d["model"], {})
            row.setdefault(key, []).append(d["ms_per_step"])
            if key == "gandsl" and "alloc_bytes_per_step" in d:
                row["alloc"] = d["alloc_bytes_per_step"]
    return rows


def median(values):
    ran = [v for v in values or [] if v is not None]
    return statistics.median(ran) if ran else None


def rounds(values):
    if not values:
        return "—"
    if all(v is None for v in values):
        return "fails each round"
    shown = ", ".join("fails" if v is None else f"{v:.1f}" for v in values)
    return f"{shown} (**{median(values):.1f}**)"


def peer(row):
    """TorchSharp's median and whether it is the capped run's: oneDNN uncapped fails on some CPUs (AMD Zen 5), and then
    the capped peer is the only correct one."""
    uncapped = median(row.get("ts"))
    return (uncapped, False) if uncapped is not None else (median(row.get("ts_capped")), True)


def ratio_cell(row):
    g, t, c = median(row.get("gandsl")), median(row.get("ts")), median(row.get("ts_capped"))
    per_round = [("—" if b is None else f"{a / b:.2f}") for a, b in zip(row.get("gandsl", []), row.get("ts", []))
                 if a is not None]
    uncapped = f"**{g / t:.2f}** ({', '.join(per_round)})" if g and t else "—"
    return f"{uncapped}; {f'{g / c:.2f}' if g and c else '—'}"


def floors(models, peak):
    from step_flops import step_macs  # torch is needed only here
    return {m: 2 * step_macs(m)["step"] / (peak * 1e9) * 1000 for m in models}


def table(logs, peak=None):
    rows = [(model, row) for log in logs for model, row in log.items()]
    floor = floors(sorted({m for m, _ in rows}), peak) if peak else {}
    head = ["model", "GanDsl ms", "TorchSharp ms", "TorchSharp, oneDNN capped", "PyTorch 1.13 ms",
            "GanDsl ÷ TorchSharp (rounds); capped"]
    if peak:
        head += ["floor ms", "GanDsl at % of bound", "TorchSharp at %"]
    head.append("alloc/step")
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for model, row in rows:
        cells = [f"`{model}`"] + [rounds(row.get(e)) for e in ENGINES] + [ratio_cell(row)]
        if peak:
            f, g = floor.get(model), median(row.get("gandsl"))
            t, capped = peer(row)
            cells += [f"{f:.2f}", f"{100 * f / g:.0f} %" if g else "—",
                      f"{100 * f / t:.0f} %{' (capped)' if capped else ''}" if t else "—"]
        cells.append(f"{row['alloc'] / 1000:.1f} kB" if "alloc" in row else "—")
        out.append("| " + " | ".join(cells) + " |")
    return out


def verdicts(logs):
    out = []
    for log in logs:
        for model, row in log.items():
            if model not in BARS:
                continue
            g, (t, capped) = median(row.get("gandsl")), peer(row)
            name = "TorchSharp capped (the uncapped peer failed every round)" if capped else "TorchSharp"
            if not g or not t:
                out.append(f"{model}: no TorchSharp round ran, so no ratio against the issue's bar {BARS[model]:.2f}")
                continue
            within = "within" if g / t <= BARS[model] else "over"
            out.append(f"{model}: {g / t:.3f} of {name}, {within} the issue's bar {BARS[model]:.2f}")
    return out


def main(argv):
    ap = argparse.ArgumentParser(description="docs/performance.md's table from compare_engines.sh output.")
    ap.add_argument("logs", nargs="+", metavar="LOG", help="what a compare_engines.sh run printed")
    ap.add_argument("--peak", type=float, help="two-thread FMA peak in GFLOP/s, for the floors (needs torch)")
    a = ap.parse_args(argv)
    logs = []
    for path in a.logs:
        with open(path, encoding="utf-8") as f:
            parsed = parse(f)
        if not parsed:
            ap.error(f"{path} has no benchmark lines; pass what bench/compare_engines.sh printed")
        logs.append(parsed)
    print("\n".join(table(logs, a.peak)))
    print()
    print("\n".join(verdicts(logs)))


if __name__ == "__main__":
    main(sys.argv[1:])
