/* read_tables.c - row handlers of the dataset tables: defaults, reference resolution
 * with "did you mean", the kind rules and key rules of ARCHITECTURE.md section 2b. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "read_tables.h"

#define RS(ctx) ((read_state *)(ctx)->user)
#define NET(ctx) (RS(ctx)->net)
static int nomem_stop(csv_row_ctx *ctx) { ctx->diag->nomem = 1; return 1; }
#define NOMEM(ctx) nomem_stop(ctx)

static double num_or(const cell *c, double dflt) { return c->present ? c->num : dflt; }

/* Look the name in cell K up in M; on failure report "unknown WHAT" with a suggestion. */
static int lookup(csv_row_ctx *ctx, const cell *cells, int k, const strmap *m, const char *what,
                  const char *file)
{
    int id = strmap_find(m, cells[k].text);
    if (id >= 0) return id;
    const char *s = strmap_suggest(m, cells[k].text);
    const char *a = strchr("aeiou", what[0]) ? "an" : "a";
    if (s)
        csv_cell_error(ctx, k, "unknown %s '%s'; expected %s %s of %s (did you mean '%s'?)", what,
                       cells[k].text, a, what, file, s);
    else
        csv_cell_error(ctx, k, "unknown %s '%s'; expected %s %s of %s", what, cells[k].text, a, what, file);
    return -1;
}

static int site_of_kind(csv_row_ctx *ctx, const cell *cells, int k, site_kind kind, const char *role)
{
    scopt_network *n = NET(ctx);
    int s = lookup(ctx, cells, k, &n->site_names, "site", "sites.csv");
    if (s >= 0 && n->sites.data[s].kind != kind) {
        csv_cell_error(ctx, k, "%s '%s' is a %s site; expected a %s site", role, cells[k].text,
                       site_kind_names[n->sites.data[s].kind], site_kind_names[kind]);
        return -1;
    }
    return s;
}

/* 1 when (a,b,c,d) was already seen in this table (error reported) */
static int duplicate(csv_row_ctx *ctx, table_id t, int a, int b, int c, int d, int line_value,
                     const char *keydesc)
{
    int prev = keymap_put(&RS(ctx)->keys[t], a, b, c, d, line_value);
    if (prev == -2) return NOMEM(ctx);
    if (prev >= 0) {
        csv_cell_error(ctx, 0, "duplicate key %s (first at line %d); expected each key once", keydesc, prev);
        return 1;
    }
    return 0;
}

/* ---- settings.csv ---- */
static const col_spec settings_cols[] = {{"key", COL_TEXT, 1}, {"value", COL_ANY, 0}};

