/* glpk_dive.c - a diving heuristic for glp_intopt's GLP_IHEUR callback: on a copy of the
 * current subproblem (its bounds and cuts), fix the integer columns of the earliest period
 * that still has fractional ones to their rounded values, re-solve the relaxation, and repeat
 * until the relaxation is integral (then offer it with glp_ios_heur_sol) or it cannot beat the
 * incumbent. Periods come from the model's column meanings (open decisions have period 0). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include "glpk_dive.h"
#include "glpk_guard.h"

#define DIVE_INT_TOL 1e-6

/* earliest period with a fractional integer column of Q, or -1 when integral */
static int earliest_fractional(glp_prob *Q, const scopt_model *m)
{
    int best = -1;
    for (int j = 1; j <= m->ncols; j++) {
        if (!m->is_int[j - 1]) continue;
        double v = glp_get_col_prim(Q, j);
        if (fabs(v - floor(v + 0.5)) <= DIVE_INT_TOL) continue;
        if (best < 0 || m->cm[j - 1].t < best) best = m->cm[j - 1].t;
    }
    return best;
}

/* fix every integer column of period t to its rounded value (fractional vehicles up, the rest
 * to the nearest integer), so that the next round moves on to a later period */
static void fix_period(glp_prob *Q, const scopt_model *m, int t)
{
    for (int j = 1; j <= m->ncols; j++) {
        if (!m->is_int[j - 1] || m->cm[j - 1].t != t) continue;
        double v = glp_get_col_prim(Q, j), r = floor(v + 0.5);
        if (fabs(v - r) > DIVE_INT_TOL && m->cm[j - 1].kind == V_VEHICLES) r = ceil(v);
        glp_set_col_bnds(Q, j, GLP_FX, r, r);
    }
}

static void offer(glp_tree *T, glp_prob *Q, const scopt_model *m)
{
    int n = glp_get_num_cols(Q);
    double *x = malloc(((size_t)n + 1) * sizeof *x);
    if (!x) return;
    for (int j = 1; j <= n; j++) {
        x[j] = glp_get_col_prim(Q, j);
        if (j <= m->ncols && m->is_int[j - 1]) x[j] = floor(x[j] + 0.5);
    }
    glp_ios_heur_sol(T, x);
    free(x);
}

int glpk_dive(glp_tree *T, const scopt_model *m, double deadline, const volatile int *cancel)
{
    glp_prob *P = glp_ios_get_prob(T), *Q = glp_create_prob();
    glp_smcp sp;
    int has_inc = glp_mip_status(P) == GLP_FEAS, found = 0;
    double inc = has_inc ? glp_mip_obj_val(P) : DBL_MAX;
    glp_copy_prob(Q, P, GLP_OFF);
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_OFF;
    sp.meth = GLP_DUALP;
    for (int round = 0; round <= m->T + 1; round++) {
        if (now_seconds() > deadline || cancel_requested(cancel)) break;
        if (round > 0 || glp_get_status(Q) != GLP_OPT) {
            sp.tm_lim = glpk_tm_lim_until(deadline);
            if (glp_simplex(Q, &sp) != 0 || glp_get_status(Q) != GLP_OPT) break;
        }
        if (glp_get_obj_val(Q) >= inc - 1e-9 * (1 + fabs(inc))) break;
        int t = earliest_fractional(Q, m);
        if (t < 0) { offer(T, Q, m); found = 1; break; }
        fix_period(Q, m, t);
    }
    glp_delete_prob(Q);
    return found;
}
