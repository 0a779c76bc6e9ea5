#!/bin/sh
# pdlp_threads.sh - PDLP on the CPU with 1 thread against THREADS threads (--threads, docs/pdlp.md
# "Threads"), on generated presets, in one script: PDLP alone (--pdlp-finish none), the same
# iterations and the same plan files expected; prints the ratio of PDLP seconds. Usage:
#   sh bench/pdlp_threads.sh [OUTDIR]      (default bench/out/pdlp-threads)
# Environment: PRESETS (default "M"), SEED (1), THREADS (default: the number of cores, "all"),
# CAP (time limit per run, default 1800). Run it on an otherwise idle machine: the threads spin
# while they wait, so other work on the cores slows them down more than it slows one thread.
set -u
OUT=${1:-bench/out/pdlp-threads}
PRESETS=${PRESETS:-M}
SEED=${SEED:-1}
THREADS=${THREADS:-all}
CAP=${CAP:-1800}
BIN=${SCOPT_BIN:-bin/scopt}
mkdir -p "$OUT"
. bench/json_field.sh

echo "| preset | rows | cols | threads | device | PDLP its | PDLP s | ratio to 1 thread | objective | plan files |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for p in $PRESETS; do
    [ -d "$OUT/data-$p" ] || "$BIN" gen "$OUT/data-$p" --preset "$p" --seed "$SEED" --mip none > /dev/null || continue
    base=""
    for t in 1 "$THREADS"; do
        j="$OUT/$p-$t.json"
        "$BIN" solve "$OUT/data-$p" -o "$OUT/plan-$p-$t" --json --quiet --lp-method pdlp --device cpu \
            --pdlp-finish none --threads "$t" --time-limit "$CAP" > "$j"
        s=$(field "$j" solver.pdlp.seconds)
        [ -z "$base" ] && base=$s
        ratio=$(python3 -c 'import sys
try: print("%.2fx" % (float(sys.argv[1]) / float(sys.argv[2])))
except Exception: print("-")' "$base" "$s")
        same=-
        if [ "$t" != 1 ]; then
            same=same
            for f in "$OUT/plan-$p-1"/*.csv; do
                cmp -s "$f" "$OUT/plan-$p-$t/$(basename "$f")" || same=DIFFERENT
            done
        fi
        echo "| $p | $(field "$j" model.rows) | $(field "$j" model.columns) | $t | $(field "$j" solver.pdlp.device) | $(field "$j" solver.pdlp.iterations) | $s | $ratio | $(field "$j" objective) | $same |"
    done
done
