/* scenario_tables.c - what the scenario module knows of each dataset table
 * (ARCHITECTURE.md section 2): the columns an edit may name, which of them form the key
 * by which an overlay row replaces base rows (section 2b), and what an empty cell means
 * (so that `capacity *= 2` leaves an unlimited capacity unlimited). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scenario.h"

#define K 1 /* key column */
#define R 1 /* required column */

static const sc_col settings_cols[] = {{"key", SC_TEXT_CI, K, R}, {"value", SC_TEXT, 0, 0}};
static const sc_col item_cols[] = {{"item", SC_TEXT, K, R}, {"description", SC_TEXT, 0, 0},
                                   {"unit", SC_TEXT, 0, 0}, {"volume", SC_ONE, 0, 0}, {"value", SC_ZERO, 0, 0}};
static const sc_col site_cols[] = {{"site", SC_TEXT, K, R}, {"kind", SC_TEXT, 0, R}, {"fixed_cost", SC_ZERO, 0, 0},
                                   {"optional", SC_ZERO, 0, 0}, {"storage_capacity", SC_UNLIMITED, 0, 0}};
static const sc_col supply_cols[] = {{"supplier", SC_TEXT, K, R}, {"item", SC_TEXT, K, R},
                                     {"unit_cost", SC_ZERO, 0, 0}, {"capacity", SC_UNLIMITED, 0, 0},
                                     {"lead_time", SC_ZERO, 0, 0}, {"min_order", SC_ZERO, 0, 0},
                                     {"order_cost", SC_ZERO, 0, 0}};
static const sc_col op_cols[] = {{"operation", SC_TEXT, K, R}, {"site", SC_TEXT, 0, R}, {"item", SC_TEXT, 0, R},
                                 {"yield", SC_ONE, 0, 0}, {"unit_cost", SC_ZERO, 0, 0}, {"lead_time", SC_ZERO, 0, 0},
                                 {"min_lot", SC_ZERO, 0, 0}, {"setup_cost", SC_ZERO, 0, 0},
                                 {"max_per_period", SC_UNLIMITED, 0, 0}};
static const sc_col bom_cols[] = {{"operation", SC_TEXT, K, R}, {"item", SC_TEXT, K, R},
                                  {"quantity", SC_REQUIRED, 0, R}};
static const sc_col res_cols[] = {{"resource", SC_TEXT, K, R}, {"site", SC_TEXT, 0, R},
                                  {"capacity", SC_REQUIRED, 0, R}, {"overtime_capacity", SC_ZERO, 0, 0},
                                  {"overtime_cost", SC_ZERO, 0, 0}};
static const sc_col use_cols[] = {{"operation", SC_TEXT, K, R}, {"resource", SC_TEXT, K, R},
                                  {"usage", SC_REQUIRED, 0, R}, {"setup_usage", SC_ZERO, 0, 0}};
static const sc_col cal_cols[] = {{"resource", SC_TEXT, K, R}, {"period", SC_PERIOD, K, R},
                                  {"capacity", SC_REQUIRED, 0, R}};
static const sc_col supcal_cols[] = {{"supplier", SC_TEXT, K, R}, {"item", SC_TEXT, K, R},
                                     {"period", SC_PERIOD, K, R}, {"capacity", SC_REQUIRED, 0, R}};
static const sc_col lane_cols[] = {{"from", SC_TEXT, K, R}, {"to", SC_TEXT, K, R}, {"item", SC_TEXT, K, 0},
                                   {"mode", SC_TEXT, K, 0}, {"unit_cost", SC_ZERO, 0, 0}, {"lead_time", SC_ZERO, 0, 0},
                                   {"capacity", SC_UNLIMITED, 0, 0}, {"vehicle_capacity", SC_UNLIMITED, 0, 0},
                                   {"vehicle_cost", SC_ZERO, 0, 0}};
