/* plan_read.h - a written plan (docs/plan.md) read back into plain structs for
 * `scopt check`: one array per plan file, names resolved to the dataset's ids, every row
 * with its file line. Reading knows nothing of the rules: a malformed file (missing,
 * bad header, a cell that is not a number, a repeated key) is bad input; a name the
 * dataset does not know is a violation of the plan, reported through a violation_sink
 * and the row dropped. */
#ifndef SCOPT_PLAN_READ_H
#define SCOPT_PLAN_READ_H

#include "network.h"

/* Violations found in a plan: reported as errors through their own sink (so that the
 * caller's scopt_error is left to bad input) and counted past the sink's display limit. */
typedef struct violation_sink {
    diag_sink diag;
    long count;
} violation_sink;

void violation_report(violation_sink *v, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

typedef enum {
    PF_PURCHASES, PF_PRODUCTION, PF_SHIPMENTS, PF_INVENTORY, PF_DELIVERIES, PF_RESOURCE_LOAD,
    PF_SITES, PF_COUNT
} plan_file;

#define PLAN_MAX_COLS 16

/* periods are kept as read (any integer); numbers of optional absent columns are 0 and
 * their has_* flag 0 */
typedef struct { int line; int supplier, item, order_period, arrival_period; double quantity, order, cost; int has_cost; } plan_purchase;
typedef struct { int line; int op, site, item, start, finish; double quantity, output, setup, cost; int has_site, has_item, has_output, has_cost; } plan_production;
/* mode: the dataset's mode id, or -1 when no lane has that mode; its text is then
 * unknown_mode in plan_data.unknown_modes */
typedef struct { int line; int from, to, item, lane_item /* -1 = lane without item */, mode, unknown_mode; int ship, arrival; double quantity, vehicles, cost; int has_lane_item, has_cost;
                int lane_no /* 1: the first lanes row of its key, 2: a parallel lane, ... */; } plan_shipment;
typedef struct { int line; int site, item, period; double on_hand, safety_stock, shortfall; int has_safety_stock; } plan_stock;
typedef struct { int line; int customer, item, period; double ordered, delivered, backlog, lost; int has_ordered; } plan_delivery;
typedef struct { int line; int resource, period; double load, run_load, setup_load, capacity, overtime; int has_load, has_run_load, has_setup_load, has_capacity; } plan_load;
typedef struct { int line; int site; double open; } plan_site_row;

/* summary.json: the numbers check compares */
enum { COST_PURCHASE, COST_ORDER, COST_PRODUCTION, COST_SETUP, COST_TRANSPORT, COST_VEHICLES,
       COST_HOLDING, COST_OVERTIME, COST_FIXED, COST_LOST, COST_BACKORDER, COST_SHORTFALL, COST_COUNT };
extern const char *const plan_cost_names[COST_COUNT];

typedef struct plan_summary {
    char status[32];
    double objective;
    double costs[COST_COUNT];
    char path[600];
} plan_summary;

typedef struct plan_data {
    VEC(plan_purchase) purchases;
    VEC(plan_production) production;
    VEC(plan_shipment) shipments;
    VEC(plan_stock) stock;
    VEC(plan_delivery) deliveries;
    VEC(plan_load) loads;
    VEC(plan_site_row) sites;
    plan_summary summary;
    strmap unknown_modes;               /* modes of shipments that no lane has */
    char path[PF_COUNT][600];          /* file paths as shown in messages */
    int cols[PF_COUNT][PLAN_MAX_COLS]; /* field number of each spec column (0 = absent) */
} plan_data;

/* Read every plan file of DIR for network NET into *plan (zeroed first). Bad input goes
 * to IN (the first error into its scopt_error), unknown names to V. Returns SCOPT_OK,
 * SCOPT_EINPUT or SCOPT_ENOMEM; on failure *plan may hold part of the rows and must
 * still be freed with plan_free. */
scopt_status plan_read_dir(const scopt_network *net, const char *dir, plan_data *plan, diag_sink *in,
                           violation_sink *v);
/* Read DIR/summary.json into *s (errors to IN with file:line:col). */
scopt_status plan_read_summary(const char *dir, plan_summary *s, diag_sink *in);
void plan_free(plan_data *plan);

/* column numbers of the spec columns, for messages pointing at a cell */
enum { PUR_SUPPLIER, PUR_ITEM, PUR_ORDER_PERIOD, PUR_ARRIVAL_PERIOD, PUR_QUANTITY, PUR_ORDER, PUR_COST };
enum { PRO_OPERATION, PRO_SITE, PRO_ITEM, PRO_START, PRO_FINISH, PRO_QUANTITY, PRO_OUTPUT, PRO_SETUP, PRO_COST };
enum { SHP_FROM, SHP_TO, SHP_ITEM, SHP_MODE, SHP_LANE_ITEM, SHP_SHIP, SHP_ARRIVAL, SHP_QUANTITY, SHP_VEHICLES, SHP_COST,
       SHP_SHIP_DATE, SHP_ARRIVAL_DATE, SHP_LANE_NO };
enum { STK_SITE, STK_ITEM, STK_PERIOD, STK_ON_HAND, STK_SAFETY, STK_SHORTFALL };
enum { DLV_CUSTOMER, DLV_ITEM, DLV_PERIOD, DLV_ORDERED, DLV_DELIVERED, DLV_BACKLOG, DLV_LOST };
enum { LOD_RESOURCE, LOD_PERIOD, LOD_LOAD, LOD_RUN, LOD_SETUP, LOD_CAPACITY, LOD_OVERTIME };
enum { SIT_SITE, SIT_OPEN };

#endif
