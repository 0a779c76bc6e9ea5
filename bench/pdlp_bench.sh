#!/bin/sh
# pdlp_bench.sh - issue 7's benchmark: on generated presets, GLPK's simplex alone, PDLP-CPU and
# PDLP-CUDA (when a GPU can be used), each with and without the simplex finish, side by side as
# ratios to the simplex; plus the SpMV bandwidth of each backend. Usage:
#   sh bench/pdlp_bench.sh [OUTDIR]      (default bench/out/pdlp)
# Environment: PRESETS (default "S M"; the issue's goals are on "L XL"), SEED (1), CAP (time
# limit per run in seconds, default 1800), BUILD (build/rel). A run that hits CAP shows "> CAP".
# Writes OUTDIR/pdlp_bench.md (the table) and the summary.json of every run.
set -u
OUT=${1:-bench/out/pdlp}
PRESETS=${PRESETS:-S M}
SEED=${SEED:-1}
CAP=${CAP:-1800}
BIN=${SCOPT_BIN:-bin/scopt}
SPMV=${BUILD:-build/rel}/bench/pdlp_spmv
[ -f lib/libscopt_cuda.so ] && export SCOPT_CUDA_LIBRARY=${SCOPT_CUDA_LIBRARY:-$(pwd)/lib/libscopt_cuda.so}
mkdir -p "$OUT"
MD="$OUT/pdlp_bench.md"
field() { python3 -c 'import json,sys
try:
    d=json.load(open(sys.argv[1]))
    for k in sys.argv[2].split("."): d=d[k]
    print(d)
except Exception: print("-")' "$1" "$2"; }

gpu=0
"$BIN" solve tests/data/conformance/lp-tiny -o "$OUT/probe" --quiet --lp-method pdlp --device gpu >/dev/null 2>&1 && gpu=1
{
    echo "# PDLP benchmark ($(date -u +%Y-%m-%d), seed $SEED, cap ${CAP}s)"
    echo
    echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
    [ $gpu = 1 ] && echo "GPU: $(nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null | head -1)"
    echo
    echo "| preset | rows | cols | nnz | run | solve s | ratio to simplex | PDLP its | simplex its | objective |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$MD"

run() { # run PRESET NAME ARGS...
    p=$1; name=$2; shift 2
    j="$OUT/$p-$name.json"
    "$BIN" solve "$OUT/data-$p" -o "$OUT/plan-$p-$name" --quiet --json --time-limit "$CAP" "$@" > "$j" 2> "$OUT/$p-$name.log"
    t=$(field "$j" timings.solve)
    st=$(field "$j" status)
    [ "$st" = optimal ] || t="> $CAP"
    if [ -z "${base:-}" ]; then base=$t; fi
    ratio=$(python3 -c 'import sys
try: print("%.2f" % (float(sys.argv[2]) / float(sys.argv[1])))
except Exception: print("-")' "$base" "$t")
    echo "| $p | $(field "$j" model.rows) | $(field "$j" model.columns) | $(field "$j" model.nonzeros) | $name | $t | $ratio | $(field "$j" solver.pdlp.iterations) | $(field "$j" solver.iterations) | $(field "$j" objective) |" >> "$MD"
}

for p in $PRESETS; do
    [ -d "$OUT/data-$p" ] || "$BIN" gen "$OUT/data-$p" --preset "$p" --seed "$SEED" --mip none > /dev/null || continue
    base=""
    run "$p" simplex --lp-method simplex
    run "$p" pdlp-cpu+simplex --lp-method pdlp --device cpu
    run "$p" pdlp-cpu --lp-method pdlp --device cpu --pdlp-finish none
    if [ $gpu = 1 ]; then
        run "$p" pdlp-cuda+simplex --lp-method pdlp --device gpu
        run "$p" pdlp-cuda --lp-method pdlp --device gpu --pdlp-finish none
    fi
    if [ -x "$SPMV" ]; then
        { echo "preset $p:"; "$SPMV" "$OUT/data-$p" cpu 20 2>&1
          [ $gpu = 1 ] && "$SPMV" "$OUT/data-$p" gpu 200 2>&1; } > "$OUT/spmv-$p.txt"
    fi
done
if ls "$OUT"/spmv-*.txt >/dev/null 2>&1; then
    { echo; echo "SpMV bandwidth (bench/pdlp_spmv.c; minimum traffic 12 nnz + 12 rows + 8 cols bytes):"; echo '```'
      cat "$OUT"/spmv-*.txt; echo '```'; } >> "$MD"
fi
cat "$MD"
