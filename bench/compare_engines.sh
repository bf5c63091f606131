#!/bin/bash
# GanDsl's two engines and both peers, alternated over rounds, on mlp-gan and dcgan (or the models given).
# Run it with nothing else on the machine; only ratios within one sitting mean anything. Needs python3-torch for the
# PyTorch peer (apt-get install -y python3-torch libopenblas0-pthread).
#   ROUNDS=3         rounds of all tools
#   STEP_ARGS=       e.g. "--warmup 5 --steps 10", given to every tool (each has its own defaults otherwise)
#   TORCH_ENGINE=1   0 leaves out GanDsl's torch engine
#   ONEDNN_CAPS=     e.g. "SSE41": the TorchSharp peer again with ONEDNN_MAX_CPU_ISA at each value (the peer, unlike
#                    GanDsl.TorchSharp, does not cap oneDNN itself; see docs/training-engines.md on AMD Zen 5)
# bench/sitting_table.py turns what this prints into docs/performance.md's table.
# The peer runs one model per process, so a model that fails (oneDNN's wrong kernels can feed BCE a NaN) leaves a
# "# failed" line and the others still run.
set -uo pipefail
cd "$(dirname "$0")/.."
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(mlp-gan dcgan)
read -r -a step_args <<<"${STEP_ARGS:-}"
dotnet build src/GanDsl.Cli -c Release -v q -nologo >/dev/null || exit 1
gandsl=src/GanDsl.Cli/bin/Release/net10.0/gandsl.dll
for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "# round $round"
  dotnet "$gandsl" bench --json "${step_args[@]}" "${models[@]}"
  [ "${TORCH_ENGINE:-1}" = 0 ] || dotnet "$gandsl" bench --json --engine torch "${step_args[@]}" "${models[@]}"
  /usr/bin/python3 bench/torch_gan_step.py "${step_args[@]}" "${models[@]}"
  for cap in "" ${ONEDNN_CAPS:-}; do
    [ -z "$cap" ] || echo "# TorchSharp with ONEDNN_MAX_CPU_ISA=$cap"
    for model in "${models[@]}"; do
      env ${cap:+ONEDNN_MAX_CPU_ISA=$cap} bash bench/torchsharp/run.sh "${step_args[@]}" "$model" 2>/dev/null | grep '^{' \
        || echo "# failed: TorchSharp $model${cap:+ (ONEDNN_MAX_CPU_ISA=$cap)}"
    done
  done
done
