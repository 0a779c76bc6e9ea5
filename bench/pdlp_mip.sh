#!/bin/sh
# pdlp_mip.sh - the PDLP route for MIPs (docs/pdlp.md "MIPs without the simplex") against branch
# and cut: on generated MIPs (`scopt gen --preset P --seed SEED --mip all`), under one wall-clock
# cap each, one run at a time, in this script:
#   scopt      GLPK's branch and cut with scopt's strategy (the default solve)
#   route      scopt --lp-method pdlp --pdlp-finish polish (PDLP, rounding, no simplex)
#   glpsol     GLPK 5 on the exported MPS (--mipgap 1e-4 --tmlim CAP), when installed
#   cbc        CBC on the exported MPS (-ratio 1e-4 -sec CAP), when installed
# Prints a markdown table: the plan each found by the cap (or "none"), its gap where known, wall
# seconds, and each plan against the route's (ratio of costs). Every scopt plan is checked with
# `scopt check`. Usage: sh bench/pdlp_mip.sh [OUTDIR] (default bench/out/pdlp-mip).
# Environment: PRESETS (default "S"; "S M" for BENCHMARKS.md's table, M about 45 minutes), SEED
# (7), CAP (seconds per run, 600), THREADS (PDLP's --threads, 1), DEVICE (cpu; auto or gpu
# for the route on CUDA), RUNS (default "route bc glpsol cbc": which runs; route always runs).
set -u
OUT=${1:-bench/out/pdlp-mip}
PRESETS=${PRESETS:-S}
SEED=${SEED:-7}
CAP=${CAP:-600}
THREADS=${THREADS:-1}
DEVICE=${DEVICE:-cpu}
RUNS=${RUNS:-route bc glpsol cbc}
runs() { case " $RUNS " in *" $1 "*) return 0 ;; esac; return 1; }
BIN=${SCOPT_BIN:-bin/scopt}
mkdir -p "$OUT"
. bench/json_field.sh

wall() { python3 -c 'import time; print(time.time())'; }
since() { python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }
ratio() { python3 -c "import sys
try: print('%.4f' % (float(sys.argv[1]) / float(sys.argv[2])))
except Exception: print('-')" "$1" "$2"; }

echo "machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "seed $SEED, cap $CAP s wall per run, route on $DEVICE with $THREADS thread(s); $(date -u +%Y-%m-%d)"
echo
echo "| MIP | run | plan | gap | wall s | plan / route's |"
echo "|---|---|---:|---:|---:|---:|"
for preset in $PRESETS; do
    d="$OUT/$preset-mip-$SEED"
    [ -f "$d/demand.csv" ] || "$BIN" gen "$d" --preset "$preset" --seed "$SEED" --mip all >/dev/null || exit 1
    "$BIN" export "$d" --mps "$d.mps" >/dev/null 2>&1
    # the route first: the other plans are compared with it
    t0=$(wall)
    "$BIN" solve "$d" -o "$d.route" --quiet --time-limit "$CAP" --lp-method pdlp --pdlp-finish polish \
        --device "$DEVICE" --threads "$THREADS" > "$d.route.log" 2>&1
    rt=$(since "$t0" "$(wall)")
    robj=$(field "$d.route/summary.json" objective)
    [ -f "$d.route/summary.json" ] && ! "$BIN" check "$d" "$d.route" >/dev/null 2>&1 && robj="$robj (check failed)"
    echo "| $preset seed $SEED | route | $robj | $(field "$d.route/summary.json" gap) | $rt | 1 |"
    runs bc && {
    t0=$(wall)
    "$BIN" solve "$d" -o "$d.bc" --quiet --time-limit "$CAP" > "$d.bc.log" 2>&1
    bt=$(since "$t0" "$(wall)")
    bobj=$(field "$d.bc/summary.json" objective)
    [ "$(field "$d.bc/summary.json" status)" = no_plan ] && bobj=none
    echo "| $preset seed $SEED | scopt branch and cut | $bobj | $(field "$d.bc/summary.json" gap) | $bt | $(ratio "$bobj" "$robj") |"
    }
    if runs glpsol && command -v glpsol >/dev/null 2>&1; then
        t0=$(wall)
        timeout $((CAP + 60)) glpsol --freemps "$d.mps" --mipgap 1e-4 --tmlim "$CAP" -o "$d.glpsol.sol" > "$d.glpsol.log" 2>&1
        gt=$(since "$t0" "$(wall)")
        gobj=$(awk '/^Status:/ {s=$0} /^Objective:/ {o=$4} END {if (s ~ /INTEGER/ && s !~ /UNDEFINED|EMPTY/) print o; else print "none"}' "$d.glpsol.sol" 2>/dev/null)
        echo "| $preset seed $SEED | glpsol | ${gobj:-none} | - | $gt | $(ratio "${gobj:-none}" "$robj") |"
    fi
    if runs cbc && command -v cbc >/dev/null 2>&1; then
        t0=$(wall)
        # line-buffered, so that a cbc the timeout kills (M: it had not stopped itself at -sec)
        # leaves its log
        timeout $((CAP + 60)) stdbuf -oL cbc "$d.mps" -timeMode elapsed -sec "$CAP" -ratio 1e-4 -solve > "$d.cbc.log" 2>&1
        ct=$(since "$t0" "$(wall)")
        cobj=$(awk '/^Objective value:/ {print $3; exit}' "$d.cbc.log")
        grep -q "No feasible solution found\|Result - Stopped on time.*\|^Objective value:" "$d.cbc.log" && [ -z "$cobj" ] && cobj=none
        cgap=$(awk '/^Gap:/ {print $2; exit}' "$d.cbc.log")
        echo "| $preset seed $SEED | cbc | ${cobj:-none} | ${cgap:--} | $ct | $(ratio "${cobj:-none}" "$robj") |"
    fi
done
