#!/bin/sh
# conformance.sh - section 2b's answer key: every dataset of tests/data/conformance (a copy of
# ../shared/conformance, so that a clean clone has it) is solved with scopt solve and
# its objective compared with expected.csv (LPs to 1e-6 relative; MIPs, solved to a gap of 1e-4,
# within [opt, opt*(1+gap)]); the exported MPS is solved by glpsol and by cbc to the same gap and
# must land in the same range.
BIN=${SCOPT_BIN:-bin/scopt}
DIR=${SCOPT_CONFORMANCE:-tests/data/conformance}
OUT=$(mktemp -d)
pass=0; fail=0; skip=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL conformance: $*"; }
json_obj() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["objective"], d["status"])' "$1"; }
glpsol_obj() { glpsol --freemps "$1" --mipgap "$3" --cuts --tmlim 300 -o "$2" >/dev/null 2>&1; awk '/^Objective:/ {print $4; exit}' "$2"; }
cbc_obj() { timeout 300 cbc "$1" -ratio "$2" -solve 2>/dev/null | awk '/Objective value:/ {print $3; exit} /Optimal - objective value/ {print $NF; exit}'; }
# within [want, want*(1+gap)] for MIPs solved to a gap, within 1e-6 for LPs
in_range() { python3 -c 'import sys; g,w,r=map(float,sys.argv[1:4]); sys.exit(0 if w*(1-1e-6) <= g <= w*(1+r)+1e-6*abs(w) else 1)' "$1" "$2" "$3"; }
tail -n +2 "$DIR/expected.csv" | while IFS=, read -r name want; do
    [ -d "$DIR/$name" ] || continue
    echo "$name $want"
done > "$OUT/list"
while read -r name want; do
    gap=0; case $name in mip-*) gap=1e-4;; esac
    if ! "$BIN" solve "$DIR/$name" -o "$OUT/$name" --quiet --json --mip-gap "$gap" > "$OUT/$name.json"; then
        bad "$name: scopt solve failed"; continue
    fi
    set -- $(json_obj "$OUT/$name.json"); got=$1
    in_range "$got" "$want" "$gap" && ok || bad "$name: objective $got, expected in [$want, $want*(1+$gap)]"
    "$BIN" export "$DIR/$name" --mps "$OUT/$name.mps" || { bad "$name: export failed"; continue; }
    g=$(glpsol_obj "$OUT/$name.mps" "$OUT/$name.sol" "$gap")
    in_range "${g:-nan}" "$want" "$gap" && ok || bad "$name: glpsol on the exported MPS gives ${g:-nothing}, expected $want"
    c=$(cbc_obj "$OUT/$name.mps" "$gap")
    in_range "${c:-nan}" "$want" "$gap" && ok || bad "$name: cbc on the exported MPS gives ${c:-nothing}, expected $want"
done < "$OUT/list"
rm -rf "$OUT"
echo "conformance: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
