# json_field.sh - sourced by the benchmark scripts: field FILE a.b.c prints that value of a JSON
# file (a summary.json), "-" when the file or the key is missing.
field() { python3 -c 'import json,sys
try:
    d=json.load(open(sys.argv[1]))
    for k in sys.argv[2].split("."): d=d[k]
    print(d)
except Exception: print("-")' "$1" "$2"; }
