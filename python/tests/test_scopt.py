"""test_scopt.py - the Python binding (python/scopt) over the built libscopt.so: networks
from Python tables and from directories give the C library's results, errors carry its
messages, callbacks and cancel work from Python, plans come back as rows and DataFrames.
Run by tests/sh/python.sh (make test) with the standard library's unittest."""
import csv
import ctypes
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import types
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "python"))
import scopt  # noqa: E402
from scopt import _lib  # noqa: E402

CONF = os.path.join(ROOT, "tests", "data", "conformance")

SMALL = {  # the network of examples/embed: optimum 20 + 20 + 10 = 50 (its README)
    "settings": {"default_unmet_penalty": 100},
    "items": [{"item": "RAW"}, {"item": "FG"}],
    "sites": {"site": ["SUP", "P", "C"], "kind": ["supplier", "plant", "customer"]},
    "supply": [{"supplier": "SUP", "item": "RAW", "unit_cost": 1}],
    "operations": [{"operation": "MAKE", "site": "P", "item": "FG", "unit_cost": 2}],
    "bom": [{"operation": "MAKE", "item": "RAW", "quantity": 2}],
    "lanes": [{"from": "SUP", "to": "P"}, {"from": "P", "to": "C", "unit_cost": 1}],
    "demand": [{"customer": "C", "item": "FG", "period": 2, "quantity": 10}],
}


def csv_tables(directory):
    """a dataset directory read with the csv module, empty cells as None"""
    tables = {}
    for table in scopt.TABLE_ORDER:
        path = os.path.join(directory, table + ".csv")
        if os.path.exists(path):
            with open(path, newline="", encoding="utf-8-sig") as f:
                tables[table] = [{k.strip(): (v.strip() or None) for k, v in row.items()}
                                 for row in csv.DictReader(f)]
    for rows in tables.values():  # numbers as numbers: the API takes typed values
        for row in rows:
            for k, v in row.items():
                if v is not None and k not in ("key", "value"):
                    try:
                        row[k] = int(v) if v.lstrip("-").isdigit() else float(v)
                    except ValueError:
                        pass
    return tables


