#!/usr/bin/env python3
"""clsp_textbook.py - write the textbook capacitated lot-sizing MIP with setup times (Trigeiro,
Thomas & McClain 1989) of a lot-sizing dataset (tests/data/lotsizing/G*) as a CPLEX LP file,
independently of scopt's model, for the cbc comparison of bench/lotsizing.sh:

  min  sum_i sum_t (setup_cost_i * y[i,t] + holding_i * s[i,t])
  s.t. s[i,t-1] + x[i,t] - s[i,t] = d[i,t]              (balance, s[i,0] = initial_i)
       sum_i (usage_i * x[i,t] + setup_usage_i * y[i,t]) <= C_t   (capacity with setup times)
       x[i,t] <= M[i,t] * y[i,t],  M[i,t] = min((C_t - setup_usage_i) / usage_i, d[i,t..T])
       x, s >= 0, y binary

The dataset has one plant with one resource, one operation per item (yield 1, lead time 0),
holding costs in inventory.csv at the plant, demand at customers (all must be met).

usage: clsp_textbook.py DATASET_DIR OUT.lp
"""
import csv
import os
import sys


def rows(d, name):
    path = os.path.join(d, name)
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def num(v, default=0.0):
    return float(v) if v not in (None, "") else default


def read(d):
    T = int(next(r["value"] for r in rows(d, "settings.csv") if r["key"] == "periods"))
    ops = rows(d, "operations.csv")
    plant = ops[0]["site"]
    use = {r["operation"]: r for r in rows(d, "resource_use.csv")}
    res = rows(d, "resources.csv")
    assert len(res) == 1, "one resource expected"
    cap = [num(res[0]["capacity"])] * (T + 1)
    for r in rows(d, "capacity_calendar.csv"):
        cap[int(r["period"])] = num(r["capacity"])
    inv = {r["item"]: r for r in rows(d, "inventory.csv") if r["site"] == plant}
    items = []
    for o in ops:
        i = o["item"]
        assert num(o["yield"], 1) == 1 and int(num(o["lead_time"])) == 0
        dem = [0.0] * (T + 2)
        for r in rows(d, "demand.csv"):
            if r["item"] == i and int(r["period"]) <= T:
                dem[int(r["period"])] += num(r["quantity"])
        u = use[o["operation"]]
        items.append(dict(name=i, sc=num(o["setup_cost"]), h=num(inv.get(i, {}).get("holding_cost")),
                          s0=num(inv.get(i, {}).get("initial")), a=num(u["usage"]), st=num(u["setup_usage"]),
                          d=dem))
    return T, cap, items


def write_lp(T, cap, items, out):
    L = ["Minimize", " cost:"]
    obj = []
    for k, it in enumerate(items):
        for t in range(1, T + 1):
            obj.append(f"+ {it['sc']:g} y_{k}_{t} + {it['h']:g} s_{k}_{t}")
    L += ["  " + o for o in obj]
    L.append("Subject To")
    for k, it in enumerate(items):
        for t in range(1, T + 1):
            prev = f"+ s_{k}_{t - 1} " if t > 1 else ""
            rhs = it["d"][t] - (it["s0"] if t == 1 else 0)
            L.append(f" bal_{k}_{t}: {prev}+ x_{k}_{t} - s_{k}_{t} = {rhs:g}")
    for t in range(1, T + 1):
        terms = " ".join(f"+ {it['a']:g} x_{k}_{t} + {it['st']:g} y_{k}_{t}" for k, it in enumerate(items))
        L.append(f" cap_{t}: {terms} <= {cap[t]:g}")
    for k, it in enumerate(items):
        for t in range(1, T + 1):
            M = min((cap[t] - it["st"]) / it["a"], sum(it["d"][t:T + 1]))
            L.append(f" vub_{k}_{t}: x_{k}_{t} - {max(M, 0):.12g} y_{k}_{t} <= 0")
    L.append("Binaries")
    L += [f" y_{k}_{t}" for k in range(len(items)) for t in range(1, T + 1)]
    L.append("End")
    with open(out, "w") as f:
        f.write("\n".join(L) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    T, cap, items = read(sys.argv[1])
    write_lp(T, cap, items, sys.argv[2])


if __name__ == "__main__":
    main()
