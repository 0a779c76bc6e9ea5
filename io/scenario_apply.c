/* scenario_apply.c - applying the edits of scenario.csv, in order, to the tables as the
 * overlay left them (docs/scenarios.md "Edits"): select the rows whose cells satisfy every
 * condition, then set, scale or shift the target cell, or delete the rows. An empty cell
 * reads as its default (0, 1 or unlimited; arithmetic leaves unlimited unlimited).
 * resources.capacity or supply.capacity with a condition on `period` edits the capacity of
 * those periods: the calendar row (capacity_calendar: resource, period; supply_calendar:
 * supplier, item, period) when there is one, else a new one that starts from the capacity of
 * resources.csv or supply.csv (none when an unlimited supply capacity stays unlimited). */
#define _POSIX_C_SOURCE 200809L
#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scenario.h"

typedef enum { V_NUM, V_UNLIMITED, V_NONE, V_TEXT } vkind;

/* the number a cell stands for (its default when empty) */
static vkind cell_value(sc_kind kind, const char *text, double *out)
{
    if (!text[0]) {
        *out = kind == SC_ONE ? 1 : kind == SC_UNLIMITED ? INFINITY : 0;
        return kind == SC_ZERO || kind == SC_ONE ? V_NUM : kind == SC_UNLIMITED ? V_UNLIMITED : V_NONE;
    }
    return parse_double(text, out) == NUM_OK ? V_NUM : V_TEXT;
}

static int equal(sc_kind kind, const char *text, const char *value)
{
    double a, b;
    if (!value[0]) return !text[0];
    if (scen_is_numeric(kind) && cell_value(kind, text, &a) == V_NUM && parse_double(value, &b) == NUM_OK)
        return a == b;
    return kind == SC_TEXT_CI ? strcasecmp(text, value) == 0 : strcmp(text, value) == 0;
}

static int cond_match(const scen_cond *c, sc_kind kind, const char *text)
{
    double v;
    vkind k = cell_value(kind, text, &v);
    int num = k == V_NUM || k == V_UNLIMITED;
    switch (c->cmp) {
    case CMP_EQ: return equal(kind, text, c->value);
    case CMP_NE: return !equal(kind, text, c->value);
    case CMP_GLOB: return fnmatch(c->value, text, 0) == 0;
    case CMP_NGLOB: return fnmatch(c->value, text, 0) != 0;
    case CMP_LT: return num && v < c->lo;
    case CMP_LE: return num && v <= c->lo;
    case CMP_GT: return num && v > c->lo;
    case CMP_GE: return num && v >= c->lo;
    case CMP_RANGE: return num && v >= c->lo && v <= c->hi;
    case CMP_LIST:
        for (int k2 = 0; k2 < c->nlist; k2++)
            if (equal(kind, text, c->list[k2])) return 1;
        return 0;
    }
    return 0;
}

static sc_kind kind_of(int table, const char *column)
{
    const sc_table *st = scen_table(table);
    int c = scen_col_find(st, column);
    return c >= 0 ? st->cols[c].kind : SC_TEXT;
}

/* row R satisfies every condition (those on a calendar period aside) */
static int row_match(const scen_edit *e, const scen_tab *tb, size_t r)
{
    char **row = raw_row(&tb->rows, r);
    for (int k = 0; k < e->nconds; k++) {
        const scen_cond *c = &e->conds[k];
        if (c->period) continue;
        int col = raw_col(&tb->rows, c->column);
        if (!cond_match(c, kind_of(e->table, c->column), col >= 0 ? row[col] : "")) return 0;
    }
    return 1;
}

static int period_match(const scen_edit *e, int period)
{
    char text[24];
    snprintf(text, sizeof text, "%d", period);
    for (int k = 0; k < e->nconds; k++)
        if (e->conds[k].period && !cond_match(&e->conds[k], SC_PERIOD, text)) return 0;
    return 1;
}

/* where row R's cell COL came from, for messages */
static void cell_loc(const scenario *sc, const scen_tab *tb, size_t r, int col, const char **file, long *line, long *fcol)
{
    const scen_origin *o = &tb->origin.data[r];
    *file = o->src == SRC_EDIT ? sc->edits_path : tb->path[o->src];
    *line = o->line;
    *fcol = o->src == SRC_EDIT ? 0 : tb->colno[o->src].data[col];
}

static double arith(scen_op op, double a, double b)
{
    switch (op) {
    case OP_MUL: return a * b;
    case OP_DIV: return a / b;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    default: return b;
    }
}

