#!/bin/bash
# Builds and runs the TorchSharp peer of bench/torch_gan_step.py (the approach of ../shared/bench/torchsharp/run.sh).
# TorchSharp 0.107's libLibTorchSharp.so needs GLIBCXX_3.4.32 for one symbol (std::ios_base_library_init, GCC 13);
# Debian 12's libstdc++ stops at 3.4.30. Only the build output's copy is patched: that version need is made weak and a
# two-line shim supplies the symbol. Built into $TS_OUT (default /tmp/gandsl-torchsharp-peer), never into the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); out=${TS_OUT:-${TMPDIR:-/tmp}/gandsl-torchsharp-peer}
command -v patchelf >/dev/null || apt-get install -y -qq patchelf >/dev/null
# Built from a copy outside the checkout, so the repository's Directory.Build.props and central package versions stay out.
mkdir -p "$out/src" && cp "$here/Program.cs" "$here/TorchSharpGanStep.csproj" "$out/src/"
dotnet build -c Release "$out/src/TorchSharpGanStep.csproj" -o "$out/bin" >"$out/build.log" 2>&1 || { tail -5 "$out/build.log"; exit 1; }
lib="$out/bin/runtimes/linux-x64/native/libLibTorchSharp.so"
if ! nm -D "$out/libglibcxx_shim.so" >/dev/null 2>&1; then
  printf '#include <ios>\nnamespace std { void ios_base_library_init() { static ios_base::Init init; } }\n' >"$out/shim.cpp"
  g++ -shared -fPIC -O2 -o "$out/libglibcxx_shim.so" "$out/shim.cpp"
fi
if (ldd "$lib" 2>&1 || true) | grep -v "weak version" | grep -q "GLIBCXX_3.4.32' not found"; then
  patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$lib"
  patchelf --add-needed "$out/libglibcxx_shim.so" "$lib"
  python3 "$here/weakver.py" "$lib" GLIBCXX_3.4.32 >/dev/null
fi
GANDSL_BENCH_MODELS="$here/../bench_models.json" exec dotnet "$out/bin/TorchSharpGanStep.dll" "$@"
