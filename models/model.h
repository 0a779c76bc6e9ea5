/* model.h - the LP/MIP of the whole chain (ARCHITECTURE.md sections 2b and 3) as plain
 * arrays: columns with bounds, costs and integrality, rows with bounds, the matrix as
 * triplets, and a meaning for every row and column (used for names, decoding and
 * explaining infeasibility). No GLPK here: solver/ loads this into GLPK.
 *
 * Notation (section 2b). For buffer b = (site s, item i) and period t = 1..T:
 *   bal[b,t]:  stock[b,t] - stock[b,t-1] + consumption + shipped out + delivered - arrivals
 *              = receipts[b,t] (+ initial[b] when t = 1)
 * arrivals in t: buy[k,t-L], yield*make[o,t-L], ship[l,i,t-L]. A flow started in t exists only
 * when t+L <= T. The other row families are listed with row_kind below. */
#ifndef SCOPT_MODEL_H
#define SCOPT_MODEL_H

#include "network.h"

typedef enum {
    V_BUY, V_ORDER, V_MAKE, V_SETUP, V_SHIP, V_VEHICLES, V_STOCK, V_SHORTFALL, V_OVERTIME,
    V_DELIVERED, V_LOST, V_BACKLOG, V_OPEN, V_SLACK /* elastic model only */, V_KIND_COUNT
} var_kind;

typedef enum {
    R_BALANCE,      /* bal[b,t] as above (=) */
    R_DEMAND,       /* lost sales: delivered + lost = q; backlog: backlog[t]-backlog[t-1]+delivered+lost = q */
    R_RESOURCE,     /* sum usage*make + sum setup_usage*setup - overtime <= capacity(t) */
    R_LANE_CAP,     /* sum over the lane's items ship <= capacity (lanes with several items) */
    R_VEHICLES,     /* sum volume*ship - vehicle_capacity*vehicles <= 0 */
    R_STORAGE,      /* sum volume*stock <= storage_capacity */
    R_SAFETY,       /* stock + shortfall >= safety_stock */
    R_ORDER_MAX,    /* buy - capacity*order <= 0 */
    R_ORDER_MIN,    /* buy - min_order*order >= 0 */
    R_SETUP_MAX,    /* make - M*setup <= 0 */
    R_SETUP_MIN,    /* make - min_lot*setup >= 0 */
    R_OPEN_LINK,    /* sum of inflows - M*open <= 0 (optional sites) */
    R_OPEN_OUT,     /* ship out of an optional site without own stock - U*open <= 0 (valid strengthening) */
    R_STOCK_MAX,    /* stock <= max, only in the elastic model that explains infeasibility */
    R_KIND_COUNT
} row_kind;

/* a: entity (offer, operation, lane-item pair, buffer, resource, demand key, site, lane);
 * t: period (0 = none) */
typedef struct { unsigned char kind; int a, t; } meaning;

/* buffers: one per (site, item) a flow can reach or the data names */
typedef struct {
    int site, item;
    int inv;          /* inventory row or -1 */
    int stock_col;    /* first stock column (periods 1..T) or -1 when stock is fixed at 0 */
    int short_col;    /* first shortfall column or -1 */
    int bal_row;      /* first balance row */
    int has_flow;     /* some flow variable touches it */
} model_buffer;

/* a lane and one item it carries */
typedef struct { int lane, item, ship_col; } model_lane_item;

/* a demand key (customer, item); its columns come in blocks over its active periods:
 * slot[t-1] = offset of period t in each block, or -1 when the key has no column in t */
typedef struct {
    int customer, item;
    int backlog_mode;
    int first_period;
    int deliv_col, lost_col, backlog_col; /* first column of each block (-1 absent) */
    int *slot;
    /* per period (index t-1): summed quantity, penalties of the row in effect, row present */
    double *qty, *unmet, *backorder;
    char *has_row;
} model_demand;

typedef struct scopt_model {
    const scopt_network *net;
    int T;
    /* columns */
    int ncols, cols_cap;
    double *lb, *ub, *cost;
    char *is_int;
    meaning *cm;
    /* rows */
    int nrows, rows_cap;
    double *rlo, *rhi;   /* -SCOPT_INF / SCOPT_INF when free on that side */
    meaning *rm;
    /* matrix triplets (0-based) */
    size_t nnz, nnz_cap;
    int *ai, *aj;
    double *av;
    double obj_constant;        /* const_fixed + const_shortfall */
    double const_fixed;         /* fixed costs of sites without an open decision */
    double const_shortfall;     /* safety-stock shortfall of buffers no flow touches */
    int nints;
    /* index tables for decoding */
    model_buffer *buffers;
    int nbuffers;
    size_t buffers_cap, lane_items_cap;
    keymap buffer_of;           /* (site,item) -> buffer */
    model_lane_item *lane_items;
    int nlane_items;
    model_demand *demands;
    int ndemands;
    keymap demand_of;           /* (customer,item) -> demand key */
    int *buy_col, *order_col;   /* per offer: first column (order periods 1..T-L) or -1 */
    int *make_col, *setup_col;  /* per operation */
    double *make_ub;            /* per operation x period: the tightest valid bound (section 2b M) */
    int *veh_col;               /* per lane */
    int *ot_col;                /* per resource */
    int *open_col;              /* per site */
    double *res_cap;            /* per resource x period: capacity(t) */
    double *sup_cap;            /* per offer x order period: capacity(t) (supply_calendar, else supply.csv) */
    int nomem;
} scopt_model;

/* Build the model of NET. Input errors found only now (an optional site whose inflow has no
 * finite bound) go to d. Returns SCOPT_OK, SCOPT_EINPUT or SCOPT_ENOMEM. */
scopt_status model_build(const scopt_network *net, diag_sink *d, scopt_model **out);
void model_free(scopt_model *m);
/* bytes the model's arrays hold (allocated capacity; keymaps not counted): for memory reports */
size_t model_bytes(const scopt_model *m);

/* low-level builders (model_core.c); they set m->nomem on failure and return -1 */
int model_add_col(scopt_model *m, var_kind kind, int a, int t, double lb, double ub, double cost, int is_int);
int model_add_row(scopt_model *m, row_kind kind, int a, int t, double lo, double hi);
void model_add_coef(scopt_model *m, int row, int col, double v);
int model_buffer_find(const scopt_model *m, int site, int item);
/* coefficient of a buffer's balance in period t (no-op when the buffer does not exist) */
void model_add_balance(scopt_model *m, int site, int item, int t, int col, double v);
double model_res_cap(const scopt_model *m, int r, int t);
double model_sup_cap(const scopt_model *m, int k, int t);

/* families (build_*.c) */
int build_buffers(scopt_model *m, diag_sink *d);
int build_stock(scopt_model *m);
int build_purchases(scopt_model *m);
int build_production(scopt_model *m);
int build_transport(scopt_model *m);
int build_demand(scopt_model *m);
int build_resources(scopt_model *m);
int build_open_sites(scopt_model *m, diag_sink *d);
int build_storage_and_safety(scopt_model *m);

/* readable names: "bal[DC_Seoul,PCB,7]", "make[SMT1,3]" (names.c) */
void model_col_name(const scopt_model *m, int j, char *buf, size_t n);
void model_row_name(const scopt_model *m, int i, char *buf, size_t n);
const char *var_kind_name(var_kind k);

#endif
