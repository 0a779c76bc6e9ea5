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

/* pdlp_finish.c: guess a basis from the PDLP point, else find one by sifting (pdlp_sift.c; with
 * --pdlp-finish restricted, or when sifting fails, the restricted LP), then glp_simplex with
 * presolve off; returns glp_simplex's code and fills info's start_basis, finish_iterations,
 * finish_rounds, finish_iterations_restricted and finish_seconds */
int pdlp_finish_simplex(glp_prob *P, const pdlp_result *pr, const solve_params *p, plan_pdlp_info *info);

/* glp_smcp.tm_lim for a simplex run now: the milliseconds left of p's time limit (at least 1),
 * INT_MAX without one */
int pdlp_simplex_ms(const solve_params *p);

#endif
