/* gen.h - `scopt gen`: a deterministic generator of valid, feasible supply-chain datasets
 * (issue 5 item 1). The design note lives here once.
 *
 * Shape of a generated network:
 *   suppliers --(item-less or item lanes)--> plants --(component lanes)--> plants
 *   plants --(finished-good lanes)--> warehouses --(item-less lanes)--> customers
 * Items sit on BOM levels 0 (raw, bought) .. depth (finished goods, demanded). Every item of
 * level >= 1 is made by one operation per producing plant (one or two plants) from inputs of
 * lower levels; every raw item is offered by two or three suppliers with different costs,
 * capacities and lead times. Customers demand a few finished goods each and are served by
 * their nearest warehouse (and, with probability lane_density, by up to three more); a
 * warehouse stocks the finished goods its customers demand.
 *
 * Determinism: every random number is a pure function of (seed, tag, a, b, c) (gen_rng.c),
 * so a row can be recomputed anywhere without storing it and the files are byte-identical
 * for the same seed and options on every machine (no rand(), no libm transcendental
 * functions, no fused multiply-add, numbers printed by our own fixed-decimal formatter).
 *
 * Memory: the structure (items, operations, offers, plants' lanes, customers' warehouses,
 * the warehouse x finished-good flow table) is held; the big tables (demand, warehouse and
 * customer lanes, inventory, receipts) are streamed row by row.
 *
 * Feasibility: lost sales keep every demand row satisfiable; the generator never forces stock
 * (initial stock plus receipts fit into storage capacity and max; no receipts or stock at
 * customers) and never makes a bound contradictory (min_lot / min_order are lower bounds of an
 * optional binary). Capacities are sized from the mean requirement so that some bind. */
#ifndef SCOPT_CLI_GEN_H
#define SCOPT_CLI_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF /* no fused multiply-add: the same bits on every machine */
#endif

enum { GEN_MIP_SETUPS = 1, GEN_MIP_ORDERS = 2, GEN_MIP_OPTIONAL = 4, GEN_MIP_VEHICLES = 8, GEN_MIP_ALL = 15 };

typedef struct gen_params {
    uint64_t seed;
    int items, bom_depth, suppliers, plants, resources_per_plant, warehouses, customers, periods;
    int items_per_customer;     /* finished goods a customer demands (from the preset) */
    double lane_density;        /* probability of each secondary lane, 0..1 */
    unsigned mip;               /* GEN_MIP_* bits */
} gen_params;

/* fill p with preset 'S', 'M', 'L' or 'X' (XL); -1 for an unknown preset (cmd_gen.c) */
int gen_preset(gen_params *p, char preset);

/* ---- counter-based random numbers (gen_rng.c) ---- */
enum gen_tag {
    TAG_ITEM = 1, TAG_BOM, TAG_OFFER, TAG_OP, TAG_RES, TAG_SITE, TAG_LANE, TAG_CUST, TAG_DEMAND,
    TAG_INV, TAG_RECEIPT, TAG_CAL, TAG_MIP, TAG_PLANT_OF
};
uint64_t gen_hash(uint64_t seed, uint64_t tag, uint64_t a, uint64_t b, uint64_t c);
double gen_unif(uint64_t h);                      /* [0,1) from the top 53 bits */
double gen_u(const gen_params *p, int tag, long a, long b, long c);       /* [0,1) */
double gen_range(const gen_params *p, int tag, long a, long b, long c, double lo, double hi);
int gen_int(const gen_params *p, int tag, long a, long b, long c, int n); /* 0..n-1 */
double gen_cosine(double x);                      /* cos(x), polynomial, deterministic */

/* ---- the held structure ---- */
typedef struct { double x, y; } gen_xy;

typedef struct gen_item {
    int level;                  /* 0 raw .. bom_depth finished */
    int number;                 /* 1-based within its level, for the name */
    double volume, value;       /* value: standard cost per unit */
    double requirement;         /* mean units needed per period */
    int plant[2], nplants;      /* producing plants (level >= 1) */
    int first_op;               /* operations first_op .. first_op + nplants - 1 */
    int bom_start, bom_len;     /* inputs in net->bom (one bill per item) */
    int offer_start, offer_len; /* supply offers (raw items) */
    int fg;                     /* index among finished goods, -1 otherwise */
} gen_item;

