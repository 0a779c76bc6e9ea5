/* plan_rows.c - column specs and row handlers of the plan files (docs/plan.md): each
 * handler parses its cells, resolves names against the dataset, rejects a repeated key
 * and appends the row to the plan_data. The `*_date` columns are accepted and ignored. */
#include <string.h>
#include "plan_cells.h"

#define RS(ctx) ((plan_rs *)(ctx)->user)
#define PLAN(ctx) (RS(ctx)->plan)
#define APPEND(ctx, vec, row)                                   \
    do {                                                        \
        void *slot_ = VEC_PUSH(PLAN(ctx)->vec);                 \
        if (!slot_) return pc_nomem(ctx);                       \
        memcpy(slot_, &(row), sizeof(row));                     \
    } while (0)

/* ---- purchases.csv ---- */
static const col_spec purchase_cols[] = {
    {"supplier", COL_TEXT, 1},      {"item", COL_TEXT, 1},    {"order_period", COL_ANY, 1},
    {"arrival_period", COL_ANY, 1}, {"quantity", COL_ANY, 1}, {"order", COL_ANY, 0},
    {"cost", COL_ANY, 0},           {"order_date", COL_ANY, 0}, {"arrival_date", COL_ANY, 0}};

static int on_purchase(csv_row_ctx *ctx, const cell *c)
{
    plan_purchase r = {.line = (int)ctx->line};
    int bad = pc_period(ctx, c, PUR_ORDER_PERIOD, &r.order_period) |
              pc_period(ctx, c, PUR_ARRIVAL_PERIOD, &r.arrival_period) |
              pc_number(ctx, c, PUR_QUANTITY, &r.quantity, NULL) | pc_number(ctx, c, PUR_ORDER, &r.order, NULL) |
              pc_number(ctx, c, PUR_COST, &r.cost, &r.has_cost);
    r.supplier = pc_site(ctx, c, PUR_SUPPLIER);
    r.item = pc_item(ctx, c, PUR_ITEM);
    if (bad || r.supplier < 0 || r.item < 0) return 0;
    int key[] = {r.supplier, r.item, r.order_period};
    if (pc_duplicate(ctx, key, 3)) return ctx->diag->nomem;
    APPEND(ctx, purchases, r);
    return 0;
}

/* ---- production.csv ---- */
static const col_spec production_cols[] = {
    {"operation", COL_TEXT, 1},    {"site", COL_TEXT, 0},     {"item", COL_TEXT, 0},
    {"start_period", COL_ANY, 1},  {"finish_period", COL_ANY, 1}, {"quantity", COL_ANY, 1},
    {"output_quantity", COL_ANY, 0}, {"setup", COL_ANY, 0},   {"cost", COL_ANY, 0},
    {"start_date", COL_ANY, 0},    {"finish_date", COL_ANY, 0}};

static int on_production(csv_row_ctx *ctx, const cell *c)
{
    plan_production r = {.line = (int)ctx->line, .site = -1, .item = -1};
    int bad = pc_period(ctx, c, PRO_START, &r.start) | pc_period(ctx, c, PRO_FINISH, &r.finish) |
              pc_number(ctx, c, PRO_QUANTITY, &r.quantity, NULL) |
              pc_number(ctx, c, PRO_OUTPUT, &r.output, &r.has_output) |
              pc_number(ctx, c, PRO_SETUP, &r.setup, NULL) | pc_number(ctx, c, PRO_COST, &r.cost, &r.has_cost);
    r.op = pc_operation(ctx, c, PRO_OPERATION);
    r.has_site = c[PRO_SITE].present;
    r.has_item = c[PRO_ITEM].present;
    if (r.has_site && (r.site = pc_site(ctx, c, PRO_SITE)) < 0) bad = 1;
    if (r.has_item && (r.item = pc_item(ctx, c, PRO_ITEM)) < 0) bad = 1;
    if (bad || r.op < 0) return 0;
    int key[] = {r.op, r.start};
    if (pc_duplicate(ctx, key, 2)) return ctx->diag->nomem;
    APPEND(ctx, production, r);
    return 0;
}

