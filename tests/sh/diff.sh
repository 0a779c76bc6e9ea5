#!/bin/sh
# diff.sh - `scopt diff PLANDIR1 PLANDIR2` (docs/scenarios.md): two small plans written by
# hand whose differences are known (a purchase changed, one moved to another period, a
# production run removed, a shipment added, a site closed) give exactly those lines, in the
# text and the --csv form; a plan against itself has none; a missing plan is bad input.
BIN=${SCOPT_BIN:-bin/scopt}
OUT=$(mktemp -d)
pass=0; fail=0
ok() { pass=$((pass+1)); }
ko() { fail=$((fail+1)); echo "FAIL diff: $*"; }
has() { if grep -q -- "$2" "$1"; then ok; else ko "$3: no line matching '$2'"; cat "$1"; fi; }

plan() { # DIR: the files every plan has, with headers only
    mkdir -p "$1"
    echo "supplier,item,order_period,arrival_period,quantity,order,cost" > "$1/purchases.csv"
    echo "operation,site,item,start_period,finish_period,quantity,output_quantity,setup,cost" > "$1/production.csv"
    echo "from,to,item,mode,lane_item,ship_period,arrival_period,quantity,vehicles,cost" > "$1/shipments.csv"
    echo "site,open" > "$1/sites.csv"
}
plan "$OUT/a"; plan "$OUT/b"
printf 'S,A,1,1,30,0,30\nS,A,2,2,30,0,30\nS,A,3,3,30,0,30\n' >> "$OUT/a/purchases.csv"
printf 'S,A,1,1,30,0,30\nS,A,2,2,40,0,40\nS,A,4,4,30,0,30\n' >> "$OUT/b/purchases.csv"  # p2 30->40, p3 moved to p4
printf 'MAKE,P,B,1,1,30,30,0,60\n' >> "$OUT/a/production.csv"                             # removed
printf 'P,W,B,truck,,1,1,30,0,30\n' >> "$OUT/a/shipments.csv"
printf 'P,W,B,truck,,1,1,30,0,30\nW,KR_Seoul,B,,,2,2,10,0,10\n' >> "$OUT/b/shipments.csv" # added
printf 'W,1\n' >> "$OUT/a/sites.csv"; printf 'W,0\n' >> "$OUT/b/sites.csv"                # closed
echo '{"status": "optimal", "objective": 700}' > "$OUT/a/summary.json"
echo '{"status": "optimal", "objective": 715}' > "$OUT/b/summary.json"

"$BIN" diff "$OUT/a" "$OUT/b" > "$OUT/text" 2>&1; rc=$?
[ $rc -eq 0 ] && ok || ko "exit $rc"
[ "$(grep -c '^purchases\|^production\|^shipments\|^sites' "$OUT/text")" -eq 9 ] && ok || { ko "expected 5 differences and 4 count lines"; cat "$OUT/text"; }
has "$OUT/text" '^purchases  *changed  *S  A  *period 2  *30 -> 40 (+10)$' "changed purchase"
has "$OUT/text" '^purchases  *moved  *S  A  *period 3 -> 4  *30$' "moved purchase"
has "$OUT/text" '^production  *removed  *MAKE  *period 1  *-30$' "removed run"
has "$OUT/text" '^shipments  *added  *W -> KR_Seoul  B  *period 2  *+10$' "added shipment"
has "$OUT/text" '^sites  *changed  *W  *closed$' "closed site"
has "$OUT/text" '^purchases: 1 changed, 1 moved, 0 added, 0 removed$' "purchase counts"
has "$OUT/text" '^total cost 700.00 -> 715.00 (+15.00)$' "total cost"
"$BIN" diff "$OUT/a" "$OUT/b" --csv > "$OUT/csv"
has "$OUT/csv" '^purchases,moved,S  A,3,4,30,30$' "csv moved"
has "$OUT/csv" '^shipments,added,W -> KR_Seoul  B,0,2,0,10$' "csv added"
[ "$(wc -l < "$OUT/csv")" -eq 6 ] && ok || ko "csv: expected a header and 5 rows"
"$BIN" diff "$OUT/a" "$OUT/a" > "$OUT/same"
has "$OUT/same" '^no differences' "a plan against itself"
"$BIN" diff "$OUT/a" "$OUT/missing" > /dev/null 2>"$OUT/err"; rc=$?
[ $rc -eq 1 ] && ok || ko "missing plan: exit $rc, expected 1"
has "$OUT/err" 'missing/purchases.csv: error: missing plan file' "missing plan message"
printf 'S,A,x,1,30,0,30\n' >> "$OUT/b/purchases.csv"
"$BIN" diff "$OUT/a" "$OUT/b" > /dev/null 2>"$OUT/err"; rc=$?
[ $rc -eq 1 ] && ok || ko "bad number: exit $rc, expected 1"
has "$OUT/err" 'b/purchases.csv:5:3: error: column .order_period.' "bad number message"
rm -rf "$OUT"
echo "diff: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
