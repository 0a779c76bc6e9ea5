#!/usr/bin/env python3
"""cbc_progress.py - bench helper for bench/lotsizing.sh: run cbc (single thread, gap 0,
wall-clock limit) on an LP/MPS file and print, from its log, the same line as ls_progress.c:
  lp_bound first_plan_s gap1_s final_gap proven_s objective nodes cpu_s
Times come from cbc's own "(T seconds)" stamps: integer solutions are stamped when found, the
best bound only on cbc's periodic "After N nodes" lines, so the time to 1% gap is the first
stamped moment at which the latest incumbent and the latest printed bound are within 1%.
usage: cbc_progress.py FILE TIME_LIMIT
"""
import re
import subprocess
import sys


def parse(log):
    lp = first = gap1 = obj = bound = None
    inc = None
    nodes = 0
    cpu = None
    proven = False
    t_end = None
    for line in log.splitlines():
        m = re.search(r"Continuous objective value is ([-\d.e+]+)", line)
        if m:
            lp = float(m.group(1))
        m = re.search(r"Integer solution of ([-\d.e+]+) .*\(([\d.]+) seconds\)", line)
        if m:
            inc, t = float(m.group(1)), float(m.group(2))
            first = t if first is None else first
        m = re.search(r"best possible ([-\d.e+]+) \(([\d.]+) seconds\)", line)
        if m:
            bound, t = float(m.group(1)), float(m.group(2))
        else:
            t = None
            m = re.search(r"Integer solution of .*\(([\d.]+) seconds\)", line)
            if m:
                t = float(m.group(1))
        if t is not None and gap1 is None and inc is not None and bound is not None:
            if inc - bound <= 0.01 * abs(inc):
                gap1 = t
        if "Result - Optimal solution found" in line:
            proven = True
        m = re.search(r"Objective value:\s+([-\d.e+]+)", line)
        if m:
            obj = float(m.group(1))
        m = re.search(r"Lower bound:\s+([-\d.e+]+)", line)
        if m:
            bound = float(m.group(1))
        m = re.search(r"Enumerated nodes:\s+(\d+)", line)
        if m:
            nodes = int(m.group(1))
        m = re.search(r"Total time \(CPU seconds\):\s+([\d.]+)\s+\(Wallclock seconds\):\s+([\d.]+)", line)
        if m:
            cpu, t_end = float(m.group(1)), float(m.group(2))
    return lp, first, gap1, obj, bound, proven, nodes, cpu, t_end


def fmt(v, f):
    return "-" if v is None else f % v


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cmd = ["cbc", sys.argv[1], "-threads", "0", "-timeMode", "elapsed", "-seconds", sys.argv[2],
           "-ratio", "0", "-allowableGap", "0", "-solve", "-quit"]
    log = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    lp, first, gap1, obj, bound, proven, nodes, cpu, t_end = parse(log)
    if proven and gap1 is None:
        gap1 = t_end
    gap = 0.0 if proven else (None if obj is None or bound is None else 100 * (obj - bound) / abs(obj))
    print(fmt(lp, "%.1f"), fmt(first, "%.2f"), fmt(gap1, "%.2f"), fmt(gap, "%.2f%%"),
          fmt(t_end if proven else None, "%.2f"), fmt(obj, "%.0f"), nodes, fmt(cpu, "%.2f"))


if __name__ == "__main__":
    main()
