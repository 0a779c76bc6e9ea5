/* glpk_dive.h - period-ordered diving heuristic for glp_intopt (glpk_dive.c). */
#ifndef SCOPT_GLPK_DIVE_H
#define SCOPT_GLPK_DIVE_H

#include <glpk.h>
#include "model.h"

/* From the GLP_IHEUR callback (presolve off: the tree's problem has the model's columns):
 * dive from the current subproblem; offers an integral solution when one is found before
 * deadline (now_seconds()) and before *cancel (may be NULL) is set. Returns 1 when a solution
 * was offered. */
int glpk_dive(glp_tree *T, const scopt_model *m, double deadline, const volatile int *cancel);

#endif
