/* schema.c - the columns of every dataset table (ARCHITECTURE.md section 2), their files
 * and the API calls that add their records; see schema.h. */
#include "schema.h"

const char *const table_file_names[T_COUNT] = {
    "settings.csv", "items.csv",     "sites.csv",   "supply.csv",   "operations.csv",
    "bom.csv",      "resources.csv", "resource_use.csv", "capacity_calendar.csv",
    "supply_calendar.csv", "lanes.csv",    "inventory.csv", "receipts.csv", "demand.csv"};

const char *const table_api_names[T_COUNT] = {
    "scopt_network_add_setting",  "scopt_network_add_item",      "scopt_network_add_site",
    "scopt_network_add_supply",   "scopt_network_add_operation", "scopt_network_add_bom",
    "scopt_network_add_resource", "scopt_network_add_resource_use",
    "scopt_network_add_calendar", "scopt_network_add_supply_calendar", "scopt_network_add_lane",      "scopt_network_add_inventory",
    "scopt_network_add_receipt",  "scopt_network_add_demand"};

static const col_spec settings_cols[] = {{"key", COL_TEXT, 1}, {"value", COL_ANY, 0}};

static const col_spec item_cols[] = {{"item", COL_TEXT, 1}, {"description", COL_ANY, 0},
                                     {"unit", COL_ANY, 0},  {"volume", COL_NUM, 0},
                                     {"value", COL_NUM, 0}};

static const col_spec site_cols[] = {{"site", COL_TEXT, 1},      {"kind", COL_TEXT, 1},
                                     {"fixed_cost", COL_NUM, 0}, {"optional", COL_FLAG, 0},
                                     {"storage_capacity", COL_NUM, 0}};

static const col_spec supply_cols[] = {
    {"supplier", COL_TEXT, 1}, {"item", COL_TEXT, 1},     {"unit_cost", COL_NUM, 0},
    {"capacity", COL_NUM, 0},  {"lead_time", COL_LEAD, 0}, {"min_order", COL_NUM, 0},
    {"order_cost", COL_NUM, 0}};

static const col_spec op_cols[] = {
    {"operation", COL_TEXT, 1}, {"site", COL_TEXT, 1},      {"item", COL_TEXT, 1},
    {"yield", COL_POS, 0},      {"unit_cost", COL_NUM, 0},  {"lead_time", COL_LEAD, 0},
    {"min_lot", COL_NUM, 0},    {"setup_cost", COL_NUM, 0}, {"max_per_period", COL_NUM, 0}};

static const col_spec bom_cols[] = {{"operation", COL_TEXT, 1}, {"item", COL_TEXT, 1},
                                    {"quantity", COL_NUM, 1}};

static const col_spec res_cols[] = {{"resource", COL_TEXT, 1},        {"site", COL_TEXT, 1},
                                    {"capacity", COL_NUM, 1},         {"overtime_capacity", COL_NUM, 0},
                                    {"overtime_cost", COL_NUM, 0}};

static const col_spec use_cols[] = {{"operation", COL_TEXT, 1}, {"resource", COL_TEXT, 1},
                                    {"usage", COL_NUM, 1},      {"setup_usage", COL_NUM, 0}};

static const col_spec cal_cols[] = {{"resource", COL_TEXT, 1}, {"period", COL_PERIOD, 1},
                                    {"capacity", COL_NUM, 1}};

static const col_spec supcal_cols[] = {{"supplier", COL_TEXT, 1}, {"item", COL_TEXT, 1},
                                      {"period", COL_PERIOD, 1}, {"capacity", COL_NUM, 1}};

static const col_spec lane_cols[] = {
    {"from", COL_TEXT, 1},         {"to", COL_TEXT, 1},       {"item", COL_ANY, 0},
    {"mode", COL_ANY, 0},          {"unit_cost", COL_NUM, 0}, {"lead_time", COL_LEAD, 0},
    {"capacity", COL_NUM, 0},      {"vehicle_capacity", COL_NUM, 0},
    {"vehicle_cost", COL_NUM, 0}};

static const col_spec inv_cols[] = {
    {"site", COL_TEXT, 1},     {"item", COL_TEXT, 1}, {"initial", COL_NUM, 0},
    {"holding_cost", COL_NUM, 0}, {"safety_stock", COL_NUM, 0}, {"max", COL_NUM, 0},
    {"shortfall_penalty", COL_NUM, 0}};

static const col_spec receipt_cols[] = {{"site", COL_TEXT, 1}, {"item", COL_TEXT, 1},
                                        {"period", COL_PERIOD, 1}, {"quantity", COL_NUM, 1}};

static const col_spec demand_cols[] = {
    {"customer", COL_TEXT, 1}, {"item", COL_TEXT, 1},          {"period", COL_PERIOD, 1},
    {"quantity", COL_NUM, 1},  {"unmet_penalty", COL_NUM, 0}, {"backorder_cost", COL_NUM, 0}};

#define DEF(cols, req) {cols, (int)ARRAY_LEN(cols), req}
static const table_schema schema[T_COUNT] = {
    DEF(settings_cols, 0), DEF(item_cols, 1),   DEF(site_cols, 1),    DEF(supply_cols, 0),
    DEF(op_cols, 0),       DEF(bom_cols, 0),    DEF(res_cols, 0),     DEF(use_cols, 0),
    DEF(cal_cols, 0),      DEF(supcal_cols, 0), DEF(lane_cols, 0),   DEF(inv_cols, 0),     DEF(receipt_cols, 0),
    DEF(demand_cols, 1)};

const table_schema *dataset_schema(void) { return schema; }

const char *type_expectation(col_type t)
{
    switch (t) {
    case COL_NUM: return "a number >= 0 (like 12 or 0.5)";
    case COL_POS: return "a number > 0";
    case COL_PERIOD: return "a whole period number >= 1";
    case COL_LEAD: return "a whole number of periods >= 0";
    case COL_FLAG: return "0 or 1";
    default: return "a non-empty text";
    }
}
