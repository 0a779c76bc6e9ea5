#!/bin/sh
# bad_input.sh - the bad-input corpus of issue 3. Each directory of tests/data/bad/ is a small
# dataset with one defect and a file 'expected' holding the first error line that
# `scopt validate` must print, the dataset's path written as DATASET. Every case must exit 1
# (not crash, not hang) with exactly that first error line. Cases too big or too odd to
# commit (a 1 MB cell, 10^6 columns, an unreadable file, a FIFO) are made here in a temp dir
# from tests/data/bad/valid_base, a valid dataset that must stay valid.
# SCOPT_BIN=path runs another binary (make test-san runs a sanitizer build).
BIN=${SCOPT_BIN:-bin/scopt}
CORPUS=tests/data/bad
BASE=$CORPUS/valid_base
pass=0
fail=0
skip=0
tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

failed() {
    fail=$((fail + 1))
    echo "FAIL $1: $2"
}

# run NAME DIR: validate DIR into $tmp/err; sets rc; 1 when it crashed, hung or tripped a sanitizer
run() {
    timeout 20 "$BIN" validate "$2" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 124 ]; then failed "$1" "did not finish in 20 s"; return 1; fi
    if [ "$rc" -ge 128 ]; then failed "$1" "crashed (exit $rc)"; sed -n 1,20p "$tmp/err"; return 1; fi
    if grep -q -e 'Sanitizer' -e 'runtime error:' "$tmp/err"; then
        failed "$1" "sanitizer report"; sed -n 1,30p "$tmp/err"; return 1
    fi
    return 0
}

# check NAME DIR EXPECTED [COUNT]: exit 1 and EXPECTED (with DATASET for DIR) as the first
# error line; COUNT: the number of error lines (no cascade of follow-up errors)
check() {
    run "$1" "$2" || return
    want="$2${3#DATASET}"
    got=$(sed -n '/: error: /{p;q;}' "$tmp/err")
    if [ "$rc" -ne 1 ]; then failed "$1" "exit $rc, expected 1"; echo "  want: $want"; return; fi
    if [ "$got" != "$want" ]; then
        failed "$1" "wrong first error"
        echo "  want: $want"
        echo "  got:  $got"
        return
    fi
    n=$(grep -c ': error: ' "$tmp/err")
    if [ -n "$4" ] && [ "$n" -ne "$4" ]; then failed "$1" "$n errors, expected $4"; return; fi
    pass=$((pass + 1))
}

# copy NAME: a fresh copy of the valid base dataset at $tmp/NAME
copy() {
    rm -rf "${tmp:?}/$1"
    cp -R "$BASE" "$tmp/$1"
    rm -f "$tmp/$1/expected"
}

if [ ! -x "$BIN" ]; then echo "bad_input: $BIN not built"; echo "bad_input: 0 passed, 1 failed"; exit 1; fi

# the base the generated cases start from must itself be valid
if run valid_base "$BASE"; then
    if [ "$rc" -eq 0 ]; then pass=$((pass + 1)); else failed valid_base "exit $rc, expected 0"; sed -n 1,5p "$tmp/err"; fi
fi

