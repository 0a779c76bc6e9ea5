#!/bin/sh
# glpk_settings.sh - GLPK option sets on one generated LP (docs/solver-settings.md): exports the
# dataset as MPS and runs bench/glpk_settings.c once per option set, each under a CPU-time limit
# (ulimit -t, so that the load of a shared machine does not change what a run may do); a run
# that reaches it is shown as "> limit". Prints a markdown table.
# usage: sh bench/glpk_settings.sh DATASET [CPU_LIMIT_SECONDS (default 300)]
BIN=${SCOPT_BIN:-bin/scopt}
DIR=$1
LIMIT=${2:-300}
W=${BENCH_WORK:-bench/data/settings}
[ -n "$DIR" ] || { echo "usage: sh bench/glpk_settings.sh DATASET [CPU_LIMIT]" >&2; exit 1; }
mkdir -p "$W"
cc -O2 -std=c11 -o "$W/glpk_settings" bench/glpk_settings.c -lglpk || exit 1
"$BIN" export "$DIR" --mps "$W/model.mps" || exit 1
echo "| settings | result | objective | iterations | CPU s |"
echo "|---|---|---:|---:|---:|"
for set in "presolve" "presolve dual" "presolve dual flip" "std dual" "std dualp" "std dual flip scale" "std" "cpx"; do
    line=$(sh -c "ulimit -t $LIMIT; exec \"$W/glpk_settings\" \"$W/model.mps\" $set" 2>/dev/null | grep '^status=')
    if [ -z "$line" ]; then echo "| $set | > limit ($LIMIT s CPU) | | | |"; continue; fi
    echo "$line" | awk -v s="$set" '{for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
        printf "| %s | %s | %s | %s | %s |\n", s, v["status"], v["objective"], v["iterations"], v["cpu_seconds"]}'
done
