#!/bin/sh
# cli.sh - the scopt command as a user meets it: help and version, exit codes of section 5
# (bad input 1, infeasible 2, limit 3/4, bad usage 1), messages on stderr, --json output.
BIN=${SCOPT_BIN:-bin/scopt}
OUT=$(mktemp -d)
pass=0; fail=0
expect() { # expect CODE DESCRIPTION -- command...
    want=$1; what=$2; shift 3
    "$@" >"$OUT/stdout" 2>"$OUT/stderr"; rc=$?
    if [ $rc -eq "$want" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL cli: $what: exit $rc, expected $want"; head -3 "$OUT/stderr"; fi
}
grep_err() { if grep -q "$1" "$OUT/stderr"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL cli: stderr lacks '$1'"; head -3 "$OUT/stderr"; fi; }
grep_out() { if grep -q "$1" "$OUT/stdout"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL cli: stdout lacks '$1'"; head -3 "$OUT/stdout"; fi; }

expect 0 "--help" -- "$BIN" --help;                      grep_out "commands:"
expect 0 "--version" -- "$BIN" --version;                grep_out "scopt [0-9]"
expect 0 "solve --help" -- "$BIN" solve --help;          grep_out "usage: scopt solve"
expect 1 "no command" -- "$BIN"
expect 1 "unknown command" -- "$BIN" frobnicate;         grep_err "unknown command"
expect 1 "solve without dataset" -- "$BIN" solve
expect 1 "bad --mip-gap" -- "$BIN" solve tests/data/conformance/lp-tiny --mip-gap abc; grep_err "mip-gap"
expect 1 "--device gpu without a GPU" -- "$BIN" solve tests/data/conformance/lp-tiny -o "$OUT/p" --device gpu; grep_err "gpu"
expect 1 "bad input through solve" -- "$BIN" solve tests/data/bad/negative_quantity -o "$OUT/p"
grep_err "demand.csv:[0-9]*:[0-9]*: error:"
[ -d "$OUT/p" ] && { fail=$((fail+1)); echo "FAIL cli: a plan was written for bad input"; }
expect 0 "solve --json" -- "$BIN" solve tests/data/conformance/lp-tiny -o "$OUT/p" --quiet --json; grep_out '"status": "optimal"'
expect 0 "validate" -- "$BIN" validate tests/data/conformance/lp-tiny;  grep_out "valid"
expect 6 "check finds a broken plan" -- sh -c "sed -i '2s/,[0-9.]*\$/,999/' '$OUT/p/purchases.csv' && '$BIN' check tests/data/conformance/lp-tiny '$OUT/p'"
mkdir -p "$OUT/inf"
printf 'item\nA\n' > "$OUT/inf/items.csv"
printf 'site,kind,storage_capacity\nW,warehouse,5\nC,customer,\n' > "$OUT/inf/sites.csv"
printf 'site,item,initial\nW,A,8\n' > "$OUT/inf/inventory.csv"
printf 'customer,item,period,quantity,unmet_penalty\nC,A,1,1,10\n' > "$OUT/inf/demand.csv"
expect 2 "infeasible" -- "$BIN" solve "$OUT/inf" -o "$OUT/pi" --quiet; grep_err "storage at W in period 1"
[ -d "$OUT/pi" ] && { fail=$((fail+1)); echo "FAIL cli: an infeasible run published a plan"; }
expect 0 "export --mps" -- "$BIN" export tests/data/conformance/lp-tiny --mps "$OUT/m.mps" --map "$OUT/map.csv"
grep -q "bal\[" "$OUT/map.csv" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL cli: name map lacks bal[...]"; }
mkdir -p "$OUT/const"   # a fixed cost of 100 is a constant: glpsol and cbc must both see 5 + 100
printf 'item\nA\n' > "$OUT/const/items.csv"
printf 'site,kind,fixed_cost\nS,supplier,\nW,warehouse,100\nC,customer,\n' > "$OUT/const/sites.csv"
printf 'supplier,item,unit_cost\nS,A,1\n' > "$OUT/const/supply.csv"
printf 'from,to\nS,W\nW,C\n' > "$OUT/const/lanes.csv"
printf 'customer,item,period,quantity,unmet_penalty\nC,A,1,5,50\n' > "$OUT/const/demand.csv"
expect 0 "export with a constant" -- "$BIN" export "$OUT/const" --mps "$OUT/const.mps"
c=$(cbc "$OUT/const.mps" -solve 2>/dev/null | awk '/Objective value:/ {print $3; exit} /Optimal - objective value/ {print $NF; exit}')
glpsol --freemps "$OUT/const.mps" -o "$OUT/const.sol" >/dev/null 2>&1
g=$(awk '/^Objective:/ {print $4; exit}' "$OUT/const.sol")
for v in "$c" "$g"; do
    if [ "$(printf '%.6f' "${v:-0}")" = "105.000000" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL cli: exported constant: solver objective ${v:-none}, expected 105"; fi
done
rm -rf "$OUT"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
