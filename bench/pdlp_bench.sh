#!/bin/sh
# pdlp_bench.sh - issue 7's benchmark: on generated presets, GLPK's simplex alone, PDLP-CPU and
# PDLP-CUDA (when a GPU can be used), each with and without the simplex finish, side by side as
# ratios to the first run of the preset (the simplex when it runs); plus the SpMV bandwidth of
# each backend. Usage:
#   sh bench/pdlp_bench.sh [OUTDIR]      (default bench/out/pdlp)
# Environment: PRESETS (default "S M"; the issue's goals are on "L XL"; S3 is a size between S
# and M; S2 a size between S and S3; S64 the S network over 64 periods, seed 3 whatever SEED says), SEED (1), CAP (time limit per run in seconds, default 1800), RUNS (which runs, default
# all of: simplex pdlp-cpu+simplex pdlp-cpu pdlp-cuda+simplex pdlp-cuda; the cuda ones only with
# a GPU; NAME@TOL runs NAME with --pdlp-tol TOL; "none": no run, for SPMV_BENCH alone; also,
# not in the default, pdlp-cpu+polish and pdlp-cuda+polish: --pdlp-finish polish, the table
# naming the polished plan's proven gap), SPMV_BENCH (1: measure SpMV bandwidth, the
# default; 0: not), WORK (where datasets and plans go, default OUTDIR: tools/gpu_check.sh keeps
# them out of the folder it brings back), BUILD (build/rel). A run that hits CAP shows "> CAP".
# Appends to OUTDIR/pdlp_bench.md (the table; its header when the file is new) and keeps the
# summary.json and log of every run in OUTDIR. SCOPT_CUDA_SPMV (the CUDA SpMV kernel, docs/pdlp.md)
# passes through to the runs and is named in the table; PDLP_EXTRA_ARGS is added to every solve
# (e.g. --pdlp-checkpoint FILE).
set -u
OUT=${1:-bench/out/pdlp}
PRESETS=${PRESETS:-S M}
SEED=${SEED:-1}
CAP=${CAP:-1800}
RUNS=${RUNS:-simplex pdlp-cpu+simplex pdlp-cpu pdlp-cuda+simplex pdlp-cuda}
WORK=${WORK:-$OUT}
BIN=${SCOPT_BIN:-bin/scopt}
SPMV=${BUILD:-build/rel}/bench/pdlp_spmv
[ -f lib/libscopt_cuda.so ] && export SCOPT_CUDA_LIBRARY=${SCOPT_CUDA_LIBRARY:-$(pwd)/lib/libscopt_cuda.so}
mkdir -p "$OUT" "$WORK"
MD="$OUT/pdlp_bench.md"
. bench/json_field.sh

gpu=0
"$BIN" solve tests/data/conformance/lp-tiny -o "$WORK/probe" --quiet --lp-method pdlp --device gpu >/dev/null 2>&1 && gpu=1
if [ ! -s "$MD" ]; then
    {
        echo "# PDLP benchmark ($(date -u +%Y-%m-%d), seed $SEED)"
        echo
        echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
        [ $gpu = 1 ] && echo "GPU: $(nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null | head -1)"
        echo
        echo "| preset | rows | cols | nnz | run | cap s | solve s | ratio to the preset's first run | PDLP its | simplex its (finish: on the whole LP) | objective |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|"
    } > "$MD"
fi

run() { # run PRESET NAME ARGS...: once per entry NAME or NAME@TOL of RUNS (TOL: --pdlp-tol)
    p=$1; name=$2; shift 2
    for r in $RUNS; do
        case $r in "$name") run_one "$p" "$name" "$@" ;; "$name"@*) run_one "$p" "$r" "$@" --pdlp-tol "${r#*@}" ;; esac
    done
}

