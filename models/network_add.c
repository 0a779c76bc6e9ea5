/* network_add.c - the adds of the master-data tables (settings, items, sites, supply,
 * operations, bom, resources, resource_use): defaults, reference resolution with
 * "did you mean", the kind and key rules of ARCHITECTURE.md section 2b. See network_add.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "network_add.h"

static int nomem(row_src *s) { s->d->nomem = 1; return -1; }

/* Look NAME (column SPEC) up in M; on failure report "unknown WHAT" with a suggestion. */
int add_lookup(scopt_network *n, row_src *s, int spec, const strmap *m, const char *what, table_id t,
               const char *name)
{
    (void)n;
    int id = strmap_find(m, name);
    if (id >= 0) return id;
    const char *sug = strmap_suggest(m, name);
    const char *a = strchr("aeiou", what[0]) ? "an" : "a";
    char where[80];
    snprintf(where, sizeof where, s->api ? "added with %s" : "of %s",
             s->api ? table_api_names[t] : table_file_names[t]);
    if (sug)
        src_error(s, spec, "unknown %s '%s'; expected %s %s %s (did you mean '%s'?)", what, name, a, what, where, sug);
    else
        src_error(s, spec, "unknown %s '%s'; expected %s %s %s", what, name, a, what, where);
    return -1;
}

int add_site_of_kind(scopt_network *n, row_src *s, int spec, site_kind kind, const char *role, const char *name)
{
    int id = add_lookup(n, s, spec, &n->site_names, "site", T_SITES, name);
    if (id >= 0 && n->sites.data[id].kind != kind) {
        src_error(s, spec, "%s '%s' is a %s site; expected a %s site", role, name,
                  site_kind_names[n->sites.data[id].kind], site_kind_names[kind]);
        return -1;
    }
    return id;
}

/* 1 when (a,b,c,d) was already seen in this table (error reported), -2 out of memory */
int add_duplicate(scopt_network *n, row_src *s, int a, int b, int c, int d, const char *keydesc)
{
    char ref[40];
    int prev = keymap_put(&n->build->keys[s->table], a, b, c, d, (int)s->line);
    if (prev == -2) { nomem(s); return -2; }
    if (prev >= 0) {
        src_error(s, 0, "duplicate key %s (first at %s); expected each key once", keydesc, src_ref(s, prev, ref, sizeof ref));
        return 1;
    }
    return 0;
}

/* ---- settings ---- */

/* A whole number in 1..1e9 (fits an int) or a number in 0..1e12. */
static int settings_number(row_src *s, const char *key, const char *text, double min, int integer, double *out)
{
    double x = 0, max = integer ? 1e9 : 1e12;
    num_result r = parse_double(text, &x);
    const char *why = r != NUM_OK ? "is not a number" : x < min ? "is too small" : x > max ? "is too large"
                      : integer && x != floor(x) ? "is not a whole number" : NULL;
    if (!why) { *out = x; return 0; }
    src_error(s, 1, "setting '%s': value \"%.40s\" %s; expected %s", key, text, why,
              integer ? "a whole number from 1 to 1000000000" : "a number from 0 to 1e12");
    return -1;
}

static int valid_iso_date(const char *s)
{
    int y, m, d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int k = 0; k < 10; k++)
        if (k != 4 && k != 7 && !(s[k] >= '0' && s[k] <= '9')) return 0; /* no signs, no spaces */
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] &&
           !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static void set_setting(net_settings *st, row_src *s, int k, const char *key, const char *v)
{
    double x = 0;
    switch (k) {
    case 0: if (!settings_number(s, key, v, 1, 1, &x)) st->periods = (int)x; break;
    case 1:
        if (valid_iso_date(v)) snprintf(st->start_date, sizeof st->start_date, "%s", v);
        else src_error(s, 1, "setting 'start_date': \"%.40s\" is not a date; expected YYYY-MM-DD", v);
        break;
    case 2: if (!settings_number(s, key, v, 1, 1, &x)) st->period_days = (int)x; break;
    case 3: snprintf(st->currency, sizeof st->currency, "%s", v); break;
    case 4: if (!settings_number(s, key, v, 0, 0, &x)) { st->mip_gap = x; st->has_mip_gap = 1; } break;
    case 5: if (!settings_number(s, key, v, 0, 0, &x)) { st->time_limit = x; st->has_time_limit = 1; } break;
    case 6:
        if (!settings_number(s, key, v, 0, 0, &x)) { st->default_unmet_penalty = x; st->has_default_unmet_penalty = 1; }
        break;
    }
}