/* the edited text of a cell into buf (64 bytes); 1 when the cell stays as it is, -1 after an error */
static int new_text(scenario *sc, const scen_edit *e, const scen_tab *tb, size_t r, int col, char *buf)
{
    const char *old = raw_row(&tb->rows, r)[col];
    double v;
    if (e->op == OP_SET) { snprintf(buf, 64, "%s", e->value); return strlen(e->value) < 64 ? 0 : 2; }
    vkind k = cell_value(kind_of(e->table, e->column), old, &v);
    if (k == V_UNLIMITED) return 1;
    if (k != V_NUM) {
        const char *file;
        long line, fcol;
        cell_loc(sc, tb, r, col, &file, &line, &fcol);
        diag_report(sc->d, SCOPT_SEV_ERROR, file, line, fcol, "column '%s': %s%.40s%s cannot be changed by the "
                    "edit at %s:%ld; expected a number", e->column, old[0] ? "value \"" : "an empty cell",
                    old, old[0] ? "\"" : "", sc->edits_path, e->line);
        return -1;
    }
    v = arith(e->op, v, e->num);
    snprintf(buf, 64, "%.15g", v == 0 ? 0.0 : v);
    return 0;
}

static int set_cell(scenario *sc, const scen_edit *e, scen_tab *tb, size_t r, int col)
{
    char buf[64];
    int rc = new_text(sc, e, tb, r, col, buf);
    if (rc == 1) return 0;
    if (rc < 0) return -1;
    const char *text = rc == 2 ? e->value : buf;
    char *copy = text[0] ? raw_strdup(&tb->rows, text) : "";
    if (!copy) { sc->d->nomem = 1; return -1; }
    raw_row(&tb->rows, r)[col] = copy;
    tb->origin.data[r].edit_line = e->line;
    tb->origin.data[r].edit_col = col;
    return 0;
}

/* the planning horizon as the reader will see it: settings periods, else the last demand period */
static int horizon(scenario *sc)
{
    long T = 0, p;
    scen_tab *s = &sc->tab[T_SETTINGS], *d = &sc->tab[T_DEMAND];
    if (scen_load(sc, T_SETTINGS) || scen_load(sc, T_DEMAND)) return -1;
    int kc = raw_col(&s->rows, "key"), vc = raw_col(&s->rows, "value"), pc = raw_col(&d->rows, "period");
    for (size_t r = 0; kc >= 0 && vc >= 0 && r < s->rows.nrows; r++)
        if (strcasecmp(raw_row(&s->rows, r)[kc], "periods") == 0 &&
            parse_int_min(raw_row(&s->rows, r)[vc], 1, &p) == NUM_OK)
            return (int)p;
    for (size_t r = 0; pc >= 0 && r < d->rows.nrows; r++)
        if (parse_int_min(raw_row(&d->rows, r)[pc], 1, &p) == NUM_OK && p > T) T = p;
    return (int)T;
}

/* the capacity of owner row R (a resource or an offer) in a period after the edit, from its
 * capacity cell (resources.csv, supply.csv); 1 when the edit leaves it unlimited (arithmetic
 * on an empty supply capacity: the period needs no calendar row), -1 after an error */
static int period_capacity(scenario *sc, const scen_edit *e, const scen_tab *own, size_t r, char *buf)
{
    int col = raw_col(&own->rows, "capacity");
    const char *text = col >= 0 ? raw_row(&own->rows, r)[col] : "";
    double v;
    if (e->op == OP_SET) { snprintf(buf, 64, "%s", e->value); return 0; }
    vkind k = cell_value(kind_of(e->table, "capacity"), text, &v);
    if (k == V_UNLIMITED) return 1;
    if (k != V_NUM) {
        const char *file;
        long line, fcol;
        cell_loc(sc, own, r, col >= 0 ? col : 0, &file, &line, &fcol);
        diag_report(sc->d, SCOPT_SEV_ERROR, file, line, fcol, "column 'capacity': \"%.40s\" cannot be changed by "
                    "the edit at %s:%ld; expected a number", text, sc->edits_path, e->line);
        return -1;
    }
    v = arith(e->op, v, e->num);
    snprintf(buf, 64, "%.15g", v == 0 ? 0.0 : v);
    return 0;
}

/* a new calendar row (owner key, period) made by the edit: the key cells of owner row R */
static int add_calendar_row(scenario *sc, const scen_edit *e, size_t r, int period, const char *cap)
{
    int t = scen_calendar_of(e->table), out[8], n = 0;
    const scen_tab *own = &sc->tab[e->table];
    scen_tab *cal = &sc->tab[t];
    const sc_table *st = scen_table(t);
    char num[24];
    snprintf(num, sizeof num, "%d", period);
    for (; n < st->ncols && n < 8; n++)
        if ((out[n] = scen_col(cal, st->cols[n].name)) < 0) { sc->d->nomem = 1; return -1; }
    char **row = scen_add_row(cal, SRC_EDIT, e->line), **from = raw_row(&own->rows, r);
    for (int c = 0; row && c < n; c++) {
        int in = raw_col(&own->rows, st->cols[c].name);
        const char *text = st->cols[c].kind == SC_PERIOD ? num : strcmp(st->cols[c].name, "capacity") == 0 ? cap
                           : in >= 0 ? from[in] : "";
        if (!(row[out[c]] = raw_strdup(&cal->rows, text))) row = NULL;
    }
    if (!row) { sc->d->nomem = 1; return -1; }
    cal->origin.data[cal->origin.len - 1].edit_line = e->line;
    cal->origin.data[cal->origin.len - 1].edit_col = out[n - 1];
    return 0;
}

