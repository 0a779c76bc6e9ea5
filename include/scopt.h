/* scopt.h - the whole public API of libscopt, the supply-chain planning optimiser.
 *
 * Conventions (see docs/embedding.md):
 *  - every call returns a scopt_status; on failure it fills the caller's scopt_error
 *    (may be NULL) with the code, a message and, for bad input, file/line/column;
 *  - handles are opaque; whoever receives a handle frees it with the matching *_free,
 *    and *_free(NULL) does nothing;
 *  - the library never prints, exits or aborts: diagnostics go to the callbacks of
 *    scopt_options; with no callback installed nothing is printed;
 *  - no global mutable state: different handles may be used from different threads.
 */
#ifndef SCOPT_H
#define SCOPT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SCOPT_BUILDING_LIBRARY) && defined(__GNUC__)
#define SCOPT_API __attribute__((visibility("default")))
#else
#define SCOPT_API
#endif

#define SCOPT_VERSION_MAJOR 0
#define SCOPT_VERSION_MINOR 2
#define SCOPT_VERSION_PATCH 0
#define SCOPT_VERSION_STRING "0.2.0"

/* Call status: one table generates the enum, the names and the messages. */
#define SCOPT_STATUS_TABLE(X)                                                     \
    X(SCOPT_OK, 0, "ok", "success")                                              \
    X(SCOPT_EINPUT, 1, "bad_input", "the dataset is not valid")                  \
    X(SCOPT_EUSAGE, 2, "bad_usage", "bad argument or option")                    \
    X(SCOPT_ENOMEM, 3, "out_of_memory", "out of memory")                         \
    X(SCOPT_EIO, 4, "io_error", "input/output error")                            \
    X(SCOPT_EINTERNAL, 5, "internal_error", "internal error")                    \
    X(SCOPT_ECANCELLED, 6, "cancelled", "cancelled by the caller")               \
    X(SCOPT_ENODEVICE, 7, "no_device", "no usable GPU device")

typedef enum {
#define SCOPT_X_ENUM(sym, num, name, msg) sym = num,
    SCOPT_STATUS_TABLE(SCOPT_X_ENUM)
#undef SCOPT_X_ENUM
} scopt_status;

/* Short machine-readable name ("bad_input") and human message of a status. */
SCOPT_API const char *scopt_status_name(scopt_status s);
SCOPT_API const char *scopt_strerror(scopt_status s);

/* The first error of a failed call. file/line/column locate bad input
 * (column = field number in the CSV record, counted from 1; 0 = whole file/line). */
typedef struct scopt_error {
    scopt_status code;
    char message[1024];
    char file[512];
    long line;
    long column;
    int error_count;   /* errors reported during the call (diagnostics) */
    int warning_count; /* warnings reported during the call */
} scopt_error;

/* A diagnostic (error, warning or note) passed to scopt_options.on_diagnostic. */
typedef enum { SCOPT_SEV_NOTE = 0, SCOPT_SEV_WARNING = 1, SCOPT_SEV_ERROR = 2 } scopt_severity;

typedef struct scopt_diagnostic {
    scopt_severity severity;
    const char *file; /* "" when not tied to a file */
    long line;        /* 0 = none */
    long column;      /* 0 = none */
    const char *message;
} scopt_diagnostic;

typedef void (*scopt_diagnostic_fn)(const scopt_diagnostic *d, void *user);
typedef void (*scopt_log_fn)(const char *line, void *user);

typedef enum { SCOPT_DEVICE_AUTO = 0, SCOPT_DEVICE_CPU = 1, SCOPT_DEVICE_GPU = 2 } scopt_device;
typedef enum {
    SCOPT_LP_AUTO = 0,
    SCOPT_LP_SIMPLEX = 1,
    SCOPT_LP_INTERIOR = 2,
    SCOPT_LP_PDLP = 3
} scopt_lp_method;
/* what follows a PDLP solve: GLPK's simplex warm-started from a basis found from the PDLP
 * point by sifting (an exact vertex), the same with the older restricted-LP start instead of
 * sifting, nothing (the approximate PDLP point), or feasibility polishing (a point that meets
 * every row to 1e-10 relative and 1e-7 in the model's units, with a proven bound on its gap;
 * docs/pdlp.md "Feasibility polishing"). A MIP finishes its relaxation with the simplex and
 * goes on to branch and cut, except with POLISH: then it takes the PDLP route, no simplex and
 * no branch and cut (the relaxation polished for a proven bound, its point rounded, the rest
 * solved by PDLP and polished: a checked plan with its gap; docs/pdlp.md "MIPs without the
 * simplex"). */
