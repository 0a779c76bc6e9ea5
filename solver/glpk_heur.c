/* glpk_heur.c - structural round-up, fix-and-resolve and descent for glp_intopt's GLP_IHEUR
 * callback (glpk_heur.h; why, when and what it gives: docs/heuristics.md).
 *
 * Rounding up is feasible by construction for the families whose binary or count only opens
 * capacity (section 2b): an optional site's open[s] appears only in sum inflow <= M*open and
 * out <= U*open; vehicles[l,t] only in sum volume*ship <= vehicle_capacity*vehicles. Setups
 * and orders also carry a minimum (min_lot*setup <= make, min_order*order <= buy) and setups a
 * setup_usage on their resources, so rounding them up can leave the re-solved LP infeasible:
 * then the fractional binaries go to the nearest integer instead. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include "glpk_guard.h"
#include "glpk_heur.h"

#define HEUR_POSITIVE 1e-6      /* an LP value above this counts as "used" */
#define HEUR_IT_LIMIT 100000    /* simplex iterations per re-solve (a count, not a time) */

int glpk_heur_init(glpk_heur *h, const scopt_model *m, int every)
{
    *h = (glpk_heur){0};
    h->every = every;
    h->last_node = -1;
    return round_plan_init(&h->w, m);
}

void glpk_heur_free(glpk_heur *h)
{
    round_plan_free(&h->w);
}

/* Q = the node's problem (its cuts and local bounds kept: they hold for every plan inside the
 * node, and the rounded integers stay inside the node's integer bounds), every integer column
 * fixed at its rounded node value; the basis is the node's. Kept rather than undone because
 * the re-solve then starts closer: 518 instead of 2,858 iterations at node 100 of S seed 3,
 * the same plan. */
static void fix_integers(glp_prob *Q, glp_prob *P, const scopt_model *m, int mode)
{
    for (int j = 0; j < m->ncols; j++) {
        if (!m->is_int[j]) continue;
        double r = round_plan_value(m, j, glp_get_col_prim(P, j + 1), mode, HEUR_POSITIVE);
        glp_set_col_bnds(Q, j + 1, GLP_FX, r, r);
    }
}

static int resolve(glpk_heur *h, glp_prob *Q, double deadline)
{
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_OFF;
    sp.it_lim = HEUR_IT_LIMIT;
    sp.tm_lim = glpk_tm_lim_until(deadline);
    sp.meth = GLP_DUALP; /* the node's basis stays dual feasible when columns are fixed */
    int before = glp_get_it_cnt(Q);
    int ret = glp_simplex(Q, &sp);
    if (ret == GLP_EBADB || ret == GLP_ESING || ret == GLP_ECOND) {
        glp_adv_basis(Q, 0);
        sp.tm_lim = glpk_tm_lim_until(deadline);
        ret = glp_simplex(Q, &sp);
    }
    h->lp_iterations += glp_get_it_cnt(Q) - before;
    return ret == 0 && glp_get_status(Q) == GLP_OPT ? 0 : -1;
}

/* h->w.x = the model's columns of Q's LP solution, the integers rounded; returns -1 when Q
 * lacks some of the model's columns */
static int load_x(glpk_heur *h, glp_prob *Q)
{
    const scopt_model *m = h->w.m;
    if (glp_get_num_cols(Q) < m->ncols) return -1;
    for (int j = 0; j < m->ncols; j++) {
        double v = glp_get_col_prim(Q, j + 1);
        h->w.x[j + 1] = m->is_int[j] ? floor(v + 0.5) : v;
    }
    return 0;
}

/* check h->w.x and offer it to T: 1 when GLPK took it */
static int offer_x(glpk_heur *h, glp_tree *T)
{
    /* the tree's problem has exactly the model's columns (presolve off) */
    if (glp_get_num_cols(glp_ios_get_prob(T)) != h->w.m->ncols || !round_plan_is_plan(&h->w)) return 0;
    return glp_ios_heur_sol(T, h->w.x) == 0;
}

/* one rounding mode: fix, re-solve, descend (and re-solve once more with the lowered
 * integers), check, offer. 1 = GLPK took the plan, 0 = not better, -1 = the LP is infeasible */
static int try_mode(glpk_heur *h, glp_tree *T, int mode, double incumbent, double deadline)
{
    const scopt_model *m = h->w.m;
    glp_prob *P = glp_ios_get_prob(T), *Q = glp_create_prob();
    int taken = -1;
    glp_copy_prob(Q, P, GLP_OFF);
    fix_integers(Q, P, m, mode);
    if (resolve(h, Q, deadline) == 0 && load_x(h, Q) == 0) {
        taken = 0;
        if (round_plan_descend(&h->w) > 0) {
            for (int j = 0; j < m->ncols; j++)
                if (m->is_int[j]) glp_set_col_bnds(Q, j + 1, GLP_FX, h->w.x[j + 1], h->w.x[j + 1]);
            if (resolve(h, Q, deadline) == 0 && load_x(h, Q) == 0) round_plan_descend(&h->w);
        }
        if (round_plan_cost(&h->w) < incumbent) taken = offer_x(h, T);
    }
    glp_delete_prob(Q);
    return taken;
}

static int stopped(double deadline, const volatile int *cancel)
{
    return now_seconds() > deadline || cancel_requested(cancel);
}

/* round up (then to the nearest) from the node's LP point: 1 when GLPK took a plan */
static int round_and_fix(glpk_heur *h, glp_tree *T, double deadline, const volatile int *cancel)
{
    glp_prob *P = glp_ios_get_prob(T);
    int has = glp_mip_status(P) == GLP_FEAS;
    double incumbent = has ? glp_mip_obj_val(P) : DBL_MAX;
    /* a plan from this node costs at least its LP bound */
    if (has && glp_get_obj_val(P) >= incumbent - 1e-9 * (1 + fabs(incumbent))) return 0;
    h->runs++;
    /* to the nearest only when the rounded-up plan's LP was infeasible */
    for (int mode = 0; mode < ROUND_MODES && !stopped(deadline, cancel); mode++) {
        int r = try_mode(h, T, mode, incumbent, deadline);
        if (r > 0) { h->found++; return 1; }
        if (r == 0) break;
    }
    return 0;
}

int glpk_heur_node(glpk_heur *h, glp_tree *T, double deadline, const volatile int *cancel)
{
    int nodes = 0;
    if (!h->w.x) return 0;
    glp_ios_tree_size(T, NULL, NULL, &nodes);
    /* the root's first call; the first call below the root, whose LP has the root's cuts
     * (S seed 1: 1,829,597 -> 1,825,927, seed 3: 600,412 -> 592,371); every `every` nodes */
    int below_root = glp_ios_up_node(T, glp_ios_curr_node(T)) != 0;
    int first_below = below_root && !h->below_root_done;
    if (h->last_node >= 0 && !first_below && (h->every <= 0 || nodes - h->last_node < h->every)) return 0;
    if (below_root) h->below_root_done = 1;
    h->last_node = nodes;
    return round_and_fix(h, T, deadline, cancel);
}
