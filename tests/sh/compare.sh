#!/bin/sh
# compare.sh - `scopt compare` (docs/scenarios.md). On examples/demo with four scenarios
# (edits, a per-period resource edit, a supplier lost for periods 5-8 (supply_calendar rows),
# an overlay table): every run's objective equals that of
# `scopt solve` on a copy of the demo with the same change written out by hand (same rows in
# the same order, so the same model and the same branch-and-bound path); compare.csv and
# compare.json hold every run with its deltas. On tests/data/scenario/base: the exit code is
# the worst of the runs, a failed run does not stop the others, and the DIR1 DIR2 form.
BIN=${SCOPT_BIN:-bin/scopt}
DEMO=examples/demo
BASE=tests/data/scenario/base
OUT=$(mktemp -d)
pass=0; fail=0
ok() { pass=$((pass+1)); }
ko() { fail=$((fail+1)); echo "FAIL compare: $*"; }
GAP="--mip-gap 0.02"
# objective of run NAME in compare.json $1
cmp_objective() { python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["runs"]:
    if r["name"] == sys.argv[2]: print(repr(r["kpis"]["objective"]) if r["kpis"] else "none")' "$1" "$2"; }
solve_objective() { "$BIN" solve "$1" -o "$OUT/p_$(basename "$1")" --quiet --json $GAP |
    python3 -c 'import json,sys; print(repr(json.load(sys.stdin)["objective"]))'; }
same() { python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(a - b) > 1e-9 * max(1, abs(b)))' "$1" "$2" 2>/dev/null; }

# ---- the scenarios ----
mkdir -p "$OUT/s/korea" "$OUT/s/smt_down" "$OUT/s/sup_lost" "$OUT/s/mcu_price"
printf 'edit\ndemand.quantity *= 1.2 where customer ~ Seoul_*\nsites.optional = 0 where site = DC_Busan\n' \
    > "$OUT/s/korea/scenario.csv"
printf 'resources.capacity = 0 where resource = SMT_LINE and period in 5..6\n' > "$OUT/s/smt_down/scenario.csv"
printf 'supply.capacity = 0 where supplier = SUP_Materials and period in 5..8\n' > "$OUT/s/sup_lost/scenario.csv"
printf 'supplier,item,unit_cost\nSUP_Chips,MCU,4.1\n' > "$OUT/s/mcu_price/supply.csv"
# ---- the same changes by hand ----
for s in korea smt_down sup_lost mcu_price; do mkdir -p "$OUT/h/$s" && cp "$DEMO"/*.csv "$OUT/h/$s/"; done
awk -F, 'BEGIN { OFS = "," } NR > 1 && $1 ~ /^Seoul_/ { $4 = sprintf("%.15g", $4 * 1.2) } { print }' \
    "$DEMO/demand.csv" > "$OUT/h/korea/demand.csv"
sed 's/^DC_Busan,warehouse,\([^,]*\),1,/DC_Busan,warehouse,\1,0,/' "$DEMO/sites.csv" > "$OUT/h/korea/sites.csv"
printf 'SMT_LINE,5,0\nSMT_LINE,6,0\n' >> "$OUT/h/smt_down/capacity_calendar.csv"
# SUP_Materials offers CU_FOIL and RESIN (in that order in supply.csv): 0 in periods 5-8
[ ! -f "$DEMO/supply_calendar.csv" ] || ko "the demo has a supply_calendar.csv: the hand copy below assumes none"
{ echo supplier,item,period,capacity; for i in CU_FOIL RESIN; do for t in 5 6 7 8; do echo "SUP_Materials,$i,$t,0"; done; done; } \
    > "$OUT/h/sup_lost/supply_calendar.csv"
sed 's/^SUP_Chips,MCU,[^,]*,/SUP_Chips,MCU,4.1,/' "$DEMO/supply.csv" > "$OUT/h/mcu_price/supply.csv"
for s in korea smt_down mcu_price; do
    cmp -s "$DEMO/$( [ $s = korea ] && echo demand || ([ $s = smt_down ] && echo capacity_calendar) || echo supply).csv" \
        "$OUT/h/$s/$( [ $s = korea ] && echo demand || ([ $s = smt_down ] && echo capacity_calendar) || echo supply).csv" &&
        ko "the hand-made copy $s does not differ from the demo"
done

"$BIN" compare "$DEMO" --scenario "$OUT/s/korea" --scenario "$OUT/s/smt_down" --scenario "$OUT/s/sup_lost" \
    --scenario "$OUT/s/mcu_price" \
    -o "$OUT/cmp" $GAP --quiet >"$OUT/table.txt" 2>"$OUT/err.txt"
rc=$?
[ $rc -eq 0 ] && ok || { ko "compare on the demo: exit $rc"; head -5 "$OUT/err.txt"; }
want=$(solve_objective "$DEMO")
got=$(cmp_objective "$OUT/cmp/compare.json" base)
same "$got" "$want" && ok || ko "base: compare $got, solve $want"
for s in korea smt_down sup_lost mcu_price; do
    want=$(solve_objective "$OUT/h/$s")
    got=$(cmp_objective "$OUT/cmp/compare.json" $s)
    same "$got" "$want" && ok || ko "$s: compare's objective $got, scopt solve on the change by hand $want"
    [ -f "$OUT/cmp/$s/summary.json" ] && [ -f "$OUT/cmp/$s/shipments.csv" ] && ok || ko "$s: no plan in OUTDIR/$s/"
done
grep -q "^total cost" "$OUT/table.txt" && grep -q "korea" "$OUT/table.txt" && ok || { ko "no KPI table on stdout"; head -3 "$OUT/table.txt"; }
# compare.csv: a header and 4 runs; the delta of each run is its objective minus the base's
python3 - "$OUT/cmp/compare.csv" <<'EOF' && ok || ko "compare.csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert [r["run"] for r in rows] == ["base", "korea", "smt_down", "sup_lost", "mcu_price"], rows
base = float(rows[0]["objective"])
for r in rows:
    assert r["exit_code"] == "0" and r["status"] in ("optimal", "feasible"), r
    assert abs(float(r["delta_objective"]) - (float(r["objective"]) - base)) < 1e-6 * base, r
    for k in ("fill_rate", "lost_units", "late_units", "inventory_value", "open_sites", "busiest_1", "purchase"):
        assert r[k] != "", (k, r)
# losing a supplier for four weeks costs something
assert float(rows[3]["delta_objective"]) > 0, rows[3]
EOF
# and the plan of sup_lost buys nothing from SUP_Materials in periods 5-8
awk -F, 'NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k; next }
    $1 == "SUP_Materials" && $col["order_period"] >= 5 && $col["order_period"] <= 8 && $col["quantity"] > 0 { bad = 1 }
    END { exit bad }' \
    "$OUT/cmp/sup_lost/purchases.csv" && ok || ko "sup_lost buys from SUP_Materials in periods 5-8"

# ---- exit codes: the worst of the runs; a failed run does not stop the others ----
mkdir -p "$OUT/t/good" "$OUT/t/infeasible" "$OUT/t/bad"
printf 'demand.quantity *= 1.5 where customer ~ KR_*\n' > "$OUT/t/good/scenario.csv"
# 50 units at W, storage 10, at most 30 can leave in period 1: infeasible
printf 'site,item,initial\nW,B,50\n' > "$OUT/t/infeasible/inventory.csv"
printf 'sites.storage_capacity = 10 where site = W\nsites.optional = 0 where site = W\n' > "$OUT/t/infeasible/scenario.csv"
printf 'demnd.quantity *= 2\n' > "$OUT/t/bad/scenario.csv"
"$BIN" compare "$BASE" --scenario "$OUT/t/good" --scenario "$OUT/t/infeasible" -o "$OUT/c2" --quiet >/dev/null 2>"$OUT/e2"
rc=$?
[ $rc -eq 2 ] && ok || ko "an infeasible run: exit $rc, expected 2"
"$BIN" compare "$BASE" --scenario "$OUT/t/good" --scenario "$OUT/t/infeasible" --scenario "$OUT/t/bad" -j 3 \
    -o "$OUT/c3" --quiet >/dev/null 2>"$OUT/e3"
rc=$?
[ $rc -eq 1 ] && ok || ko "a bad scenario: exit $rc, expected 1"
grep -q "^\[bad\] .*scenario.csv:1:1: error: unknown table 'demnd'" "$OUT/e3" && ok || { ko "the bad run's error is not shown"; cat "$OUT/e3"; }
# the good run was solved anyway: (15 + 15 + 10) * 4 = 160 units * 5 + 100 = 900
got=$(cmp_objective "$OUT/c3/compare.json" good)
same "$got" 900 && ok || ko "good run next to failed ones: objective $got, expected 900"
[ "$(cmp_objective "$OUT/c3/compare.json" infeasible)" = none ] && [ ! -d "$OUT/c3/infeasible" ] && ok ||
    ko "the infeasible run has KPIs or a plan directory"
# ---- the DIR1 DIR2 form: names from the directories, deltas against the first ----
mkdir -p "$OUT/d/cheaper" && cp "$BASE"/*.csv "$OUT/d/cheaper/"
sed 's/^S,A,1$/S,A,0.5/' "$BASE/supply.csv" > "$OUT/d/cheaper/supply.csv"   # 120 units * 0.5 less: 640
"$BIN" compare "$BASE" "$OUT/d/cheaper" -o "$OUT/c4" --quiet > "$OUT/t4" 2>&1
rc=$?
[ $rc -eq 0 ] && same "$(cmp_objective "$OUT/c4/compare.json" cheaper)" 640 && same "$(cmp_objective "$OUT/c4/compare.json" base)" 700 &&
    grep -q "640.00 (-60.00)" "$OUT/t4" && ok || { ko "DIR1 DIR2: exit $rc"; head -5 "$OUT/t4"; }
# ---- usage ----
"$BIN" compare "$BASE" >/dev/null 2>&1; [ $? -eq 1 ] && ok || ko "one dataset without --scenario is not a usage error"
"$BIN" compare "$BASE" --scenario "$OUT/t/good" --jobs 0 >/dev/null 2>&1; [ $? -eq 1 ] && ok || ko "--jobs 0 accepted"
rm -rf "$OUT"
echo "compare: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