typedef enum {
    SCOPT_PDLP_FINISH_SIMPLEX = 0,
    SCOPT_PDLP_FINISH_NONE = 1,
    SCOPT_PDLP_FINISH_RESTRICTED = 2,
    SCOPT_PDLP_FINISH_POLISH = 3
} scopt_pdlp_finish;
/* branch and cut for MIPs (docs/formulation.md): scopt's strategy around GLPK ((l,S) lot-sizing
 * cuts; where they close much of the gap also period-first branching and diving), or GLPK's
 * branch and cut alone */
typedef enum { SCOPT_MIP_AUTO = 0, SCOPT_MIP_GLPK = 1 } scopt_mip_strategy;

/* Progress report during a solve. */
typedef struct scopt_progress {
    const char *phase;       /* "read", "build", "lp", "mip", "decode", "write" */
    double elapsed_seconds;
    int has_incumbent;
    double incumbent;        /* best plan's cost, when has_incumbent */
    double bound;            /* best proven lower bound (or -inf) */
    double gap;              /* relative gap, or -1 when unknown */
} scopt_progress;
typedef void (*scopt_progress_fn)(const scopt_progress *p, void *user);

/* Options: the caller owns the struct; fill it with scopt_options_init() first.
 * Negative values mean "take the dataset's settings.csv or the default". */
typedef struct scopt_options {
    double mip_gap;          /* relative MIP gap; <0 = settings or 1e-4 */
    double time_limit;       /* seconds; <0 = settings or none */
    scopt_device device;
    scopt_lp_method lp_method;
    int cuts;                /* 1 = GLPK cuts on (default 1) */
    int heuristics;          /* 1 = GLPK feasibility pump + proximity search (default 0) */
    int max_errors;          /* errors reported before reading stops (default 50) */
    scopt_diagnostic_fn on_diagnostic;
    void *diagnostic_user;
    scopt_log_fn on_log;
    void *log_user;
    scopt_progress_fn on_progress;
    void *progress_user;
    volatile int *cancel;    /* set *cancel != 0 from any thread to stop a solve (with an
                                atomic store, e.g. __atomic_store_n(cancel, 1,
                                __ATOMIC_RELAXED), where a race checker watches). It is
                                seen at GLPK's next branch-and-cut callback, which comes at
                                every node and cut round: scopt_solve returns within about
                                one node's LP re-solve, with status SCOPT_SOLVE_CANCELLED and
                                the best plan found so far. GLPK's LP solvers have no
                                callback: during an LP (or a relaxation) the request is seen
                                at GLPK's next progress line, at least every 0.5 s (unless
                                the thread had its own GLPK environment before the call:
                                then when the LP ends; docs/embedding.md). PDLP looks at it
                                every iteration; a cancelled PDLP finish keeps PDLP's point.
                                Set before scopt_solve: it returns at once, without plan. */
    double pdlp_tol;         /* PDLP relative tolerance (residuals and gap); <0 = 1e-4 */
    scopt_pdlp_finish pdlp_finish; /* default SCOPT_PDLP_FINISH_SIMPLEX */
    scopt_mip_strategy mip_strategy; /* default SCOPT_MIP_AUTO */
    double reserved_d[7];
    int pdlp_presolve;       /* 1 = PDLP first removes the column singletons of equality rows
                                (docs/pdlp.md "Presolve"; default 0) */
    int threads;             /* threads of PDLP's CPU backend: 1 (default; 0 is read as 1), N,
                                or SCOPT_THREADS_ALL_CORES; the results are the same bits
                                whatever the number (docs/pdlp.md "Threads") */
    const char *pdlp_checkpoint; /* PDLP's point kept in this file between runs (NULL: none;
                                    docs/pdlp.md "Checkpoints"); the caller owns the string */
    void *reserved_p[7];
} scopt_options;

#define SCOPT_THREADS_ALL_CORES (-1) /* scopt_options.threads: one per available core */

/* Fill OPT with the defaults of every field (as commented above); set fields after it. */
SCOPT_API void scopt_options_init(scopt_options *opt);

/* Library version string, e.g. "0.2.0". */
SCOPT_API const char *scopt_version(void);

/* ---- networks ---- */
typedef struct scopt_network scopt_network;

/* Read and validate the dataset directory DIR (ARCHITECTURE section 2).
 * Every error and warning goes to opt->on_diagnostic (when set); the first error
 * is returned in *err. On success *out is a network the caller frees with
 * scopt_network_free; on failure *out is NULL. opt may be NULL. */
