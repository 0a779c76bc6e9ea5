#!/bin/sh
# supply_calendar.sh - supply_calendar.csv, the per-period capacity of a supply offer (an
# extension of the dataset contract, docs/dataset.md), on tests/data/supply_calendar:
# S offers A (capacity 10, at 2) and B (no capacity, at 1); the calendar gives A 3 in period 2,
# B 2 in period 1, and A 0 in period 5, beyond the horizon of 3 (a warning). Lane S->C at 1,
# holding A at S at 1, lost sales at 100. Demand A 5, 12, 4; B 6, 1.
# By hand: A buys 10 in period 1 (5 held), 3 in 2 (8 delivered, 4 lost), 4 in 3:
# 17 * (2 + 1) + 5 + 400 = 456; B buys 2 in 1 (4 lost), 1 in 2: 3 * (1 + 1) + 400 = 406;
# optimum 862. Without the file: A holds 2 from period 1 for period 2, nothing lost:
# 21 * 3 + 2 = 65, B 7 * 2 = 14: 79 (a dataset without the file is unchanged).
BIN=${SCOPT_BIN:-bin/scopt}
DATA=tests/data/supply_calendar
OUT=$(mktemp -d)
pass=0; fail=0
ok() { pass=$((pass+1)); }
ko() { fail=$((fail+1)); echo "FAIL supply_calendar: $*"; }
objective() { sed -n 's/^ *"objective": \([^,]*\),*$/\1/p' "$1"; }
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 1e-6 && d > -1e-6) }'; }

"$BIN" validate "$DATA" >"$OUT/v.out" 2>"$OUT/v.err"
rc=$?
[ $rc -eq 0 ] && grep -q "supply       2 offers (3 calendar overrides)" "$OUT/v.out" && ok || ko "validate: exit $rc"
grep -q "$DATA/supply_calendar.csv:4:3: warning: supply calendar capacity in period 5 lies beyond the horizon of 3 periods and is ignored" \
    "$OUT/v.err" && ok || { ko "no warning for the row beyond the horizon"; cat "$OUT/v.err"; }

"$BIN" solve "$DATA" -o "$OUT/plan" --quiet --json >"$OUT/s.json" 2>"$OUT/s.err"
rc=$?
got=$(objective "$OUT/s.json")
[ $rc -eq 0 ] && near "$got" 862 && ok || ko "solve: exit $rc, objective '$got', expected 862"
# glpsol and cbc on the exported MPS agree
"$BIN" export "$DATA" --mps "$OUT/m.mps" 2>/dev/null && ok || ko "export"
glpsol --freemps "$OUT/m.mps" -o "$OUT/m.sol" >/dev/null 2>&1
got=$(sed -n 's/^Objective: *[^=]*= *\([^ ]*\).*/\1/p' "$OUT/m.sol")
near "$got" 862 && ok || ko "glpsol on the export: '$got', expected 862"
if command -v cbc >/dev/null 2>&1; then
    got=$(cbc "$OUT/m.mps" -solve 2>/dev/null | awk '/Objective value:/ {print $3; exit} /Optimal - objective value/ {print $NF; exit}')
    near "$got" 862 && ok || ko "cbc on the export: '$got', expected 862"
fi
# scopt check accepts the plan, and rejects it once the calendar allows 2 in period 2 (it buys 3)
"$BIN" check "$DATA" "$OUT/plan" >/dev/null 2>&1 && ok || ko "check rejects the solved plan"
mkdir -p "$OUT/tight" && cp "$DATA"/*.csv "$OUT/tight/"
sed 's/^S,A,2,3$/S,A,2,2/' "$DATA/supply_calendar.csv" > "$OUT/tight/supply_calendar.csv"
"$BIN" check "$OUT/tight" "$OUT/plan" >"$OUT/c.out" 2>&1
rc=$?
[ $rc -eq 6 ] && grep -q "purchase of 3 A from S in period 2 exceeds the offer's capacity in period 2 (supply_calendar.csv) 2 by 1" \
    "$OUT/c.out" && ok || { ko "check with the tighter calendar: exit $rc"; head -3 "$OUT/c.out"; }
# without the file: 79
mkdir -p "$OUT/none" && cp "$DATA"/*.csv "$OUT/none/" && rm "$OUT/none/supply_calendar.csv"
"$BIN" solve "$OUT/none" -o "$OUT/plan_none" --quiet --json >"$OUT/n.json" 2>/dev/null
got=$(objective "$OUT/n.json")
near "$got" 79 && ok || ko "without supply_calendar.csv: objective '$got', expected 79"
rm -rf "$OUT"
echo "supply_calendar: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
