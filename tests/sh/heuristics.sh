#!/bin/sh
# heuristics.sh - scopt's round-up heuristic (solver/glpk_heur.c, docs/heuristics.md) on
# generated MIPs of moderate size (`scopt gen --preset S --mip all`, ~5k columns, 340-470
# integers: setups with min lots and setup times, supplier orders, an optional warehouse,
# vehicles). Solved at --mip-gap 0.05, where the heuristic's first plan at the root is
# already within the gap, so the plan written is the heuristic's. For each dataset:
#   - summary.json says optimal (within the gap) and solver.heuristic_plans >= 1;
#   - `scopt check` accepts the plan (an independent check of every row of section 2b);
#   - its objective is >= the LP bound that glpsol computes on the exported MPS (--nomip), an
#     independent lower bound, and >= scopt's own best bound;
#   - a second run writes byte-identical plan tables (node counts, not the clock, schedule it);
#   - with --mip-strategy glpk (GLPK alone) no plan comes from the heuristic.
# And a time limit that stops branch and cut on a larger one (below).
BIN=${SCOPT_BIN:-bin/scopt}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL heuristics: $*"; }
field() { python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d[k]
print(d)' "$1" "$2"; }
ge() { python3 -c 'import sys; a,b=map(float,sys.argv[1:3]); sys.exit(0 if a >= b - 1e-9*max(1,abs(b)) else 1)' "$1" "$2" 2>/dev/null; }

for case in "4|--periods 6" "4|--periods 8 --customers 10" "5|--periods 6 --items 30"; do
    seed=${case%%|*}; opts=${case#*|}
    d="$OUT/s$seed-$(echo "$opts" | tr -d ' -')"
    name="seed $seed $opts"
    "$BIN" gen "$d" --preset S --mip all --seed "$seed" $opts >/dev/null || { bad "$name: gen failed"; continue; }
    "$BIN" solve "$d" -o "$d.plan" --quiet --json --mip-gap 0.05 > "$d.json" < /dev/null
    rc=$?
    [ $rc -eq 0 ] && [ "$(field "$d.json" status)" = optimal ] && ok || bad "$name: exit $rc, status $(field "$d.json" status)"
    hp=$(field "$d.json" solver.heuristic_plans)
    [ "$hp" -ge 1 ] 2>/dev/null && ok || bad "$name: heuristic_plans = $hp, expected >= 1"
    "$BIN" check "$d" "$d.plan" > "$d.check" 2>&1 && ok || { bad "$name: scopt check rejects the plan"; head -5 "$d.check"; }
    obj=$(field "$d.json" objective)
    "$BIN" export "$d" --mps "$d.mps" 2>/dev/null
    lp=$(timeout 120 glpsol --freemps "$d.mps" --nomip -o "$d.sol" >/dev/null 2>&1; awk '/^Objective:/ {print $4; exit}' "$d.sol")
    ge "$obj" "$lp" && ok || bad "$name: objective $obj below glpsol's LP bound '$lp'"
    ge "$obj" "$(field "$d.json" best_bound)" && ok || bad "$name: objective $obj below the best bound"
    "$BIN" solve "$d" -o "$d.plan2" --quiet --json --mip-gap 0.05 > "$d.json2" < /dev/null
    same=1
    for f in "$d.plan"/*.csv; do cmp -s "$f" "$d.plan2/$(basename "$f")" || same=0; done
    [ $same -eq 1 ] && ok || bad "$name: a second run wrote another plan"
    "$BIN" solve "$d" -o "$d.glpk" --quiet --json --mip-gap 0.05 --mip-strategy glpk --time-limit 2 > "$d.jglpk" < /dev/null
    [ "$(field "$d.jglpk" solver.heuristic_plans)" = 0 ] && ok || bad "$name: --mip-strategy glpk used scopt's heuristic"
done
# the time limit inside branch and cut: stopped at the first callback after it (glp_intopt's own
# cut generators would otherwise start after it), reported as a limit, not as a cancel, with
# the plan found so far; within a second or two of the limit
d="$OUT/s1-limit"
"$BIN" gen "$d" --preset S --mip all --seed 1 >/dev/null
t0=$(date +%s.%N)
"$BIN" solve "$d" -o "$d.plan" --quiet --json --mip-gap 1e-6 --time-limit 3 > "$d.json" < /dev/null
rc=$?
t=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$t0" "$(date +%s.%N)")
[ $rc -eq 3 ] && [ "$(field "$d.json" status)" = feasible ] && ok || bad "time limit: exit $rc, status $(field "$d.json" status), expected 3 and feasible"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 6 else 1)" "$t" && ok || bad "time limit 3 s: the solve took $t s"
"$BIN" check "$d" "$d.plan" > "$d.check" 2>&1 && ok || bad "time limit: scopt check rejects the plan"
echo "heuristics: $pass passed, $fail failed"
[ $fail -eq 0 ]
