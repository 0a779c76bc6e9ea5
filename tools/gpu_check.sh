#!/bin/sh
# gpu_check.sh - the GPU run in one command (`make gpu-check`, ARCHITECTURE.md section 6) on a
# machine with an NVIDIA GPU, nvcc and a driver but no package registry: unpack the .deb files
# that `make gpu-debs` fetched into .device-debs/ (carry that folder) unless GLPK, libcsv and
# jansson are installed, build scopt with the CUDA plugin, then, most important first, run the
# PDLP tests with the GPU required (CPU/CUDA parity may not be skipped), the backend tests (every
# backend call, CPU against CUDA: names the call when parity fails), the PDLP command-line
# tests on CUDA, and the benchmark (bench/pdlp_bench.sh): S in full, SpMV bandwidth of every
# CUDA SpMV kernel, M on CUDA and the CPU (and per kernel), S3 and S2 with the finish (the
# default refinement against plain 1e-4), S64, XL's SpMV, then XL on CUDA with its fastest
# kernel and the time left; GLPK's simplex on S3 on the other cores meanwhile.
#
# A GPU machine is lent for minutes, so the whole run keeps to GPU_CHECK_BUDGET seconds (default
# 520): every step gets at most the time left (its own cap below), a step that does not fit is
# skipped and logged, and everything written so far stays. Reports (logs, summary.json files,
# pdlp_bench.md, spmv.md) go to $GPU_CHECK_OUT (default bench/out/gpu-check); datasets and plans
# to $GPU_CHECK_WORK (default /tmp/scopt-gpu-check), so the report folder stays small.
# GPU_CHECK_FORCE_DEBS=1 uses the unpacked packages even where they are installed (to try that
# path on an ordinary machine). What runs after the tests is GPU_CHECK_PLAN: finish (the
# default since the fourth run, what is still owed): L, then XL, with PDLP-CUDA and the exact
# simplex finish (a "> cap" with what was reached where the finish does not end), M with the
# finish with the time left; xl: PDLP-CUDA on XL with the presolve and a checkpoint, so that calls made one after the other go
# on where the last stopped; once XL is optimal, the fused iteration against the unfused one on
# XL, the restart cap on the XL stand-ins and L with the time left; spmv: the SpMV kernels on XL and
# PDLP-CUDA on M and L (a short call); polish: --pdlp-finish polish on CUDA, S3 (against the
# finish) and L; mip: the PDLP route for MIPs on CUDA, M against branch and cut; survey: the second run's sequence (below).
set -u
ROOT=$(pwd)
DEBS=.device-debs
OUT=${GPU_CHECK_OUT:-bench/out/gpu-check}
WORK=${GPU_CHECK_WORK:-/tmp/scopt-gpu-check}
BUDGET=${GPU_CHECK_BUDGET:-520}
START=$(date +%s)
mkdir -p "$OUT" "$WORK"
log() { echo "gpu-check [$(( $(date +%s) - START ))s]: $*" | tee -a "$OUT/log.txt"; }
left() { echo $(( BUDGET - ($(date +%s) - START) )); }
log "budget ${BUDGET}s; glibc $(ldd --version 2>&1 | head -1)"
log "$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | head -2)"
log "$(nvcc --version 2>&1 | tail -1); $(nproc) cores"