/* ---- shipments.csv ---- */
static const col_spec shipment_cols[] = {
    {"from", COL_TEXT, 1},          {"to", COL_TEXT, 1},        {"item", COL_TEXT, 1},
    {"mode", COL_ANY, 0},           {"lane_item", COL_ANY, 0},  {"ship_period", COL_ANY, 1},
    {"arrival_period", COL_ANY, 1}, {"quantity", COL_ANY, 1},   {"vehicles", COL_ANY, 0},
    {"cost", COL_ANY, 0},           {"ship_date", COL_ANY, 0},  {"arrival_date", COL_ANY, 0},
    {"lane_no", COL_ANY, 0}};

static int on_shipment(csv_row_ctx *ctx, const cell *c)
{
    const scopt_network *n = RS(ctx)->net;
    plan_shipment r = {.line = (int)ctx->line, .lane_item = -1, .lane_no = 1};
    int bad = pc_period(ctx, c, SHP_SHIP, &r.ship) | pc_period(ctx, c, SHP_ARRIVAL, &r.arrival) |
              pc_lane_no(ctx, c, SHP_LANE_NO, &r.lane_no) |
              pc_number(ctx, c, SHP_QUANTITY, &r.quantity, NULL) |
              pc_number(ctx, c, SHP_VEHICLES, &r.vehicles, NULL) | pc_number(ctx, c, SHP_COST, &r.cost, &r.has_cost);
    r.from = pc_site(ctx, c, SHP_FROM);
    r.to = pc_site(ctx, c, SHP_TO);
    r.item = pc_item(ctx, c, SHP_ITEM);
    r.has_lane_item = ctx->colno[SHP_LANE_ITEM] != 0;
    if (c[SHP_LANE_ITEM].present && (r.lane_item = pc_item(ctx, c, SHP_LANE_ITEM)) < 0) bad = 1;
    r.mode = strmap_find(&n->mode_names, c[SHP_MODE].text); /* -1: no lane has it (a violation) */
    if (r.mode < 0 && (r.unknown_mode = strmap_intern(&PLAN(ctx)->unknown_modes, c[SHP_MODE].text, NULL)) < 0)
        return pc_nomem(ctx);
    if (bad || r.from < 0 || r.to < 0 || r.item < 0) return 0;
    int key[] = {r.from, r.to, r.mode, r.has_lane_item ? r.lane_item : -2, r.item, r.ship, r.lane_no};
    if (pc_duplicate(ctx, key, 7)) return ctx->diag->nomem;
    APPEND(ctx, shipments, r);
    return 0;
}

/* ---- inventory_plan.csv ---- */
static const col_spec stock_cols[] = {
    {"site", COL_TEXT, 1},         {"item", COL_TEXT, 1},      {"period", COL_ANY, 1},
    {"on_hand", COL_ANY, 1},       {"safety_stock", COL_ANY, 0}, {"shortfall", COL_ANY, 0},
    {"period_date", COL_ANY, 0},   {"date", COL_ANY, 0}};

static int on_stock(csv_row_ctx *ctx, const cell *c)
{
    plan_stock r = {.line = (int)ctx->line};
    int bad = pc_period(ctx, c, STK_PERIOD, &r.period) | pc_number(ctx, c, STK_ON_HAND, &r.on_hand, NULL) |
              pc_number(ctx, c, STK_SAFETY, &r.safety_stock, &r.has_safety_stock) |
              pc_number(ctx, c, STK_SHORTFALL, &r.shortfall, NULL);
    r.site = pc_site(ctx, c, STK_SITE);
    r.item = pc_item(ctx, c, STK_ITEM);
    if (bad || r.site < 0 || r.item < 0) return 0;
    int key[] = {r.site, r.item, r.period};
    if (pc_duplicate(ctx, key, 3)) return ctx->diag->nomem;
    APPEND(ctx, stock, r);
    return 0;
}