/* A whole number in 1..1e9 (fits an int) or a number in 0..1e12. */
static int settings_number(csv_row_ctx *ctx, const char *key, const cell *v, double min, int integer,
                           double *out)
{
    double x = 0, max = integer ? 1e9 : 1e12;
    num_result r = parse_double(v->text, &x);
    const char *why = r != NUM_OK ? "is not a number" : x < min ? "is too small" : x > max ? "is too large"
                      : integer && x != floor(x) ? "is not a whole number" : NULL;
    if (!why) { *out = x; return 0; }
    csv_cell_error(ctx, 1, "setting '%s': value \"%.40s\" %s; expected %s", key, v->text, why,
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

static int on_settings(csv_row_ctx *ctx, const cell *c)
{
    net_settings *s = &NET(ctx)->settings;
    const char *key = c[0].text;
    static const char *const keys[] = {"periods", "start_date", "period_days", "currency",
                                       "mip_gap", "time_limit", "default_unmet_penalty"};
    int k = -1;
    for (int i = 0; i < (int)ARRAY_LEN(keys); i++)
        if (strcasecmp(key, keys[i]) == 0) k = i;
    if (k < 0) {
        csv_cell_warning(ctx, 0, "unknown setting '%s' is ignored", key);
        return 0;
    }
    char quoted[80];
    snprintf(quoted, sizeof quoted, "'%s'", keys[k]);
    if (duplicate(ctx, T_SETTINGS, k, 0, 0, 0, (int)ctx->line, quoted)) return 0;
    double x = 0;
    if (!c[1].present) return 0; /* empty value = default */
    switch (k) {
    case 0: if (!settings_number(ctx, keys[k], &c[1], 1, 1, &x)) s->periods = (int)x; break;
    case 1:
        if (valid_iso_date(c[1].text)) snprintf(s->start_date, sizeof s->start_date, "%s", c[1].text);
        else csv_cell_error(ctx, 1, "setting 'start_date': \"%.40s\" is not a date; expected YYYY-MM-DD", c[1].text);
        break;
    case 2: if (!settings_number(ctx, keys[k], &c[1], 1, 1, &x)) s->period_days = (int)x; break;
    case 3: snprintf(s->currency, sizeof s->currency, "%s", c[1].text); break;
    case 4: if (!settings_number(ctx, keys[k], &c[1], 0, 0, &x)) { s->mip_gap = x; s->has_mip_gap = 1; } break;
    case 5: if (!settings_number(ctx, keys[k], &c[1], 0, 0, &x)) { s->time_limit = x; s->has_time_limit = 1; } break;
    case 6:
        if (!settings_number(ctx, keys[k], &c[1], 0, 0, &x)) { s->default_unmet_penalty = x; s->has_default_unmet_penalty = 1; }
        break;
    }
    return 0;
}

/* ---- items.csv, sites.csv ---- */
static const col_spec item_cols[] = {{"item", COL_TEXT, 1}, {"description", COL_ANY, 0},
                                     {"unit", COL_ANY, 0},  {"volume", COL_NUM, 0},
                                     {"value", COL_NUM, 0}};

/* Add a new name to M; a repeat is a duplicate-key error. Returns the id or -1. */
static int define_name(csv_row_ctx *ctx, strmap *m, const char *what, const char *name, int line_map_t)
{
    int added;
    int id = strmap_intern(m, name, &added);
    if (id < 0) { NOMEM(ctx); return -1; }
    if (!added) {
        int first = keymap_get(&RS(ctx)->keys[line_map_t], id, 0, 0, 0);
        csv_cell_error(ctx, 0, "duplicate %s '%s' (first at line %d); expected each %s once", what, name,
                       first, what);
        return -1;
    }
    if (keymap_put(&RS(ctx)->keys[line_map_t], id, 0, 0, 0, (int)ctx->line) == -2) { NOMEM(ctx); return -1; }
    return id;
}

static int text_id(csv_row_ctx *ctx, const cell *c)
{
    if (!c->present) return -1;
    int id = strmap_intern(&NET(ctx)->text, c->text, NULL);
    if (id < 0) NOMEM(ctx);
    return id;
}

static int on_item(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    if (define_name(ctx, &n->item_names, "item", c[0].text, T_ITEMS) < 0) return 0;
    net_item *it = VEC_PUSH(n->items);
    if (!it) return NOMEM(ctx);
    *it = (net_item){(int)ctx->line, num_or(&c[3], 1.0), num_or(&c[4], 0.0), text_id(ctx, &c[1]),
                     text_id(ctx, &c[2])};
    return 0;
}

static const col_spec site_cols[] = {{"site", COL_TEXT, 1},      {"kind", COL_TEXT, 1},
                                     {"fixed_cost", COL_NUM, 0}, {"optional", COL_FLAG, 0},
                                     {"storage_capacity", COL_NUM, 0}};

static int on_site(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int kind = -1;
    for (int k = 0; k < KIND_COUNT; k++)
        if (strcasecmp(c[1].text, site_kind_names[k]) == 0) kind = k;
    if (kind < 0) {
        csv_cell_error(ctx, 1, "unknown site kind '%s'; expected supplier, plant, warehouse or customer",
                       c[1].text);
        return 0;
    }
    if (define_name(ctx, &n->site_names, "site", c[0].text, T_SITES) < 0) return 0;
    net_site *s = VEC_PUSH(n->sites);
    if (!s) return NOMEM(ctx);
    *s = (net_site){(int)ctx->line, (site_kind)kind, num_or(&c[2], 0), (int)c[3].ival,
                    num_or(&c[4], SCOPT_INF)};
    return 0;
}

/* ---- supply.csv ---- */
static const col_spec supply_cols[] = {
    {"supplier", COL_TEXT, 1}, {"item", COL_TEXT, 1},     {"unit_cost", COL_NUM, 0},
    {"capacity", COL_NUM, 0},  {"lead_time", COL_LEAD, 0}, {"min_order", COL_NUM, 0},
    {"order_cost", COL_NUM, 0}};

static int on_supply(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int s = site_of_kind(ctx, c, 0, KIND_SUPPLIER, "supplier");
    int i = lookup(ctx, c, 1, &n->item_names, "item", "items.csv");
    if (s < 0 || i < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(supplier, item) = (%s, %s)", c[0].text, c[1].text);
    if (duplicate(ctx, T_SUPPLY, s, i, 0, 0, (int)ctx->line, key)) return 0;
    net_supply row = {(int)ctx->line, s, i, num_or(&c[2], 0), num_or(&c[3], SCOPT_INF),
                      num_or(&c[5], 0), num_or(&c[6], 0), (int)c[4].ival};
    if ((row.min_order > 0 || row.order_cost > 0) && is_inf(row.capacity)) {
        csv_cell_error(ctx, 3, "offer (%s, %s) has min_order or order_cost but no capacity; expected a finite "
                       "capacity (it bounds each order)", c[0].text, c[1].text);
        return 0;
    }
    net_supply *p = VEC_PUSH(n->supply);
    if (!p) return NOMEM(ctx);
    *p = row;
    return 0;
}

/* ---- operations.csv, bom.csv ---- */
static const col_spec op_cols[] = {
    {"operation", COL_TEXT, 1}, {"site", COL_TEXT, 1},      {"item", COL_TEXT, 1},
    {"yield", COL_POS, 0},      {"unit_cost", COL_NUM, 0},  {"lead_time", COL_LEAD, 0},
    {"min_lot", COL_NUM, 0},    {"setup_cost", COL_NUM, 0}, {"max_per_period", COL_NUM, 0}};

static int on_operation(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int s = site_of_kind(ctx, c, 1, KIND_PLANT, "site");
    int i = lookup(ctx, c, 2, &n->item_names, "item", "items.csv");
    if (s < 0 || i < 0) return 0;
    if (define_name(ctx, &n->op_names, "operation", c[0].text, T_OPERATIONS) < 0) return 0;
    net_operation *o = VEC_PUSH(n->ops);
    if (!o) return NOMEM(ctx);
    *o = (net_operation){(int)ctx->line, s, i, num_or(&c[3], 1), num_or(&c[4], 0), num_or(&c[6], 0),
                         num_or(&c[7], 0), num_or(&c[8], SCOPT_INF), (int)c[5].ival};
    return 0;
}

static const col_spec bom_cols[] = {{"operation", COL_TEXT, 1}, {"item", COL_TEXT, 1},
                                    {"quantity", COL_NUM, 1}};

static int on_bom(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int o = lookup(ctx, c, 0, &n->op_names, "operation", "operations.csv");
    int i = lookup(ctx, c, 1, &n->item_names, "item", "items.csv");
    if (o < 0 || i < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(operation, item) = (%s, %s)", c[0].text, c[1].text);
    if (duplicate(ctx, T_BOM, o, i, 0, 0, (int)ctx->line, key)) return 0;
    net_bom *b = VEC_PUSH(n->bom);
    if (!b) return NOMEM(ctx);
    *b = (net_bom){(int)ctx->line, o, i, c[2].num};
    return 0;
}

/* ---- resources.csv, resource_use.csv, capacity_calendar.csv ---- */
static const col_spec res_cols[] = {{"resource", COL_TEXT, 1},        {"site", COL_TEXT, 1},
                                    {"capacity", COL_NUM, 1},         {"overtime_capacity", COL_NUM, 0},
                                    {"overtime_cost", COL_NUM, 0}};

static int on_resource(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int s = site_of_kind(ctx, c, 1, KIND_PLANT, "site");
    if (s < 0) return 0;
    if (define_name(ctx, &n->res_names, "resource", c[0].text, T_RESOURCES) < 0) return 0;
    net_resource *r = VEC_PUSH(n->res);
    if (!r) return NOMEM(ctx);
    *r = (net_resource){(int)ctx->line, s, c[2].num, num_or(&c[3], 0), num_or(&c[4], 0)};
    return 0;
}

static const col_spec use_cols[] = {{"operation", COL_TEXT, 1}, {"resource", COL_TEXT, 1},
                                    {"usage", COL_NUM, 1},      {"setup_usage", COL_NUM, 0}};

static int on_resource_use(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int o = lookup(ctx, c, 0, &n->op_names, "operation", "operations.csv");
    int r = lookup(ctx, c, 1, &n->res_names, "resource", "resources.csv");
    if (o < 0 || r < 0) return 0;
    if (n->ops.data[o].site != n->res.data[r].site) {
        csv_cell_error(ctx, 1, "resource '%s' is at site '%s' but operation '%s' runs at '%s'; expected a "
                       "resource of the operation's own site", c[1].text, site_name(n, n->res.data[r].site),
                       c[0].text, site_name(n, n->ops.data[o].site));
        return 0;
    }
    char key[300];
    snprintf(key, sizeof key, "(operation, resource) = (%s, %s)", c[0].text, c[1].text);
    if (duplicate(ctx, T_RESOURCE_USE, o, r, 0, 0, (int)ctx->line, key)) return 0;
    net_resource_use *u = VEC_PUSH(n->use);
    if (!u) return NOMEM(ctx);
    *u = (net_resource_use){(int)ctx->line, o, r, c[2].num, num_or(&c[3], 0)};
    return 0;
}

static const col_spec cal_cols[] = {{"resource", COL_TEXT, 1}, {"period", COL_PERIOD, 1},
                                    {"capacity", COL_NUM, 1}};

static int on_calendar(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int r = lookup(ctx, c, 0, &n->res_names, "resource", "resources.csv");
    if (r < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(resource, period) = (%s, %ld)", c[0].text, c[1].ival);
    if (duplicate(ctx, T_CALENDAR, r, (int)c[1].ival, 0, 0, (int)ctx->line, key)) return 0;
    net_calendar *k = VEC_PUSH(n->calendar);
    if (!k) return NOMEM(ctx);
    *k = (net_calendar){(int)ctx->line, r, (int)c[1].ival, c[2].num};
    return 0;
}

/* ---- lanes.csv ---- */
static const col_spec lane_cols[] = {
    {"from", COL_TEXT, 1},         {"to", COL_TEXT, 1},       {"item", COL_ANY, 0},
    {"mode", COL_ANY, 0},          {"unit_cost", COL_NUM, 0}, {"lead_time", COL_LEAD, 0},
    {"capacity", COL_NUM, 0},      {"vehicle_capacity", COL_NUM, 0},
    {"vehicle_cost", COL_NUM, 0}};

static int on_lane(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int f = lookup(ctx, c, 0, &n->site_names, "site", "sites.csv");
    int t = lookup(ctx, c, 1, &n->site_names, "site", "sites.csv");
    int i = c[2].present ? lookup(ctx, c, 2, &n->item_names, "item", "items.csv") : -1;
    if (f < 0 || t < 0 || (c[2].present && i < 0)) return 0;
    if (n->sites.data[f].kind == KIND_CUSTOMER) {
        csv_cell_error(ctx, 0, "lane starts at customer '%s'; expected a supplier, plant or warehouse", c[0].text);
        return 0;
    }
    if (n->sites.data[t].kind == KIND_SUPPLIER) {
        csv_cell_error(ctx, 1, "lane ends at supplier '%s'; expected a plant, warehouse or customer", c[1].text);
        return 0;
    }
    if (f == t) {
        csv_cell_error(ctx, 1, "lane from '%s' to itself; expected two different sites", c[0].text);
        return 0;
    }
    int mode = strmap_intern(&n->mode_names, c[3].text, NULL);
    if (mode < 0) return NOMEM(ctx);
    /* A repeated (from, to, item, mode) is a parallel lane with its own cost and capacity: the
     * conformance answer key reads section 2b this way (docs/decisions.md). */
    int first = keymap_put(&RS(ctx)->keys[T_LANES], f, t, i, mode, (int)ctx->line);
    if (first == -2) return NOMEM(ctx);
    if (first >= 0)
        csv_cell_warning(ctx, 0, "lane (%s, %s, %s, %s) repeats line %d; the two rows are parallel lanes with "
                         "their own capacities and costs", c[0].text, c[1].text, c[2].text, c[3].text, first);
    net_lane row = {(int)ctx->line, f, t, i, mode, num_or(&c[4], 0), num_or(&c[6], SCOPT_INF),
                    num_or(&c[7], SCOPT_INF), num_or(&c[8], 0), (int)c[5].ival};
    int has_cap = c[7].present && row.vehicle_capacity > 0, has_cost = row.vehicle_cost > 0;
    if (has_cap != has_cost && (c[7].present || has_cost))
        csv_cell_warning(ctx, has_cap ? 8 : 7, "lane %s -> %s has %s but no %s: no vehicles are modelled",
                         c[0].text, c[1].text, has_cap ? "vehicle_capacity" : "vehicle_cost",
                         has_cap ? "vehicle_cost" : "vehicle_capacity");
    net_lane *l = VEC_PUSH(n->lanes);
    if (!l) return NOMEM(ctx);
    *l = row;
    return 0;
}

/* ---- inventory.csv, receipts.csv ---- */
static const col_spec inv_cols[] = {
    {"site", COL_TEXT, 1},     {"item", COL_TEXT, 1}, {"initial", COL_NUM, 0},
    {"holding_cost", COL_NUM, 0}, {"safety_stock", COL_NUM, 0}, {"max", COL_NUM, 0},
    {"shortfall_penalty", COL_NUM, 0}};

static int on_inventory(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int s = lookup(ctx, c, 0, &n->site_names, "site", "sites.csv");
    int i = lookup(ctx, c, 1, &n->item_names, "item", "items.csv");
    if (s < 0 || i < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(site, item) = (%s, %s)", c[0].text, c[1].text);
    if (duplicate(ctx, T_INVENTORY, s, i, 0, 0, (int)ctx->line, key)) return 0;
    net_inventory *v = VEC_PUSH(n->inventory);
    if (!v) return NOMEM(ctx);
    *v = (net_inventory){(int)ctx->line, s, i, num_or(&c[2], 0), num_or(&c[3], 0), num_or(&c[4], 0),
                         num_or(&c[5], SCOPT_INF), num_or(&c[6], 0)};
    return 0;
}

static const col_spec receipt_cols[] = {{"site", COL_TEXT, 1}, {"item", COL_TEXT, 1},
                                        {"period", COL_PERIOD, 1}, {"quantity", COL_NUM, 1}};

static int on_receipt(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int s = lookup(ctx, c, 0, &n->site_names, "site", "sites.csv");
    int i = lookup(ctx, c, 1, &n->item_names, "item", "items.csv");
    if (s < 0 || i < 0) return 0;
    int prev = keymap_put(&RS(ctx)->keys[T_RECEIPTS], s, i, (int)c[2].ival, 0, (int)n->receipts.len);
    if (prev == -2) return NOMEM(ctx);
    if (prev >= 0) { n->receipts.data[prev].quantity += c[3].num; return 0; }
    net_receipt *r = VEC_PUSH(n->receipts);
    if (!r) return NOMEM(ctx);
    *r = (net_receipt){(int)ctx->line, s, i, (int)c[2].ival, c[3].num};
    return 0;
}

/* ---- demand.csv ---- */
static const col_spec demand_cols[] = {
    {"customer", COL_TEXT, 1}, {"item", COL_TEXT, 1},          {"period", COL_PERIOD, 1},
    {"quantity", COL_NUM, 1},  {"unmet_penalty", COL_NUM, 0}, {"backorder_cost", COL_NUM, 0}};

static int on_demand(csv_row_ctx *ctx, const cell *c)
{
    scopt_network *n = NET(ctx);
    int s = site_of_kind(ctx, c, 0, KIND_CUSTOMER, "customer");
    int i = lookup(ctx, c, 1, &n->item_names, "item", "items.csv");
    if (s < 0 || i < 0) return 0;
    double unmet = c[4].num;
    if (!c[4].present) {
        if (!n->settings.has_default_unmet_penalty) {
            csv_cell_error(ctx, 4, "empty unmet_penalty; expected a number >= 0 here or a "
                           "default_unmet_penalty in settings.csv");
            return 0;
        }
        unmet = n->settings.default_unmet_penalty;
    }
    double back = num_or(&c[5], 0);
    int prev = keymap_put(&RS(ctx)->keys[T_DEMAND], s, i, (int)c[2].ival, 0, (int)n->demand.len);
    if (prev == -2) return NOMEM(ctx);
    if (prev >= 0) {
        net_demand *d = &n->demand.data[prev];
        if (d->unmet_penalty != unmet || d->backorder_cost != back) {
            csv_cell_error(ctx, d->unmet_penalty != unmet ? 4 : 5,
                           "demand (%s, %s, period %ld) repeats line %d with other penalties; expected the "
                           "same unmet_penalty and backorder_cost on rows that are summed",
                           c[0].text, c[1].text, c[2].ival, d->line);
            return 0;
        }
        d->quantity += c[3].num;
        return 0;
    }
    net_demand *d = VEC_PUSH(n->demand);
    if (!d) return NOMEM(ctx);
    *d = (net_demand){(int)ctx->line, s, i, (int)c[2].ival, c[3].num, unmet, back, c[4].present, c[5].present};
    return 0;
}

#define DEF(t, req, cols, fn) {t, req, cols, (int)ARRAY_LEN(cols), fn}
static const table_def tables[T_COUNT] = {
    DEF(T_SETTINGS, 0, settings_cols, on_settings),   DEF(T_ITEMS, 1, item_cols, on_item),
    DEF(T_SITES, 1, site_cols, on_site),              DEF(T_SUPPLY, 0, supply_cols, on_supply),
    DEF(T_OPERATIONS, 0, op_cols, on_operation),      DEF(T_BOM, 0, bom_cols, on_bom),
    DEF(T_RESOURCES, 0, res_cols, on_resource),       DEF(T_RESOURCE_USE, 0, use_cols, on_resource_use),
    DEF(T_CALENDAR, 0, cal_cols, on_calendar),        DEF(T_LANES, 0, lane_cols, on_lane),
    DEF(T_INVENTORY, 0, inv_cols, on_inventory),      DEF(T_RECEIPTS, 0, receipt_cols, on_receipt),
    DEF(T_DEMAND, 1, demand_cols, on_demand)};

const table_def *dataset_tables(void) { return tables; }
