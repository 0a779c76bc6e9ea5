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
# parallel lanes (docs/decisions.md 1): two S -> W rows of one key, capacities 5 and 10, costs 1
# and 2; demand 12 at penalty 100: the optimum ships 5 on the first and 7 on the second (cost
# 12 purchase + 5 + 14 transport = 31); shipments.csv tells the lanes apart by lane_no
P=tests/data/check/parallel
expect() { # NAME EXPECTED-RC FILE-WITH-OUTPUT PATTERN
    if [ "$2" = "$rc" ] && grep -q "$4" "$3"; then pass=$((pass+1)); else bad "$1 (exit $rc)" "$3"; fi
}
"$BIN" solve "$P" -o "$OUT/par" --quiet --json >"$OUT/par.json" 2>/dev/null; rc=$?
expect "parallel lanes: optimum 31" 0 "$OUT/par.json" '"objective": *31[,.]'
expect "parallel lanes: 7 on the second lane" 0 "$OUT/par/shipments.csv" '^S,W,A,road,A,1,1,7,0,14,2$'
"$BIN" check "$P" "$OUT/par" >"$OUT/par.check" 2>&1; rc=$?
expect "parallel lanes: check accepts the plan" 0 "$OUT/par.check" "satisfies every rule"
mkdir -p "$OUT/par1" && cp "$OUT/par/"* "$OUT/par1/"
sed -i 's/^S,W,A,road,A,1,1,5,0,5,1$/S,W,A,road,A,1,1,5,0,10,2/; s/^S,W,A,road,A,1,1,7,0,14,2$/S,W,A,road,A,1,1,7,0,7,1/' "$OUT/par1/shipments.csv"
"$BIN" check "$P" "$OUT/par1" >"$OUT/par1.check" 2>&1; rc=$?
expect "parallel lanes: 7 on the first lane (capacity 5) rejected" 6 "$OUT/par1.check" "capacity"
mkdir -p "$OUT/par3" && cp "$OUT/par/"* "$OUT/par3/"
sed -i 's/^S,W,A,road,A,1,1,7,0,14,2$/S,W,A,road,A,1,1,7,0,14,3/' "$OUT/par3/shipments.csv"
"$BIN" check "$P" "$OUT/par3" >"$OUT/par3.check" 2>&1; rc=$?
expect "parallel lanes: lane_no 3 does not exist" 6 "$OUT/par3.check" "no such lane.*parallel lane 3"
rm -rf "$OUT"
echo "check_solved: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