SCOPT_API scopt_status scopt_network_read_dir(const char *dir, const scopt_options *opt,
                                              scopt_network **out, scopt_error *err);
/* Free a network, read or built (NULL does nothing). Free its plans first: they refer to it. */
SCOPT_API void scopt_network_free(scopt_network *net);

/* Sizes of a network, for summaries: *info filled; SCOPT_EUSAGE for a NULL argument. */
typedef struct scopt_network_info {
    int periods;
    int items, sites, suppliers, plants, warehouses, customers;
    long supply, operations, bom, resources, resource_use, calendar, lanes, inventory,
        receipts, demand;
    int warnings;
    double total_demand;
    long supply_calendar;    /* rows of supply_calendar.csv (added last: fields never move) */
} scopt_network_info;
SCOPT_API scopt_status scopt_network_info_get(const scopt_network *net, scopt_network_info *info);

/* ---- networks built in memory ----
 * The same tables as the dataset directory (ARCHITECTURE.md section 2), one record struct
 * per table whose fields are the CSV columns in the same order and with the same meaning.
 * Fill a record with its scopt_*_init() (the contract's defaults: costs 0, volume and yield
 * 1, capacities SCOPT_UNLIMITED, unmet_penalty SCOPT_DEFAULT), set the fields you have,
 * then add it. The add calls check what the CSV reader checks, with the same rules and the
 * same messages, and copy what they keep (strings may be freed after the call).
 *
 * Add in dependency order, as the reader reads the files: settings, items, sites, supply,
 * operations, bom, resources, resource_use, calendar, supply_calendar, lanes, inventory,
 * receipts, demand
 * (a record may name only what was added before it). Then scopt_network_finish runs the
 * checks that need the whole network (horizon, bill-of-materials cycles, setups without a
 * bound, reachability warnings); only a finished network can be solved.
 *
 * Errors: a rejected record is not added; the call returns SCOPT_EINPUT and fills *err with
 *   message "CALL #N (KEY): WHAT; expected WHAT", e.g.
 *   "scopt_network_add_supply #3 (supplier S1, item RAW9): unknown item 'RAW9'; expected an
 *    item added with scopt_network_add_item (did you mean 'RAW1'?)",
 *   file  = the call's name, line = N (the record's number: 1 for the first call of that
 *   function on this network), column = the field (1 = the struct's first field, 0 = the
 *   whole record). After "CALL #N (KEY): " the text is the CSV reader's, except that files
 *   become calls ("an item of items.csv" -> "an item added with scopt_network_add_item"),
 *   lines become record numbers ("first at line 2" -> "first at record #1") and empty cells
 *   become missing values ("empty cell in required column" -> "no value in required
 *   column", "or an empty cell for the default" -> "or SCOPT_DEFAULT for the default").
 *   Warnings go to opt->on_diagnostic with the same location. Once a record was rejected,
 *   scopt_network_finish fails too (the network is incomplete): free it and start again.
 *   Out of memory (SCOPT_ENOMEM) leaves the network usable only for scopt_network_free.
 *
 * For each table T below: scopt_T_init(&row) fills a record with the defaults, and
 * scopt_network_add_T(net, &row, err) adds it: SCOPT_OK, SCOPT_EINPUT (rejected, *err says
 * why), SCOPT_EUSAGE (a NULL argument, or a network that is finished or was read from a
 * directory) or SCOPT_ENOMEM. Warnings (e.g. a lane with vehicle_cost but no
 * vehicle_capacity) go to the on_diagnostic of scopt_network_new's options. */

/* An optional number left at this value takes the contract's default, like an empty cell. */
#define SCOPT_DEFAULT (-1e300)
/* Capacity-like fields: this value (or any larger one, +infinity included) is unlimited. */
#define SCOPT_UNLIMITED 1e300

/* Start an empty network. opt (may be NULL) is copied: its on_diagnostic (with its user
 * pointer) receives the warnings and errors of every later add call and of
 * scopt_network_finish, so it must stay valid until then. */
SCOPT_API scopt_status scopt_network_new(const scopt_options *opt, scopt_network **out,
                                         scopt_error *err);

/* Check the whole network and make it ready to solve. SCOPT_EINPUT when an add call was
 * rejected before or a whole-network rule fails (no demand, BOM cycle, ...). */
SCOPT_API scopt_status scopt_network_finish(scopt_network *net, scopt_error *err);

/* settings.csv: key and value as text, as in the file: "periods" "12", "start_date"
 * "2025-01-06", "period_days", "currency", "mip_gap", "time_limit",
 * "default_unmet_penalty". value NULL or "" = default. An unknown key is a warning. */