# the image may lack make: `make gpu-debs` puts this machine's make (needs only libc) beside the debs
command -v make >/dev/null 2>&1 || { [ -x "$DEBS/bin/make" ] && PATH="$ROOT/$DEBS/bin:$PATH" && export PATH && log "make from $DEBS/bin"; }
have_pkgs() { printf '#include <glpk.h>\n#include <csv.h>\n#include <jansson.h>\n' | cc -E -x c - >/dev/null 2>&1; }
if [ "${GPU_CHECK_FORCE_DEBS:-0}" = 1 ] || ! have_pkgs; then
    ls "$DEBS"/*.deb >/dev/null 2>&1 || { log "no GLPK headers and no $DEBS/*.deb: run 'make gpu-debs' where a registry is reachable"; exit 1; }
    P="$WORK/debs-root"
    mkdir -p "$P"
    unpack_ar() { # no dpkg there: a .deb is an ar archive holding data.tar.*
        d=$(mktemp -d) && (cd "$d" && ar x "$ROOT/$1" && tar -xf data.tar.* -C "$P") ; r=$?; rm -rf "$d"; return $r; }
    for f in "$DEBS"/*.deb; do
        dpkg-deb -x "$f" "$P" 2>/dev/null || unpack_ar "$f" || { log "cannot unpack $f"; exit 1; }
    done
    MA=$(cc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
    export C_INCLUDE_PATH="$P/usr/include${C_INCLUDE_PATH:+:$C_INCLUDE_PATH}"
    export LIBRARY_PATH="$P/usr/lib/$MA${LIBRARY_PATH:+:$LIBRARY_PATH}"
    export LD_LIBRARY_PATH="$P/usr/lib/$MA${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    log "using GLPK, libcsv and jansson unpacked from $DEBS into $P"
fi

# not `make test`: its deps step would call apt-get, which cannot reach a registry here.
# Only the device's own architecture is compiled (faster); the ordinary build keeps sm_80/sm_90.
ARCH=${GPU_CHECK_ARCH:--arch=native}
NVCC=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
CH=$(dirname "$(dirname "$(readlink -f "$NVCC")")")
CUDA_LIBS="-lcusparse -Xlinker -rpath,$CH/lib64"
if [ ! -e "$CH/lib64/libcusparse.so" ]; then # the toolkit without cuSPARSE: look for it elsewhere (a wheel)
    SO=$(find "$CH" /usr/local /usr/lib /opt -name 'libcusparse.so*' 2>/dev/null | sort | head -1)
    [ -n "$SO" ] && CUDA_LIBS="$SO -Xlinker -rpath,$(dirname "$SO")"
    log "no $CH/lib64/libcusparse.so; linking ${SO:-nothing found}"
fi
if ! timeout "$(left)" make -j"$(nproc)" NVCC="$NVCC" CUDA=1 WERROR=1 CUDA_ARCH="$ARCH" CUDA_LIBS="$CUDA_LIBS" all build/rel/tests/test_pdlp \
        build/rel/tests/test_backend build/rel/bench/pdlp_spmv build/rel/bench/pdlp_restart > "$OUT/build.txt" 2>&1; then
    tail -30 "$OUT/build.txt"; log "build failed (see $OUT/build.txt)"; exit 1
fi
[ -f lib/libscopt_cuda.so ] || { log "the CUDA plugin was not built"; exit 1; }
log "built"
export SCOPT_CUDA_LIBRARY="$ROOT/lib/libscopt_cuda.so" # for the binaries under build/

status=0
step() { # step NAME CAP COMMAND...: run within min(CAP, time left), keep its output, remember a failure
    name=$1; cap=$2; shift 2
    t=$(left)
    [ "$t" -lt 20 ] && { log "$name skipped: ${t}s of the budget left"; status=1; return; }
    [ "$cap" -gt "$t" ] && cap=$t
    log "$name (up to ${cap}s)"
    timeout "$cap" "$@" > "$OUT/$name.txt" 2>&1
    rc=$?
    [ $rc = 0 ] || { status=1; log "$name FAILED (exit $rc$([ $rc = 124 ] && echo ', out of time'))"; }
    tail -"${TAIL:-4}" "$OUT/$name.txt"
}
start_lane() { # start_lane NAME PRESETS RUNS OUTDIR WORKDIR: bench/pdlp_bench.sh in the background
    # with all the time left but 30 s (each run capped 40 s under that); LANE is its process
    lane_left=$(( $(left) - 30 ))
    ( timeout "$lane_left" env PRESETS="$2" RUNS="$3" CAP=$(( lane_left - 40 )) SPMV_BENCH=0 WORK="$5" \
        sh bench/pdlp_bench.sh "$4" > "$OUT/$1.txt" 2>&1 ) &
    LANE=$!
    log "$1 started ($2: $3; up to ${lane_left}s)"
}
bench() { # bench NAME CAP PRESETS RUNS SPMV: one bench/pdlp_bench.sh call, runs capped to fit
    name=$1; cap=$2; presets=$3; runs=$4; spmv=$5
    t=$(( $(left) - 10 ))
    [ "$cap" -gt "$t" ] && cap=$t
    [ "$cap" -lt 20 ] && { log "$name skipped: budget spent"; return; }
    n=$(echo $runs | wc -w)
    TAIL=$n step "$name" $(( cap * n + 60 )) env PRESETS="$presets" RUNS="$runs" CAP="$cap" SPMV_BENCH="$spmv" \
        WORK="$WORK" sh bench/pdlp_bench.sh "$OUT"
}
# the GPU tests, unless they passed on this (warm) machine with this very build: a second call
# made at once to go on with XL keeps its seconds for XL
mkdir -p "$ROOT/out/gpu-work"
BUILD_SUM=$(cat bin/scopt lib/libscopt.so lib/libscopt_cuda.so build/rel/tests/test_pdlp build/rel/tests/test_backend 2>/dev/null | cksum)
if [ "$(cat "$ROOT/out/gpu-work/tests-passed" 2>/dev/null)" = "$BUILD_SUM" ]; then
    log "the GPU tests passed on this machine with this build (out/gpu-work/tests-passed): not run again"
else
    step test_pdlp 90 env SCOPT_REQUIRE_GPU=1 build/rel/tests/test_pdlp
    step test_backend 60 env SCOPT_REQUIRE_GPU=1 build/rel/tests/test_backend
    step pdlp_cli 90 env PDLP_DEVICE=gpu sh tests/sh/pdlp.sh
    [ $status = 0 ] && echo "$BUILD_SUM" > "$ROOT/out/gpu-work/tests-passed"
fi
ALL="simplex pdlp-cpu+simplex pdlp-cpu pdlp-cuda+simplex pdlp-cuda"
if [ $status != 0 ]; then
    # a test failed: time the small preset only and stop, leaving device time for a fixed rerun
    bench bench_S 40 S "$ALL" 1
    log "stopped after the failed tests (status $status)"
    exit $status
fi

PLAN=${GPU_CHECK_PLAN:-finish}
if [ "$PLAN" = finish ]; then
    # what the fourth run left owed (docs/pdlp.md): L and XL with the finish after PDLP-CUDA, the
    # last cells of issue 7's table. L first (since the eleventh session: XL's finish cannot end
    # in a device session, L's might): PDLP 17.5 s, the refinement toward 1e-5 (at most 30 s),
    # then GLPK's sifting on the CPU for up to GPU_CHECK_L_CAP seconds (default 330; on the CPU
    # from a 1e-4 point its first restricted LP alone took over 2,600 s), once per machine. Then
    # XL with the presolve and all the time left (PDLP about 235 s, then GLPK loads the
    # 20M-column LP and finishes until the time runs out: a "> cap" with what was reached is a
    # result too); a second call made at once gets XL with its whole budget. M with the finish
    # only if time is left after both.
    W="$ROOT/out/gpu-work"
    WORK="$W"
    if [ ! -f "$W/L-finish.done" ]; then
        bench bench_L_finish "${GPU_CHECK_L_CAP:-330}" L "pdlp-cuda+simplex" 0
        touch "$W/L-finish.done"
    fi
    if [ ! -f "$W/XL-finish.done" ] && [ "$(left)" -ge 340 ]; then
        step gen_XL 150 env PRESETS=XL RUNS=none SPMV_BENCH=0 WORK="$W" sh bench/pdlp_bench.sh "$W/gen"
        XL_CAP=$(( $(left) - 60 ))
        if [ "$XL_CAP" -lt 280 ]; then log "XL with the finish skipped: ${XL_CAP}s, PDLP alone takes 235 s"; else
            TAIL=1 step bench_XL_finish $(( XL_CAP + 50 )) env PRESETS=XL RUNS=pdlp-cuda+simplex CAP="$XL_CAP" \
                SPMV_BENCH=0 WORK="$W" PDLP_EXTRA_ARGS="--pdlp-presolve" sh bench/pdlp_bench.sh "$OUT"
            touch "$W/XL-finish.done"
        fi
    elif [ ! -f "$W/XL-finish.done" ]; then log "XL with the finish left for the next call: $(left)s left"; fi
    [ "$(left)" -ge 280 ] && bench bench_M_finish 260 M "pdlp-cuda+simplex" 0
    # PDLP on the machine's CPU cores (--threads all against 1, docs/pdlp.md "Threads"): about 60 s
    [ "$(left)" -ge 150 ] && step threads_M 140 env PRESETS=M CAP=120 sh bench/pdlp_threads.sh "$W/threads"
    log "done (status $status, plan finish)"
    exit $status
fi
if [ "$PLAN" = xl ]; then
    # the default since the second run (what is still owed, docs/pdlp.md): XL first, with all
    # the time left (since the fourth run, before the restart-cap measurements) and the presolve (docs/pdlp.md "Presolve": the XL stand-in's gap 2.5x smaller at 110k
    # iterations), its point kept in a checkpoint under out/ (ignored, so it stays on a warm
    # machine): a second call with the same plan, made at once, goes on from it (docs/pdlp.md,
    # "Checkpoints"); the dataset stays there too. The GPU is XL's alone (the third run measured
    # M with the finish on CUDA beside it); if XL ends early, L (142,016 iterations in the second
    # run, before the restart cap of docs/pdlp.md "Restarts on long runs") with the time left.
    W="$ROOT/out/gpu-work"
    # XL's dataset first, in a step of its own: generated inside the run's step, its minutes
    # would come on top of the run's time limit and the step's timeout would kill the run before
    # it saves its checkpoint. The run's limit then leaves 45 s for loading the LP before PDLP's
    # clock starts, saving the checkpoint and writing the plan.
    step gen_XL 150 env PRESETS=XL RUNS=none SPMV_BENCH=0 WORK="$W" sh bench/pdlp_bench.sh "$W/gen"
    XL_JSON="$OUT/XL-pdlp-cuda.json"
    xl_optimal() { [ -f "$W/XL.optimal" ]; }
    if xl_optimal; then log "XL: optimal in an earlier call on this machine ($(cat "$W/XL.optimal"))"; else
        XL_CAP=$(( $(left) - 45 ))
        if [ "$XL_CAP" -lt 30 ]; then log "XL skipped: ${XL_CAP}s for it"; else
            TAIL=1 step bench_XL_cuda $(( XL_CAP + 40 )) env PRESETS=XL RUNS=pdlp-cuda CAP="$XL_CAP" SPMV_BENCH=0 \
                WORK="$W" PDLP_EXTRA_ARGS="--pdlp-presolve --pdlp-checkpoint $W/XL.ckpt" sh bench/pdlp_bench.sh "$OUT"
            [ -f "$W/XL.ckpt" ] && log "XL checkpoint: $(ls -l "$W/XL.ckpt" | awk '{print $5}') bytes"
            grep -A4 '"pdlp": {' "$XL_JSON" 2>/dev/null | grep -q '"status": "optimal"' &&
                grep -m1 '"iterations"' "$XL_JSON" | tr -d ' ,' > "$W/XL.optimal" && log "XL: optimal"
        fi
    fi
    # with XL solved, the time left measures: one PDHG iteration on XL fused against unfused
    # (bench/pdlp_spmv.c, same process), the restart cap on the XL stand-ins on the GPU
    # (bench/pdlp_restart.sh: on the CPU 265,280 against 183,424 iterations, and not optimal
    # against 138,112), then L
    if xl_optimal; then
        [ -f "$OUT/spmv-XL-iteration.txt" ] || step spmv-XL-iteration 60 env SCOPT_CUDA_SPMV=auto PDLP_SPMV_KERNELS=auto \
            build/rel/bench/pdlp_spmv "$W/data-XL" gpu 20
        [ "$(left)" -ge 150 ] && step restart_cap 150 env DEVICE=gpu LIMIT=30 sh bench/pdlp_restart.sh "$W/restart"
        cp "$W/restart/pdlp_restart.md" "$OUT/" 2>/dev/null
        WORK="$W"
        [ "$(left)" -ge 90 ] && bench bench_L_cuda 120 L "pdlp-cuda" 0
    fi
    log "done (status $status, plan xl)"
    exit $status
fi
if [ "$PLAN" = polish ]; then
    # feasibility polishing on CUDA (docs/pdlp.md "Feasibility polishing", unmeasured on a GPU):
    # S3 against the finish, then L with the time left (polishing is PDLP iterations, cheap there)
    bench bench_S3_polish 150 S3 "pdlp-cuda+polish pdlp-cuda+simplex" 0
    bench bench_L_polish 400 L "pdlp-cuda+polish" 0
    log "done (status $status, plan polish)"
    exit $status
fi
if [ "$PLAN" = mip ]; then
    # the PDLP route for MIPs on CUDA (docs/pdlp.md "MIPs without the simplex", unmeasured on a
    # GPU): M with --mip all against scopt's branch and cut under the same cap (bench/pdlp_mip.sh;
    # on the CPU the route needs some 10-25 minutes on M, branch and cut has no plan)
    cap=$(( ($(left) - 60) / 2 ))
    [ "$cap" -gt 600 ] && cap=600
    step bench_M_mip $(( 2 * cap + 60 )) env PRESETS=M CAP="$cap" RUNS="route bc" DEVICE=gpu \
        sh bench/pdlp_mip.sh "$WORK/pdlp-mip"
    log "done (status $status, plan mip)"
    exit $status
fi
if [ "$PLAN" = spmv ]; then
    # the short plan: the SpMV kernels on XL (auto against the kernels it chooses between), then
    # PDLP-CUDA with the default kernel on M and on L with the time left
    export PDLP_SPMV_KERNELS="${PDLP_SPMV_KERNELS:-auto lanes4 lanes1 cusparse}"
    bench bench_XL_spmv 30 XL none 1
    bench bench_M_cuda 30 M "pdlp-cuda" 1
    bench bench_L_cuda 300 L "pdlp-cuda" 0
    cat "$OUT/spmv.md" 2>/dev/null
    log "done (status $status, plan spmv)"
    exit $status
fi
if [ "$PLAN" != survey ]; then
    log "GPU_CHECK_PLAN=$PLAN: expected finish, polish, mip, xl, spmv or survey"
    exit 1
fi

# survey: the second run's sequence.

# A lane on the machine's other cores, beside the GPU runs: GLPK's simplex alone on S3, one
# thread, so the GPU runs in front lose little. The first run (BENCHMARKS.md) stopped it at 283 s
# (S2's, 42.63 s, is known); this one gives it all the time left, for the 10x ratio. Its table
# is $OUT/cpu-lane/pdlp_bench.md.
start_lane cpu-lane S3 simplex "$OUT/cpu-lane" "$WORK/cpu-lane"

# the SpMV kernel with the least time for A x plus A'y in a pdlp_spmv report (spmv-P.txt)
best_kernel() {
    awk '/kernel/ { ms[$NF] += $(NF-5) + 0; n[$NF]++ }
         END { for (k in ms) if (n[k] == 2 && (best == "" || ms[k] < ms[best])) best = k; print best }' "$1"
}
bench bench_S 40 S "$ALL" 1
bench bench_M_cuda 60 M "pdlp-cuda pdlp-cpu" 1
# M again with cuSPARSE and with M's fastest SpMV kernel: PDLP's own time per kernel
export SCOPT_CUDA_SPMV=cusparse; bench bench_M_cusparse 30 M "pdlp-cuda" 0
K=$(best_kernel "$OUT/spmv-M.txt"); log "M: fastest SpMV kernel ${K:-unknown}"
SCOPT_CUDA_SPMV=${K:-auto}; bench bench_M_best 30 M "pdlp-cuda" 0; unset SCOPT_CUDA_SPMV
# the finish after PDLP-CUDA as it runs by default (on toward 1e-5 within a budget, docs/pdlp.md
# "The tolerance before the finish") against an explicit 1e-4 (no refinement): the rule measured
bench bench_S3_cuda 120 S3 "pdlp-cuda+simplex pdlp-cuda+simplex@1e-4" 0
bench bench_S2_cuda 60 S2 "pdlp-cuda+simplex pdlp-cuda+simplex@1e-4" 0
# the auto rule's other shape: a long horizon on a small network, simplex against PDLP-CUDA + finish
bench bench_S64_cuda 30 S64 "simplex pdlp-cuda+simplex" 0
# XL last: the SpMV kernels alone on the GPU ("none": no solve), then PDLP with XL's fastest
# kernel and whatever is left (330 s were not enough: gap 0.044 at 182,784 iterations)
bench bench_XL_spmv 30 XL none 1
K=$(best_kernel "$OUT/spmv-XL.txt"); log "XL: fastest SpMV kernel ${K:-unknown}"
export SCOPT_CUDA_SPMV=${K:-auto}; bench bench_XL_cuda 600 XL "pdlp-cuda" 0; unset SCOPT_CUDA_SPMV
wait $LANE || log "CPU lane: exit $? (124: out of time)"
cat "$OUT/cpu-lane/pdlp_bench.md" "$OUT/spmv.md" 2>/dev/null
log "done (status $status); figures in $OUT/pdlp_bench.md, $OUT/cpu-lane/pdlp_bench.md and $OUT/spmv.md"
exit $status