class TestBinding(unittest.TestCase):
    def test_version(self):
        with open(os.path.join(ROOT, "include", "scopt.h")) as f:
            want = [l.split('"')[1] for l in f if "SCOPT_VERSION_STRING" in l][0]
        self.assertEqual(scopt.version(), want)

    def test_small_network_from_lists(self):
        net = scopt.Network.from_tables(SMALL)
        plan = net.solve()
        self.assertEqual(plan.status, "optimal")
        self.assertAlmostEqual(plan.objective, 50.0, places=9)
        self.assertAlmostEqual(sum(plan.costs.values()), plan.objective, places=9)
        self.assertEqual(sum(r["quantity"] for r in plan.rows("purchases")), 20)
        make = plan.rows("production")
        self.assertEqual([(r["operation"], r["output_quantity"]) for r in make], [("MAKE", 10)])
        self.assertEqual(plan.info["fill_rate"], 1.0)
        self.assertEqual(plan.summary["status"], "optimal")
        # a lane P -> C without vehicle data: no warning; the network has none
        self.assertEqual(net.warnings, [])

    def test_directory_and_python_tables_agree(self):
        for name in ("lp-tiny", "lp-small-calendar", "mip-tiny-all"):
            d = os.path.join(CONF, name)
            a = scopt.read_dir(d).solve()
            b = scopt.Network.from_tables(csv_tables(d)).solve()
            self.assertEqual(a.status, b.status, name)
            self.assertEqual(a.objective, b.objective, name)  # bit for bit: the same model
            for t in scopt.PLAN_TABLES:
                self.assertEqual(a.rows(t), b.rows(t), (name, t))

    def test_supply_calendar_table(self):
        # tests/data/supply_calendar: optimum 862 by hand (tests/sh/supply_calendar.sh); the
        # same tables from Python give the same plan as the directory
        d = os.path.join(ROOT, "tests", "data", "supply_calendar")
        a = scopt.read_dir(d).solve()
        b = scopt.Network.from_tables(csv_tables(d)).solve()
        self.assertAlmostEqual(b.objective, 862.0, places=9)
        self.assertEqual(a.objective, b.objective)
        self.assertEqual(a.rows("purchases"), b.rows("purchases"))
        bought = {(r["item"], r["order_period"]): r["quantity"] for r in b.rows("purchases")}
        self.assertEqual((bought[("A", 2)], bought[("B", 1)]), (3, 2))

    def test_objective_of_the_answer_key(self):
        with open(os.path.join(CONF, "expected.csv")) as f:
            want = {r["dataset"]: float(r["objective"]) for r in csv.DictReader(f)}
        plan = scopt.read_dir(os.path.join(CONF, "lp-tiny")).solve()
        self.assertAlmostEqual(plan.objective, want["lp-tiny"], delta=1e-6 * want["lp-tiny"])

    def test_threads_give_the_same_plan(self):
        net = scopt.read_dir(os.path.join(CONF, "lp-small-calendar"))
        one = net.solve()
        for t in (2, "all"):
            self.assertEqual(net.solve(threads=t).objective, one.objective)
        with self.assertRaises(scopt.ScoptError) as cm:
            net.solve(threads=-5)
        self.assertIn("threads -5", cm.exception.message)

    def test_pdlp_polish(self):
        # docs/pdlp.md "Feasibility polishing": a plan no cheaper than the optimum, a bound no higher
        with open(os.path.join(CONF, "expected.csv")) as f:
            want = {r["dataset"]: float(r["objective"]) for r in csv.DictReader(f)}["lp-small-calendar"]
        net = scopt.read_dir(os.path.join(CONF, "lp-small-calendar"))
        plan = net.solve(device="cpu", lp_method="pdlp", pdlp_finish="polish")
        pdlp = plan.summary["solver"]["pdlp"]
        self.assertEqual(pdlp["plan_point"], "polished")
        self.assertTrue(pdlp["polish"]["primal_polished"] and pdlp["polish"]["dual_polished"])
        self.assertGreaterEqual(plan.objective, want * (1 - 1e-9))
        self.assertLessEqual(plan.summary["best_bound"], want * (1 + 1e-7))
        self.assertLessEqual(pdlp["relative_primal_residual"], 1e-10)
        with self.assertRaises(ValueError):
            net.solve(pdlp_finish="polished")

    def test_pdlp_route_for_a_mip(self):
        # docs/pdlp.md "MIPs without the simplex": a rounded plan, no cheaper than the optimum,
        # with the relaxation's bound no higher, and its gap
        with open(os.path.join(CONF, "expected.csv")) as f:
            want = {r["dataset"]: float(r["objective"]) for r in csv.DictReader(f)}["mip-small-sparse"]
        net = scopt.read_dir(os.path.join(CONF, "mip-small-sparse"))
        plan = net.solve(device="cpu", lp_method="pdlp", pdlp_finish="polish")
        s = plan.summary
        self.assertEqual(s["solver"]["method"], "pdlp-rounding")
        self.assertEqual(s["solver"]["pdlp"]["plan_point"], "rounded")
        self.assertGreaterEqual(s["solver"]["pdlp"]["rounding"]["lp_solves"], 1)
        self.assertGreaterEqual(plan.objective, want * (1 - 1e-9))
        self.assertLessEqual(s["best_bound"], want * (1 + 1e-9))
        self.assertAlmostEqual(s["gap"], (plan.objective - s["best_bound"]) / plan.objective, places=9)

    def test_errors_carry_the_library_message(self):
        net = scopt.Network()
        net.add("items", item="RAW1")
        net.add("sites", site="S1", kind="supplier")
        with self.assertRaises(scopt.ScoptError) as cm:
            net.add("supply", supplier="S1", item="RAW9")
        e = cm.exception
        self.assertEqual(e.code, "bad_input")
        self.assertEqual(e.message, "scopt_network_add_supply #1 (supplier S1, item RAW9): unknown item 'RAW9'; "
                                    "expected an item added with scopt_network_add_item (did you mean 'RAW1'?)")
        self.assertEqual((e.file, e.line, e.column), ("scopt_network_add_supply", 1, 2))
        with self.assertRaises(scopt.ScoptError) as cm:
            net.add("supply", supplier="S1", item="RAW1", unit_cost=-1)
        self.assertIn("column 'unit_cost': value \"-1\" is negative", cm.exception.message)
        with self.assertRaises(ValueError):
            net.add("supply", supplier="S1", item="RAW1", price=3)
        with self.assertRaises(scopt.ScoptError) as cm:
            scopt.read_dir(os.path.join(ROOT, "tests", "data", "bad", "unknown_item"))
        self.assertIn("unknown item 'STEEL'; expected an item of items.csv", cm.exception.message)
        self.assertEqual(cm.exception.line, 2)

    def test_unlimited_and_defaults(self):
        t = dict(SMALL)
        t["supply"] = [{"supplier": "SUP", "item": "RAW", "unit_cost": 1, "capacity": math.inf, "min_order": None}]
        self.assertAlmostEqual(scopt.Network.from_tables(t).solve().objective, 50.0, places=9)

    def test_warnings_are_collected(self):
        t = dict(SMALL)
        t["lanes"] = [{"from": "SUP", "to": "P"}, {"from": "P", "to": "C", "unit_cost": 1, "vehicle_cost": 5}]
        net = scopt.Network.from_tables(t)
        self.assertEqual(len(net.warnings), 1)
        self.assertIn("has vehicle_cost but no vehicle_capacity", net.warnings[0]["message"])

    def test_progress_and_log_callbacks(self):
        progress, lines = [], []
        plan = scopt.read_dir(os.path.join(CONF, "mip-tiny-all")).solve(progress=progress.append, log=lines.append)
        self.assertEqual(plan.status, "optimal")
        self.assertTrue(any(p["phase"] == "mip" for p in progress))
        self.assertTrue(lines)

    def test_cancel_from_another_thread(self):
        net = scopt.read_dir(os.path.join(CONF, "mip-small-sparse"))  # about 10 s of CPU at gap 0
        token, seen, out = scopt.CancelToken(), threading.Event(), {}

        def progress(p):
            if p["has_incumbent"]:
                seen.set()

        def run():
            out["plan"] = net.solve(mip_gap=0, progress=progress, cancel=token)
            out["done"] = time.monotonic()

        th = threading.Thread(target=run)
        th.start()
        seen.wait(60)
        asked = time.monotonic()
        token.cancel()
        th.join(120)
        self.assertFalse(th.is_alive())
        self.assertLess(out["done"] - asked, 5.0)  # promised: one node's LP re-solve
        plan = out["plan"]
        if plan.status != "optimal":  # a very fast machine may prove it before the request
            self.assertEqual(plan.status, "cancelled")
            self.assertTrue(plan.has_plan)
            self.assertGreater(len(plan.rows("purchases")), 0)

    def test_dataframe(self):
        plan = scopt.Network.from_tables(SMALL).solve()
        try:
            import pandas  # noqa: F401
        except ImportError:  # without pandas: the same code against a stand-in
            fake = types.ModuleType("pandas")
            fake.DataFrame = lambda rows, columns=None: ("frame", rows, columns)
            sys.modules["pandas"] = fake
            try:
                kind, rows, cols = plan.dataframe("production")
            finally:
                del sys.modules["pandas"]
            self.assertEqual(rows, plan.rows("production"))
            self.assertEqual(cols[:3], ["operation", "site", "item"])
            return
        df = plan.dataframe("production")
        self.assertEqual(list(df.columns[:3]), ["operation", "site", "item"])
        self.assertEqual(len(df), len(plan.rows("production")))

    def test_write_dir_and_dates(self):
        plan = scopt.read_dir(os.path.join(CONF, "lp-tiny")).solve()
        d = tempfile.mkdtemp()
        try:
            plan.write_dir(os.path.join(d, "plan"))
            with open(os.path.join(d, "plan", "purchases.csv"), newline="") as f:
                self.assertEqual(len(list(csv.DictReader(f))), len(plan.rows("purchases")))
        finally:
            shutil.rmtree(d)
        self.assertEqual(plan.period_date(2), "2025-01-13")

    def test_struct_layouts_match_the_header(self):
        cc = shutil.which("cc") or shutil.which("gcc")
        if not cc:
            self.skipTest("no C compiler to read the header's layouts")
        structs = [("scopt_options", _lib.Options), ("scopt_error", _lib.Error), ("scopt_progress", _lib.Progress),
                   ("scopt_diagnostic", _lib.Diagnostic), ("scopt_plan_info", _lib.PlanInfo)]
        structs += [("scopt_" + name, _lib.RECORD_TYPES[t]) for t, (name, _) in _lib.RECORDS.items()]
        structs += [("scopt_%s_row" % g, _lib.ROW_TYPES[t]) for t, g, _ in _lib.PLAN_ROWS]
        lines = ["#include <stddef.h>", "#include <stdio.h>", "#include \"scopt.h\"", "int main(void) {"]
        for cname, ptype in structs:
            lines.append('printf("%%s %%zu\\n", "%s", sizeof(%s));' % (cname, cname))
            for field, _ in ptype._fields_:
                cfield = field
                lines.append('printf("%%s.%%s %%zu\\n", "%s", "%s", offsetof(%s, %s));' % (cname, field, cname, cfield))
        lines.append("return 0; }")
        d = tempfile.mkdtemp()
        try:
            with open(os.path.join(d, "l.c"), "w") as f:
                f.write("\n".join(lines))
            subprocess.check_call([cc, "-I", os.path.join(ROOT, "include"), "-o", os.path.join(d, "l"),
                                   os.path.join(d, "l.c")])
            got = dict(l.rsplit(" ", 1) for l in subprocess.check_output([os.path.join(d, "l")]).decode().split("\n") if l)
        finally:
            shutil.rmtree(d)
        for cname, ptype in structs:
            self.assertEqual(int(got[cname]), ctypes.sizeof(ptype), cname)
            for field, _ in ptype._fields_:
                self.assertEqual(int(got["%s.%s" % (cname, field)]), getattr(ptype, field).offset, (cname, field))


if __name__ == "__main__":
    unittest.main()
