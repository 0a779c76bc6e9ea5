#!/bin/sh
# gpu_check.sh - the GPU run in one command (`make gpu-check`, ARCHITECTURE.md section 6) on a
# machine with an NVIDIA GPU, nvcc and a driver but no package registry: unpack the .deb files
# that `make gpu-debs` fetched into .device-debs/ (carry that folder) unless GLPK, libcsv and
# jansson are installed, build scopt with the CUDA plugin, run the backend and PDLP tests with
# the GPU required (every backend call, then PDLP, CPU against CUDA: parity may not be
# skipped) and the PDLP benchmark (bench/pdlp_bench.sh).
# Everything is logged to $GPU_CHECK_OUT (default bench/out/gpu-check).
set -e
ROOT=$(pwd)
DEBS=.device-debs
OUT=${GPU_CHECK_OUT:-bench/out/gpu-check}
mkdir -p "$OUT"
log() { echo "gpu-check: $*" | tee -a "$OUT/log.txt"; }
log "glibc $(ldd --version 2>&1 | head -1)"
log "$(nvidia-smi -L 2>&1 | head -2)"
log "$(nvcc --version 2>&1 | tail -1)"
if ! printf '#include <glpk.h>\n#include <csv.h>\n#include <jansson.h>\n' | cc -E -x c - >/dev/null 2>&1; then
    ls "$DEBS"/*.deb >/dev/null 2>&1 || { log "no GLPK headers and no $DEBS/*.deb: run 'make gpu-debs' where a registry is reachable"; exit 1; }
    mkdir -p "$DEBS/root"
    for f in "$DEBS"/*.deb; do dpkg-deb -x "$f" "$DEBS/root" || dpkg -x "$f" "$DEBS/root"; done
    P="$ROOT/$DEBS/root"
    MA=$(cc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
    export C_INCLUDE_PATH="$P/usr/include${C_INCLUDE_PATH:+:$C_INCLUDE_PATH}"
    export LIBRARY_PATH="$P/usr/lib/$MA${LIBRARY_PATH:+:$LIBRARY_PATH}"
    export LD_LIBRARY_PATH="$P/usr/lib/$MA${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    log "using GLPK, libcsv and jansson unpacked from $DEBS"
fi
# not `make test`: its deps step would call apt-get, which cannot reach a registry here
if ! make -j"$(nproc)" CUDA=1 WERROR=1 all build/rel/tests/test_backend build/rel/tests/test_pdlp build/rel/bench/pdlp_spmv > "$OUT/build.txt" 2>&1; then
    tail -30 "$OUT/build.txt"; log "build failed (see $OUT/build.txt)"; exit 1
fi
[ -f lib/libscopt_cuda.so ] || { log "the CUDA plugin was not built"; exit 1; }
export SCOPT_CUDA_LIBRARY="$ROOT/lib/libscopt_cuda.so" # for the binaries under build/
status=0
step() { # step NAME COMMAND...: run, keep its output, remember a failure
    name=$1; shift
    "$@" > "$OUT/$name.txt" 2>&1 || { status=1; log "$name FAILED"; }
    cat "$OUT/$name.txt" >> "$OUT/log.txt"; tail -5 "$OUT/$name.txt"
}
step test_backend env SCOPT_REQUIRE_GPU=1 build/rel/tests/test_backend
step test_pdlp env SCOPT_REQUIRE_GPU=1 build/rel/tests/test_pdlp
step pdlp_cli sh tests/sh/pdlp.sh
step bench env PRESETS="${PRESETS:-S M L}" sh bench/pdlp_bench.sh "$OUT"
log "done (status $status); figures in $OUT/pdlp_bench.md"
exit $status
