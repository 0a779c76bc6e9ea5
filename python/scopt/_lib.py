"""_lib.py - the ctypes mirror of include/scopt.h: finding libscopt.so, the structs (same
fields, same order) and the prototypes of the functions the binding calls.

The library is looked for, in order: $SCOPT_LIBRARY (a path to libscopt.so), next to this
package (an install that ships the library inside it), lib/ of the build tree this package
sits in (python/scopt -> ../../lib), then the system's search path (ctypes.util).
"""
import ctypes
import ctypes.util
import os

c_double, c_int, c_long, c_char_p, c_void_p = (ctypes.c_double, ctypes.c_int, ctypes.c_long,
                                                ctypes.c_char_p, ctypes.c_void_p)

DEFAULT = -1e300     # SCOPT_DEFAULT: an optional number left to the contract's default
UNLIMITED = 1e300    # SCOPT_UNLIMITED


def _candidates():
    here = os.path.dirname(os.path.abspath(__file__))
    env = os.environ.get("SCOPT_LIBRARY")
    if env:
        yield env
    for d in (here, os.path.join(here, "..", "..", "lib")):
        for name in ("libscopt.so", "libscopt.so.0", "libscopt.dylib"):
            yield os.path.join(d, name)
    found = ctypes.util.find_library("scopt")
    if found:
        yield found


def load_library():
    tried = []
    for path in _candidates():
        if os.path.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise OSError("libscopt not found; set SCOPT_LIBRARY to the path of libscopt.so (tried: %s)"
                  % ", ".join(tried))


class Struct(ctypes.Structure):
    def as_dict(self):
        out = {}
        for name, ctype in self._fields_:
            if name.startswith("reserved"):
                continue
            v = getattr(self, name)
            out[name] = v.decode("utf-8") if isinstance(v, bytes) else v
        return out


def _reserved():
    return [("reserved_d", c_double * 2), ("reserved_p", c_char_p * 2)]


class Error(Struct):
    _fields_ = [("code", c_int), ("message", ctypes.c_char * 1024), ("file", ctypes.c_char * 512),
                ("line", c_long), ("column", c_long), ("error_count", c_int), ("warning_count", c_int)]


class Diagnostic(Struct):
    _fields_ = [("severity", c_int), ("file", c_char_p), ("line", c_long), ("column", c_long),
                ("message", c_char_p)]


class Progress(Struct):
    _fields_ = [("phase", c_char_p), ("elapsed_seconds", c_double), ("has_incumbent", c_int),
                ("incumbent", c_double), ("bound", c_double), ("gap", c_double)]


DIAGNOSTIC_FN = ctypes.CFUNCTYPE(None, ctypes.POINTER(Diagnostic), c_void_p)
LOG_FN = ctypes.CFUNCTYPE(None, c_char_p, c_void_p)
PROGRESS_FN = ctypes.CFUNCTYPE(None, ctypes.POINTER(Progress), c_void_p)


class Options(Struct):
    _fields_ = [("mip_gap", c_double), ("time_limit", c_double), ("device", c_int), ("lp_method", c_int),
                ("cuts", c_int), ("heuristics", c_int), ("max_errors", c_int),
                ("on_diagnostic", DIAGNOSTIC_FN), ("diagnostic_user", c_void_p),
                ("on_log", LOG_FN), ("log_user", c_void_p),
                ("on_progress", PROGRESS_FN), ("progress_user", c_void_p),
                ("cancel", ctypes.POINTER(c_int)),
                ("pdlp_tol", c_double), ("pdlp_finish", c_int), ("mip_strategy", c_int),
                ("reserved_d", c_double * 7), ("pdlp_presolve", c_int), ("threads", c_int),
                ("pdlp_checkpoint", c_char_p), ("reserved_p", c_void_p * 7)]


# ---- input records (scopt.h "networks built in memory"): (table, struct name, fields) ----
T, N, I = "text", "num", "int"
RECORDS = {
    "items": ("item", [("item", T), ("description", T), ("unit", T), ("volume", N), ("value", N)]),
    "sites": ("site", [("site", T), ("kind", T), ("fixed_cost", N), ("optional", I), ("storage_capacity", N)]),
    "supply": ("supply", [("supplier", T), ("item", T), ("unit_cost", N), ("capacity", N), ("lead_time", I),
                          ("min_order", N), ("order_cost", N)]),
    "operations": ("operation", [("operation", T), ("site", T), ("item", T), ("yield", N), ("unit_cost", N),
                                 ("lead_time", I), ("min_lot", N), ("setup_cost", N), ("max_per_period", N)]),
    "bom": ("bom", [("operation", T), ("item", T), ("quantity", N)]),
    "resources": ("resource", [("resource", T), ("site", T), ("capacity", N), ("overtime_capacity", N),
                               ("overtime_cost", N)]),
    "resource_use": ("resource_use", [("operation", T), ("resource", T), ("usage", N), ("setup_usage", N)]),
    "capacity_calendar": ("calendar", [("resource", T), ("period", I), ("capacity", N)]),
    "supply_calendar": ("supply_calendar", [("supplier", T), ("item", T), ("period", I), ("capacity", N)]),
    "lanes": ("lane", [("from", T), ("to", T), ("item", T), ("mode", T), ("unit_cost", N), ("lead_time", I),
                       ("capacity", N), ("vehicle_capacity", N), ("vehicle_cost", N)]),
    "inventory": ("inventory", [("site", T), ("item", T), ("initial", N), ("holding_cost", N),
                                ("safety_stock", N), ("max", N), ("shortfall_penalty", N)]),
    "receipts": ("receipt", [("site", T), ("item", T), ("period", I), ("quantity", N)]),
    "demand": ("demand", [("customer", T), ("item", T), ("period", I), ("quantity", N), ("unmet_penalty", N),
                          ("backorder_cost", N)]),
}
CTYPE = {T: c_char_p, N: c_double, I: c_int}


