/* heur_round.c - see heur_round.h. */
#include <math.h>
#include "heur_round.h"

static int solve_fixed(glp_prob *P, const scopt_model *m, int nearest, double *x, double *obj, double tl)
{
    glp_prob *Q = glp_create_prob();
    glp_copy_prob(Q, P, GLP_OFF);
    for (int j = 0; j < m->ncols; j++) {
        if (!m->is_int[j]) continue;
        double v = glp_get_col_prim(P, j + 1);
        double r = nearest ? nearbyint(v) : ceil(v - 1e-6);
        if (r < m->lb[j]) r = m->lb[j];
        if (m->ub[j] < SCOPT_INF && r > m->ub[j]) r = floor(m->ub[j]);
        glp_set_col_kind(Q, j + 1, GLP_CV);
        glp_set_col_bnds(Q, j + 1, GLP_FX, r, r);
    }
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_OFF;
    sp.presolve = GLP_ON;
    if (tl > 0) sp.tm_lim = (int)fmin(tl * 1000.0, 1e9);
    int ok = glp_simplex(Q, &sp) == 0 && glp_get_status(Q) == GLP_OPT;
    if (ok) {
        *obj = glp_get_obj_val(Q);
        for (int j = 0; j < m->ncols; j++)
            x[j + 1] = m->is_int[j] ? nearbyint(glp_get_col_prim(Q, j + 1)) : glp_get_col_prim(Q, j + 1);
    }
    glp_delete_prob(Q);
    return ok ? 0 : -1;
}

int heur_round(glp_prob *P, const scopt_model *m, double *x, double *obj, double time_limit_s)
{
    if (solve_fixed(P, m, 0, x, obj, time_limit_s) == 0) return 0;
    return solve_fixed(P, m, 1, x, obj, time_limit_s);
}
