#!/bin/sh
# bench_solve.sh - scopt against its peers on generated networks (issue 5): for each preset and
# LP/MIP variant, `scopt gen` writes the dataset, `scopt solve` is timed per phase (summary.json)
# with its CPU time and peak memory (GNU time), and the same model exported as free MPS is
# solved by glpsol and by cbc in the same script, each run capped. Prints one table: CPU seconds
# (user + sys; wall times swing with the load of a shared machine), "> cap" for a run stopped by
# its cap, ratios scopt/glpsol and scopt/cbc, scopt's own overhead (read + validate + build +
# decode + write, wall seconds) and its share of the solve, peak memory of scopt and glpsol and
# their ratio, GLPK's own peak inside scopt, and whether the objectives agree.
# usage: bench_solve.sh [PRESETS] (default "S"); $BENCH_CAP seconds per solver run (default
# 300), $BENCH_GAP MIP gap (default 1e-4), $BENCH_KINDS (default "lp mip").
BIN=${SCOPT_BIN:-bin/scopt}
PRESETS=${1:-S}
CAP=${BENCH_CAP:-300}
GAP=${BENCH_GAP:-1e-4}
KINDS=${BENCH_KINDS:-"lp mip"}
W=${BENCH_WORK:-bench/data/solve}
mkdir -p "$W"
run_timed() { # run_timed OUT cmd... : prints "wall cpu peak_MB exit" (GNU time of the command itself)
    out=$1; shift
    /usr/bin/time -f "%e %U %S %M %x" -o "$out.time" "$@" > "$out" 2>&1
    awk '{printf "%.2f %.2f %.0f %s\n", $1, $2 + $3, $4 / 1024, $5}' "$out.time" | tail -1
}
py() { python3 -c "$@"; }
capped() { py 'import sys; print("> cap" if float(sys.argv[1]) >= float(sys.argv[2]) - 1 else sys.argv[3])' "$1" "$CAP" "$2"; }
ratio() { py 'import sys; a,b=sys.argv[1:3]; print("%.2f" % (float(a)/float(b)) if b not in ("", "0.00") and a != "" else "-")' "$1" "$2"; }
printf '%-6s %-4s %9s | %8s %8s %8s | %7s %7s | %8s %6s | %7s %7s %5s %7s | %s\n' preset kind columns scoptCPU glpsolCPU cbcCPU \
    "s/glpsol" "s/cbc" overhead share scoptMB glpsolMB ratio glpkMB objectives
for preset in $PRESETS; do
  for kind in $KINDS; do
    d="$W/$preset-$kind"
    mip=none; [ $kind = mip ] && mip=all
    [ -f "$d/demand.csv" ] || "$BIN" gen "$d" --preset "$preset" --seed 7 --mip $mip >/dev/null
    # scopt: its own wall clock stops GLPK at CAP; timeout is the backstop
    set -- $(run_timed "$d.json" timeout $((CAP + 120)) "$BIN" solve "$d" -o "$d.plan" --quiet --json --mip-gap "$GAP" --time-limit "$CAP")
    sw=$1; sc=$2; smb=$3
    set -- $(py 'import json,sys
try: d=json.load(open(sys.argv[1]))
except Exception: print("? ? ? ? ? ?"); sys.exit()
t=d["timings"]; own=t["read"]+t["build"]+t["decode"]+t["write"]
print(d["model"]["columns"], "%.2f" % own, "%.1f%%" % (100*own/t["solve"]) if t["solve"] > 0 else "-",
      d["status"], d["objective"], "%.0f" % d["solver"].get("glpk_peak_mb", 0))' "$d.json")
    cols=$1; own=$2; share=$3; status=$4; sobj=$5; gmb=$6
    [ "$status" = optimal ] || { sc=$(capped "$sw" "$sc"); sobj=""; } # only proven optima are compared
    "$BIN" export "$d" --mps "$d.mps" 2>/dev/null
    set -- $(run_timed "$d.glpsol" timeout $((CAP + 60)) glpsol --freemps "$d.mps" --mipgap "$GAP" --tmlim "$CAP" -o "$d.glpsol.sol")
    gc=$(capped "$1" "$2"); glmb=$3
    gobj=$(awk '/^Objective:/ {print $4; exit}' "$d.glpsol.sol" 2>/dev/null)
    grep -q "^Status: *\(INTEGER \)\{0,1\}OPTIMAL" "$d.glpsol.sol" 2>/dev/null || { gc="> cap"; gobj=""; }
    set -- $(run_timed "$d.cbc" timeout "$CAP" cbc "$d.mps" -ratio "$GAP" -sec "$CAP" -solve)
    cc=$(capped "$1" "$2")
    cobj=$(awk '/Objective value:/ {print $3; exit} /Optimal - objective value/ {print $NF; exit}' "$d.cbc")
    grep -q "^Optimal\|Result - Optimal" "$d.cbc" || { cc="> cap"; cobj=""; }
    agree=$(py 'import sys
v=[x for x in sys.argv[1:] if x not in ("", "?", "None")]
f=[float(x) for x in v]
print("n/a" if len(f) < 2 else "agree" if max(f)-min(f) <= 1e-6*max(1,abs(f[0])) else "differ:"+"/".join(v))' "$sobj" "$gobj" "$cobj")
    num() { case "$1" in "> cap") echo "";; *) echo "$1";; esac; }
    printf '%-6s %-4s %9s | %8s %8s %8s | %7s %7s | %8s %6s | %7s %7s %5s %7s | %s (%s)\n' "$preset" "$kind" "$cols" "$sc" "$gc" "$cc" \
        "$(ratio "$(num "$sc")" "$(num "$gc")")" "$(ratio "$(num "$sc")" "$(num "$cc")")" "$own" "$share" "$smb" "$glmb" \
        "$(ratio "$smb" "$glmb")" "$gmb" "$agree" "$status"
  done
done
