#!/bin/sh
# bench_read.sh - reading speed and memory: a dataset whose demand.csv has 1,000,000 rows
# (1000 customers x 50 items x 20 periods) is read and validated by `scopt validate`; prints
# wall time and peak resident memory (getrusage of the child). Goal (issue 3): < 1.5 s, < 300 MB.
BIN=${SCOPT_BIN:-bin/scopt}
D=${BENCH_DIR:-bench/data/read1m}
if [ ! -f "$D/demand.csv" ]; then
    mkdir -p "$D"
    python3 - "$D" <<'PY'
import sys, os
d = sys.argv[1]
items = [f"ITEM_{i:03d}" for i in range(50)]
custs = [f"CUST_{c:04d}" for c in range(1000)]
with open(os.path.join(d, "items.csv"), "w") as f:
    f.write("item,volume\n" + "".join(f"{i},1\n" for i in items))
with open(os.path.join(d, "sites.csv"), "w") as f:
    f.write("site,kind\nSUP,supplier\nDC,warehouse\n" + "".join(f"{c},customer\n" for c in custs))
with open(os.path.join(d, "supply.csv"), "w") as f:
    f.write("supplier,item,unit_cost\n" + "".join(f"SUP,{i},1.5\n" for i in items))
with open(os.path.join(d, "lanes.csv"), "w") as f:
    f.write("from,to,unit_cost\nSUP,DC,0.1\n" + "".join(f"DC,{c},0.25\n" for c in custs))
with open(os.path.join(d, "demand.csv"), "w") as f:
    f.write("customer,item,period,quantity,unmet_penalty\n")
    for c in custs:
        f.write("".join(f"{c},{i},{t},{(hash((c, i, t)) % 97) + 3},50\n" for i in items for t in range(1, 21)))
PY
fi
python3 - "$BIN" "$D" <<'PY'
import resource, subprocess, sys, time
t = time.time()
r = subprocess.run([sys.argv[1], "validate", "--quiet", sys.argv[2]], stdout=subprocess.DEVNULL)
wall = time.time() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
size = sum(1 for _ in open(sys.argv[2] + "/demand.csv")) - 1
print(f"bench-read: {size} demand rows validated in {wall:.2f} s, peak RSS {rss:.0f} MB, exit {r.returncode}")
PY