int net_add_setting(scopt_network *n, row_src *s, const char *key, const char *value)
{
    static const char *const keys[] = {"periods", "start_date", "period_days", "currency",
                                       "mip_gap", "time_limit", "default_unmet_penalty"};
    if (chk_text(s, 0, key) | chk_text(s, 1, value)) return 0;
    int k = -1;
    for (int i = 0; i < (int)ARRAY_LEN(keys); i++)
        if (strcasecmp(key, keys[i]) == 0) k = i;
    if (k < 0) {
        src_warning(s, 0, "unknown setting '%s' is ignored", key);
        return 0;
    }
    char quoted[80];
    snprintf(quoted, sizeof quoted, "'%s'", keys[k]);
    int dup = add_duplicate(n, s, k, 0, 0, 0, quoted);
    if (dup) return dup == -2 ? -1 : 0;
    if (value && value[0]) set_setting(&n->settings, s, k, keys[k], value); /* empty value = default */
    return 0;
}

/* ---- items, sites ---- */

/* Add NAME to M as a new id; a repeat is a duplicate error. Returns the id, -1 on error. */
static int define_name(scopt_network *n, row_src *s, strmap *m, const char *what, const char *name)
{
    int added;
    char ref[40];
    int id = strmap_intern(m, name, &added);
    if (id < 0) return nomem(s);
    keymap *lines = &n->build->keys[s->table];
    if (!added) {
        src_error(s, 0, "duplicate %s '%s' (first at %s); expected each %s once", what, name,
                  src_ref(s, keymap_get(lines, id, 0, 0, 0), ref, sizeof ref), what);
        return -1;
    }
    if (keymap_put(lines, id, 0, 0, 0, (int)s->line) == -2) return nomem(s);
    return id;
}

static int text_id(scopt_network *n, row_src *s, const char *t)
{
    if (!t || !t[0]) return -1;
    int id = strmap_intern(&n->text, t, NULL);
    if (id < 0) nomem(s);
    return id;
}

int net_add_item(scopt_network *n, row_src *s, const scopt_item *r)
{
    double volume, value;
    if (chk_text(s, 0, r->item) | chk_text(s, 1, r->description) | chk_text(s, 2, r->unit) |
        chk_num(s, 3, r->volume, 1.0, &volume) | chk_num(s, 4, r->value, 0.0, &value))
        return 0;
    if (define_name(n, s, &n->item_names, "item", r->item) < 0) return s->d->nomem ? -1 : 0;
    net_item *it = VEC_PUSH(n->items);
    if (!it) return nomem(s);
    *it = (net_item){(int)s->line, volume, value, text_id(n, s, r->description), text_id(n, s, r->unit)};
    return s->d->nomem ? -1 : 0;
}

int net_add_site(scopt_network *n, row_src *s, const scopt_site *r)
{
    double fixed, storage;
    int optional, kind = -1;
    if (chk_text(s, 0, r->site) | chk_text(s, 1, r->kind) | chk_num(s, 2, r->fixed_cost, 0, &fixed) |
        chk_int(s, 3, r->optional, &optional) | chk_num(s, 4, r->storage_capacity, SCOPT_INF, &storage))
        return 0;
    for (int k = 0; k < KIND_COUNT; k++)
        if (strcasecmp(r->kind, site_kind_names[k]) == 0) kind = k;
    if (kind < 0) {
        src_error(s, 1, "unknown site kind '%s'; expected supplier, plant, warehouse or customer", r->kind);
        return 0;
    }
    if (define_name(n, s, &n->site_names, "site", r->site) < 0) return s->d->nomem ? -1 : 0;
    net_site *st = VEC_PUSH(n->sites);
    if (!st) return nomem(s);
    *st = (net_site){(int)s->line, (site_kind)kind, fixed, optional, storage};
    return 0;
}

