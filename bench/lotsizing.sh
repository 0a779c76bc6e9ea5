#!/bin/sh
# lotsizing.sh - the lot-sizing benchmark of issue 6 (BENCHMARKS.md "Lot sizing"): for each
# Trigeiro-Thomas-McClain G instance of tests/data/lotsizing, at gap 0 under a wall-clock limit
# (BENCH_LIMIT seconds, default 60), one single-threaded run each of
#   scopt        scopt's strategy (--mip-strategy auto: (l,S) cuts, period-first branching, dive)
#   scopt-glpk   GLPK's branch and cut alone on scopt's model (--mip-strategy glpk)
#   cbc-mps      cbc 2.10 on scopt's exported model (scopt export --mps)
#   cbc-text     cbc on the textbook CLSP of the same data (bench/clsp_textbook.py)
# and prints a markdown table: LP bound, seconds to the first plan, to a 1% gap and to the
# proven optimum, the gap at the end, CPU seconds. Usage: bench/lotsizing.sh [INSTANCES]
BIN=${SCOPT_BIN:-bin/scopt}
DIR=${SCOPT_LOTSIZING:-tests/data/lotsizing}
LIMIT=${BENCH_LIMIT:-60}
W=${BENCH_WORK:-bench/data/lotsizing}
mkdir -p "$W"
INSTANCES=${1:-$(tail -n +2 "$DIR/optima.csv" | cut -d, -f1 | tr '\n' ' ')}
cc -O2 -std=c11 -Iinclude -o "$W/ls_progress" bench/ls_progress.c lib/libscopt.a \
    -lglpk -lcsv -ljansson -lm -ldl -lpthread || exit 1
echo "machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "limit ${LIMIT} s wall clock per run, gap 0, one thread; times in wall-clock seconds ('-': not reached)"
echo
echo "| instance | optimum | solver | LP bound | first plan | 1% gap | proven | gap at end | plan cost | CPU s | nodes |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for g in $INSTANCES; do
    opt=$(grep "^$g," "$DIR/optima.csv" | cut -d, -f2)
    python3 bench/clsp_textbook.py "$DIR/$g" "$W/$g.textbook.lp" || exit 1
    "$BIN" export "$DIR/$g" --mps "$W/$g.mps" || exit 1
    for solver in scopt scopt-glpk cbc-mps cbc-text; do
        case $solver in
        scopt) line=$("$W/ls_progress" "$DIR/$g" auto "$LIMIT");;
        scopt-glpk) line=$("$W/ls_progress" "$DIR/$g" glpk "$LIMIT");;
        cbc-mps) line=$(python3 bench/cbc_progress.py "$W/$g.mps" "$LIMIT");;
        cbc-text) line=$(python3 bench/cbc_progress.py "$W/$g.textbook.lp" "$LIMIT");;
        esac
        set -- $line
        echo "| $g | $opt | $solver | $1 | $2 | $3 | $5 | $4 | $6 | $8 | $7 |"
    done
done