run_one() {
    p=$1; name=$2; shift 2
    case $name in *cuda*) [ $gpu = 1 ] || return ;; esac
    f=$p-$(echo "$name" | tr '@+' '_p')   # plain file names ("+" and "@" do not travel everywhere)
    j="$OUT/$f.json"
    # the outer timeout only guards against a run that ignores --time-limit
    # not --quiet: the log keeps PDLP's progress lines (one a second) and the finish's rounds
    timeout $((CAP + 120)) "$BIN" solve "$WORK/data-$p" -o "$WORK/plan-$f" --json \
        --time-limit "$CAP" "$@" ${PDLP_EXTRA_ARGS:-} > "$j" 2> "$OUT/$f.log"
    t=$(python3 -c 'import sys
try: print("%.2f" % float(sys.argv[1]))
except Exception: print("-")' "$(field "$j" timings.solve)")
    st=$(field "$j" status)
    label=$name
    if [ "$(field "$j" solver.pdlp.plan_point)" = polished ]; then # docs/pdlp.md "Feasibility polishing"
        label="$name, $st, proven gap $(python3 -c 'import sys; print("%.2g" % float(sys.argv[1]))' "$(field "$j" solver.pdlp.relative_gap)")"
    elif [ "$st" != optimal ]; then # a stopped finish keeps PDLP's point (docs/pdlp.md "When the finish is stopped")
        if [ "$(field "$j" solver.pdlp.plan_point)" = pdlp ]; then t="> $CAP ($st: PDLP's point kept)"; else t="> $CAP ($st)"; fi
    fi
    if [ -z "$base" ]; then base=$t; fi
    ratio=$(python3 -c 'import sys
try: print("%.2f" % (float(sys.argv[2]) / float(sys.argv[1])))
except Exception: print("-")' "$base" "$t")
    case $name in *cuda*) [ -n "${SCOPT_CUDA_SPMV:-}" ] && label="$name, SpMV $SCOPT_CUDA_SPMV" ;; esac
    its=$(field "$j" solver.iterations)
    if [ "$(field "$j" solver.pdlp.finish_stopped)" = True ]; then # solver.iterations is PDLP's then
        its="stopped: $(field "$j" solver.pdlp.finish_iterations_restricted) on restricted LPs in $(field "$j" solver.pdlp.finish_rounds) rounds"
    fi
    echo "| $p | $(field "$j" model.rows) | $(field "$j" model.columns) | $(field "$j" model.nonzeros) | $label | $CAP | $t | $ratio | $(field "$j" solver.pdlp.iterations) | $its | $(field "$j" objective) |" >> "$MD"
    rm -rf "$WORK/plan-$f"
}

for p in $PRESETS; do
    case $p in # S3: between S and M, the largest LP GLPK's simplex finishes in minutes (docs/pdlp.md)
        S3) gen="--preset M --items 200 --customers 45 --periods 20" ;;
        S2) gen="--preset M --items 120 --customers 30 --periods 16" ;; # docs/pdlp.md, "When auto picks PDLP"
        S64) gen="--preset S --periods 64" ;; # docs/pdlp.md's S-64 (seed 3): a long horizon on a small network
        *) gen="--preset $p" ;;
    esac
    seed=$SEED; [ "$p" = S64 ] && seed=3
    [ -d "$WORK/data-$p" ] || "$BIN" gen "$WORK/data-$p" $gen --seed "$seed" --mip none > /dev/null || continue
    base=""
    run "$p" simplex --lp-method simplex
    run "$p" pdlp-cpu+simplex --lp-method pdlp --device cpu
    run "$p" pdlp-cpu --lp-method pdlp --device cpu --pdlp-finish none
    run "$p" pdlp-cuda+simplex --lp-method pdlp --device gpu
    run "$p" pdlp-cuda --lp-method pdlp --device gpu --pdlp-finish none
    run "$p" pdlp-cpu+polish --lp-method pdlp --device cpu --pdlp-finish polish
    run "$p" pdlp-cuda+polish --lp-method pdlp --device gpu --pdlp-finish polish
    if [ "${SPMV_BENCH:-1}" = 1 ] && [ -x "$SPMV" ]; then
        { echo "preset $p:"; "$SPMV" "$WORK/data-$p" cpu 20 2>&1
          [ $gpu = 1 ] && "$SPMV" "$WORK/data-$p" gpu 200 2>&1; } > "$OUT/spmv-$p.txt"
    fi
done
if ls "$OUT"/spmv-*.txt >/dev/null 2>&1; then
    { echo; echo "SpMV bandwidth (bench/pdlp_spmv.c; minimum traffic 12 nnz + 12 rows + 8 cols bytes):"; echo '```'
      cat "$OUT"/spmv-*.txt; echo '```'; } > "$OUT/spmv.md"
fi
cat "$MD"
