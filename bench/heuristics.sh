#!/bin/sh
# heuristics.sh - the first-plan benchmark of issue 5 (BENCHMARKS.md "First integer plan"):
# generated MIPs (`scopt gen --preset S --mip all`, seeds 1..3) under a wall-clock limit
# (BENCH_LIMIT seconds, default 60) at gap 1e-4, then examples/demo at its settings' gap (0.5%)
# and the OR-Library set at gap 0 (both with limit BENCH_PROOF_LIMIT, default 120). One single-threaded run each of the library linked
# from SCOPT_LIB (default lib/libscopt.a; link an older build's libscopt.a to measure "before")
# with --mip-strategy auto. Prints a markdown table: CPU seconds to the first plan (process
# CPU, read and build included), its cost, the plan and gap at the end, seconds to proof,
# nodes, CPU seconds in all. Usage: bench/heuristics.sh [LABEL]
LIB=${SCOPT_LIB:-lib/libscopt.a}
LABEL=${1:-scopt}
LIMIT=${BENCH_LIMIT:-60}
PROOF=${BENCH_PROOF_LIMIT:-120}
W=${BENCH_WORK:-bench/data/heuristics}
BIN=${SCOPT_BIN:-bin/scopt}
mkdir -p "$W"
cc -O2 -std=c11 -Iinclude -o "$W/progress" bench/ls_progress.c "$LIB" \
    -lglpk -lcsv -ljansson -lm -ldl -lpthread || exit 1
echo "machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "library $LIB; S: limit ${LIMIT} s wall, gap 1e-4; demo: gap 0.5%, OR-Library: gap 0, limit ${PROOF} s"
echo
echo "| instance | build | first plan CPU s | first plan | plan at end | gap at end | proven s | nodes | CPU s |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
row() { # row NAME DATASET LIMIT GAP
    set -- "$1" "$2" "$3" "$4" $("$W/progress" "$2" auto "$3" "$4")
    # fields: lp first_s gap1_s final_gap proven_s objective nodes cpu_s first_cpu_s first_obj
    echo "| $1 | $LABEL | ${13} | ${14} | ${10} | ${8} | ${9} | ${11} | ${12} |"
}
for seed in 1 2 3; do
    d="$W/S-mip-$seed"
    [ -f "$d/demand.csv" ] || "$BIN" gen "$d" --preset S --mip all --seed $seed >/dev/null || exit 1
    row "S --mip all seed $seed" "$d" "$LIMIT" 1e-4
done
row "examples/demo" examples/demo "$PROOF" -1
for name in $(tail -n +2 tests/data/orlib/optima.csv | cut -d, -f1); do
    row "$name" "tests/data/orlib/$name" "$PROOF" 0
done
