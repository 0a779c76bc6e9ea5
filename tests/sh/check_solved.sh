#!/bin/sh
# check_solved.sh - every dataset of tests/data/conformance (a copy of the shared answer key)
# is solved with `scopt solve -o` and the plan written is verified by `scopt check`, which
# reads only the dataset and the plan files (never the model): check must exit 0.
BIN=${SCOPT_BIN:-bin/scopt}
DIR=${SCOPT_CONFORMANCE:-tests/data/conformance}
OUT=$(mktemp -d)
pass=0; fail=0
bad() { fail=$((fail+1)); echo "FAIL check_solved: $1"; sed -n '1,3s/^/    /p' "$2"; }
for d in "$DIR"/*/; do
    [ -d "$d" ] || continue
    name=$(basename "$d")
    if ! "$BIN" solve "$d" -o "$OUT/$name" --quiet >/dev/null 2>"$OUT/$name.err"; then
        bad "$name: scopt solve failed" "$OUT/$name.err"; continue
    fi
    "$BIN" check "$d" "$OUT/$name" --quiet >"$OUT/$name.check" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ]; then pass=$((pass+1)); else bad "$name: scopt check exited $rc" "$OUT/$name.check"; fi
done
rm -rf "$OUT"
echo "check_solved: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
