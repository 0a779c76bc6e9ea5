#!/usr/bin/env python3
"""make_demo.py - writes the examples/demo dataset: a quarter (13 weeks) of an electronics
supply chain in Korea and Japan. Deterministic (fixed seed, Python standard library only):
running it again rewrites the same CSV files byte for byte.

    python3 examples/demo/make_demo.py            # writes next to this script
    python3 examples/demo/make_demo.py OUTDIR     # writes into OUTDIR

The network (see README.md): 4 suppliers -> SMT plant (bare PCBs, board assembly) ->
assembly plant (trackers, home hub) -> 3 distribution centres (DC_Busan optional) ->
25 retail and distributor customers.
"""
import csv
import os
import random
import sys

SEED = 20250303
WEEKS = 13
START = "2025-03-03"          # a Monday; week 10 starts on Children's Day, 2025-05-05

rng = random.Random(SEED)


def money(x):
    return round(x, 2)


def write(outdir, name, header, rows):
    with open(os.path.join(outdir, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


# --------------------------------------------------------------------------------------
# Items: volume is the packed volume in litres (trucks, containers, DC storage).
ITEMS = [
    # item, description, unit, volume, value
    ("CU_FOIL", "copper foil 35 um, 1 m2 sheet", "m2", 0.5, 8.5),
    ("RESIN", "FR-4 epoxy resin", "kg", 1.0, 5.2),
    ("MCU", "microcontroller, Cortex-M4", "pcs", 0.01, 3.9),
    ("PMIC", "power management IC", "pcs", 0.01, 0.85),
    ("PASSIVE_KIT", "passives kit per board (R, C, L, connectors)", "kit", 0.02, 0.3),
    ("DISPLAY", "1.3 inch OLED display", "pcs", 0.05, 9.5),
    ("BATTERY", "Li-Po cell 300 mAh", "pcs", 0.03, 3.1),
    ("HOUSING_TRK", "tracker housing with strap", "pcs", 0.2, 2.4),
    ("HOUSING_HUB", "hub enclosure", "pcs", 1.2, 5.5),
    ("PCB_BARE", "4-layer bare PCB", "pcs", 0.05, 1.9),
    ("PCBA_TRK", "tracker main board (assembled)", "pcs", 0.05, 11.0),
    ("PCBA_HUB", "hub main board (assembled)", "pcs", 0.2, 19.0),
    ("TRK_LITE", "fitness tracker Lite, retail box", "pcs", 1.2, 49.0),
    ("TRK_PRO", "fitness tracker Pro with OLED, retail box", "pcs", 1.5, 89.0),
    ("HUB_HOME", "smart home hub, retail box", "pcs", 4.5, 129.0),
]
VOL = {i[0]: i[3] for i in ITEMS}
FG = ["TRK_LITE", "TRK_PRO", "HUB_HOME"]

# --------------------------------------------------------------------------------------
# Customers: name, region, size factor, products, backorders accepted
CUSTOMERS = [
    ("Seoul_Yongsan", "north", 1.4, FG, False),
    ("Seoul_Gangnam", "north", 1.3, FG, False),
    ("Seoul_Mapo", "north", 0.8, ["TRK_LITE", "TRK_PRO"], False),
    ("Incheon_Songdo", "north", 0.9, FG, False),
    ("Suwon", "north", 0.9, ["TRK_LITE", "HUB_HOME"], False),
    ("Seongnam_Pangyo", "north", 1.0, FG, False),
    ("Goyang_Ilsan", "north", 0.7, ["TRK_LITE", "TRK_PRO"], False),
    ("KR_Online_Store", "north", 2.0, FG, True),
    ("Daejeon", "central", 0.8, FG, False),
    ("Cheongju", "central", 0.5, ["TRK_LITE", "HUB_HOME"], False),
    ("Busan_Seomyeon", "south", 1.1, FG, False),
    ("Busan_Haeundae", "south", 0.8, ["TRK_LITE", "TRK_PRO"], False),
    ("Ulsan", "south", 0.7, FG, False),
    ("Changwon", "south", 0.6, ["TRK_LITE", "HUB_HOME"], False),
    ("Daegu", "south", 1.0, FG, False),
    ("Gwangju", "central", 0.7, FG, False),
    ("Pohang", "south", 0.4, ["TRK_LITE"], False),
    ("Tokyo_Akihabara", "jp_east", 1.3, FG, False),
    ("Tokyo_Shinjuku", "jp_east", 1.0, ["TRK_LITE", "TRK_PRO"], False),
    ("Yokohama", "jp_east", 0.7, FG, False),
    ("Saitama", "jp_east", 0.5, ["TRK_LITE", "HUB_HOME"], False),
    ("JP_Distributor_East", "jp_east", 1.6, FG, True),
    ("Osaka_Namba", "jp_west", 1.0, FG, False),
    ("Nagoya", "jp_west", 0.7, ["TRK_LITE", "TRK_PRO"], False),
    ("JP_Distributor_West", "jp_west", 1.2, FG, True),
]

# weekly market volume (all customers) per product at week 1, and per-unit economics
BASE = {"TRK_LITE": 3000, "TRK_PRO": 1500, "HUB_HOME": 800}
# Penalties are ordered so that the plan protects service sensibly: dipping below safety
# stock < delivering a week late < losing the sale. Both soft penalties exceed what a unit
# costs to make and ship, so that the plan does not run the DCs dry in the last weeks of the
# horizon (section 2b gives stock or open backlog at the end of week 13 no value of its own).
UNMET = {"TRK_LITE": 45.0, "TRK_PRO": 80.0, "HUB_HOME": 110.0}     # lost margin + goodwill
BACKORDER = {"TRK_LITE": 25.0, "TRK_PRO": 40.0, "HUB_HOME": 55.0}  # per unit and week late
HOLD_DC = {"TRK_LITE": 0.20, "TRK_PRO": 0.35, "HUB_HOME": 0.55}
SHORT_PEN = {"TRK_LITE": 20.0, "TRK_PRO": 32.0, "HUB_HOME": 45.0}  # per unit and week below


def season(region, week):
    f = 1.0 + 0.01 * (week - 1)                      # slow ramp-up of a new product line
    if region in ("north", "central", "south") and week in (10, 11):
        f *= 1.25                                    # Family Month promotions (May)
    if region.startswith("jp") and week == 9:
        f *= 1.30                                    # Golden Week
    return f


def demand_rows():
    total_size = {p: sum(c[2] for c in CUSTOMERS if p in c[3]) for p in FG}
    rows = []
    for name, region, size, prods, bo in CUSTOMERS:
        for p in prods:
            mean = BASE[p] * size / total_size[p]
            for w in range(1, WEEKS + 1):
                q = int(round(mean * season(region, w) * rng.uniform(0.85, 1.15)))
                rows.append((name, p, w, q, UNMET[p], BACKORDER[p] if bo else None))
    return rows


# --------------------------------------------------------------------------------------
def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    demand = demand_rows()

    def dc_of(region):
        return {"north": "DC_Seoul", "central": "DC_Seoul", "south": "DC_Busan",
                "jp_east": "DC_Tokyo", "jp_west": "DC_Tokyo"}[region]

    region = {c[0]: c[1] for c in CUSTOMERS}
    weekly = {}   # (dc, item) -> average weekly demand of the customers it normally serves
    for c, p, w, q, _, _ in demand:
        k = (dc_of(region[c]), p)
        weekly[k] = weekly.get(k, 0) + q / WEEKS
    total_week = {p: sum(v for (d, i), v in weekly.items() if i == p) for p in FG}

    write(outdir, "settings.csv", ["key", "value"], [
        ("periods", WEEKS), ("start_date", START), ("period_days", 7), ("currency", "USD"),
        ("mip_gap", "0.005")])

    write(outdir, "items.csv", ["item", "description", "unit", "volume", "value"], ITEMS)

    sites = [
        ("SUP_Materials", "supplier", None, None, None),     # Ulsan: copper foil, resin
        ("SUP_Chips", "supplier", None, None, None),         # Hsinchu: MCU, PMIC
        ("SUP_Passives", "supplier", None, None, None),      # Changwon: passives kits
        ("SUP_Mech", "supplier", None, None, None),          # Shenzhen: displays, cells, housings
        ("PL_SMT", "plant", 0, 0, None),                     # Gumi: PCB fab + SMT
        ("PL_ASSY", "plant", 0, 0, None),                    # Pyeongtaek: final assembly
        ("DC_Seoul", "warehouse", 12000, 0, 60000),          # Icheon, leased: a fixed cost, not a decision
        ("DC_Busan", "warehouse", 4500, 1, 30000),           # optional: open it this quarter?
        ("DC_Tokyo", "warehouse", 15000, 0, 45000),          # Funabashi 3PL
    ] + [(c[0], "customer", None, None, None) for c in CUSTOMERS]
    write(outdir, "sites.csv", ["site", "kind", "fixed_cost", "optional", "storage_capacity"], sites)

    # ---- suppliers' offers ----
    supply = [
        # supplier, item, unit_cost, capacity/week, lead_time, min_order, order_cost
        ("SUP_Materials", "CU_FOIL", 8.5, 600, 1, None, None),
        ("SUP_Materials", "RESIN", 5.2, 400, 1, None, None),
        ("SUP_Chips", "MCU", 3.9, 6500, 2, 3000, 100),       # allocation 6500/week, MOQ 3000
        ("SUP_Chips", "PMIC", 0.85, 12000, 2, None, None),
        ("SUP_Passives", "PASSIVE_KIT", 0.3, 20000, 1, None, None),
        ("SUP_Mech", "DISPLAY", 9.5, 4000, 2, None, None),
        ("SUP_Mech", "BATTERY", 3.1, 7000, 2, None, None),
        ("SUP_Mech", "HOUSING_TRK", 2.4, 7000, 2, None, None),
        ("SUP_Mech", "HOUSING_HUB", 5.5, 1500, 2, None, None),
    ]
    write(outdir, "supply.csv", ["supplier", "item", "unit_cost", "capacity", "lead_time", "min_order",
                                 "order_cost"], supply)

    # ---- operations, BOM (3 levels: PCB fab -> SMT -> final assembly) ----
    ops = [
        # operation, site, item, yield, unit_cost, lead_time, min_lot, setup_cost, max_per_period
        ("PCB_FAB", "PL_SMT", "PCB_BARE", 0.97, 0.6, 1, None, None, None),
        ("SMT_TRK", "PL_SMT", "PCBA_TRK", 0.99, 0.8, 0, 1000, 150, 6500),
        ("SMT_HUB", "PL_SMT", "PCBA_HUB", 0.99, 1.5, 0, 400, 150, 1400),
        ("ASSY_LITE", "PL_ASSY", "TRK_LITE", 1, 2.5, 0, None, None, None),
        ("ASSY_PRO", "PL_ASSY", "TRK_PRO", 1, 3.5, 0, None, None, None),
        ("ASSY_HUB", "PL_ASSY", "HUB_HOME", 1, 4.0, 0, None, None, None),
    ]
    write(outdir, "operations.csv", ["operation", "site", "item", "yield", "unit_cost", "lead_time",
                                     "min_lot", "setup_cost", "max_per_period"], ops)
    bom = [
        ("PCB_FAB", "CU_FOIL", 0.04), ("PCB_FAB", "RESIN", 0.03),
        ("SMT_TRK", "PCB_BARE", 1), ("SMT_TRK", "MCU", 1), ("SMT_TRK", "PMIC", 1),
        ("SMT_TRK", "PASSIVE_KIT", 1),
        ("SMT_HUB", "PCB_BARE", 2), ("SMT_HUB", "MCU", 1), ("SMT_HUB", "PMIC", 2),
        ("SMT_HUB", "PASSIVE_KIT", 3),
        ("ASSY_LITE", "PCBA_TRK", 1), ("ASSY_LITE", "BATTERY", 1), ("ASSY_LITE", "HOUSING_TRK", 1),
        ("ASSY_PRO", "PCBA_TRK", 1), ("ASSY_PRO", "BATTERY", 1), ("ASSY_PRO", "HOUSING_TRK", 1),
        ("ASSY_PRO", "DISPLAY", 1),
        ("ASSY_HUB", "PCBA_HUB", 1), ("ASSY_HUB", "DISPLAY", 1), ("ASSY_HUB", "HOUSING_HUB", 1),
    ]
    write(outdir, "bom.csv", ["operation", "item", "quantity"], bom)

    # ---- resources (capacity per week), their loads, the calendar ----
    resources = [
        # resource, site, capacity, overtime_capacity, overtime_cost (per minute or panel)
        ("LAM_LINE", "PL_SMT", 9000, 1500, 0.4),      # PCB panels per week (usage 1 per PCB)
        ("SMT_LINE", "PL_SMT", 4800, 1440, 2.5),      # minutes per week; Saturday shifts as overtime
        ("ASSY_A", "PL_ASSY", 12000, 2400, 1.8),      # tracker cells (Lite and Pro share them)
        ("ASSY_B", "PL_ASSY", 4800, 960, 1.8),        # hub line
        ("TEST_CELL", "PL_ASSY", 4800, 960, 1.2),     # end-of-line test, all products
    ]
    write(outdir, "resources.csv", ["resource", "site", "capacity", "overtime_capacity", "overtime_cost"],
          resources)
    use = [
        # operation, resource, usage (min per unit), setup_usage (min per changeover)
        ("PCB_FAB", "LAM_LINE", 1, None),
        ("SMT_TRK", "SMT_LINE", 0.5, 180), ("SMT_HUB", "SMT_LINE", 1.1, 180),   # stencil + feeder change
        ("ASSY_LITE", "ASSY_A", 2.0, None), ("ASSY_PRO", "ASSY_A", 2.6, None),
        ("ASSY_HUB", "ASSY_B", 4.0, None),
        ("ASSY_LITE", "TEST_CELL", 0.3, None), ("ASSY_PRO", "TEST_CELL", 0.5, None),
        ("ASSY_HUB", "TEST_CELL", 0.8, None),
    ]
    write(outdir, "resource_use.csv", ["operation", "resource", "usage", "setup_usage"], use)
    calendar = [
        ("SMT_LINE", 7, 0),          # planned maintenance shutdown of the SMT line
        ("ASSY_A", 10, 7200),        # Children's Day + Buddha's Birthday: 3 of 5 working days
        ("ASSY_B", 10, 2880),
        ("TEST_CELL", 10, 2880),
    ]
    write(outdir, "capacity_calendar.csv", ["resource", "period", "capacity"], calendar)

    # ---- lanes ----
    lanes = [
        # from, to, item, mode, unit_cost, lead_time, capacity, vehicle_capacity, vehicle_cost
        ("SUP_Materials", "PL_SMT", None, "truck", 0.05, 0, None, None, None),
        ("SUP_Chips", "PL_SMT", None, "air", 0.02, 0, None, None, None),
        ("SUP_Passives", "PL_SMT", None, "truck", 0.01, 0, None, None, None),
        ("SUP_Mech", "PL_ASSY", None, "sea", 0.15, 1, None, None, None),
        ("PL_SMT", "PL_ASSY", "PCBA_TRK", "truck", 0.05, 0, None, None, None),
        ("PL_SMT", "PL_ASSY", "PCBA_HUB", "truck", 0.08, 0, None, None, None),
        # the main lanes run 1-ton trucks: 700 litres of cartons each (item volume is in litres)
        ("PL_ASSY", "DC_Seoul", None, "truck", 0.10, 0, None, 700, 45),
        ("PL_ASSY", "DC_Busan", None, "truck", 0.15, 1, 2500, 700, 90),
        ("PL_ASSY", "DC_Tokyo", None, "sea", 0.60, 2, None, None, None),
        ("PL_ASSY", "DC_Tokyo", None, "air", 3.50, 0, 800, None, None),
    ]
    ship_cost = {"north": (0.35, None, None), "central": (0.55, 0.70, None), "south": (0.95, 0.30, None),
                 "jp_east": (None, None, 0.45), "jp_west": (None, 1.10, 0.85)}
    for name, reg, size, prods, bo in CUSTOMERS:
        cs, cb, ct = ship_cost[reg]
        j = rng.uniform(0.9, 1.1)
        # one lane per product the customer buys: the DCs also hold parts (they are
        # reachable through the item-less truck lanes), which customers never take
        for p in prods:
            k = VOL[p] / 1.5      # parcel rates scale with the carton size
            if cs is not None:
                lanes.append(("DC_Seoul", name, p, "parcel", money(cs * j * k), 0, None, None, None))
            if cb is not None:
                lanes.append(("DC_Busan", name, p, "ferry" if reg.startswith("jp") else "parcel",
                              money(cb * j * k), 1 if reg.startswith("jp") else 0, None, None, None))
            if ct is not None:
                lanes.append(("DC_Tokyo", name, p, "parcel", money(ct * j * k), 0, None, None, None))
    write(outdir, "lanes.csv", ["from", "to", "item", "mode", "unit_cost", "lead_time", "capacity",
                                "vehicle_capacity", "vehicle_cost"], lanes)

    # ---- inventory positions and policies ----
    inv = []
    # weekly component use at the plants (average)
    lite, pro, hub = total_week["TRK_LITE"], total_week["TRK_PRO"], total_week["HUB_HOME"]
    use_week = {
        "PCBA_TRK": lite + pro, "PCBA_HUB": hub,
        "BATTERY": lite + pro, "HOUSING_TRK": lite + pro, "DISPLAY": pro + hub, "HOUSING_HUB": hub,
        "MCU": lite + pro + hub, "PMIC": lite + pro + 2 * hub, "PASSIVE_KIT": lite + pro + 3 * hub,
        "PCB_BARE": lite + pro + 2 * hub,
    }
    use_week["CU_FOIL"] = use_week["PCB_BARE"] * 0.04 / 0.97
    use_week["RESIN"] = use_week["PCB_BARE"] * 0.03 / 0.97
    hold = {"CU_FOIL": 0.04, "RESIN": 0.03, "MCU": 0.04, "PMIC": 0.005, "PASSIVE_KIT": 0.002,
            "DISPLAY": 0.05, "BATTERY": 0.03, "HOUSING_TRK": 0.01, "HOUSING_HUB": 0.03,
            "PCB_BARE": 0.01, "PCBA_TRK": 0.08, "PCBA_HUB": 0.15}
    # bought parts are owned from the supplier's dock on: same holding cost there
    for s, i, *_ in supply:
        inv.append((s, i, 0, hold[i], None, None, None))
    smt = ["CU_FOIL", "RESIN", "MCU", "PMIC", "PASSIVE_KIT", "PCB_BARE", "PCBA_TRK", "PCBA_HUB"]
    init_weeks = {"CU_FOIL": 2, "RESIN": 2, "MCU": 1, "PMIC": 1, "PASSIVE_KIT": 2, "PCB_BARE": 1.2,
                  "PCBA_TRK": 0.5, "PCBA_HUB": 0.5}
    for i in smt:
        inv.append(("PL_SMT", i, int(round(use_week[i] * init_weeks[i])), hold[i], None, None, None))
    for i in ["PCBA_TRK", "PCBA_HUB", "DISPLAY", "BATTERY", "HOUSING_TRK", "HOUSING_HUB"]:
        inv.append(("PL_ASSY", i, int(round(use_week[i] * 1.0)), hold[i], None, None, None))
    for p in FG:
        inv.append(("PL_ASSY", p, 0, money(HOLD_DC[p] * 0.8), None, None, None))
    for dc in ["DC_Seoul", "DC_Busan", "DC_Tokyo"]:
        for p in FG:
            wk = weekly.get((dc, p), 0)
            cover = 2.5 if dc == "DC_Tokyo" else 1.0      # Tokyo: two weeks on the water
            ss = int(round(0.5 * wk))
            inv.append((dc, p, int(round(wk * cover)) + ss, HOLD_DC[p], ss, None, SHORT_PEN[p]))
    write(outdir, "inventory.csv", ["site", "item", "initial", "holding_cost", "safety_stock", "max",
                                    "shortfall_penalty"], inv)

    # ---- receipts: open purchase orders and a container on the water ----
    rec = []
    for w in (1, 2):     # chips ordered before week 1 (lead time 2)
        rec.append(("PL_SMT", "MCU", w, int(round(use_week["MCU"] * 1.05, -2))))
        rec.append(("PL_SMT", "PMIC", w, int(round(use_week["PMIC"] * 1.05, -2))))
    rec.append(("PL_SMT", "CU_FOIL", 1, int(round(use_week["CU_FOIL"]))))
    rec.append(("PL_SMT", "RESIN", 1, int(round(use_week["RESIN"]))))
    for w in (2, 3):     # mechanical parts on the sea (lead 2 + 1 week at sea)
        for i in ["DISPLAY", "BATTERY", "HOUSING_TRK", "HOUSING_HUB"]:
            rec.append(("PL_ASSY", i, w, int(round(use_week[i] * 1.05, -1))))
    for p in FG:         # sea freight to Tokyo shipped before week 1, landing in week 1
        rec.append(("DC_Tokyo", p, 1, int(round(weekly[("DC_Tokyo", p)] * 0.5, -1))))
    write(outdir, "receipts.csv", ["site", "item", "period", "quantity"], rec)

    write(outdir, "demand.csv", ["customer", "item", "period", "quantity", "unmet_penalty",
                                 "backorder_cost"], demand)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
