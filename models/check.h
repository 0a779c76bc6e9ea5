/* check.h - internals of `scopt check` (scopt_check_plan, check.c): an independent
 * verifier of a written plan against the dataset's rules (ARCHITECTURE.md section 2b),
 * from the plan files alone, never the model matrix.
 *
 * Design note. Each rule family has its own file and reads the plan rows as written:
 *   check_flows.c     offers, operations and lanes exist; periods in 1..T; arrival =
 *                     start + lead time; orders and setups; integrality; row costs
 *   check_balance.c   the balance of every (site, item) buffer and period; stock >= 0,
 *                     customer stock, max, storage, safety stock and shortfall bounds
 *   check_demand.c    lost-sales and backlog accounting of deliveries.csv
 *   check_capacity.c  resources (+ overtime), lanes, vehicles
 *   check_sites.c     optional sites: decisions and no inflow into a closed site
 *   check_costs.c     the cost components and the objective against summary.json
 * A flow counts in the balances where the plan says it arrives (its arrival column), so
 * that a wrong arrival period is reported once, as such, not again as two balances.
 * Numbers are printed with %.9g: a constraint holds when it is violated by no more than
 * CHECK_TOL times the larger of 1 and the sum of the magnitudes of its terms. */
#ifndef SCOPT_CHECK_H
#define SCOPT_CHECK_H

#include <math.h>
#include "network.h"
#include "plan_read.h"

#define CHECK_TOL 1e-6

/* (customer, item) demand key: the rows within the horizon folded per period */
typedef struct check_demand_key {
    int customer, item;
    int first;          /* first period with a row */
    int backlog_mode;   /* some row has backorder_cost > 0 */
    double *quantity;   /* [t], 1..T: summed quantity of the period's row (0 without a row) */
    int *row;           /* [t]: the period's own demand row, else -1 */
    int *in_effect;     /* [t]: row in effect (this period's, else the latest earlier), else -1 */
} check_demand_key;

typedef struct check_index {
    keymap offer;        /* (supplier, item) -> supply row */
    keymap lane;         /* (from, to, item or -1, mode) -> lane row */
    keymap inventory;    /* (site, item) -> inventory row */
    keymap carried;      /* (site, item) -> 0 when an item-less lane from site may carry item */
    keymap demand;       /* (customer, item) -> demand key */
    VEC(check_demand_key) keys;
    double *capacity;    /* [r * T + t - 1]: capacity of resource r in period t */
    double *supply_capacity; /* [k * T + t - 1]: capacity of offer k in order period t */
    int *use_start, *use_idx;  /* resource_use rows of each operation (CSR) */
    int *bom_start, *bom_idx;  /* bom rows of each operation (CSR) */
    char *has_setup;     /* [o]: operation o has a setup decision */
} check_index;

typedef struct check_ctx {
    const scopt_network *net;
    const plan_data *plan;
    violation_sink *v;
    int T;
    check_index ix;
    int nomem;
} check_ctx;

int check_index_build(check_ctx *c);   /* 0, or -1 out of memory */
void check_index_free(check_index *ix);

void check_flows(check_ctx *c);
void check_balances(check_ctx *c);
void check_demand(check_ctx *c);
void check_capacities(check_ctx *c);
void check_sites(check_ctx *c);
void check_costs(check_ctx *c);

/* ---- small shared helpers ---- */
static inline double check_tol(double magnitude) { return CHECK_TOL * (magnitude > 1 ? magnitude : 1); }
/* a <= b violated (b may be SCOPT_INF) */
static inline int check_gt(double a, double b)
{
    return !is_inf(b) && a - b > check_tol(fabs(a) + fabs(b));
}
/* a == b violated, MAG the size of the terms that produced them */
static inline int check_ne(double a, double b, double mag) { return fabs(a - b) > check_tol(mag); }
static inline int check_negative(double x) { return x < -check_tol(0); }
static inline int check_not_integer(double x) { return fabs(x - round(x)) > check_tol(fabs(x)); }
static inline int check_period_ok(const check_ctx *c, int t) { return t >= 1 && t <= c->T; }

/* dataset rows by key, or NULL */
const net_supply *check_offer(const check_ctx *c, int supplier, int item);
const net_inventory *check_inventory(const check_ctx *c, int site, int item);
const net_lane *check_lane_of(const check_ctx *c, const plan_shipment *s);
const check_demand_key *check_demand_of(const check_ctx *c, int customer, int item);
double check_capacity_of(const check_ctx *c, int resource, int t);
/* the offer's capacity in order period t: supply_calendar's, else supply.csv's */
double check_supply_capacity_of(const check_ctx *c, const net_supply *offer, int t);

/* report a violation at LINE / column COL of plan file F (line 0 = the whole file) */
void check_report(check_ctx *c, plan_file f, long line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
