/* network.h - the in-memory dataset (ARCHITECTURE.md section 2): plain C structs, one
 * array per table, names interned to dense ids. No GLPK, no CSV: io/ fills it, the
 * model builder and the checker read it. Row provenance (file line, column numbers of
 * the header) is kept so that later checks can point at the cell to fix. */
#ifndef SCOPT_NETWORK_H
#define SCOPT_NETWORK_H

#include "util.h"

typedef enum { KIND_SUPPLIER = 0, KIND_PLANT, KIND_WAREHOUSE, KIND_CUSTOMER, KIND_COUNT } site_kind;
extern const char *const site_kind_names[KIND_COUNT];

/* Tables in reading order; also the index of their provenance. */
typedef enum {
    T_SETTINGS, T_ITEMS, T_SITES, T_SUPPLY, T_OPERATIONS, T_BOM, T_RESOURCES, T_RESOURCE_USE,
    T_CALENDAR, T_SUPPLY_CALENDAR, T_LANES, T_INVENTORY, T_RECEIPTS, T_DEMAND, T_COUNT
} table_id;
extern const char *const table_file_names[T_COUNT];

#define MAX_TABLE_COLS 16

typedef struct { int line; } row_origin; /* first member of every row struct */

typedef struct { int line; double volume, value; int description, unit; } net_item; /* text ids in net->text */
typedef struct { int line; site_kind kind; double fixed_cost; int optional; double storage_capacity; } net_site;
typedef struct { int line; int supplier, item; double unit_cost, capacity, min_order, order_cost; int lead_time; } net_supply;
typedef struct { int line; int site, item; double yield, unit_cost, min_lot, setup_cost, max_per_period; int lead_time; } net_operation;
typedef struct { int line; int operation, item; double quantity; } net_bom;
typedef struct { int line; int site; double capacity, overtime_capacity, overtime_cost; } net_resource;
typedef struct { int line; int operation, resource; double usage, setup_usage; } net_resource_use;
typedef struct { int line; int resource, period; double capacity; } net_calendar;
/* supply_calendar.csv (an extension of the contract, docs/dataset.md): offer = index into supply */
typedef struct { int line; int offer, period; double capacity; } net_supply_calendar;
/* parallel: 1 for the first lanes row with its (from, to, item, mode), 2 for the second, ...
 * (a repeated lane key is a parallel lane, docs/decisions.md) */
typedef struct { int line; int from, to, item /* -1 = every item */, mode; double unit_cost, capacity, vehicle_capacity, vehicle_cost; int lead_time, parallel; } net_lane;
typedef struct { int line; int site, item; double initial, holding_cost, safety_stock, max, shortfall_penalty; } net_inventory;
typedef struct { int line; int site, item, period; double quantity; } net_receipt;
typedef struct { int line; int customer, item, period; double quantity, unmet_penalty, backorder_cost; int has_unmet_penalty, has_backorder_cost; } net_demand;

typedef struct net_settings {
    int periods;             /* 0 = not given */
    char start_date[16];     /* ISO date or "" */
    int period_days;         /* 0 = not given */
    char currency[16];
    double mip_gap, time_limit, default_unmet_penalty;
    int has_mip_gap, has_time_limit, has_default_unmet_penalty;
} net_settings;

struct scopt_network {
    char dir[512];
    net_settings settings;
    int T;                   /* planning horizon */
    strmap item_names, site_names, op_names, res_names, mode_names, text;
    VEC(net_item) items;     /* index = item id */
    VEC(net_site) sites;     /* index = site id */
    VEC(net_supply) supply;
    VEC(net_operation) ops;  /* index = operation id */
    VEC(net_bom) bom;
    VEC(net_resource) res;   /* index = resource id */
    VEC(net_resource_use) use;
    VEC(net_calendar) calendar;
    VEC(net_supply_calendar) supply_calendar;
    VEC(net_lane) lanes;
    VEC(net_inventory) inventory;
    VEC(net_receipt) receipts;
    VEC(net_demand) demand;
    /* provenance: for each table, whether its file existed and the column number
     * (1-based, 0 = absent) of each of its spec columns, in spec order */
    int table_present[T_COUNT];
    int table_cols[T_COUNT][MAX_TABLE_COLS];
    char table_path[T_COUNT][600];
    int warnings;
    double read_seconds;     /* time scopt_network_read_dir took (0 for networks built in memory) */
    double validate_seconds; /* the part of read_seconds spent in network_validate */
    int api;                 /* built through the API: messages name calls and records */
    struct net_build *build; /* while records are added (network_add.h); NULL once complete */
};

scopt_network *network_new(void);
/* Horizon and defaults once every table is in: T, default unmet penalties. */
const char *site_name(const scopt_network *n, int s);
const char *item_name(const scopt_network *n, int i);
const char *op_name(const scopt_network *n, int o);
const char *res_name(const scopt_network *n, int r);
const char *mode_name(const scopt_network *n, int m);
static inline int is_inf(double v) { return v >= SCOPT_INF; }
/* two lanes rows with the same key (from, to, item, mode): parallel lanes */
static inline int lane_same_key(const net_lane *a, const net_lane *b)
{
    return a->from == b->from && a->to == b->to && a->item == b->item && a->mode == b->mode;
}

/* SCOPT_OK when N may be solved, exported or checked; SCOPT_EUSAGE (err filled, naming CALL)
 * for a NULL network or one built in memory and not finished yet (network_api.c). */
scopt_status network_check_ready(const scopt_network *n, const char *call, scopt_error *err);

/* Report about record LINE (0 = none) of table T, column SPEC (-1 = none), from the checks
 * that need the whole network: file:line:col for a network read from CSV, "CALL #N: " before
 * the message (file = the call, line = N) for one built through the API (row_src.c). */
void net_report(const scopt_network *n, diag_sink *d, scopt_severity sev, table_id t, long line, int spec,
                const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* capacity(t) of every offer (TABLE = T_SUPPLY: supply_calendar, else supply.csv's capacity)
 * or resource (T_RESOURCES: capacity_calendar, else resources.csv's) in periods 1..T, as one
 * array [k * T + t - 1] the caller frees; NULL when out of memory (network.c). */
double *network_capacity_table(const scopt_network *n, table_id table, int T);

/* Semantic validation of a fully read network (kinds, cycles, reachability, horizon).
 * Reports through d; returns the number of errors found. */
int network_validate(scopt_network *net, diag_sink *d);

#endif