SCOPT_API scopt_status scopt_network_add_setting(scopt_network *net, const char *key,
                                                 const char *value, scopt_error *err);

/* items.csv */
typedef struct scopt_item {
    const char *item;         /* required */
    const char *description;  /* may be NULL */
    const char *unit;         /* may be NULL */
    double volume;            /* per unit; default 1 */
    double value;             /* default 0 */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_item;
SCOPT_API void scopt_item_init(scopt_item *row);
SCOPT_API scopt_status scopt_network_add_item(scopt_network *net, const scopt_item *row,
                                              scopt_error *err);

/* sites.csv */
typedef struct scopt_site {
    const char *site;         /* required */
    const char *kind;         /* required: "supplier", "plant", "warehouse" or "customer" */
    double fixed_cost;        /* default 0 */
    int optional;             /* 0 or 1: open/close is a decision; default 0 */
    double storage_capacity;  /* volume; default SCOPT_UNLIMITED */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_site;
SCOPT_API void scopt_site_init(scopt_site *row);
SCOPT_API scopt_status scopt_network_add_site(scopt_network *net, const scopt_site *row,
                                              scopt_error *err);

/* supply.csv: a supplier's offer of an item */
typedef struct scopt_supply {
    const char *supplier;     /* required: a supplier site */
    const char *item;         /* required */
    double unit_cost;         /* default 0 */
    double capacity;          /* per order period; default SCOPT_UNLIMITED */
    int lead_time;            /* periods >= 0; default 0 */
    double min_order;         /* default 0 */
    double order_cost;        /* default 0; min_order or order_cost need a finite capacity */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_supply;
SCOPT_API void scopt_supply_init(scopt_supply *row);
SCOPT_API scopt_status scopt_network_add_supply(scopt_network *net, const scopt_supply *row,
                                                scopt_error *err);

/* operations.csv: a production step at a plant, making `item` */
typedef struct scopt_operation {
    const char *operation;    /* required */
    const char *site;         /* required: a plant site */
    const char *item;         /* required: the output */
    double yield;             /* output per unit of operation, > 0; default 1 */
    double unit_cost;         /* default 0 */
    int lead_time;            /* default 0 */
    double min_lot;           /* default 0 */
    double setup_cost;        /* default 0 */
    double max_per_period;    /* default SCOPT_UNLIMITED */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_operation;
SCOPT_API void scopt_operation_init(scopt_operation *row);
SCOPT_API scopt_status scopt_network_add_operation(scopt_network *net,
                                                   const scopt_operation *row,
                                                   scopt_error *err);

/* bom.csv: an input of an operation */
typedef struct scopt_bom {
    const char *operation;    /* required */
    const char *item;         /* required: the input */
    double quantity;          /* required: per unit of operation */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_bom;
SCOPT_API void scopt_bom_init(scopt_bom *row);
SCOPT_API scopt_status scopt_network_add_bom(scopt_network *net, const scopt_bom *row,
                                             scopt_error *err);

/* resources.csv: a machine, line or crew at a plant */
typedef struct scopt_resource {
    const char *resource;     /* required */
    const char *site;         /* required: a plant site */
    double capacity;          /* required: per period */
    double overtime_capacity; /* default 0 */
    double overtime_cost;     /* default 0 */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_resource;
SCOPT_API void scopt_resource_init(scopt_resource *row);
SCOPT_API scopt_status scopt_network_add_resource(scopt_network *net,
                                                  const scopt_resource *row,
                                                  scopt_error *err);

/* resource_use.csv: the load of an operation on a resource of its own site */
typedef struct scopt_resource_use {
    const char *operation;    /* required */
    const char *resource;     /* required */
    double usage;             /* required: per unit of operation */
    double setup_usage;       /* per setup; default 0 */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_resource_use;
SCOPT_API void scopt_resource_use_init(scopt_resource_use *row);
SCOPT_API scopt_status scopt_network_add_resource_use(scopt_network *net,
                                                      const scopt_resource_use *row,
                                                      scopt_error *err);

/* capacity_calendar.csv: a resource's capacity in one period */
typedef struct scopt_calendar {
    const char *resource;     /* required */
    int period;               /* required: >= 1 */
    double capacity;          /* required */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_calendar;
SCOPT_API void scopt_calendar_init(scopt_calendar *row);
SCOPT_API scopt_status scopt_network_add_calendar(scopt_network *net,
                                                  const scopt_calendar *row,
                                                  scopt_error *err);

/* supply_calendar.csv: an offer's capacity in one period, replacing supply.csv's capacity
 * in that period (an extension of the dataset contract, docs/dataset.md) */
typedef struct scopt_supply_calendar {
    const char *supplier;     /* required: with item, an offer added with scopt_network_add_supply */
    const char *item;         /* required */
    int period;               /* required: >= 1 */
    double capacity;          /* required: units that may be ordered in that period */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_supply_calendar;
SCOPT_API void scopt_supply_calendar_init(scopt_supply_calendar *row);
SCOPT_API scopt_status scopt_network_add_supply_calendar(scopt_network *net,
                                                         const scopt_supply_calendar *row,
                                                         scopt_error *err);

/* lanes.csv: transport from one site to another */
typedef struct scopt_lane {
    const char *from;         /* required: not a customer */
    const char *to;           /* required: not a supplier */
    const char *item;         /* NULL or "" = every item that can be at `from` */
    const char *mode;         /* may be NULL */
    double unit_cost;         /* default 0 */
    int lead_time;            /* default 0 */
    double capacity;          /* units per ship period; default SCOPT_UNLIMITED */
    double vehicle_capacity;  /* volume per vehicle; default SCOPT_UNLIMITED (no vehicles) */
    double vehicle_cost;      /* default 0 */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_lane;
SCOPT_API void scopt_lane_init(scopt_lane *row);
SCOPT_API scopt_status scopt_network_add_lane(scopt_network *net, const scopt_lane *row,
                                              scopt_error *err);

/* inventory.csv: a stock position and its policy */
typedef struct scopt_inventory {
    const char *site;         /* required */
    const char *item;         /* required */
    double initial;           /* default 0 */
    double holding_cost;      /* per unit and period; default 0 */
    double safety_stock;      /* default 0 */
    double max;               /* default SCOPT_UNLIMITED */
    double shortfall_penalty; /* per unit and period below safety stock; default 0 */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_inventory;
SCOPT_API void scopt_inventory_init(scopt_inventory *row);
SCOPT_API scopt_status scopt_network_add_inventory(scopt_network *net,
                                                   const scopt_inventory *row,
                                                   scopt_error *err);

/* receipts.csv: an already-scheduled arrival (records of one key are summed) */
typedef struct scopt_receipt {
    const char *site;         /* required */
    const char *item;         /* required */
    int period;               /* required: >= 1 */
    double quantity;          /* required */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_receipt;
SCOPT_API void scopt_receipt_init(scopt_receipt *row);
SCOPT_API scopt_status scopt_network_add_receipt(scopt_network *net, const scopt_receipt *row,
                                                 scopt_error *err);

/* demand.csv: a customer's order or forecast (records of one key are summed) */
typedef struct scopt_demand {
    const char *customer;     /* required: a customer site */
    const char *item;         /* required */
    int period;               /* required: >= 1 */
    double quantity;          /* required */
    double unmet_penalty;     /* per unit lost; SCOPT_DEFAULT = the default_unmet_penalty
                                 setting (an error without one) */
    double backorder_cost;    /* per unit and period late; default 0 (lost sales) */
    double reserved_d[2];
    const char *reserved_p[2];
} scopt_demand;
SCOPT_API void scopt_demand_init(scopt_demand *row);
SCOPT_API scopt_status scopt_network_add_demand(scopt_network *net, const scopt_demand *row,
                                                scopt_error *err);

/* ---- solving ---- */
typedef struct scopt_plan scopt_plan;

typedef enum {
    SCOPT_SOLVE_OPTIMAL = 0,
    SCOPT_SOLVE_FEASIBLE = 1,   /* limit reached, a plan exists */
    SCOPT_SOLVE_INFEASIBLE = 2,
    SCOPT_SOLVE_UNBOUNDED = 3,
    SCOPT_SOLVE_NO_PLAN = 4,    /* limit reached, no plan found */
    SCOPT_SOLVE_CANCELLED = 5   /* *opt->cancel was set: the best plan found so far, if any
                                   (scopt_plan_info_get: has_plan) */
} scopt_solve_status;

/* Build the model of NET, solve it and decode the plan. On SCOPT_OK *out holds a plan
 * (whose solve status may still be infeasible: the plan then carries the explanation), which
 * the caller frees with scopt_plan_free before freeing NET. opt may be NULL (defaults); its
 * callbacks are called from the calling thread during the call. SCOPT_EUSAGE for a network
 * built in memory and not finished, or a bad option (named in *err). Different networks may
 * be solved from different threads at the same time; one network may be solved by several
 * threads at once (it is only read). */
SCOPT_API scopt_status scopt_solve(const scopt_network *net, const scopt_options *opt,
                                   scopt_plan **out, scopt_error *err);
/* Free a plan (NULL does nothing). */
SCOPT_API void scopt_plan_free(scopt_plan *plan);
/* The solve status of a plan (SCOPT_SOLVE_NO_PLAN for NULL). */
SCOPT_API scopt_solve_status scopt_plan_status(const scopt_plan *plan);
/* "optimal", "feasible", "infeasible", "unbounded", "no_plan", "cancelled" (as in
 * summary.json); "unknown" for other values. */
SCOPT_API const char *scopt_solve_status_name(scopt_solve_status s);
/* Total cost of the plan, constants included; 0 when it has no solution. */
SCOPT_API double scopt_plan_objective(const scopt_plan *plan);

/* Write the plan's CSV schedules and summary.json into DIR atomically: everything is
 * written into a temporary sibling directory which then replaces DIR. */
SCOPT_API scopt_status scopt_plan_write_dir(const scopt_plan *plan, const char *dir,
                                            scopt_error *err);
/* summary.json as a string (caller frees with scopt_free). */
SCOPT_API char *scopt_plan_summary_json(const scopt_plan *plan);
/* Lines of the infeasibility explanation (0 when the plan is feasible). */
SCOPT_API int scopt_plan_explanation_count(const scopt_plan *plan);
SCOPT_API const char *scopt_plan_explanation(const scopt_plan *plan, int i);

/* ---- reading a plan without files ----
 * The same numbers as the plan files (docs/plan.md), row for row: table T's row i here is
 * line i+2 of T's file. Names point into the plan's network (valid while it lives; the
 * plan needs its network anyway). Numbers are the files' values before printing (solver
 * noise below 1e-9 removed, integer decisions whole). A plan without a solution (status
 * infeasible, unbounded, no_plan) has no rows. */
typedef enum {
    SCOPT_PLAN_PURCHASES = 0,     /* purchases.csv */
    SCOPT_PLAN_PRODUCTION = 1,    /* production.csv */
    SCOPT_PLAN_SHIPMENTS = 2,     /* shipments.csv */
    SCOPT_PLAN_INVENTORY = 3,     /* inventory_plan.csv */
    SCOPT_PLAN_DELIVERIES = 4,    /* deliveries.csv */
    SCOPT_PLAN_RESOURCE_LOAD = 5, /* resource_load.csv */
    SCOPT_PLAN_SITES = 6          /* sites.csv */
} scopt_plan_table;

/* Number of rows of TABLE (0 for a NULL plan or an unknown table). */
SCOPT_API long scopt_plan_row_count(const scopt_plan *plan, scopt_plan_table table);

typedef struct scopt_purchase_row {
    const char *supplier, *item;
    int order_period, arrival_period;
    double quantity;
    double order;             /* 1 when an order is placed (offers with an order decision) */
    double cost;              /* unit_cost * quantity + order_cost * order */
} scopt_purchase_row;

typedef struct scopt_production_row {
    const char *operation, *site, *item;
    int start_period, finish_period;
    double quantity;          /* units of operation */
    double output_quantity;   /* yield * quantity, arriving in finish_period */
    double setup;             /* 1 when set up in start_period */
    double cost;              /* unit_cost * quantity + setup_cost * setup */
} scopt_production_row;

typedef struct scopt_shipment_row {
    const char *from, *to, *item, *mode;
    const char *lane_item;    /* the lane's item, "" for a lane without item */
    int ship_period, arrival_period;
    double quantity;
    double vehicles;          /* the lane's vehicles in ship_period (0: no vehicles) */
    double cost;              /* unit_cost * quantity */
    int lane_no;              /* 1 for the first lanes row with this (from, to, lane_item, mode), 2 for a
                               * second (parallel) lane with the same key, ... */
} scopt_shipment_row;

typedef struct scopt_inventory_row {
    const char *site, *item;
    int period;
    double on_hand;           /* closing stock */
    double safety_stock, shortfall;
} scopt_inventory_row;

typedef struct scopt_delivery_row {
    const char *customer, *item;
    int period;
    double ordered, delivered;
    double backlog;           /* at the end of the period */
    double lost;
} scopt_delivery_row;

typedef struct scopt_resource_load_row {
    const char *resource;
    int period;
    double load, run_load, setup_load, capacity, overtime;
    double utilization;       /* load / capacity; NaN when capacity is 0 */
} scopt_resource_load_row;

typedef struct scopt_site_row {
    const char *site;         /* an optional site */
    int open;                 /* 0 or 1 */
} scopt_site_row;

/* Row I (0 <= I < scopt_plan_row_count) of a table into *row; SCOPT_EUSAGE for a NULL
 * argument or I out of range. */
SCOPT_API scopt_status scopt_plan_purchase(const scopt_plan *plan, long i, scopt_purchase_row *row);
SCOPT_API scopt_status scopt_plan_production(const scopt_plan *plan, long i,
                                             scopt_production_row *row);
SCOPT_API scopt_status scopt_plan_shipment(const scopt_plan *plan, long i, scopt_shipment_row *row);
SCOPT_API scopt_status scopt_plan_inventory(const scopt_plan *plan, long i, scopt_inventory_row *row);
SCOPT_API scopt_status scopt_plan_delivery(const scopt_plan *plan, long i, scopt_delivery_row *row);
SCOPT_API scopt_status scopt_plan_resource_load(const scopt_plan *plan, long i,
                                                scopt_resource_load_row *row);
SCOPT_API scopt_status scopt_plan_site(const scopt_plan *plan, long i, scopt_site_row *row);

/* The ISO date of the first day of PERIOD ("2025-01-06") into buf (at least 11 bytes) when
 * the settings give start_date and period_days; else "" (and 0 is returned). */
SCOPT_API int scopt_plan_period_date(const scopt_plan *plan, int period, char *buf, size_t n);

/* Cost by component (summary.json "costs"); they add up to the objective. */
typedef struct scopt_plan_costs {
    double purchase, order, production, setup, transport, vehicles, holding, overtime, fixed,
        lost, backorder, shortfall;
    double reserved[4];
} scopt_plan_costs;

/* The plan's KPIs (summary.json without the lists). */
typedef struct scopt_plan_info {
    scopt_solve_status status;
    int has_plan;             /* 1 when the plan has a solution (rows, costs, objective) */
    double objective;         /* total cost, constants included (0 without a plan) */
    double objective_constant;
    double best_bound;        /* -HUGE_VAL when unknown */
    double lp_bound;          /* the relaxation's optimum (MIPs); -HUGE_VAL when unknown */
    double gap;               /* relative; -1 when unknown */
    double fill_rate;         /* delivered / ordered (1 when nothing is ordered) */
    double ordered, delivered, lost;
    scopt_plan_costs costs;
    const char *method;       /* "simplex", "branch-and-cut", ... */
    long iterations, nodes;
    long rows, columns, integers, nonzeros; /* the model's size */
    double seconds_build, seconds_solve, seconds_decode, seconds_total;
    double reserved_d[8];
    void *reserved_p[4];
} scopt_plan_info;
SCOPT_API scopt_status scopt_plan_info_get(const scopt_plan *plan, scopt_plan_info *info);
/* Shortcuts: the best bound (-HUGE_VAL unknown) and the relative gap (-1 unknown). */
SCOPT_API double scopt_plan_best_bound(const scopt_plan *plan);
SCOPT_API double scopt_plan_gap(const scopt_plan *plan);

/* Export the model of NET as free MPS or CPLEX LP. map_path (may be NULL) receives a
 * CSV mapping the safe names in the file back to the dataset's names. */
typedef enum { SCOPT_FORMAT_MPS = 0, SCOPT_FORMAT_LP = 1 } scopt_model_format;
SCOPT_API scopt_status scopt_export_model(const scopt_network *net, const scopt_options *opt,
                                          scopt_model_format fmt, const char *path,
                                          const char *map_path, scopt_error *err);

/* Independently verify the plan in PLANDIR against NET (reads the plan CSV files and
 * summary.json, not the model). Violations go to on_diagnostic; *violations receives
 * their count. Returns SCOPT_OK when the check ran (whatever it found). */
SCOPT_API scopt_status scopt_check_plan(const scopt_network *net, const char *plandir,
                                        const scopt_options *opt, long *violations,
                                        scopt_error *err);

/* Free memory the library returned to the caller (scopt_plan_summary_json); NULL does nothing. */
SCOPT_API void scopt_free(void *p);

/* ---- scenarios (docs/scenarios.md) ----
 * Read the dataset BASE_DIR as changed by the scenario directory SCENARIO_DIR: its CSV
 * tables replace the base rows that share their key and add new rows (a `delete` column
 * set to 1 removes them), then the edits of its optional scenario.csv are applied in
 * order. The result is written into a fresh temporary directory, read like
 * scopt_network_read_dir and removed; the base is never modified. Messages point at the
 * user's files (base table, scenario table, or the scenario.csv edit that made a value).
 * SCENARIO_DIR NULL reads BASE_DIR alone. Same ownership and errors as
 * scopt_network_read_dir. */
SCOPT_API scopt_status scopt_network_read_scenario(const char *base_dir, const char *scenario_dir,
                                                   const scopt_options *opt, scopt_network **out,
                                                   scopt_error *err);

/* ---- written plans read back: KPIs, reports, differences (docs/scenarios.md) ---- */
#define SCOPT_KPI_BUSIEST 3
/* The KPIs of a plan written by `scopt solve -o`: summary.json's status, objective and
 * costs, and what its files say. */
typedef struct scopt_plan_kpis {
    char status[32];              /* summary.json "status": "optimal", "feasible", ... */
    double objective;             /* total cost, constants included */
    scopt_plan_costs costs;
    double ordered, delivered, lost;
    double fill_rate;             /* delivered / ordered (1 when nothing is ordered) */
    double late;                  /* units delivered after their period: in each period the
                                     backlog carried in is served first */
    double inventory_value;       /* average over periods 1..T of sum(on_hand * item value) */
    int open_sites;               /* optional sites the plan opens */
    int optional_sites;           /* the dataset's optional sites */
    char closed_sites[256];       /* the optional sites it keeps closed, space-separated */
    int nbusiest;                 /* entries of busiest */
    struct {
        char resource[64];
        int period;               /* of the peak */
        double utilization;       /* peak load / capacity (HUGE_VAL: load on no capacity) */
    } busiest[SCOPT_KPI_BUSIEST]; /* the resources with the highest peak, highest first */
    double reserved_d[8];
} scopt_plan_kpis;
/* Read the KPIs of the plan in PLANDIR, solved for NET (the dataset gives item values and
 * names). SCOPT_EINPUT when a plan file is missing or malformed or names what NET lacks. */
SCOPT_API scopt_status scopt_plan_kpis_read(const scopt_network *net, const char *plandir,
                                            scopt_plan_kpis *out, scopt_error *err);

/* Write one self-contained HTML page (inline SVG charts, no script, nothing fetched) about
 * the plans of NRUNS runs: their KPIs side by side, cost breakdown per run, fill rate per
 * customer region, inventory over time per warehouse, resource utilisation per period, and
 * what changed against the first run (lanes, sites, suppliers). Written to PATH.tmp, then
 * renamed to PATH. A run without plandir (no plan was written) shows its status only. */
typedef struct scopt_report_run {
    const char *name;             /* column and legend title ("base", a scenario's name) */
    const scopt_network *net;     /* the dataset the run solved (NULL: none could be read) */
    const char *plandir;          /* its plan directory, NULL when it wrote none */
    const char *status;           /* shown as its status; NULL: the plan's summary.json status */
    double reserved_d[4];
    const void *reserved_p[4];
} scopt_report_run;
SCOPT_API scopt_status scopt_report_write_html(const char *path, const scopt_report_run *runs, int nruns,
                                               scopt_error *err);

/* What changed from the plan in PLANDIR1 to the plan in PLANDIR2 (read as text: no dataset
 * needed): purchase orders by (supplier, item), production runs by operation, shipments by
 * (from, to, item, mode), each with its period and quantity, and the open flag of optional
 * sites. FN is called once per difference, by table, then key, then period. Bad plan files
 * go to opt->on_diagnostic (opt may be NULL) and give SCOPT_EINPUT. */
typedef enum {
    SCOPT_DIFF_ADDED = 0,         /* only in the second plan */
    SCOPT_DIFF_REMOVED = 1,       /* only in the first plan */
    SCOPT_DIFF_CHANGED = 2,       /* same key and period, another quantity */
    SCOPT_DIFF_MOVED = 3          /* same key and quantity, another period */
} scopt_diff_kind;
typedef struct scopt_diff_entry {
    const char *table;            /* "purchases", "production", "shipments" or "sites" */
    scopt_diff_kind kind;
    const char *key;              /* "SUP_Chips  MCU", "SMT_TRK", "PL_SMT -> DC_Busan  PCBA_TRK (truck)", a site */
    int period_before, period_after; /* order, start or ship period in each plan (0: none) */
    double quantity_before, quantity_after; /* for sites: open 0 or 1 */
} scopt_diff_entry;
typedef void (*scopt_diff_fn)(const scopt_diff_entry *e, void *user);
SCOPT_API scopt_status scopt_plan_diff(const char *plandir1, const char *plandir2, const scopt_options *opt,
                                       scopt_diff_fn fn, void *user, scopt_error *err);

#ifdef __cplusplus
}
#endif
#endif /* SCOPT_H */
