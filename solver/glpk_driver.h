/* glpk_driver.h - the only door to GLPK: load a scopt_model into a glp_prob, solve it
 * (simplex or interior point for LPs; relaxation then branch and cut for MIPs), export it
 * as MPS/LP. GLPK's fatal errors are caught by its error hook (never an abort) and its
 * terminal output goes to the caller's log callback. */
#ifndef SCOPT_GLPK_DRIVER_H
#define SCOPT_GLPK_DRIVER_H

#include "plan.h"

/* how GLPK's simplex starts an LP: presolved primal (the default), primal from the primal
 * feasible "nothing flows" basis (glpk_basis.h), or dual from the slack basis; no presolver
 * for the last two */
typedef enum { GLPK_LP_PRESOLVED, GLPK_LP_NO_FLOW, GLPK_LP_DUAL_SLACK } glpk_lp_start;

typedef struct solve_params {
    double mip_gap;        /* relative */
    double time_limit;     /* seconds, <= 0 none */
    scopt_lp_method lp_method;
    int cuts, heuristics;
    int quiet;             /* no GLPK log lines */
    scopt_log_fn on_log;
    void *log_user;
    scopt_progress_fn on_progress;
    void *progress_user;
    volatile int *cancel;
    double start_time;     /* now_seconds() at the start of the whole solve */
    scopt_device device;   /* backend of the PDLP solver */
    double pdlp_tol;       /* relative; <= 0: 1e-4 */
    scopt_pdlp_finish pdlp_finish;
    const char *pdlp_checkpoint; /* NULL: none */
    int pdlp_presolve;
    int threads;           /* PDLP's CPU backend (scopt_options.threads) */
    scopt_mip_strategy mip_strategy;
    glpk_lp_start lp_start; /* how the LP's simplex starts (glpk_lp_start_for) */
    struct glpk_guard *guard; /* set by glpk_solve for the calls below it (NULL: none; glpk_guard.h) */
} solve_params;

typedef struct solve_result {
    scopt_solve_status status;
    int has_solution;
    double objective;      /* constant included */
    double best_bound;     /* constant included; -inf unknown */
    double lp_bound;       /* relaxation optimum, constant included (MIPs) */
    double gap;            /* -1 unknown */
    double *x;             /* column values (m->ncols) when has_solution */
    long iterations, nodes;
    long heuristic_plans;  /* plans that scopt's round-up heuristic gave branch and cut */
    int limit_reached, cancelled;
    const char *method;
    double load_seconds;   /* copying the model into GLPK (part of the solve time) */
    double glpk_peak_mb;   /* GLPK's peak allocation in this thread (glp_mem_usage) */
    plan_pdlp_info pdlp;   /* when the LP went through PDLP */
} solve_result;

/* the start scopt uses by size and time limit (docs/solver-settings.md) */
glpk_lp_start glpk_lp_start_for(const scopt_model *m, const solve_params *p);
scopt_status glpk_solve(const scopt_model *m, const solve_params *p, solve_result *res, scopt_error *err);
void solve_result_free(solve_result *res);

/* a log line to the caller's callback unless quiet; whether the time limit has passed or the
 * cancel flag is set (the solve's own checks between steps, outside GLPK) */
void solve_log(const solve_params *p, const char *line);
int solve_stopped(const solve_params *p);
/* glp_smcp/glp_iocp.tm_lim for the time left of the solve's limit (INT_MAX: none; at least 1) */
int solve_tm_lim(const solve_params *p);

/* write the model (names made safe, objective constant included) as free MPS or CPLEX LP;
 * map_path (may be NULL) receives "kind,safe_name,name" lines */
scopt_status glpk_export(const scopt_model *m, scopt_model_format fmt, const char *path, const char *map_path,
                         scopt_error *err);

#endif
