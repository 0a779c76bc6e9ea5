/* glpk_heur.h - primal heuristics for scopt's general MIPs (setups, supplier orders, optional
 * sites, vehicles) from glp_intopt's GLP_IHEUR callback (glpk_heur.c, docs/heuristics.md):
 *   - structural round-up: from the node's LP point, every open/setup/order binary that is
 *     positive goes to 1 and every vehicle count up to the next whole number; the integers are
 *     fixed and the remaining LP (flows, stock, overtime) is re-solved; then every costed
 *     integer is lowered as far as its rows allow (vehicles to ceil(load / capacity), unused
 *     setups, orders and sites closed) and the LP re-solved once more;
 *   - if that LP is infeasible (a min lot or min order forced on, or a setup time that no
 *     longer fits), the same with the fractional binaries rounded to the nearest integer.
 * A plan is offered with glp_ios_heur_sol only after it was checked against the model's own
 * rows and bounds (GLPK checks nothing but integrality). Every limit is an iteration count,
 * never a time, so that the plan does not depend on the machine's load. */
#ifndef SCOPT_GLPK_HEUR_H
#define SCOPT_GLPK_HEUR_H

#include <glpk.h>
#include "model.h"
#include "round_plan.h"

typedef struct glpk_heur {
    round_plan w;        /* the model, its point (1-based x) and its matrix by columns */
    int every;           /* nodes between round-ups after the root (0: root only) */
    int last_node;       /* node count at the last round-up (-1: never ran) */
    int below_root_done; /* ran at a node below the root */
    long runs, found;    /* round-ups, and those whose plan GLPK took as its incumbent */
    long lp_iterations;  /* simplex iterations spent in the re-solves */
} glpk_heur;

/* every: nodes between round-ups after the root. Returns -1 on out of memory. */
int glpk_heur_init(glpk_heur *h, const scopt_model *m, int every);
void glpk_heur_free(glpk_heur *h);

/* from GLP_IHEUR (presolve off: the tree's problem has the model's columns first). Runs when
 * the schedule says so and nothing stops it (deadline as now_seconds(), *cancel may be NULL).
 * Returns 1 when GLPK took a plan, else 0. (GLPK's own allocation failures go to its error
 * hook, glpk_guard.h.) */
int glpk_heur_node(glpk_heur *h, glp_tree *T, double deadline, const volatile int *cancel);

#endif