/* ---- supply ---- */
int net_add_supply(scopt_network *n, row_src *s, const scopt_supply *r)
{
    net_supply row = {.line = (int)s->line};
    if (chk_text(s, 0, r->supplier) | chk_text(s, 1, r->item) | chk_num(s, 2, r->unit_cost, 0, &row.unit_cost) |
        chk_num(s, 3, r->capacity, SCOPT_INF, &row.capacity) | chk_int(s, 4, r->lead_time, &row.lead_time) |
        chk_num(s, 5, r->min_order, 0, &row.min_order) | chk_num(s, 6, r->order_cost, 0, &row.order_cost))
        return 0;
    row.supplier = add_site_of_kind(n, s, 0, KIND_SUPPLIER, "supplier", r->supplier);
    row.item = add_lookup(n, s, 1, &n->item_names, "item", T_ITEMS, r->item);
    if (row.supplier < 0 || row.item < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(supplier, item) = (%s, %s)", r->supplier, r->item);
    int dup = add_duplicate(n, s, row.supplier, row.item, 0, 0, key);
    if (dup) return dup == -2 ? -1 : 0;
    if ((row.min_order > 0 || row.order_cost > 0) && is_inf(row.capacity)) {
        src_error(s, 3, "offer (%s, %s) has min_order or order_cost but no capacity; expected a finite "
                  "capacity (it bounds each order)", r->supplier, r->item);
        return 0;
    }
    if (keymap_put(&n->build->offers, row.supplier, row.item, 0, 0, (int)n->supply.len) == -2) return nomem(s);
    net_supply *p = VEC_PUSH(n->supply);
    if (!p) return nomem(s);
    *p = row;
    return 0;
}

/* ---- operations, bom ---- */
int net_add_operation(scopt_network *n, row_src *s, const scopt_operation *r)
{
    net_operation row = {.line = (int)s->line};
    if (chk_text(s, 0, r->operation) | chk_text(s, 1, r->site) | chk_text(s, 2, r->item) |
        chk_num(s, 3, r->yield, 1, &row.yield) | chk_num(s, 4, r->unit_cost, 0, &row.unit_cost) |
        chk_int(s, 5, r->lead_time, &row.lead_time) | chk_num(s, 6, r->min_lot, 0, &row.min_lot) |
        chk_num(s, 7, r->setup_cost, 0, &row.setup_cost) |
        chk_num(s, 8, r->max_per_period, SCOPT_INF, &row.max_per_period))
        return 0;
    row.site = add_site_of_kind(n, s, 1, KIND_PLANT, "site", r->site);
    row.item = add_lookup(n, s, 2, &n->item_names, "item", T_ITEMS, r->item);
    if (row.site < 0 || row.item < 0) return 0;
    if (define_name(n, s, &n->op_names, "operation", r->operation) < 0) return s->d->nomem ? -1 : 0;
    net_operation *o = VEC_PUSH(n->ops);
    if (!o) return nomem(s);
    *o = row;
    return 0;
}

int net_add_bom(scopt_network *n, row_src *s, const scopt_bom *r)
{
    double qty;
    if (chk_text(s, 0, r->operation) | chk_text(s, 1, r->item) | chk_num(s, 2, r->quantity, 0, &qty)) return 0;
    int o = add_lookup(n, s, 0, &n->op_names, "operation", T_OPERATIONS, r->operation);
    int i = add_lookup(n, s, 1, &n->item_names, "item", T_ITEMS, r->item);
    if (o < 0 || i < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(operation, item) = (%s, %s)", r->operation, r->item);
    int dup = add_duplicate(n, s, o, i, 0, 0, key);
    if (dup) return dup == -2 ? -1 : 0;
    net_bom *b = VEC_PUSH(n->bom);
    if (!b) return nomem(s);
    *b = (net_bom){(int)s->line, o, i, qty};
    return 0;
}

/* ---- resources, resource_use (the calendars: network_add_calendar.c) ---- */
int net_add_resource(scopt_network *n, row_src *s, const scopt_resource *r)
{
    net_resource row = {.line = (int)s->line};
    if (chk_text(s, 0, r->resource) | chk_text(s, 1, r->site) | chk_num(s, 2, r->capacity, 0, &row.capacity) |
        chk_num(s, 3, r->overtime_capacity, 0, &row.overtime_capacity) |
        chk_num(s, 4, r->overtime_cost, 0, &row.overtime_cost))
        return 0;
    row.site = add_site_of_kind(n, s, 1, KIND_PLANT, "site", r->site);
    if (row.site < 0) return 0;
    if (define_name(n, s, &n->res_names, "resource", r->resource) < 0) return s->d->nomem ? -1 : 0;
    net_resource *p = VEC_PUSH(n->res);
    if (!p) return nomem(s);
    *p = row;
    return 0;
}

int net_add_resource_use(scopt_network *n, row_src *s, const scopt_resource_use *r)
{
    net_resource_use row = {.line = (int)s->line};
    if (chk_text(s, 0, r->operation) | chk_text(s, 1, r->resource) | chk_num(s, 2, r->usage, 0, &row.usage) |
        chk_num(s, 3, r->setup_usage, 0, &row.setup_usage))
        return 0;
    row.operation = add_lookup(n, s, 0, &n->op_names, "operation", T_OPERATIONS, r->operation);
    row.resource = add_lookup(n, s, 1, &n->res_names, "resource", T_RESOURCES, r->resource);
    if (row.operation < 0 || row.resource < 0) return 0;
    int os = n->ops.data[row.operation].site, rs = n->res.data[row.resource].site;
    if (os != rs) {
        src_error(s, 1, "resource '%s' is at site '%s' but operation '%s' runs at '%s'; expected a resource of "
                  "the operation's own site", r->resource, site_name(n, rs), r->operation, site_name(n, os));
        return 0;
    }
    char key[300];
    snprintf(key, sizeof key, "(operation, resource) = (%s, %s)", r->operation, r->resource);
    int dup = add_duplicate(n, s, row.operation, row.resource, 0, 0, key);
    if (dup) return dup == -2 ? -1 : 0;
    net_resource_use *u = VEC_PUSH(n->use);
    if (!u) return nomem(s);
    *u = row;
    return 0;
}
