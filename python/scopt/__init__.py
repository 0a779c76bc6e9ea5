"""scopt - the supply-chain planning optimiser, from Python (ctypes over libscopt.so; no
compiler needed at install). See docs/embedding.md.

    import scopt
    net = scopt.Network.from_tables({
        "settings": {"default_unmet_penalty": 100},
        "items": [{"item": "RAW"}, {"item": "FG"}],
        "sites": [{"site": "SUP", "kind": "supplier"}, {"site": "P", "kind": "plant"},
                  {"site": "C", "kind": "customer"}],
        ...
    })                                   # or scopt.read_dir("dataset/")
    plan = net.solve(mip_gap=1e-3, time_limit=60, progress=print)
    plan.status, plan.objective, plan.costs
    plan.rows("purchases")               # a list of dicts; plan.dataframe(...) with pandas

Tables and columns are those of the dataset's CSV files (ARCHITECTURE.md section 2); a
missing column or None takes the default, like an empty cell. Errors raise ScoptError with
the library's message ("scopt_network_add_supply #3 (supplier S1, item RAW9): unknown item
'RAW9'; expected an item added with scopt_network_add_item (did you mean 'RAW1'?)").
"""
import ctypes
import json
import math

from . import _lib

__all__ = ["Network", "Plan", "ScoptError", "CancelToken", "read_dir", "version", "UNLIMITED"]

UNLIMITED = math.inf
_L = _lib.prototypes(_lib.load_library())
TABLE_ORDER = ["settings", "items", "sites", "supply", "operations", "bom", "resources", "resource_use",
               "capacity_calendar", "supply_calendar", "lanes", "inventory", "receipts", "demand"]
PLAN_TABLES = [t for t, _, _ in _lib.PLAN_ROWS]


def version():
    """The library's version string, e.g. "0.2.0"."""
    return _L.scopt_version().decode()


class ScoptError(Exception):
    """A failed call: code ("bad_input", "bad_usage", ...), message, and for bad input where:
    file (a CSV path, or the API call), line (or record number), column."""

    def __init__(self, status, err):
        self.code = _L.scopt_status_name(status).decode()
        self.message = err.message.decode("utf-8", "replace")
        self.file = err.file.decode("utf-8", "replace")
        self.line, self.column = err.line, err.column
        super().__init__(self.message or self.code)


def _check(status, err):
    if status != 0:
        raise ScoptError(status, err)


class CancelToken:
    """Pass to Network.solve(cancel=...); call cancel() from any thread to stop the solve,
    which then returns the best plan found so far with status "cancelled"."""

    def __init__(self):
        self._flag = ctypes.c_int(0)

    def cancel(self):
        self._flag.value = 1

    @property
    def cancelled(self):
        return self._flag.value != 0


class _Callbacks:
    """The options struct with Python callbacks; keeps the ctypes thunks alive."""

    def __init__(self, diagnostics=None, log=None, progress=None, cancel=None, **numbers):
        self.opt = _lib.Options()
        _L.scopt_options_init(ctypes.byref(self.opt))
        for key, value in numbers.items():
            if value is None:
                continue
            if key not in ("mip_gap", "time_limit", "cuts", "heuristics", "max_errors", "pdlp_tol", "threads",
                           "device", "lp_method", "pdlp_finish"):
                raise TypeError("unknown option %r" % key)
            setattr(self.opt, key, type(getattr(self.opt, key))(value))
        self.diagnostics = diagnostics
        self._keep = []
        if diagnostics is not None:
            self._set("on_diagnostic", _lib.DIAGNOSTIC_FN(self._on_diag))
        if log is not None:
            self._set("on_log", _lib.LOG_FN(lambda line, user: log(line.decode("utf-8", "replace"))))
        if progress is not None:
            self._set("on_progress", _lib.PROGRESS_FN(lambda p, user: progress(_progress_dict(p.contents))))
        if cancel is not None:
            self.opt.cancel = ctypes.pointer(cancel._flag)
            self._keep.append(cancel)

    def _set(self, field, thunk):
        self._keep.append(thunk)
        setattr(self.opt, field, thunk)

    def _on_diag(self, d, user):
        d = d.contents
        self.diagnostics.append({"severity": ("note", "warning", "error")[d.severity],
                                 "file": (d.file or b"").decode("utf-8", "replace"), "line": d.line,
                                 "column": d.column, "message": (d.message or b"").decode("utf-8", "replace")})


def _progress_dict(p):
    out = p.as_dict()
    out["has_incumbent"] = bool(out["has_incumbent"])
    return out


