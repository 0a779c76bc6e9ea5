/* pdlp.h - a first-order LP solver: restarted Halpern PDHG with reflection (the PDLP family:
 * PDLP, cuPDLP-C, cuPDLPx), written once against the backend contract gpu/backend.h, so the
 * same code runs on the CPU backend and on the CUDA plugin. Design notes: docs/pdlp.md.
 *
 * The LP is in GLPK's form:  min c'x  s.t.  rlo <= Ax <= rhi,  lb <= x <= ub  (bounds may be
 * infinite: +-SCOPT_INF or IEEE infinities). Files: pdlp_scale.c (Ruiz, Pock-Chambolle and
 * bound/objective scaling, CSR of A and A^T), pdlp_step.c (device set-up, step size, one
 * iteration), pdlp_restart.c (restarts and primal weight), pdlp_term.c (residuals, gap,
 * termination), pdlp_infeas.c (infeasibility certificates), pdlp_refine.c (going on past the
 * tolerance before an exact finish), pdlp_checkpoint.c (the point kept in a file between
 * runs), pdlp.c (the loop, logging,
 * results). The answer is approximate (relative tolerance); pdlp_finish.c turns it into an
 * exact GLPK vertex. */
#ifndef SCOPT_PDLP_H
#define SCOPT_PDLP_H

#include <stddef.h>
#include "backend.h"
#include "model.h"
#include "scopt.h"

typedef struct pdlp_problem {
    int nrows, ncols;
    const double *cost, *lb, *ub;   /* per column */
    const double *rlo, *rhi;        /* per row */
    size_t nnz;                     /* the matrix as 0-based triplets, no duplicates */
    const int *ai, *aj;
    const double *av;
} pdlp_problem;

/* a model's LP as PDLP takes it (the arrays stay the model's) */
static inline pdlp_problem pdlp_problem_of(const scopt_model *m)
{
    pdlp_problem p = {m->nrows, m->ncols, m->cost, m->lb, m->ub, m->rlo, m->rhi, m->nnz, m->ai, m->aj, m->av};
    return p;
}

typedef struct pdlp_params {
    double tol;               /* relative primal residual, dual residual and gap (1e-4) */
    double infeas_tol;        /* certificate tolerance for infeasibility (1e-8) */
    long iteration_limit;     /* <= 0: none */
    double time_limit;        /* seconds, <= 0: none */
    int check_every;          /* iterations between termination/restart checks (64) */
    int ruiz_passes;          /* Ruiz infinity-norm equilibration passes (10) */
    int pock_chambolle;       /* 1: Pock-Chambolle scaling with alpha = 1 after Ruiz */
    int bound_obj_scaling;    /* 1: scale bounds by 1/(1+|b|), the objective by 1/(1+|c|) */
    double reflection;        /* Halpern reflection rho in [0, 1] (1) */
    /* a restart at least every this many iterations (16384; <= 0: only cuPDLPx's rules), so
     * that the primal weight, updated at restarts, keeps up on long runs (docs/pdlp.md,
     * "Restarts on long runs") */
    long restart_max_epoch;
    /* refinement before an exact finish (docs/pdlp.md, "The tolerance before the finish"): once
     * tol is met, go on toward refine_tol (0: do not) for at most refine_factor times the
     * iterations tol took and refine_seconds more; when refine_tol is not reached the answer is
     * the point that met tol, as if no refinement had run */
    double refine_tol;
    double refine_factor;     /* (16) */
    double refine_seconds;    /* (30) */
    /* feasibility polishing once tol is met (pdlp_polish.c; docs/pdlp.md "Feasibility
     * polishing"): the primal point's rows and the duals' reduced costs to this relative
     * tolerance (0: none); while the polished gap is above tol, PDLP goes
     * on and polishes again, within polish_factor (8) times the iterations tol took */
    double polish_tol;
    double polish_abs;        /* and the rows' residual 2-norm in the LP's units (0: none) */
    double polish_factor;
    double polish_gap;        /* the rounds end at a polished gap this small (0: tol) */
    double log_every;         /* seconds between progress lines (1.0); < 0: none */
    /* a file that keeps PDLP's point between runs (NULL: none): the run starts from it when it
     * holds this LP's point, and writes its last point there when it stops on a limit, the
     * cancel flag or the tolerance (pdlp_checkpoint.c, docs/pdlp.md "Checkpoints") */
    const char *checkpoint;
    /* a point to start from in the LP's own units (NULL: zero), as a restart point: the
     * PDLP route of a MIP starts each LP with its integers fixed from the relaxation's point
     * (pdlp_mip.c). x is clamped to the bounds. A checkpoint that is used wins; ignored with
     * the presolve (its LP has other columns). */
    const double *start_x, *start_y;
    int presolve;             /* 1: column singletons of equality rows leave first (pdlp_presolve.c) */
    const scopt_backend *backend; /* NULL: the CPU backend */
    int threads;              /* the CPU backend's threads (1 default; -1: one per core; backend.h) */
    volatile int *cancel;
    scopt_log_fn on_log;
    void *log_user;
} pdlp_params;

void pdlp_params_init(pdlp_params *p);

typedef enum {
    PDLP_OPTIMAL = 0,
    PDLP_PRIMAL_INFEASIBLE,
    PDLP_DUAL_INFEASIBLE,     /* the LP is unbounded when it is feasible */
    PDLP_ITERATION_LIMIT,
    PDLP_TIME_LIMIT,
    PDLP_CANCELLED,
    PDLP_NUMERICAL            /* NaN or an unsupported problem (no rows or no columns) */
} pdlp_status;

const char *pdlp_status_name(pdlp_status s);

typedef struct pdlp_result {
    pdlp_status status;
    double *x;                /* ncols: primal point (always within the column bounds) */
    double *y;                /* nrows: row duals (> 0 at an active lower row bound, GLPK's sign) */
    double *reduced_cost;     /* ncols: c - A'y */
    double *row_activity;     /* nrows: Ax */
    double primal_obj, dual_obj;
    double primal_residual;   /* |Ax - proj(Ax)|_2 in the problem's units */
    double dual_residual;     /* |reduced cost no bound absorbs|_2 */
    double rel_primal_residual, rel_dual_residual, rel_gap; /* what tol is compared with */
    long iterations;          /* all done, refinement included */
    long iterations_at_tol;   /* when tol was first met (0: never) */
    double refine_tol;        /* the params' refine_tol when a refinement applied (below tol), else 0 */
    int refined;              /* 1: refine_tol was met and this point is the refined one */
    int restarts;
    double seconds;
    long polish_iterations;   /* feasibility polishing: both phases, every round (0: none ran) */
    int polish_rounds;
    int polished_primal, polished_dual; /* 1: that half of the point is the polished one */
    double polish_seconds;
    long resumed_from;        /* iterations already done in the checkpoint it started from (0: none) */
    int presolved_columns;    /* columns the presolve removed (their values computed after) */
    int checkpoint_saved;     /* 1: the checkpoint file was written */
    char checkpoint_note[200]; /* why a checkpoint file was not used or not written ("": nothing to say) */
    char device[160];         /* the backend's device description */
} pdlp_result;

/* Solve P. On SCOPT_OK, r holds a status and (unless the problem was rejected) the last point;
 * free it with pdlp_result_free. Errors: SCOPT_ENOMEM, SCOPT_EINTERNAL (a backend failure,
 * message in err). */
scopt_status pdlp_solve(const pdlp_problem *p, const pdlp_params *prm, pdlp_result *r, scopt_error *err);
void pdlp_result_free(pdlp_result *r);

#endif
