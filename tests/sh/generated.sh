#!/bin/sh
# generated.sh - `scopt gen` (issue 5): datasets from fixed seeds, half LP (--mip none), half
# MIP (--mip all or one feature), each small. For every one: gen exits 0; `scopt validate`
# exits 0 with no warning; `scopt solve --json` (MIPs with --mip-gap 0) says optimal; the
# exported MPS solved by glpsol and by cbc gives scopt's optimum (relative 1e-6; MIPs are
# solved to optimality by all three); `scopt check` accepts the written plan. Then: the same
# seed and options give byte-identical files (also with the options in another order), and
# another seed gives other files.
BIN=${SCOPT_BIN:-bin/scopt}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL generated: $*"; }
json_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
glpsol_obj() { timeout 120 glpsol --freemps "$1" -o "$2" >/dev/null 2>&1; awk '/^Objective:/ {print $4; exit}' "$2"; }
cbc_obj() { timeout 120 cbc "$1" -ratio 0 -solve 2>/dev/null | awk '/Objective value:/ {print $3; exit} /Optimal - objective value/ {print $NF; exit}'; }
close() { python3 -c 'import sys; a,b=map(float,sys.argv[1:3]); sys.exit(0 if abs(a-b) <= 1e-6*max(1,abs(b)) else 1)' "$1" "$2" 2>/dev/null; }

TINY="--items 7 --customers 4 --periods 4 --plants 2 --warehouses 2 --suppliers 3 --resources 2"
SMALL="--items 12 --customers 6 --periods 6 --plants 2 --warehouses 3 --suppliers 4 --resources 2"
# name|options: 10 LPs of several shapes, 10 MIPs
cat > "$OUT/cases" <<EOF
lp-S1|--preset S --seed 1
lp-S2|--preset S --seed 2 --periods 8
lp-depth1|--seed 3 $SMALL --bom-depth 1
lp-depth4|--seed 4 --items 30 --bom-depth 4 --customers 8 --periods 6 --plants 3
lp-one-plant|--seed 5 $SMALL --plants 1 --warehouses 1
lp-no-resources|--seed 6 $SMALL --resources 0
lp-dense|--seed 7 $SMALL --lane-density 1
lp-sparse|--seed 8 $SMALL --lane-density 0 --suppliers 2
lp-short|--seed 9 $SMALL --periods 2
lp-many-customers|--seed 10 --items 10 --customers 40 --periods 4
mip-all1|--seed 101 $TINY --mip all
mip-all2|--seed 102 $TINY --mip all
mip-all3|--seed 103 $TINY --mip all
mip-all4|--seed 104 $TINY --mip all
mip-all5|--seed 105 $TINY --mip all --bom-depth 1
mip-all6|--seed 107 $TINY --mip all --lane-density 1
mip-setups|--seed 111 $SMALL --mip setups
mip-orders|--seed 112 $SMALL --mip orders
mip-optional|--seed 113 $SMALL --mip optional
mip-vehicles|--seed 114 $TINY --periods 5 --mip vehicles
EOF

# one dataset through validate, solve, export (glpsol, cbc) and check
run_case() {
    name=$1; shift
    D="$OUT/$name"
    "$BIN" gen "$D" "$@" > "$OUT/$name.gen" 2>&1 || { bad "$name: scopt gen $* failed"; return; }
    "$BIN" validate "$D" > "$OUT/$name.val" 2>&1 || { bad "$name: validate failed: $(head -3 "$OUT/$name.val")"; return; }
    grep -q "warnings     0" "$OUT/$name.val" && ok || bad "$name: validate warns: $(grep -m3 warning "$OUT/$name.val")"
    "$BIN" solve "$D" -o "$D.plan" --quiet --json --mip-gap 0 > "$D.json" 2> "$D.err" || { bad "$name: solve exited $?: $(head -3 "$D.err")"; return; }
    st=$(json_field "$D.json" status); obj=$(json_field "$D.json" objective)
    [ "$st" = optimal ] && ok || bad "$name: status $st, expected optimal"
    "$BIN" export "$D" --mps "$D.mps" || { bad "$name: export failed"; return; }
    g=$(glpsol_obj "$D.mps" "$D.sol")
    close "${g:-nan}" "$obj" && ok || bad "$name: glpsol on the exported MPS gives ${g:-nothing}, scopt $obj"
    c=$(cbc_obj "$D.mps")
    close "${c:-nan}" "$obj" && ok || bad "$name: cbc on the exported MPS gives ${c:-nothing}, scopt $obj"
    if "$BIN" check --help > /dev/null 2>&1; then
        if "$BIN" check "$D" "$D.plan" > "$D.check" 2>&1; then ok
        else bad "$name: scopt check rejects the plan of scopt gen $*:"; head -5 "$D.check"; fi
    fi
}

while IFS='|' read -r name opts; do
    # shellcheck disable=SC2086
    run_case "$name" $opts < /dev/null
done < "$OUT/cases"

# determinism: same seed and options (in another order) give the same bytes; another seed does not
same_files() { for f in "$1"/*.csv; do cmp -s "$f" "$2/$(basename "$f")" || return 1; done; [ "$(ls "$1" | wc -l)" -eq "$(ls "$2" | wc -l)" ]; }
"$BIN" gen "$OUT/d1" --preset S --seed 42 --mip all > /dev/null &&
"$BIN" gen "$OUT/d2" --mip all --seed 42 --preset S > /dev/null &&
"$BIN" gen "$OUT/d3" --preset S --seed 43 --mip all > /dev/null || bad "determinism: scopt gen failed"
same_files "$OUT/d1" "$OUT/d2" && ok || bad "determinism: seed 42 gave different files on two runs"
same_files "$OUT/d1" "$OUT/d3" && bad "determinism: seeds 42 and 43 gave the same files" || ok

echo "generated: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
