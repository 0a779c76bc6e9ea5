#!/bin/sh
# conformance.sh - section 2b's answer key: every dataset of tests/data/conformance (a copy of
# ../shared/conformance, so that a clean clone has it) is solved with scopt solve and
# its objective compared with expected.csv (LPs to 1e-6 relative; MIPs within [opt,
# opt*(1+gap)]); the exported MPS is solved by glpsol and by cbc, which must agree with scopt.
BIN=${SCOPT_BIN:-bin/scopt}
DIR=${SCOPT_CONFORMANCE:-tests/data/conformance}
OUT=$(mktemp -d)
pass=0; fail=0; skip=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL conformance: $*"; }
json_obj() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["objective"], d["status"])' "$1"; }
glpsol_obj() { glpsol --freemps "$1" --tmlim 300 -o "$2" >/dev/null 2>&1; awk '/^Objective:/ {print $4; exit}' "$2"; }
cbc_obj() { timeout 300 cbc "$1" -ratio 0 -solve 2>/dev/null | awk '/Objective value:/ {print $3; exit} /Optimal - objective value/ {print $NF; exit}'; }
close() { python3 -c 'import sys; a,b,r=map(float,sys.argv[1:4]); sys.exit(0 if abs(a-b) <= r*max(1,abs(b)) else 1)' "$1" "$2" "$3"; }
tail -n +2 "$DIR/expected.csv" | while IFS=, read -r name want; do
    [ -d "$DIR/$name" ] || continue
    echo "$name $want"
done > "$OUT/list"
while read -r name want; do
    gap=1e-6; case $name in mip-*) gap=1e-4;; esac
    if ! "$BIN" solve "$DIR/$name" -o "$OUT/$name" --quiet --json --mip-gap "$gap" > "$OUT/$name.json"; then
        bad "$name: scopt solve failed"; continue
    fi
    set -- $(json_obj "$OUT/$name.json"); got=$1
    case $name in
    mip-*) python3 -c 'import sys; g,w,r=map(float,sys.argv[1:4]); sys.exit(0 if w*(1-1e-9) <= g <= w*(1+r)+1e-9 else 1)' "$got" "$want" "$gap" \
           && ok || bad "$name: objective $got, expected in [$want, $want*(1+$gap)]";;
    *) close "$got" "$want" 1e-6 && ok || bad "$name: objective $got, expected $want";;
    esac
    "$BIN" export "$DIR/$name" --mps "$OUT/$name.mps" || { bad "$name: export failed"; continue; }
    g=$(glpsol_obj "$OUT/$name.mps" "$OUT/$name.sol")
    close "${g:-nan}" "$want" 1e-6 && ok || bad "$name: glpsol on the exported MPS gives ${g:-nothing}, expected $want"
    c=$(cbc_obj "$OUT/$name.mps")
    close "${c:-nan}" "$want" 1e-6 && ok || bad "$name: cbc on the exported MPS gives ${c:-nothing}, expected $want"
done < "$OUT/list"
rm -rf "$OUT"
echo "conformance: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
