#!/bin/sh
# run.sh - run every test binary (build/*/tests/test_*) and every shell test
# (tests/sh/*.sh), then print the totals line "N passed, N failed[, N skipped]".
# Each test prints its own "suite: N passed, N failed[, N skipped]" line.
BUILD=${1:-build/rel}
out=$(mktemp)
status=0
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    # a binary that crashes or exits non-zero counts as a failed test even when its own line
    # (which a crash never prints) would say otherwise
    { "$t" 2>&1; echo "exit $?" >"$out.rc"; } | tee -a "$out"
    if [ "$(cat "$out.rc")" != "exit 0" ]; then
        status=1
        echo "$(basename "$t"): 0 passed, 1 failed ($(cat "$out.rc"))" | tee -a "$out"
    fi
done
rm -f "$out.rc"
for t in tests/sh/*.sh; do
    [ -f "$t" ] || continue
    BUILD="$BUILD" sh "$t" 2>&1 | tee -a "$out" || status=1
done
awk '/: [0-9]+ passed, [0-9]+ failed/ {
        for (i = 1; i <= NF; i++) {
            if ($(i+1) ~ /^passed/) p += $i
            if ($(i+1) ~ /^failed/) f += $i
            if ($(i+1) ~ /^skipped/) s += $i
        }
     }
     END { if (s > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s;
           else printf "%d passed, %d failed\n", p, f
           exit (f > 0) }' "$out" || status=1
rm -f "$out"
exit $status