def _record_struct(name, fields):
    # "from" and "yield" are Python keywords: ctypes field names may be anything
    return type("scopt_" + name, (Struct,), {"_fields_": [(f, CTYPE[k]) for f, k in fields] + _reserved()})


RECORD_TYPES = {table: _record_struct(name, fields) for table, (name, fields) in RECORDS.items()}

# ---- plan rows (scopt.h "reading a plan without files") ----
PLAN_ROWS = [  # (table, getter, fields) in scopt_plan_table order
    ("purchases", "purchase", [("supplier", c_char_p), ("item", c_char_p), ("order_period", c_int),
                               ("arrival_period", c_int), ("quantity", c_double), ("order", c_double),
                               ("cost", c_double)]),
    ("production", "production", [("operation", c_char_p), ("site", c_char_p), ("item", c_char_p),
                                  ("start_period", c_int), ("finish_period", c_int), ("quantity", c_double),
                                  ("output_quantity", c_double), ("setup", c_double), ("cost", c_double)]),
    ("shipments", "shipment", [("from", c_char_p), ("to", c_char_p), ("item", c_char_p), ("mode", c_char_p),
                               ("lane_item", c_char_p), ("ship_period", c_int), ("arrival_period", c_int),
                               ("quantity", c_double), ("vehicles", c_double), ("cost", c_double),
                               ("lane_no", c_int)]),
    ("inventory_plan", "inventory", [("site", c_char_p), ("item", c_char_p), ("period", c_int),
                                     ("on_hand", c_double), ("safety_stock", c_double), ("shortfall", c_double)]),
    ("deliveries", "delivery", [("customer", c_char_p), ("item", c_char_p), ("period", c_int),
                                ("ordered", c_double), ("delivered", c_double), ("backlog", c_double),
                                ("lost", c_double)]),
    ("resource_load", "resource_load", [("resource", c_char_p), ("period", c_int), ("load", c_double),
                                        ("run_load", c_double), ("setup_load", c_double), ("capacity", c_double),
                                        ("overtime", c_double), ("utilization", c_double)]),
    ("sites", "site", [("site", c_char_p), ("open", c_int)]),
]
ROW_TYPES = {table: type("scopt_%s_row" % getter, (Struct,), {"_fields_": fields})
             for table, getter, fields in PLAN_ROWS}

COST_FIELDS = ["purchase", "order", "production", "setup", "transport", "vehicles", "holding", "overtime",
               "fixed", "lost", "backorder", "shortfall"]


class PlanCosts(Struct):
    _fields_ = [(f, c_double) for f in COST_FIELDS] + [("reserved", c_double * 4)]


class PlanInfo(Struct):
    _fields_ = [("status", c_int), ("has_plan", c_int), ("objective", c_double),
                ("objective_constant", c_double), ("best_bound", c_double), ("lp_bound", c_double),
                ("gap", c_double), ("fill_rate", c_double), ("ordered", c_double), ("delivered", c_double),
                ("lost", c_double), ("costs", PlanCosts), ("method", c_char_p), ("iterations", c_long),
                ("nodes", c_long), ("rows", c_long), ("columns", c_long), ("integers", c_long),
                ("nonzeros", c_long), ("seconds_build", c_double), ("seconds_solve", c_double),
                ("seconds_decode", c_double), ("seconds_total", c_double), ("reserved_d", c_double * 8),
                ("reserved_p", c_void_p * 4)]


SOLVE_STATUS = ["optimal", "feasible", "infeasible", "unbounded", "no_plan", "cancelled"]


def prototypes(lib):
    """Declare the argument and result types of the functions the binding calls."""
    P = ctypes.POINTER
    net, plan, err = c_void_p, c_void_p, P(Error)
    sig = {
        "scopt_options_init": (None, [P(Options)]),
        "scopt_version": (c_char_p, []),
        "scopt_status_name": (c_char_p, [c_int]),
        "scopt_network_read_dir": (c_int, [c_char_p, P(Options), P(net), err]),
        "scopt_network_new": (c_int, [P(Options), P(net), err]),
        "scopt_network_finish": (c_int, [net, err]),
        "scopt_network_free": (None, [net]),
        "scopt_network_add_setting": (c_int, [net, c_char_p, c_char_p, err]),
        "scopt_solve": (c_int, [net, P(Options), P(plan), err]),
        "scopt_plan_free": (None, [plan]),
        "scopt_plan_info_get": (c_int, [plan, P(PlanInfo)]),
        "scopt_plan_row_count": (c_long, [plan, c_int]),
        "scopt_plan_write_dir": (c_int, [plan, c_char_p, err]),
        "scopt_plan_summary_json": (c_void_p, [plan]),
        "scopt_plan_explanation_count": (c_int, [plan]),
        "scopt_plan_explanation": (c_char_p, [plan, c_int]),
        "scopt_plan_period_date": (c_int, [plan, c_int, c_char_p, ctypes.c_size_t]),
        "scopt_free": (None, [c_void_p]),
    }
    for table, (name, _) in RECORDS.items():
        sig["scopt_%s_init" % name] = (None, [P(RECORD_TYPES[table])])
        sig["scopt_network_add_%s" % name] = (c_int, [net, P(RECORD_TYPES[table]), err])
    for table, getter, _ in PLAN_ROWS:
        sig["scopt_plan_%s" % getter] = (c_int, [plan, c_long, P(ROW_TYPES[table])])
    for name, (res, args) in sig.items():
        fn = getattr(lib, name)
        fn.restype = res
        fn.argtypes = args
    return lib