def _cell(kind, value):
    """A record field from a Python value: None (or NaN) is the default, like an empty cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == _lib.T:
        return str(value).encode("utf-8")
    if kind == _lib.I:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError("expected a whole number, got %r" % (value,))
        return value
    return float(value)


def _records(rows):
    """rows as dicts: a list of dicts, a pandas DataFrame, or a dict of columns"""
    if hasattr(rows, "to_dict"):
        return rows.to_dict("records")
    if isinstance(rows, dict):
        keys = list(rows)
        return [dict(zip(keys, vals)) for vals in zip(*(rows[k] for k in keys))]
    return list(rows)


class Network:
    """A dataset in memory: read from a directory (read_dir) or built record by record
    (Network(), add(...), finish()) or from tables (Network.from_tables)."""

    def __init__(self, _handle=None, _callbacks=None):
        self._cb = _callbacks or _Callbacks(diagnostics=[])
        self._h = ctypes.c_void_p(_handle)
        if _handle is None:
            err = _lib.Error()
            _check(_L.scopt_network_new(ctypes.byref(self._cb.opt), ctypes.byref(self._h), ctypes.byref(err)), err)
        self.finished = _handle is not None

    @property
    def warnings(self):
        """Warnings (dicts: severity, file, line, column, message) of reading or adding."""
        return [d for d in self._cb.diagnostics if d["severity"] == "warning"]

    def __del__(self):
        if getattr(self, "_h", None) and self._h.value:
            _L.scopt_network_free(self._h)
            self._h = ctypes.c_void_p(None)

    def add(self, table, **columns):
        """Add one record to TABLE ("items", "sites", ..., as the CSV files are named);
        columns by name ("from" and "yield" may be given as from_ and yield_)."""
        err = _lib.Error()
        if table == "settings":
            for key, value in columns.items():
                v = None if value is None else str(value).encode("utf-8")
                _check(_L.scopt_network_add_setting(self._h, key.encode("utf-8"), v, ctypes.byref(err)), err)
            return self
        table = "capacity_calendar" if table == "calendar" else table
        if table not in _lib.RECORDS:
            raise ValueError("unknown table %r; expected one of %s" % (table, ", ".join(TABLE_ORDER)))
        name, fields = _lib.RECORDS[table]
        rec = _lib.RECORD_TYPES[table]()
        getattr(_L, "scopt_%s_init" % name)(ctypes.byref(rec))
        kinds = dict(fields)
        for key, value in columns.items():
            key = key.rstrip("_")
            if key not in kinds:
                raise ValueError("unknown column %r of %s; expected %s" % (key, table, ", ".join(kinds)))
            v = _cell(kinds[key], value)
            if v is None and kinds[key] == _lib.I:
                continue  # whole numbers keep the init's default (lead times 0, optional 0)
            setattr(rec, key, _lib.DEFAULT if v is None and kinds[key] == _lib.N else v)
        _check(getattr(_L, "scopt_network_add_%s" % name)(self._h, ctypes.byref(rec), ctypes.byref(err)), err)
        return self

    def finish(self):
        """Run the whole-network checks; the network can then be solved."""
        err = _lib.Error()
        _check(_L.scopt_network_finish(self._h, ctypes.byref(err)), err)
        self.finished = True
        return self

    @classmethod
    def from_tables(cls, tables):
        """A finished network from {table: rows}: rows are a list of dicts, a dict of
        columns or a pandas DataFrame; "settings" may also be a plain {key: value} dict."""
        unknown = set(tables) - set(TABLE_ORDER) - {"calendar"}
        if unknown:
            raise ValueError("unknown tables %s; expected %s" % (sorted(unknown), ", ".join(TABLE_ORDER)))
        net = cls()
        for table in TABLE_ORDER:
            rows = tables.get(table, tables.get("calendar") if table == "capacity_calendar" else None)
            if rows is None:
                continue
            if table == "settings" and isinstance(rows, dict) and "key" not in rows:
                rows = [{"key": k, "value": v} for k, v in rows.items()]
            for row in _records(rows):
                if table == "settings":
                    net.add("settings", **{str(row["key"]): row.get("value")})
                else:
                    net.add(table, **row)
        return net.finish()

    def solve(self, mip_gap=None, time_limit=None, cuts=None, heuristics=None, progress=None, log=None,
              cancel=None, threads=None, device=None, lp_method=None, pdlp_finish=None):
        """Solve; returns a Plan (whose status may be infeasible, no_plan, cancelled, ...).
        progress(dict) gets phase, elapsed_seconds, has_incumbent, incumbent, bound, gap;
        log(line) gets the solver's log lines; cancel is a CancelToken; threads: PDLP's CPU
        threads (default 1, "all": one per core; the same result whatever the number);
        device "auto" | "cpu" | "gpu", lp_method "auto" | "simplex" | "interior" | "pdlp",
        pdlp_finish "simplex" | "none" | "restricted" | "polish" as the CLI's options of those
        names (docs/pdlp.md)."""
        if not self.finished:
            self.finish()
        if threads == "all":
            threads = -1  # SCOPT_THREADS_ALL_CORES
        choices = {"device": (device, ("auto", "cpu", "gpu")),
                   "lp_method": (lp_method, ("auto", "simplex", "interior", "pdlp")),
                   "pdlp_finish": (pdlp_finish, ("simplex", "none", "restricted", "polish"))}
        named = {}
        for key, (value, names) in choices.items():
            if value is not None and value not in names:
                raise ValueError("%s %r: expected one of %s" % (key, value, ", ".join(names)))
            named[key] = None if value is None else names.index(value)
        cb = _Callbacks(log=log, progress=progress, cancel=cancel, mip_gap=mip_gap, time_limit=time_limit,
                        cuts=cuts, heuristics=heuristics, threads=threads, **named)
        err = _lib.Error()
        h = ctypes.c_void_p()
        _check(_L.scopt_solve(self._h, ctypes.byref(cb.opt), ctypes.byref(h), ctypes.byref(err)), err)
        return Plan(h.value, self)


def read_dir(path):
    """Read and check the dataset directory PATH (the CSV files of ARCHITECTURE.md section 2)."""
    cb = _Callbacks(diagnostics=[])
    err = _lib.Error()
    h = ctypes.c_void_p()
    status = _L.scopt_network_read_dir(str(path).encode("utf-8"), ctypes.byref(cb.opt), ctypes.byref(h),
                                       ctypes.byref(err))
    _check(status, err)
    return Network(h.value, cb)


class Plan:
    """A solved plan: status, objective, KPIs and the schedules, without files."""

    def __init__(self, handle, network):
        self._h = ctypes.c_void_p(handle)
        self.network = network  # the plan refers to its network: keep it alive
        info = _lib.PlanInfo()
        _L.scopt_plan_info_get(self._h, ctypes.byref(info))
        self._info = info

    def __del__(self):
        if getattr(self, "_h", None) and self._h.value:
            _L.scopt_plan_free(self._h)
            self._h = ctypes.c_void_p(None)

    @property
    def status(self):
        return _lib.SOLVE_STATUS[self._info.status]

    @property
    def has_plan(self):
        return bool(self._info.has_plan)

    @property
    def objective(self):
        return self._info.objective if self._info.has_plan else None

    @property
    def info(self):
        """KPIs: objective, best_bound, gap (None when unknown), fill_rate, model size, ..."""
        d = self._info.as_dict()
        d["status"] = self.status
        d["has_plan"] = self.has_plan
        d["costs"] = self.costs
        for key in ("best_bound", "lp_bound"):
            d[key] = None if d[key] == -math.inf else d[key]
        d["gap"] = None if d["gap"] < 0 else d["gap"]
        return d

    @property
    def costs(self):
        return {f: getattr(self._info.costs, f) for f in _lib.COST_FIELDS}

    @property
    def explanation(self):
        return [_L.scopt_plan_explanation(self._h, k).decode("utf-8")
                for k in range(_L.scopt_plan_explanation_count(self._h))]

    def rows(self, table):
        """The rows of a plan table (purchases, production, shipments, inventory_plan,
        deliveries, resource_load, sites) as dicts, as in its CSV file; NaN utilization is None."""
        if table not in PLAN_TABLES:
            raise ValueError("unknown plan table %r; expected one of %s" % (table, ", ".join(PLAN_TABLES)))
        k = PLAN_TABLES.index(table)
        getter = getattr(_L, "scopt_plan_%s" % _lib.PLAN_ROWS[k][1])
        row = _lib.ROW_TYPES[table]()
        out = []
        for i in range(_L.scopt_plan_row_count(self._h, k)):
            getter(self._h, i, ctypes.byref(row))
            d = row.as_dict()
            if isinstance(d.get("utilization"), float) and math.isnan(d["utilization"]):
                d["utilization"] = None
            out.append(d)
        return out

    def dataframe(self, table):
        """rows(table) as a pandas DataFrame (pandas must be installed)."""
        import pandas
        columns = [name for name, _ in _lib.ROW_TYPES[table]._fields_] if table in PLAN_TABLES else None
        return pandas.DataFrame(self.rows(table), columns=columns)

    def period_date(self, period):
        """ISO date of the period's first day when the settings give dates, else None."""
        buf = ctypes.create_string_buffer(16)
        return buf.value.decode() if _L.scopt_plan_period_date(self._h, period, buf, 16) else None

    @property
    def summary(self):
        """summary.json as a dict."""
        p = _L.scopt_plan_summary_json(self._h)
        try:
            return json.loads(ctypes.string_at(p).decode("utf-8"))
        finally:
            _L.scopt_free(p)

    def write_dir(self, path):
        """Write the CSV schedules and summary.json into PATH (atomically)."""
        err = _lib.Error()
        _check(_L.scopt_plan_write_dir(self._h, str(path).encode("utf-8"), ctypes.byref(err)), err)
