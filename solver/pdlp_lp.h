/* pdlp_lp.h - the PDLP solver inside the GLPK driver (--lp-method pdlp): run PDLP on the
 * model's LP (a MIP's relaxation), then either hand GLPK a basis guessed from the PDLP point
 * as a warm start (--pdlp-finish simplex) or keep the PDLP point (--pdlp-finish none). Called
 * by glpk_driver.c inside its GLPK guard. */
#ifndef SCOPT_PDLP_LP_H
#define SCOPT_PDLP_LP_H

#include <glpk.h>
#include "glpk_driver.h"
#include "pdlp.h"

typedef enum {
    PDLP_LP_DONE = 0,    /* r is final (the PDLP point or verdict kept, or cancelled) */
    PDLP_LP_GLPK_RAN,    /* GLPK's simplex finished from the PDLP basis: read GLPK's status */
    PDLP_LP_RUN_SIMPLEX  /* PDLP gave no usable point: solve with the simplex as usual */
} pdlp_lp_action;

/* P holds the model m; it may be NULL when no finish follows (an LP with --pdlp-finish none):
 * *action is then never PDLP_LP_GLPK_RAN. Errors: SCOPT_ENODEVICE (--device gpu without one), SCOPT_ENOMEM,
 * SCOPT_EINTERNAL (a backend failure); err says which. */
scopt_status pdlp_lp_solve(glp_prob *P, const scopt_model *m, const solve_params *p, solve_result *r,
                           pdlp_lp_action *action, int *glp_ret, scopt_error *err);

/* what a pdlp_lp_run solves: the model's LP as the options say (--pdlp-finish, the
 * checkpoint, the refinement before a finish on CUDA); the model's LP (a MIP's relaxation)
 * polished, with the checkpoint; a variant of it (other column bounds), polished, without the
 * checkpoint (the file belongs to the model's LP) */
typedef enum { PDLP_RUN_MODEL, PDLP_RUN_POLISHED, PDLP_RUN_VARIANT } pdlp_lp_run_kind;

/* run PDLP on prob (m's LP or a variant with m's rows) on the backend p->device chooses,
 * from start's x and y when start is not NULL (pdlp_params.start_x); *backend names it
 * ("cpu"/"cuda"). --device auto runs again on the CPU when CUDA fails after its probe. On
 * SCOPT_OK free pr with pdlp_result_free. */
scopt_status pdlp_lp_run(const scopt_model *m, const pdlp_problem *prob, pdlp_lp_run_kind kind, const pdlp_result *start,
                         const solve_params *p, pdlp_result *pr, const char **backend, scopt_error *err);

/* what PDLP did, for summary.json (r->pdlp) */
void pdlp_lp_info(const solve_params *p, const scopt_model *m, const pdlp_result *pr, const char *backend,
                  plan_pdlp_info *info);

/* pdlp_mip.c: --pdlp-finish polish on a MIP, the PDLP route (docs/pdlp.md "MIPs without the
 * simplex"): the relaxation by PDLP, polished (its bound); the integers rounded from its point
 * and fixed; the rest by PDLP, polished; the costed integers lowered as far as the rows allow
 * and the rest solved again; the plan checked against every row. No simplex, no branch and
 * cut. *run_simplex = 1 when PDLP gave nothing usable on the relaxation (the usual route
 * follows). Errors as pdlp_lp_solve. */
scopt_status pdlp_mip_solve(const scopt_model *m, const solve_params *p, solve_result *r, int *run_simplex,
                            scopt_error *err);

/* pdlp_finish.c: guess a basis from the PDLP point, else find one by sifting (pdlp_sift.c; with
 * --pdlp-finish restricted, or when sifting fails, the restricted LP), then glp_simplex with
 * presolve off; returns glp_simplex's code and fills info's start_basis, finish_iterations,
 * finish_rounds, finish_iterations_restricted and finish_seconds */
int pdlp_finish_simplex(glp_prob *P, const pdlp_result *pr, const solve_params *p, plan_pdlp_info *info);

#endif
