#!/bin/bash
# GanDsl's two engines and both peers, alternated over three rounds, on mlp-gan and dcgan (or the models given).
# Run it with nothing else on the machine; only ratios within one sitting mean anything. Needs python3-torch for the
# PyTorch peer (apt-get install -y python3-torch libopenblas0-pthread).
set -euo pipefail
cd "$(dirname "$0")/.."
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(mlp-gan dcgan)
dotnet build src/GanDsl.Cli -c Release -v q -nologo >/dev/null
gandsl=src/GanDsl.Cli/bin/Release/net10.0/gandsl.dll
for round in 1 2 3; do
  echo "# round $round"
  dotnet "$gandsl" bench --json "${models[@]}"
  dotnet "$gandsl" bench --json --engine torch "${models[@]}"
  /usr/bin/python3 bench/torch_gan_step.py "${models[@]}"
  bash bench/torchsharp/run.sh "${models[@]}"
done