static const sc_col inv_cols[] = {{"site", SC_TEXT, K, R}, {"item", SC_TEXT, K, R}, {"initial", SC_ZERO, 0, 0},
                                  {"holding_cost", SC_ZERO, 0, 0}, {"safety_stock", SC_ZERO, 0, 0},
                                  {"max", SC_UNLIMITED, 0, 0}, {"shortfall_penalty", SC_ZERO, 0, 0}};
static const sc_col receipt_cols[] = {{"site", SC_TEXT, K, R}, {"item", SC_TEXT, K, R},
                                      {"period", SC_PERIOD, K, R}, {"quantity", SC_REQUIRED, 0, R}};
static const sc_col demand_cols[] = {{"customer", SC_TEXT, K, R}, {"item", SC_TEXT, K, R},
                                     {"period", SC_PERIOD, K, R}, {"quantity", SC_REQUIRED, 0, R},
                                     {"unmet_penalty", SC_PENALTY, 0, 0}, {"backorder_cost", SC_ZERO, 0, 0}};

#define TAB(name, cols) {name, cols, (int)ARRAY_LEN(cols)}
static const sc_table tables[T_COUNT] = {
    TAB("settings", settings_cols), TAB("items", item_cols),         TAB("sites", site_cols),
    TAB("supply", supply_cols),     TAB("operations", op_cols),      TAB("bom", bom_cols),
    TAB("resources", res_cols),     TAB("resource_use", use_cols),   TAB("capacity_calendar", cal_cols),
    TAB("supply_calendar", supcal_cols), TAB("lanes", lane_cols),        TAB("inventory", inv_cols),      TAB("receipts", receipt_cols),
    TAB("demand", demand_cols)};

const sc_table *scen_table(int id) { return id >= 0 && id < T_COUNT ? &tables[id] : NULL; }

int scen_table_find(const char *name)
{
    if (strcmp(name, "calendar") == 0) return T_CALENDAR;
    for (int t = 0; t < T_COUNT; t++)
        if (strcmp(name, tables[t].name) == 0) return t;
    return -1;
}

int scen_calendar_of(int table) { return table == T_RESOURCES ? T_CALENDAR : table == T_SUPPLY ? T_SUPPLY_CALENDAR : -1; }

int scen_col_find(const sc_table *t, const char *name)
{
    for (int c = 0; c < t->ncols; c++)
        if (strcasecmp(name, t->cols[c].name) == 0) return c;
    return -1;
}

int scen_is_numeric(sc_kind k) { return k != SC_TEXT && k != SC_TEXT_CI; }

/* edit distance of a and b, stopping early above limit */
static int distance(const char *a, const char *b, int limit)
{
    int la = (int)strlen(a), lb = (int)strlen(b), prev[64], cur[64];
    if (la >= 63 || lb >= 63 || abs(la - lb) > limit) return limit + 1;
    for (int j = 0; j <= lb; j++) prev[j] = j;
    for (int i = 1; i <= la; i++) {
        cur[0] = i;
        for (int j = 1; j <= lb; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, sizeof(int) * (size_t)(lb + 1));
    }
    return prev[lb];
}

/* the closest of N names to NAME within a third of its length, or NULL */
static const char *closest(const char *name, const char *const *names, int n)
{
    int best = (int)strlen(name) / 3 + 1, pick = -1;
    for (int k = 0; k < n; k++) {
        int d = distance(name, names[k], best - 1);
        if (d < best) { best = d; pick = k; }
    }
    return pick >= 0 ? names[pick] : NULL;
}

const char *scen_table_suggest(const char *name)
{
    const char *names[T_COUNT];
    for (int t = 0; t < T_COUNT; t++) names[t] = tables[t].name;
    return closest(name, names, T_COUNT);
}

const char *scen_col_suggest(const sc_table *t, const char *name)
{
    const char *names[16];
    for (int c = 0; c < t->ncols && c < 16; c++) names[c] = t->cols[c].name;
    return closest(name, names, t->ncols < 16 ? t->ncols : 16);
}