typedef struct { int input; double quantity; } gen_bom;

typedef struct gen_op {
    int item, plant, lead_time, nres, res[2];
    double yield, unit_cost, mean_make, usage[2], max_per_period;   /* max < 0: unlimited */
    double min_lot, setup_cost, setup_usage;
} gen_op;

typedef struct gen_offer {
    int supplier, item, lead_time;
    double unit_cost, capacity, min_order, order_cost;
} gen_offer;

typedef struct gen_resource {
    int plant, min_lead;        /* shortest lead time of the operations using it */
    double load, capacity, overtime_capacity, overtime_cost;
} gen_resource;

typedef struct gen_lane {
    int from, to, item, lead_time;          /* item -1: item-less */
    double unit_cost, capacity, vehicle_capacity, vehicle_cost; /* < 0: empty (unlimited) */
    int mode;                               /* 0 truck, 1 rail */
} gen_lane;

typedef struct gen_customer {
    int wh[4], nwh, backlog;
    double size;
} gen_customer;

typedef struct gen_net {
    gen_params p;
    int nitems, nraw, nfg, *level_start;    /* items of level L: level_start[L] .. [L+1]-1 */
    gen_item *items;
    int *fg_item;                           /* finished good index -> item */
    gen_bom *bom; int nbom;
    gen_op *ops; int nops;
    gen_offer *offers; int noffers;
    gen_resource *res; int nres;
    gen_lane *lanes; int nlanes, lanes_cap; /* supplier -> plant and plant -> plant lanes */
    gen_customer *cust;
    gen_xy *at;                             /* location of every site */
    int site_plant, site_wh, site_cust, nsites; /* first site index of each kind */
    int *wh_optional;
    double *wh_fixed_cost, *wh_storage;     /* storage < 0: unlimited */
    float *wf_flow;                         /* [w * nfg + f]: mean units per period */
    int *fg_holders;                        /* warehouses stocking each finished good */
    uint8_t *need;                          /* bit [plant * nitems + item]: an input there */
    uint8_t *arrive;                        /* bit [plant * nitems + item]: a supplier lane brings it */
    int *fg_home;                           /* [f * 2 + j]: nearest warehouse stocking f to producer j */
} gen_net;

/* build the structure; 1 for bad parameters, -1 out of memory (message in err); free it
 * with gen_net_free in either case (gen_network.c) */
int gen_net_build(const gen_params *p, gen_net *net, char *err, size_t errlen);
void gen_net_free(gen_net *net);
/* steps of gen_net_build, in order; those returning int give -1 when out of memory */
int gen_items_build(gen_net *net);        /* levels, BOM, volumes (gen_items.c) */
int gen_customers_build(gen_net *net);    /* customers, served warehouses, flows (gen_demand.c) */
int gen_plants_assign(gen_net *net);      /* producing plants, operations, component lanes */
void gen_requirements(gen_net *net);      /* mean requirement per item and operation (gen_supply.c) */
int gen_supply_build(gen_net *net);       /* offers, supplier lanes */
void gen_values(gen_net *net);            /* operation costs, item values (gen_costs.c) */
int gen_resources_build(gen_net *net);    /* resources sized from the operations' load */
void gen_setups(gen_net *net);            /* setups (MIP) */
void gen_plant_lanes_finish(gen_net *net);/* component lanes' capacities and vehicles */
int gen_warehouses_finish(gen_net *net);  /* optional, fixed cost, storage (gen_wh_sites.c) */
/* maintenance override of resource r: its period (0 when none) and *capacity */
int gen_calendar(const gen_net *net, int r, double *capacity);
int gen_lane_add(gen_net *net, const gen_lane *l);
double gen_dist(const gen_net *net, int s1, int s2);
static inline int gen_needs(const gen_net *n, int plant, int item)
{
    size_t b = (size_t)plant * (size_t)n->nitems + (size_t)item;
    return (n->need[b >> 3] >> (b & 7)) & 1;
}
static inline int gen_makes(const gen_net *n, int plant, int item)
{
    const gen_item *it = &n->items[item];
    return (it->nplants > 0 && it->plant[0] == plant) || (it->nplants > 1 && it->plant[1] == plant);
}

