#!/bin/sh
# scenario.sh - `scopt solve BASE --scenario S` (docs/scenarios.md): every form of the edit
# language and of the table overlays on the tiny dataset tests/data/scenario/base, each
# optimum worked out by hand in the comment above it; bad edits and bad overlays give
# file:line:col errors and exit 1; the base dataset is never modified.
#
# The base: S sells A at 1; MAKE at plant P turns 1 A into 1 B at 2, using 1 of LINE
# (capacity 100 per period); lanes S->P 0, P->W 1 (capacity 1000), W->each customer 1.
# Customers KR_Seoul, KR_Busan, JP_Tokyo want 10 B in each of periods 1..4 (lost sales,
# penalty 100). Warehouse W is optional with fixed cost 100. Holding B at P or W costs 0.5.
# A delivered unit costs 1 + 2 + 1 + 1 = 5 and W is opened (100 < losing 120 units):
# optimum = 120 * 5 + 100 = 700, nothing held.
BIN=${SCOPT_BIN:-bin/scopt}
BASE=tests/data/scenario/base
OUT=$(mktemp -d)
mkdir "$OUT/tmp" && export TMPDIR="$OUT/tmp"   # where the materialised scenarios go (and must leave)
pass=0; fail=0
ok() { pass=$((pass+1)); }
ko() { fail=$((fail+1)); echo "FAIL scenario: $*"; }
before=$(cat "$BASE"/*.csv | cksum)

# solve the scenario $OUT/NAME and compare the objective with EXPECTED
check_objective() { # NAME EXPECTED
    "$BIN" solve "$BASE" --scenario "$OUT/$1" -o "$OUT/plan_$1" --quiet --json --mip-gap 0 >"$OUT/$1.json" 2>"$OUT/$1.err"
    rc=$?
    got=$(sed -n 's/^ *"objective": \([^,]*\),*$/\1/p' "$OUT/$1.json")
    if [ $rc -eq 0 ] && awk -v a="$got" -v b="$2" 'BEGIN { d = a - b; exit !(d < 1e-6 && d > -1e-6) }'; then ok
    else ko "$1: exit $rc, objective '${got}', expected $2"; head -3 "$OUT/$1.err"; fi
}
# a scenario of edits only
edits() { # NAME EXPECTED EDIT...
    name=$1; want=$2; shift 2
    mkdir -p "$OUT/$name"
    printf 'edit\n' > "$OUT/$name/scenario.csv"
    for e in "$@"; do printf '%s\n' "$e" >> "$OUT/$name/scenario.csv"; done
    check_objective "$name" "$want"
}
# a scenario that must be refused: exit 1 and the expected first message on stderr
bad() { # NAME PATTERN (the scenario dir $OUT/NAME is prepared)
    "$BIN" solve "$BASE" --scenario "$OUT/$1" -o "$OUT/plan_$1" --quiet >/dev/null 2>"$OUT/$1.err"
    rc=$?
    if [ $rc -eq 1 ] && grep -q "$2" "$OUT/$1.err"; then ok
    else ko "$1: exit $rc, stderr lacks '$2'"; head -3 "$OUT/$1.err"; fi
    [ -d "$OUT/plan_$1" ] && ko "$1: a plan was written for a refused scenario"
}
bad_edit() { # NAME PATTERN EDIT
    mkdir -p "$OUT/$1"
    printf 'edit\n%s\n' "$3" > "$OUT/$1/scenario.csv"
    bad "$1" "$2"
}

# ---- the edit language: operators ----
# *= with a glob: KR customers want 15 a period: (15 + 15 + 10) * 4 = 160 units * 5 + 100 = 900
edits mul_glob 900 'demand.quantity *= 1.5 where customer ~ KR_*'
# /= with a negated glob: JP_Tokyo wants 5 a period: 100 units * 5 + 100 = 600
edits div_nglob 600 'demand.quantity /= 2 where customer !~ KR_*'
# += with = and a period range: Tokyo +5 in periods 3 and 4: 130 units * 5 + 100 = 750
edits add_range 750 'demand.quantity += 5 where customer = JP_Tokyo and period in 3..4'
# -= with != and >=: the KR customers want 0 in periods 3, 4: 80 units * 5 + 100 = 500
edits sub_ne_ge 500 'demand.quantity -= 10 where customer != JP_Tokyo and period >= 3'
# = with a list and <: Seoul and Tokyo want 0 in period 1: 100 units * 5 + 100 = 600
edits set_list_lt 600 "demand.quantity = 0 where customer in (KR_Seoul, 'JP_Tokyo') and period < 2"
# > : period 4 doubled: 150 units * 5 + 100 = 850
edits gt 850 'demand.quantity *= 2 where period > 3'
# <= and the spaced range form: period 1 zeroed: 90 units * 5 + 100 = 550
edits le 550 'demand.quantity *= 0 where period <= 1 and period in 1 .. 4'
# no where: every offer costs 1 more: 700 + 120 = 820
edits no_where 820 'supply.unit_cost += 1'
# a text cell (settings value, its key matched case-insensitively): 3 periods, 90 units: 450 + 100 = 550
edits settings_text 550 'settings.value = 3 where key = PERIODS'
# an empty (unlimited) lane capacity set: Seoul gets at most 5 a period, 20 lost at 100:
# 100 units * 5 + 2000 + 100 = 2600
edits set_unlimited 2600 'lanes.capacity = 5 where from = W and to = KR_Seoul'
# arithmetic on an unlimited cell leaves it unlimited: 700
edits scale_unlimited 700 'lanes.capacity *= 2'
# a fixed cost of 20000 closes W: all 120 units lost at 100 = 12000
edits fixed_cost 12000 'sites.fixed_cost = 20000 where site = W'
# and optional = 0 forces W open: 600 + 20000 = 20600 (edits apply in order)
edits optional_off 20600 'sites.fixed_cost = 20000 where site = W' 'sites.optional = 0 where site = W'
# delete: no lane to KR_Busan, its 40 units lost: 80 * 5 + 40 * 100 + 100 = 4500
edits delete_rows 4500 'delete lanes where to = KR_Busan'
# ---- per-period capacity of a resource: capacity_calendar rows ----
# LINE 20 in periods 2, 3 (30 wanted): 10 more are made in period 1 for each, held at 0.5:
# stock 20 after period 1, 10 after period 2: 700 + (20 + 10) * 0.5 = 715
edits calendar_set 715 'resources.capacity = 20 where resource = LINE and period in 2..3'
# scaled from resources.capacity in period 2 only: 100 * 0.2 = 20: 700 + 10 * 0.5 = 705
edits calendar_scale 705 'resources.capacity *= 0.2 where resource = LINE and period = 2'
# a second edit of the same periods edits the calendar row the first one made:
# 20 in period 2, then +5 = 25: 5 made early, held one period: 700 + 2.5 = 702.5
edits calendar_twice 702.5 'resources.capacity = 20 where resource = LINE and period = 2' \
    'resources.capacity += 5 where resource = LINE and period = 2'
# ---- per-period capacity of an offer: supply_calendar rows ----
# S's offer of A (unlimited in supply.csv) 20 in periods 1 and 2: nothing earlier to buy from,
# 10 units lost in each (lost sales): 100 units * 5 + 20 * 100 + 100 = 2600
edits supply_cal_set 2600 'supply.capacity = 20 where supplier = S and period in 1..2'
# arithmetic on an unlimited capacity leaves it unlimited (no calendar row): 700
edits supply_cal_unlimited 700 'supply.capacity *= 0.5 where supplier = S and period = 1'
# the second edit changes the calendar row the first made: 15 in period 1, 15 lost:
# 105 * 5 + 1500 + 100 = 2125
edits supply_cal_twice 2125 'supply.capacity = 20 where supplier = S and period <= 1' \
    'supply.capacity -= 5 where supplier = S and period = 1'
# starting from supply.csv's capacity (an overlay makes it 40: 10 spare a period): lost in
# period 3 (= 0): 20 bought early in periods 1-2 and held as A at S (no holding cost there),
# 10 lost: 110 * 5 + 1000 + 100 = 1650
mkdir -p "$OUT/supply_cal_lost" "$OUT/supply_cal_scaled"
for d in supply_cal_lost supply_cal_scaled; do printf 'supplier,item,capacity\nS,A,40\n' > "$OUT/$d/supply.csv"; done
printf 'supply.capacity = 0 where supplier = S and period = 3\n' > "$OUT/supply_cal_lost/scenario.csv"
check_objective supply_cal_lost 1650
# scaled: 40 * 0.25 = 10 in periods 3 and 4, where 60 are wanted: 20 bought there, 20 bought
# early with the spare of periods 1-2 (held free), 20 lost: 100 * 5 + 2000 + 100 = 2600
printf 'supply.capacity *= 0.25 where supplier = S and period >= 3\n' > "$OUT/supply_cal_scaled/scenario.csv"
check_objective supply_cal_scaled 2600
# an edit starts from the calendar's value where a row exists (here from an overlay), else from
# the table's capacity: A 20 in period 1 (calendar) * 0.5 = 10, 20 lost; period 2 stays
# unlimited (supply.csv has no capacity): 100 * 5 + 2000 + 100 = 2600
mkdir -p "$OUT/supply_cal_from_row"
printf 'supplier,item,period,capacity\nS,A,1,20\n' > "$OUT/supply_cal_from_row/supply_calendar.csv"
printf 'supply.capacity *= 0.5 where supplier = S and period in 1..2\n' > "$OUT/supply_cal_from_row/scenario.csv"
check_objective supply_cal_from_row 2600
# the same for a resource: LINE 40 in period 2 (calendar) * 0.5 = 20, period 3 100 * 0.5 = 50:
# 10 made early for period 2, held at 0.5: 700 + 5 = 705
mkdir -p "$OUT/calendar_from_row"
printf 'resource,period,capacity\nLINE,2,40\n' > "$OUT/calendar_from_row/capacity_calendar.csv"
printf 'resources.capacity *= 0.5 where resource = LINE and period in 2..3\n' > "$OUT/calendar_from_row/scenario.csv"
check_objective calendar_from_row 705
# quoted lines (a one-column CSV from a spreadsheet) and comments:
# "" is a quote inside the line: KR_Busan +10 in period 1: 130 * 5 + 100 = 750
edits quoted_line 750 '# a comment line' '"demand.quantity += 10 where customer = ""KR_Busan"" and period = 1"'

# ---- tables laid over the base ----
# a row replacing the base row of its key, the columns it lacks (unmet_penalty) kept:
# Tokyo wants 30 in period 2: 140 units * 5 + 100 = 800
mkdir -p "$OUT/overlay_replace"
printf 'customer,item,period,quantity\nJP_Tokyo,B,2,30\n' > "$OUT/overlay_replace/demand.csv"
check_objective overlay_replace 800
# new rows in three tables: customer KR_Daegu, a lane at 3, 10 units in period 1:
# 10 * (1 + 2 + 1 + 3) = 70 more: 770
mkdir -p "$OUT/overlay_add"
printf 'site,kind\nKR_Daegu,customer\n' > "$OUT/overlay_add/sites.csv"
printf 'from,to,unit_cost\nW,KR_Daegu,3\n' > "$OUT/overlay_add/lanes.csv"
printf 'customer,item,period,quantity,unmet_penalty\nKR_Daegu,B,1,10,100\n' > "$OUT/overlay_add/demand.csv"
check_objective overlay_add 770
# delete = 1 removes the base row of the key: as delete_rows, 4500
mkdir -p "$OUT/overlay_delete"
printf 'from,to,item,mode,delete\nW,KR_Busan,,,1\n' > "$OUT/overlay_delete/lanes.csv"
check_objective overlay_delete 4500
# the overlay first, then the edits: Tokyo 30 in period 2, doubled = 60: 170 * 5 + 100 = 950
mkdir -p "$OUT/overlay_then_edit"
printf 'customer,item,period,quantity\nJP_Tokyo,B,2,30\n' > "$OUT/overlay_then_edit/demand.csv"
printf 'demand.quantity *= 2 where customer = JP_Tokyo and period = 2\n' > "$OUT/overlay_then_edit/scenario.csv"
check_objective overlay_then_edit 950

# ---- bad edits: file:line:col, exit 1 ----
bad_edit unknown_table 'scenario.csv:2:1: error: unknown table .demnd. (did you mean .demand.' 'demnd.quantity *= 2'
bad_edit unknown_column 'scenario.csv:2:8: error: demand.csv has no column .quantiy.' 'demand.quantiy *= 2'
bad_edit no_number 'scenario.csv:2:20: error: .abc. is not a number' 'demand.quantity *= abc'
bad_edit text_arith 'scenario.csv:2:20: error: column .customer. holds names' 'demand.customer *= 2'
bad_edit negative_set 'scenario.csv:2:19: error: .-3. is not a number >= 0' 'demand.quantity = -3'
bad_edit empty_required 'scenario.csv:2:14: error: .. would empty the required column .kind.' "sites.kind = ''"
bad_edit bad_range 'scenario.csv:2:38: error: bad range' 'demand.quantity *= 2 where period in 4..1'
bad_edit bad_op 'scenario.csv:2:17: error: .==. after demand.quantity' 'demand.quantity == 2'
# == in a condition is read as =: Tokyo doubled in period 1: 130 * 5 + 100 = 750
edits double_equals 750 'demand.quantity *= 2 where customer == JP_Tokyo and period == 1'
bad_edit if_not_where 'scenario.csv:2:22: error: .if. after the edit; expected where' 'demand.quantity *= 2 if period = 1'
bad_edit div_zero 'scenario.csv:2:20: error: division by zero' 'demand.quantity /= 0'
bad_edit period_lanes 'scenario.csv:2:39: error: lanes.csv has no period column' \
    'lanes.capacity = 0 where from = W and period in 2..3'
bad_edit period_supply_cost 'scenario.csv:2:45: error: supply.csv has no period column' \
    'supply.unit_cost = 0 where supplier = S and period = 2'
bad_edit period_unlimited "scenario.csv:2:45: error: '' (unlimited) cannot be the capacity of single periods" \
    "supply.capacity = '' where supplier = S and period = 2"
bad_edit unterminated "scenario.csv:2:38: error: unterminated '...' text" "demand.quantity = 1 where customer = 'KR"
bad_edit not_target 'scenario.csv:2:1: error: .quantity. is not TABLE.COLUMN' 'quantity *= 2'
# a value made invalid by an edit: the reader's message at the base row, naming the edit
bad_edit negative_result 'base/demand.csv:2:4: error: column .quantity.: value "-10" is negative.*after the edit at .*scenario.csv:2' \
    'demand.quantity *= -1 where customer = KR_Seoul and period = 1'
# overlays
mkdir -p "$OUT/overlay_no_key"
printf 'customer,item,quantity\nJP_Tokyo,B,30\n' > "$OUT/overlay_no_key/demand.csv"
bad overlay_no_key "overlay_no_key/demand.csv:1:0: error: missing key column 'period'"
mkdir -p "$OUT/overlay_bad_delete"
printf 'from,to,delete\nW,KR_Busan,yes\n' > "$OUT/overlay_bad_delete/lanes.csv"
bad overlay_bad_delete "overlay_bad_delete/lanes.csv:2:3: error: column 'delete'"
mkdir -p "$OUT/overlay_delete_unknown"
printf 'from,to,delete\nW,Nowhere,1\n' > "$OUT/overlay_delete_unknown/lanes.csv"
bad overlay_delete_unknown "overlay_delete_unknown/lanes.csv:2:3: error: delete = 1 but no row"
# an overlay row the reader refuses is reported at its own line
mkdir -p "$OUT/overlay_unknown_site"
printf 'customer,item,period,quantity,unmet_penalty\nKR_Daegu,B,1,10,100\n' > "$OUT/overlay_unknown_site/demand.csv"
bad overlay_unknown_site "overlay_unknown_site/demand.csv:2:1: error: unknown site 'KR_Daegu'"
# a missing scenario directory
bad missing_dir "missing_dir: error: cannot open scenario"

# an edit that matches nothing is a warning, not an error
edits no_match 700 'demand.quantity *= 2 where customer = Nobody'
"$BIN" solve "$BASE" --scenario "$OUT/no_match" -o "$OUT/p" 2>&1 >/dev/null |
    grep -q "no_match/scenario.csv:2:1: warning: the edit matches no row of demand.csv" && ok || ko "no warning for an edit matching nothing"
[ "$(cat "$BASE"/*.csv | cksum)" = "$before" ] && ok || ko "the base dataset was modified"
[ -z "$(ls "$OUT/tmp")" ] && ok || ko "a temporary scenario directory was left behind: $(ls "$OUT/tmp")"
rm -rf "$OUT"
echo "scenario: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
