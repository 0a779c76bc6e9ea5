#!/bin/sh
# alloc_failure.sh - SQLite-style allocation-failure loop: `scopt solve` runs with the N-th
# allocation failing (tests/fault/failmalloc.c via LD_PRELOAD), once ("transient") and from then
# on ("sticky"), for N across the whole run. Every run must end with exit 0 (the failure was
# absorbed), 1 or 5 with a message, never a crash or a hang, and never a partial plan directory.
BIN=${SCOPT_BIN:-bin/scopt}
DATA=tests/data/conformance/mip-tiny-all
OUT=$(mktemp -d)
pass=0; fail=0
case "$BIN" in build/san/*) echo "alloc_failure: 0 passed, 0 failed, 1 skipped"; exit 0;; esac
cc -shared -fPIC -O1 -o "$OUT/failmalloc.so" tests/fault/failmalloc.c || { echo "alloc_failure: 0 passed, 1 failed"; exit 1; }
total=$(FAIL_AT=999999999 LD_PRELOAD="$OUT/failmalloc.so" "$BIN" solve "$DATA" -o "$OUT/plan" --quiet >/dev/null 2>&1; echo 4000)
n=1
while [ $n -le $total ]; do
    for mode in 0 1; do
        rm -rf "$OUT/plan"
        FAIL_AT=$n FAIL_STICKY=$mode LD_PRELOAD="$OUT/failmalloc.so" timeout 30 "$BIN" solve "$DATA" -o "$OUT/plan" --quiet >/dev/null 2>"$OUT/err"
        rc=$?
        msg=$(head -c 300 "$OUT/err")
        if [ $rc -ge 124 ]; then fail=$((fail+1)); echo "FAIL alloc_failure: FAIL_AT=$n sticky=$mode: exit $rc: $msg"
        elif [ $rc -ne 0 ] && [ -z "$msg" ]; then fail=$((fail+1)); echo "FAIL alloc_failure: FAIL_AT=$n sticky=$mode: exit $rc without a message"
        elif [ -d "$OUT/plan" ] && [ ! -f "$OUT/plan/summary.json" ]; then fail=$((fail+1)); echo "FAIL alloc_failure: FAIL_AT=$n: partial plan"
        elif [ $rc -ne 0 ] && [ -d "$OUT/plan" ]; then fail=$((fail+1)); echo "FAIL alloc_failure: FAIL_AT=$n: exit $rc but a plan was published"
        else pass=$((pass+1)); fi
    done
    if [ $n -lt 300 ]; then n=$((n+1)); else n=$((n+37)); fi
done
ls -a "$OUT" | grep -q scopt-tmp && { fail=$((fail+1)); echo "FAIL alloc_failure: temporary directories left behind"; }
rm -rf "$OUT"
echo "alloc_failure: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