/* ---- streamed families (gen_demand.c, gen_warehouses.c) ---- */
/* the finished goods customer c demands into buf (room for nfg); returns how many */
int gen_cust_list(const gen_net *net, int c, int *buf);
double gen_demand_mean(const gen_net *net, int c, int f);
/* quantity demanded in period t (1..T); 0 = no row */
long gen_demand_qty(const gen_net *net, int c, int f, int t);
/* plant -> warehouse lanes of finished good f into warehouse w: calls emit per lane */
typedef void (*gen_lane_fn)(void *user, const gen_lane *l);
void gen_fg_lanes(const gen_net *net, int f, int w, gen_lane_fn emit, void *user);
/* stock policy of a buffer; max < 0: unlimited */
typedef struct {
    double initial, safety, max, shortfall_penalty, holding;
    long receipt;
    int receipt_period;
} gen_stock;
void gen_wh_stock(const gen_net *net, int w, int f, gen_stock *s);
void gen_plant_stock(const gen_net *net, int plant, int item, gen_stock *s);

/* x rounded to a multiple of unit; x rounded up to a whole number (x >= 0, below 2^63) */
static inline double gen_round(double x, double unit) { return (double)(long)(x / unit + 0.5) * unit; }
static inline double gen_ceil(double x) { double r = (double)(long)x; return r < x ? r + 1 : r; }

/* ---- names and output (gen_out.c, gen_write_*.c) ---- */
typedef struct gen_out {
    FILE *f;
    const char *name;
    long rows;
    size_t len;
    char row[1024];
} gen_out;
typedef struct gen_counts {
    long rows[16];
    const char *files[16];
    int nfiles;
    long columns, integers;    /* model size estimate (section 3's families) */
} gen_counts;

const char *gen_item_name(const gen_net *net, int i, char *buf);   /* buf: 32 bytes */
const char *gen_site_name(const gen_net *net, int s, char *buf);   /* 32 */
const char *gen_op_name(const gen_net *net, int o, char *buf);     /* 72 */
const char *gen_res_name(const gen_net *net, int r, char *buf);    /* 48 */
/* open DIR/FILE and write the header row; -1 when it cannot be created */
int gen_out_open(gen_out *o, const char *dir, const char *file, const char *header);
/* close, record the row count in c (may be NULL); -1 on a write error */
int gen_out_close(gen_out *o, gen_counts *c);
void gen_put_str(gen_out *o, const char *s);          /* a cell */
void gen_put_num(gen_out *o, double x, int decimals); /* x < 0 writes an empty cell */
void gen_put_int(gen_out *o, long x);
void gen_put_empty(gen_out *o);
void gen_end_row(gen_out *o);

/* write every table into dir (which exists); -1 with the failing file in *failed */
int gen_write_all(const gen_net *net, const char *dir, gen_counts *c, const char **failed);
int gen_write_items_sites(const gen_net *net, const char *dir, gen_counts *c, const char **failed);
int gen_write_plants(const gen_net *net, const char *dir, gen_counts *c, const char **failed);
int gen_write_lanes(const gen_net *net, const char *dir, gen_counts *c, const char **failed);
int gen_write_stock(const gen_net *net, const char *dir, gen_counts *c, const char **failed);
int gen_write_demand(const gen_net *net, const char *dir, gen_counts *c, const char **failed);
/* in those writers (dir, c and failed in scope): open or close a table, or fail naming it */
#define GEN_OPEN(o, file, header) if (gen_out_open(o, dir, file, header)) { *failed = file; return -1; }
#define GEN_CLOSE(o) if (gen_out_close(o, c)) { *failed = (o)->name; return -1; }

#endif