/* ---- deliveries.csv ---- */
static const col_spec delivery_cols[] = {
    {"customer", COL_TEXT, 1},   {"item", COL_TEXT, 1},     {"period", COL_ANY, 1},
    {"ordered", COL_ANY, 0},     {"delivered", COL_ANY, 1}, {"backlog", COL_ANY, 0},
    {"lost", COL_ANY, 0},        {"period_date", COL_ANY, 0}, {"date", COL_ANY, 0}};

static int on_delivery(csv_row_ctx *ctx, const cell *c)
{
    plan_delivery r = {.line = (int)ctx->line};
    int bad = pc_period(ctx, c, DLV_PERIOD, &r.period) |
              pc_number(ctx, c, DLV_ORDERED, &r.ordered, &r.has_ordered) |
              pc_number(ctx, c, DLV_DELIVERED, &r.delivered, NULL) |
              pc_number(ctx, c, DLV_BACKLOG, &r.backlog, NULL) | pc_number(ctx, c, DLV_LOST, &r.lost, NULL);
    r.customer = pc_site(ctx, c, DLV_CUSTOMER);
    r.item = pc_item(ctx, c, DLV_ITEM);
    if (bad || r.customer < 0 || r.item < 0) return 0;
    int key[] = {r.customer, r.item, r.period};
    if (pc_duplicate(ctx, key, 3)) return ctx->diag->nomem;
    APPEND(ctx, deliveries, r);
    return 0;
}

/* ---- resource_load.csv ---- */
static const col_spec load_cols[] = {
    {"resource", COL_TEXT, 1},   {"period", COL_ANY, 1},    {"load", COL_ANY, 0},
    {"run_load", COL_ANY, 0},    {"setup_load", COL_ANY, 0}, {"capacity", COL_ANY, 0},
    {"overtime", COL_ANY, 0},    {"utilization", COL_ANY, 0}, {"period_date", COL_ANY, 0},
    {"date", COL_ANY, 0}};

static int on_load(csv_row_ctx *ctx, const cell *c)
{
    plan_load r = {.line = (int)ctx->line};
    double ignored;
    int bad = pc_period(ctx, c, LOD_PERIOD, &r.period) | pc_number(ctx, c, LOD_LOAD, &r.load, &r.has_load) |
              pc_number(ctx, c, LOD_RUN, &r.run_load, &r.has_run_load) |
              pc_number(ctx, c, LOD_SETUP, &r.setup_load, &r.has_setup_load) |
              pc_number(ctx, c, LOD_CAPACITY, &r.capacity, &r.has_capacity) |
              pc_number(ctx, c, LOD_OVERTIME, &r.overtime, NULL) | pc_number(ctx, c, 7, &ignored, NULL);
    r.resource = pc_resource(ctx, c, LOD_RESOURCE);
    if (bad || r.resource < 0) return 0;
    int key[] = {r.resource, r.period};
    if (pc_duplicate(ctx, key, 2)) return ctx->diag->nomem;
    APPEND(ctx, loads, r);
    return 0;
}

/* ---- sites.csv ---- */
static const col_spec site_cols[] = {{"site", COL_TEXT, 1}, {"open", COL_ANY, 1}};

static int on_site(csv_row_ctx *ctx, const cell *c)
{
    plan_site_row r = {.line = (int)ctx->line};
    int bad = pc_number(ctx, c, SIT_OPEN, &r.open, NULL);
    r.site = pc_site(ctx, c, SIT_SITE);
    if (bad || r.site < 0) return 0;
    int key[] = {r.site};
    if (pc_duplicate(ctx, key, 1)) return ctx->diag->nomem;
    APPEND(ctx, sites, r);
    return 0;
}

#define DEF(name, cols, fn) {name, cols, (int)ARRAY_LEN(cols), fn}
static const plan_file_def files[PF_COUNT] = {
    DEF("purchases.csv", purchase_cols, on_purchase),   DEF("production.csv", production_cols, on_production),
    DEF("shipments.csv", shipment_cols, on_shipment),   DEF("inventory_plan.csv", stock_cols, on_stock),
    DEF("deliveries.csv", delivery_cols, on_delivery),  DEF("resource_load.csv", load_cols, on_load),
    DEF("sites.csv", site_cols, on_site)};

const plan_file_def *plan_file_defs(void) { return files; }
