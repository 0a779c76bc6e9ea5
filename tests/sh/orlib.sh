#!/bin/sh
# orlib.sh - OR-Library capacitated warehouse location (Beasley 1988, cap41..cap134, converted in
# tests/data/orlib, a copy of ../shared/instances): scopt solve at gap 0 must reproduce every
# published optimum of optima.csv to 1e-6 relative (they are printed with 3 decimals).
BIN=${SCOPT_BIN:-bin/scopt}
DIR=${SCOPT_ORLIB:-tests/data/orlib}
OUT=$(mktemp -d)
pass=0; fail=0
tail -n +2 "$DIR/optima.csv" | tr -d '\r' > "$OUT/list"
while IFS=, read -r name want; do
    if ! "$BIN" solve "$DIR/$name" -o "$OUT/$name" --quiet --json --mip-gap 0 --time-limit 120 > "$OUT/$name.json"; then
        fail=$((fail+1)); echo "FAIL orlib: $name: scopt solve did not finish optimal"; continue
    fi
    got=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["objective"])' "$OUT/$name.json")
    if python3 -c 'import sys; a,b=map(float,sys.argv[1:3]); sys.exit(0 if abs(a-b) <= 1e-6*abs(b) else 1)' "$got" "$want"; then
        pass=$((pass+1))
    else
        fail=$((fail+1)); echo "FAIL orlib: $name: objective $got, published optimum $want"
    fi
done < "$OUT/list"
rm -rf "$OUT"
echo "orlib: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
