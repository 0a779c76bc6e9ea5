#!/bin/sh
# pdlp_restart.sh - PDLP's restart cap against cuPDLPx's restart rules alone (docs/pdlp.md,
# "Restarts on long runs"; `make bench-pdlp-restart`): on the two XL stand-ins (XL's shape at
# about 1/60 of its size), PDLP without the finish once per cap in CAPS, side by side, with cbc's
# optimum of the exported MPS as the reference when cbc is installed. Usage:
#   sh bench/pdlp_restart.sh [OUTDIR]     (default bench/out/pdlp_restart)
# Environment: DEVICE (cpu, the default, or gpu), CAPS (default "0 16384": 0 is no cap), LIMIT
# (seconds a run, default 1500), PRESOLVE (presolve, the default, or plain), STANDINS (default
# "1 2"). On one CPU core the default takes about an hour; on a GPU minutes.
set -u
OUT=${1:-bench/out/pdlp_restart}
DEVICE=${DEVICE:-cpu}
CAPS=${CAPS:-0 16384}
LIMIT=${LIMIT:-1500}
PRESOLVE=${PRESOLVE:-presolve}
BIN=${SCOPT_BIN:-bin/scopt}
TOOL=${BUILD:-build/rel}/bench/pdlp_restart
[ -f lib/libscopt_cuda.so ] && export SCOPT_CUDA_LIBRARY=${SCOPT_CUDA_LIBRARY:-$(pwd)/lib/libscopt_cuda.so}
mkdir -p "$OUT"
MD="$OUT/pdlp_restart.md"
echo "# PDLP restart cap ($(date -u +%Y-%m-%d), $DEVICE, $PRESOLVE, caps $CAPS, limit $LIMIT s)" > "$MD"
for s in ${STANDINS:-1 2}; do
    case $s in # docs/pdlp.md: the stand-in of the second GPU run, and a second shape and seed
        1) gen="--customers 120 --periods 26 --seed 1" ;;
        2) gen="--customers 100 --periods 30 --seed 2" ;;
        *) echo "pdlp_restart.sh: stand-in $s: expected 1 or 2" >&2; exit 1 ;;
    esac
    d="$OUT/standin-$s"
    [ -d "$d" ] || "$BIN" gen "$d" --preset XL --items 300 --suppliers 30 --plants 8 --warehouses 10 $gen \
        --mip none > /dev/null || exit 1
    ref=""
    if command -v cbc > /dev/null 2>&1; then
        [ -f "$d.cbc.log" ] || { "$BIN" export "$d" --mps "$d.mps" && cbc "$d.mps" -dualsimplex > "$d.cbc.log" 2>&1; }
        ref=$(sed -n 's/^Optimal objective \([-0-9.e+]*\).*/\1/p' "$d.cbc.log" | head -1)
    fi
    { echo; echo "stand-in $s (\`--preset XL --items 300 --suppliers 30 --plants 8 --warehouses 10 $gen\`);" \
        "cbc's optimum: ${ref:-not measured}"; echo; } >> "$MD"
    PDLP_REFERENCE="$ref" "$TOOL" "$d" "$DEVICE" "$PRESOLVE" "$LIMIT" $CAPS >> "$MD" || exit 1
done
cat "$MD"