/* calendar row of each (owner key, period), by the key text of scen_row_key */
static int calendar_index(scenario *sc, int t, strmap *idx, int **rowof)
{
    scen_tab *cal = &sc->tab[t];
    char key[4096];
    *rowof = malloc((cal->rows.nrows + 1) * sizeof **rowof);
    if (!*rowof) return -1;
    for (size_t r = 0; r < cal->rows.nrows; r++) {
        int added, id;
        scen_row_key(cal, t, raw_row(&cal->rows, r), key, sizeof key);
        if ((id = strmap_intern(idx, key, &added)) < 0) return -1;
        if (added) (*rowof)[id] = (int)r;
    }
    return 0;
}

/* one owner row (resource or offer) in the periods the edit selects */
static int edit_owner_periods(scenario *sc, const scen_edit *e, size_t r, int T, strmap *idx, const int *rowof,
                              long *matched)
{
    int t = scen_calendar_of(e->table);
    scen_tab *own = &sc->tab[e->table], *cal = &sc->tab[t];
    char key[4096], cap[64];
    scen_row_key(own, e->table, raw_row(&own->rows, r), key, sizeof key);
    size_t len = strlen(key);
    for (int p = 1; p <= T; p++) {
        if (!period_match(e, p)) continue;
        ++*matched;
        snprintf(key + len, sizeof key - len, "%d\x1f", p);
        int id = strmap_find(idx, key), rc;
        if (id >= 0) rc = set_cell(sc, e, cal, (size_t)rowof[id], scen_col(cal, "capacity"));
        else if ((rc = period_capacity(sc, e, own, r, cap)) == 0) rc = add_calendar_row(sc, e, r, p, cap);
        if (rc < 0) return -1;
    }
    return 0;
}

/* resources.capacity or supply.capacity with a period condition: calendar rows */
static int apply_by_period(scenario *sc, const scen_edit *e, long *matched)
{
    scen_tab *own = &sc->tab[e->table];
    int cal = scen_calendar_of(e->table), T = horizon(sc), rc = 0;
    if (T <= 0 || scen_load(sc, cal)) return T < 0 || sc->d->nomem ? -1 : 0;
    strmap idx;
    int *rowof = NULL;
    strmap_init(&idx);
    if (calendar_index(sc, cal, &idx, &rowof)) { sc->d->nomem = 1; rc = -1; }
    size_t n = own->rows.nrows;
    for (size_t r = 0; r < n && !rc; r++)
        if (row_match(e, own, r)) rc = edit_owner_periods(sc, e, r, T, &idx, rowof, matched);
    strmap_free(&idx);
    free(rowof);
    return rc;
}

static int apply_delete(scenario *sc, const scen_edit *e, scen_tab *tb, long *matched)
{
    unsigned char *keep = malloc(tb->rows.nrows + 1);
    if (!keep) { sc->d->nomem = 1; return -1; }
    for (size_t r = 0; r < tb->rows.nrows; r++) {
        keep[r] = !row_match(e, tb, r);
        *matched += !keep[r];
    }
    scen_keep(tb, keep);
    free(keep);
    return 0;
}

static int apply_edit(scenario *sc, const scen_edit *e)
{
    long matched = 0;
    int rc = 0;
    if (scen_load(sc, e->table)) return -1;
    scen_tab *tb = &sc->tab[e->table];
    if (e->by_period) rc = apply_by_period(sc, e, &matched);
    else if (e->op == OP_DELETE) rc = apply_delete(sc, e, tb, &matched);
    else {
        int col = scen_col(tb, e->column);
        if (col < 0) { sc->d->nomem = 1; return -1; }
        for (size_t r = 0; r < tb->rows.nrows && !diag_limit_reached(sc->d); r++)
            if (row_match(e, tb, r)) {
                matched++;
                if (set_cell(sc, e, tb, r, col)) rc = -1;
            }
    }
    if (!rc && !matched)
        diag_report(sc->d, SCOPT_SEV_WARNING, sc->edits_path, e->line, e->col, "the edit matches no row of %s%s",
                    table_file_names[e->table], e->by_period ? " in the planning horizon" : "");
    return rc;
}

int scen_apply_edits(scenario *sc)
{
    int rc = 0;
    for (size_t k = 0; k < sc->edits.len && !sc->d->nomem && !diag_limit_reached(sc->d); k++)
        if (apply_edit(sc, &sc->edits.data[k])) rc = -1;
    return rc || sc->d->nomem ? -1 : 0;
}
