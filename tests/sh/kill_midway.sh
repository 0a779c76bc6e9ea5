#!/bin/sh
# kill_midway.sh - `scopt solve` killed (SIGKILL, SIGTERM) at spread-out moments never leaves a
# partial plan: the output directory is always the complete previous plan (or the complete new
# one), and a later run removes the temporary directories killed runs left behind.
BIN=${SCOPT_BIN:-bin/scopt}
DATA=tests/data/conformance/mip-small-sparse
OUT=$(mktemp -d)
pass=0; fail=0
files="purchases.csv production.csv shipments.csv inventory_plan.csv deliveries.csv resource_load.csv sites.csv summary.json"
complete() {
    for f in $files; do [ -s "$1/$f" ] || return 1; done
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1/summary.json" 2>/dev/null
}
"$BIN" solve "$DATA" -o "$OUT/plan" --quiet >/dev/null || { echo "kill_midway: 0 passed, 1 failed"; exit 1; }
for delay in 0.01 0.05 0.1 0.2 0.3 0.5 0.8 1.2; do
    for sig in KILL TERM; do
        "$BIN" solve "$DATA" -o "$OUT/plan" --quiet >/dev/null 2>&1 &
        pid=$!
        sleep $delay
        kill -s $sig $pid 2>/dev/null
        wait $pid 2>/dev/null
        if complete "$OUT/plan"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL kill_midway: SIG$sig after ${delay}s left an incomplete plan"; ls "$OUT/plan"; fi
    done
done
"$BIN" solve "$DATA" -o "$OUT/plan" --quiet >/dev/null
if ls -a "$OUT" | grep -q "scopt-"; then fail=$((fail+1)); echo "FAIL kill_midway: leftovers: $(ls -a "$OUT")"; else pass=$((pass+1)); fi
rm -rf "$OUT"
echo "kill_midway: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