for d in "$CORPUS"/*/; do
    d=${d%/}
    [ -f "$d/expected" ] || continue
    check "$(basename "$d")" "$d" "$(cat "$d/expected")"
done

# a 1 MB cell (the limit is 64 KB)
copy big_cell
dd if=/dev/zero bs=1024 count=1024 2>/dev/null | tr '\0' x >"$tmp/cell"
{ echo "item,description,unit,volume,value"; echo "RAW,raw material,kg,1,2"
  printf 'WIDGET,'; cat "$tmp/cell"; echo ",pcs,2,10"; } >"$tmp/big_cell/items.csv"
check big_cell "$tmp/big_cell" "DATASET/items.csv:3:2: error: cell is 1048576 bytes long; expected at most 65536 bytes"

# 10^6 columns in a data row, then in the header (the limit is 1024)
copy many_columns
awk 'BEGIN { print "customer,item,period,quantity,unmet_penalty,backorder_cost"
             print "CUST,WIDGET,1,4,50,"
             for (i = 1; i < 1000000; i++) printf "1,"; print "1" }' >"$tmp/many_columns/demand.csv"
check many_columns "$tmp/many_columns" "DATASET/demand.csv:3:1025: error: record has more than 1024 fields; expected at most 1024"
copy many_columns_header
awk 'BEGIN { printf "item"; for (i = 1; i < 1000000; i++) printf ",c%d", i; print ""
             print "RAW" }' >"$tmp/many_columns_header/items.csv"
check many_columns_header "$tmp/many_columns_header" "DATASET/items.csv:1:1025: error: record has more than 1024 fields; expected at most 1024" 1

# a CRLF line end split by the reader's 256 KB chunks: byte 262143 is a CR, 262144 its LF
copy chunk_crlf
awk 'BEGIN { printf "item,description,unit,volume,value\r\n"
             for (k = 0; k <= 15417; k++) printf "I%06d,%s,u,1,1\r\n", k, k ? "d" : "dxxx"
             printf "RAW,r,u,1,1\r\nWIDGET,w,u,bad,1\r\n" }' >"$tmp/chunk_crlf/items.csv"
check chunk_crlf "$tmp/chunk_crlf" "DATASET/items.csv:15421:4: error: column 'volume': value \"bad\" is not a number; expected a number >= 0 (like 12 or 0.5)"

# a file that cannot be read (root reads anything: skipped then)
copy unreadable
chmod 000 "$tmp/unreadable/sites.csv"
if [ -r "$tmp/unreadable/sites.csv" ]; then
    skip=$((skip + 1))
    echo "note: unreadable skipped: running as $(id -un 2>/dev/null || echo root), who can read a chmod 000 file"
else
    check unreadable "$tmp/unreadable" "DATASET/sites.csv: error: cannot open file: Permission denied; expected a readable CSV file"
fi

# a FIFO where a file should be (opening it would wait for a writer forever)
copy fifo
rm "$tmp/fifo/demand.csv"
if mkfifo "$tmp/fifo/demand.csv" 2>/dev/null; then
    check fifo "$tmp/fifo" "DATASET/demand.csv: error: is not a regular file; expected a CSV file"
else
    skip=$((skip + 1)); echo "note: fifo skipped: mkfifo failed"
fi

# no dataset directory at all, or a file given as the dataset
check no_dataset "$tmp/no_such_dir" "DATASET: error: cannot open dataset: No such file or directory; expected a directory of CSV files"
check dataset_is_file "$BASE/items.csv" "DATASET: error: cannot open dataset: Not a directory; expected a directory of CSV files"

# a 2000-byte site name in a warning (demand that no chain reaches names its lanes' sites):
# valid input whose message must stay within its buffer
copy long_names
long=$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "W" }')
printf 'site,kind\nSUP,supplier\nPLANT,plant\n%s,warehouse\nCUST,customer\n' "$long" >"$tmp/long_names/sites.csv"
printf 'from,to\nSUP,PLANT\n%s,CUST\n' "$long" >"$tmp/long_names/lanes.csv"
printf 'site,item\n' >"$tmp/long_names/inventory.csv"
printf 'site,item,period,quantity\n' >"$tmp/long_names/receipts.csv"
if run long_names "$tmp/long_names"; then
    if [ "$rc" -eq 0 ] && grep -q "cannot be met" "$tmp/err"; then pass=$((pass + 1))
    else failed long_names "exit $rc, expected 0 with a 'cannot be met' warning"; sed -n 1,5p "$tmp/err" | cut -c1-200; fi
fi

if [ "$skip" -gt 0 ]; then
    echo "bad_input: $pass passed, $fail failed, $skip skipped"
else
    echo "bad_input: $pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
