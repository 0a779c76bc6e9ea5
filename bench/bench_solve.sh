#!/bin/sh
# bench_solve.sh - scopt against its peers on generated networks (issue 5): for each preset and
# LP/MIP variant, `scopt gen` writes the dataset, `scopt solve` is timed per phase (summary.json)
# with its peak memory, and the same model exported as free MPS is solved by glpsol and by cbc in
# the same script, each run capped. Prints one table: times, ratios scopt/glpsol and scopt/cbc,
# and whether the objectives agree. Usage: bench_solve.sh [PRESETS] (default "S"), CAP seconds
# per solver run in $BENCH_CAP (default 300), MIP gap in $BENCH_GAP (default 1e-4).
BIN=${SCOPT_BIN:-bin/scopt}
PRESETS=${1:-S}
CAP=${BENCH_CAP:-300}
GAP=${BENCH_GAP:-1e-4}
W=${BENCH_WORK:-bench/data/solve}
mkdir -p "$W"
run_timed() { # run_timed OUTFILE cmd... : prints "seconds peak_MB exit"
    out=$1; shift
    python3 - "$out" "$@" <<'PY'
import resource, subprocess, sys, time
t = time.time()
with open(sys.argv[1], "w") as f:
    r = subprocess.run(sys.argv[2:], stdout=f, stderr=subprocess.STDOUT)
print(f"{time.time() - t:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} {r.returncode}")
PY
}
printf '%-8s %-4s %9s %9s %9s %9s %9s %7s %7s %8s %8s %s\n' preset kind columns read+build solve total glpsol cbc "s/glpsol" "s/cbc" scoptMB objectives
for preset in $PRESETS; do
  for kind in lp mip; do
    d="$W/$preset-$kind"
    mip=none; [ $kind = mip ] && mip=all
    [ -f "$d/demand.csv" ] || "$BIN" gen "$d" --preset "$preset" --seed 7 --mip $mip >/dev/null
    set -- $(run_timed "$d.json" timeout $((CAP + 60)) "$BIN" solve "$d" -o "$d.plan" --quiet --json --mip-gap "$GAP" --time-limit "$CAP")
    st=$1; smb=$2
    info=$(python3 -c 'import json,sys
try: d=json.load(open(sys.argv[1]))
except Exception: print("? ? ? ? ?"); sys.exit()
t=d["timings"]; print(d["model"]["columns"], "%.2f" % (t["read"]+t["build"]), "%.2f" % t["solve"], d["status"], d["objective"])' "$d.json")
    set -- $info; cols=$1; rb=$2; sv=$3; status=$4; sobj=$5
    "$BIN" export "$d" --mps "$d.mps" 2>/dev/null
    set -- $(run_timed "$d.glpsol" timeout "$CAP" glpsol --freemps "$d.mps" --mipgap "$GAP" --tmlim "$CAP" -o "$d.glpsol.sol")
    gt=$1; grc=$3
    gobj=$(awk '/^Objective:/ {print $4; exit}' "$d.glpsol.sol" 2>/dev/null)
    set -- $(run_timed "$d.cbc" timeout "$CAP" cbc "$d.mps" -ratio "$GAP" -sec "$CAP" -solve)
    ct=$1
    cobj=$(awk '/Objective value:/ {print $3; exit} /Optimal - objective value/ {print $NF; exit}' "$d.cbc")
    agree=$(python3 -c 'import sys
v=[x for x in sys.argv[1:] if x not in ("", "?", "None")]
try: f=[float(x) for x in v]
except ValueError: print("n/a"); sys.exit()
print("agree" if f and max(f)-min(f) <= 1e-6*max(1,abs(f[0]))+float(sys.argv[0] and 0) else "differ:"+"/".join(v))' "$sobj" "$gobj" "$cobj")
    capped() { python3 -c 'import sys; print("> cap" if float(sys.argv[1]) >= float(sys.argv[2]) - 1 else sys.argv[1])' "$1" "$CAP"; }
    ratio() { python3 -c 'import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print("%.2f" % (a/b) if b > 0 else "-")' "$1" "$2"; }
    printf '%-8s %-4s %9s %9s %9s %9s %9s %7s %7s %8s %8s %s (%s)\n' "$preset" "$kind" "$cols" "$rb" "$sv" "$(capped $st)" \
        "$(capped $gt)" "$(capped $ct)" "$(ratio $st $gt)" "$(ratio $st $ct)" "$smb" "$agree" "$status"
  done
done
