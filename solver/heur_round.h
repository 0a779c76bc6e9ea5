/* heur_round.h - a first plan for branch and cut: round the LP relaxation's integer columns
 * up (binaries to 1 where positive, vehicle counts to the next whole number), fix them and
 * solve the remaining LP. Rounding up keeps every capacity it opens, so the plan is feasible
 * unless a forced minimum (min_lot, min_order) cannot be stored; then the integer columns are
 * rounded to the nearest whole number instead. GLPK then starts from this incumbent. */
#ifndef SCOPT_HEUR_ROUND_H
#define SCOPT_HEUR_ROUND_H

#include <glpk.h>
#include "model.h"

/* P holds the solved relaxation (columns = model columns). On success fills x[1..n] (GLPK's
 * 1-based layout, ready for glp_ios_heur_sol) and *obj, and returns 0; -1 when no plan was found. */
int heur_round(glp_prob *P, const scopt_model *m, double *x, double *obj, double time_limit_s);

#endif
