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
/* what follows a PDLP solve: GLPK's simplex warm-started from a basis guessed from the PDLP
 * point (an exact vertex), or nothing (the approximate PDLP point; MIPs always finish) */
typedef enum { SCOPT_PDLP_FINISH_SIMPLEX = 0, SCOPT_PDLP_FINISH_NONE = 1 } scopt_pdlp_finish;

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
    volatile int *cancel;    /* set *cancel != 0 from any thread to stop a solve */
    double pdlp_tol;         /* PDLP relative tolerance (residuals and gap); <0 = 1e-4 */
    scopt_pdlp_finish pdlp_finish; /* default SCOPT_PDLP_FINISH_SIMPLEX */
    double reserved_d[8];
    void *reserved_p[8];
} scopt_options;

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
SCOPT_API void scopt_network_free(scopt_network *net);

/* Sizes of a network, for summaries. */
typedef struct scopt_network_info {
    int periods;
    int items, sites, suppliers, plants, warehouses, customers;
    long supply, operations, bom, resources, resource_use, calendar, lanes, inventory,
        receipts, demand;
    int warnings;
    double total_demand;
} scopt_network_info;
SCOPT_API scopt_status scopt_network_info_get(const scopt_network *net, scopt_network_info *info);

/* ---- solving ---- */
typedef struct scopt_plan scopt_plan;

typedef enum {
    SCOPT_SOLVE_OPTIMAL = 0,
    SCOPT_SOLVE_FEASIBLE = 1,   /* limit reached, a plan exists */
    SCOPT_SOLVE_INFEASIBLE = 2,
    SCOPT_SOLVE_UNBOUNDED = 3,
    SCOPT_SOLVE_NO_PLAN = 4     /* limit reached, no plan found */
} scopt_solve_status;

/* Build the model of NET, solve it and decode the plan. On SCOPT_OK *out holds a plan
 * (whose solve status may still be infeasible: the plan then carries the explanation). */
SCOPT_API scopt_status scopt_solve(const scopt_network *net, const scopt_options *opt,
                                   scopt_plan **out, scopt_error *err);
SCOPT_API void scopt_plan_free(scopt_plan *plan);
SCOPT_API scopt_solve_status scopt_plan_status(const scopt_plan *plan);
SCOPT_API const char *scopt_solve_status_name(scopt_solve_status s);
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

SCOPT_API void scopt_free(void *p);

#ifdef __cplusplus
}
#endif
#endif /* SCOPT_H */
