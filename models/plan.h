/* plan.h - a solved plan: the model with its column values and the numbers a planner reads
 * (cost breakdown, fill rate, resource loads). Decoding walks the model's meaning tables;
 * io/plan_write.c turns a plan into the files of docs/plan.md. The plan refers to its
 * network, which must outlive it. */
#ifndef SCOPT_PLAN_H
#define SCOPT_PLAN_H

#include "model.h"

typedef enum {
    COST_PURCHASE, COST_ORDER, COST_PRODUCTION, COST_SETUP, COST_TRANSPORT, COST_VEHICLES,
    COST_HOLDING, COST_OVERTIME, COST_FIXED, COST_LOST, COST_BACKORDER, COST_SHORTFALL, COST_COUNT
} cost_kind;
extern const char *const cost_kind_names[COST_COUNT];

/* seconds per phase; validate is a part of read, glpk_load (copying the model into GLPK) of solve */
typedef struct plan_timings { double read, build, solve, decode, write, total, glpk_load, validate; } plan_timings;

/* the rows of the plan's tables (scopt_plan_table, docs/plan.md), as (entity, period):
 * offer, operation, lane-item pair, buffer, demand key, resource, site (plan_rows.c) */
#define PLAN_TABLE_COUNT 7
typedef struct { int a, t; } plan_row_ref;
typedef VEC(plan_row_ref) plan_row_vec;

/* what the PDLP solver did (solver/pdlp.h), for summary.json's "solver"."pdlp" */
typedef struct plan_pdlp_info {
    int used;
    const char *status;        /* pdlp_status_name() */
    const char *backend;       /* "cpu" or "cuda" */
    char device[160];
    long iterations;
    int restarts;
    double seconds, tolerance;
    double refine_tolerance;   /* 0: none; else the tighter tolerance tried before the finish */
    long iterations_at_tolerance; /* when `tolerance` was first met (0: never) */
    int refined;               /* 1: refine_tolerance was met and the finish started there */
    const char *checkpoint;    /* the checkpoint file (NULL: none); the caller's string */
    long resumed_from;         /* iterations of the checkpoint it started from (0: none) */
    int presolve;              /* 1: --pdlp-presolve */
    int presolved_columns;     /* the columns it removed */
    int checkpoint_saved;
    char checkpoint_note[200]; /* why the file was not used or not written */
    double primal_objective, dual_objective;         /* constant included */
    double primal_residual, dual_residual;           /* 2-norms in the model's units */
    double rel_primal_residual, rel_dual_residual, rel_gap;
    const char *finish;        /* "simplex", "none" or "polish" */
    const char *start_basis;   /* simplex finish: "guess", "sifting", "restricted", "cold" */
    long finish_iterations;    /* simplex iterations of the finish on the full LP */
    int finish_rounds;         /* sifting: restricted LPs solved */
    long finish_iterations_restricted; /* sifting: simplex iterations over its restricted LPs */
    double finish_seconds;
    int finish_stopped;        /* 1: a limit or the cancel flag stopped the finish short of an optimal basis */
    const char *plan_point;    /* whose point the plan is: "pdlp", "polished" (PDLP's, polished),
                                  "simplex" (GLPK's basic solution) or, for a MIP by
                                  --pdlp-finish polish, "rounded" (solver/pdlp_mip.c) */
    int polish_rounds;         /* --pdlp-finish polish (docs/pdlp.md "Feasibility polishing") */
    long polish_iterations;    /* both phases, every round */
    double polish_seconds;     /* the rounds, PDLP's iterations between them included */
    int polished_primal, polished_dual; /* 1: that half of the answer is a polished one */
    int mip_lp_solves;         /* --pdlp-finish polish on a MIP (solver/pdlp_mip.c): LPs solved
                                  after the relaxation, the integers fixed; */
    long mip_iterations;       /* their PDLP iterations (polishing included) */
    double mip_seconds;        /* rounding, those LPs and the checks */
} plan_pdlp_info;

struct scopt_plan {
    const scopt_network *net;
    scopt_model *model;           /* owned */
    scopt_solve_status status;
    int has_solution;
    double objective, best_bound, lp_bound, gap;
    double *x;                    /* owned, cleaned values per column */
    long iterations, nodes;
    long heuristic_plans;         /* incumbents from scopt's round-up heuristic (MIPs) */
    double glpk_peak_mb;          /* GLPK's peak allocation during the solve (its copy, presolve, factors) */
    const char *method;
    plan_pdlp_info pdlp;
    double costs[COST_COUNT];
    double ordered, delivered, lost, fill_rate;
    double *res_run, *res_setup, *res_overtime; /* per resource x period */
    plan_timings timings;
    char options_json[1024];      /* non-default options, as a JSON object */
    char **explanation;           /* infeasible plans: lines in the dataset's words */
    int nexplanation;
    plan_row_vec rows[PLAN_TABLE_COUNT]; /* owned; empty without a solution */
};

/* Fill costs, KPIs, loads and the table rows from p->x (which decode_plan cleans of solver
 * noise). Returns -1 when out of memory. */
int decode_plan(scopt_plan *p);
/* index the rows of every table (plan_rows.c; called by decode_plan); -1 out of memory */
int plan_rows_index(scopt_plan *p);
void plan_rows_free(scopt_plan *p);
/* print-friendly value: |v| < 1e-9 -> 0, within 1e-9 of an integer -> that integer */
double clean_value(double v);
/* column value or 0 for an absent column (-1) */
static inline double plan_col(const scopt_plan *p, int j) { return j >= 0 ? p->x[j] : 0.0; }

#endif
