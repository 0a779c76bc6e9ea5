/* glpk_strategy.c - scopt's branch-and-cut strategy around glp_intopt (glpk_strategy.h,
 * measurements in docs/formulation.md). Presolve is off in glp_intopt, so the callback's
 * problem has the model's columns in order (and our rows and cuts after them). */
#include <math.h>
#include <stdlib.h>
#include "glpk_dive.h"
#include "glpk_strategy.h"

#define STRATEGY_ROOT_ROUNDS 1000  /* (l,S) rounds on the relaxation (they stop when none is violated) */
#define STRATEGY_DIVE_EVERY 50     /* nodes between dives */
#define STRATEGY_LS_CLOSED 0.05    /* lot-sizing mode: the (l,S) rows raised the bound by 5% */
#define STRATEGY_ROUND_EVERY 100   /* nodes between round-up heuristics after the root */

int glpk_strategy_init(glpk_strategy *s, const scopt_model *m, int formulation, int heuristic,
                       double deadline, const volatile int *cancel)
{
    *s = (glpk_strategy){0};
    s->cancel = cancel;
    s->m = m;
    s->formulation = formulation;
    s->heuristic = heuristic && m->nints > 0;
    s->deadline = deadline > 0 ? deadline : 1e300;
    if (s->heuristic && glpk_heur_init(&s->heur, m, STRATEGY_ROUND_EVERY)) return -1;
    if (!s->formulation) return 0;
    s->dive_every = STRATEGY_DIVE_EVERY;
    if (glpk_ls_init(&s->ls, m) == 0) return 0;
    glpk_heur_free(&s->heur);
    return -1;
}

void glpk_strategy_free(glpk_strategy *s)
{
    glpk_ls_free(&s->ls);
    glpk_heur_free(&s->heur);
}

int glpk_strategy_root(glpk_strategy *s, glp_prob *P)
{
    if (!s->formulation) return 0;
    double before = glp_get_obj_val(P);
    int ret = glpk_ls_root(&s->ls, P, STRATEGY_ROOT_ROUNDS, s->deadline, s->cancel);
    if (ret == 0 && glp_get_status(P) == GLP_OPT) {
        double after = glp_get_obj_val(P);
        s->lot_sizing = after - before >= STRATEGY_LS_CLOSED * fmax(1.0, fabs(after));
    }
    return ret;
}

void glpk_strategy_iocp(const glpk_strategy *s, glp_iocp *io, int cuts, int heuristics)
{
    if (cuts) { io->gmi_cuts = GLP_ON; io->mir_cuts = GLP_ON; io->clq_cuts = GLP_ON; }
    if (heuristics) { io->fp_heur = GLP_ON; io->ps_heur = GLP_ON; }
    io->bt_tech = GLP_BT_BLB;
    if (s->lot_sizing) {
        /* measured on the lot-sizing benchmarks (docs/formulation.md): GLPK's cuts and node
         * preprocessing cost more than they give; proximity search (--heuristics) made the
         * solves 2-5x slower and once failed inside GLPK (an assertion in its primal simplex) */
        io->gmi_cuts = io->mir_cuts = io->cov_cuts = io->clq_cuts = GLP_OFF;
        io->pp_tech = GLP_PP_NONE;
        io->ps_heur = GLP_OFF;
    }
}

/* branch on the most fractional integer column of the earliest period that has one, when
 * fractional columns span several periods; otherwise leave the choice to GLPK (br_tech) */
static void branch_earliest(glp_tree *T, const scopt_model *m)
{
    glp_prob *P = glp_ios_get_prob(T);
    int bestj = 0, bt = 0, other = 0;
    double bestf = 0;
    for (int j = 1; j <= m->ncols; j++) {
        if (!m->is_int[j - 1] || !glp_ios_can_branch(T, j)) continue;
        double v = glp_get_col_prim(P, j), f = 0.5 - fabs(v - floor(v) - 0.5); /* distance to an integer */
        int t = m->cm[j - 1].t;
        if (bestj && t != bt) other = 1;
        if (!bestj || t < bt || (t == bt && f > bestf)) bestj = j, bt = t, bestf = f;
    }
    if (bestj && other) glp_ios_branch_upon(T, bestj, GLP_NO_BRNCH);
}

static void maybe_dive(glpk_strategy *s, glp_tree *T)
{
    int nodes = 0;
    if (s->dive_every <= 0 || now_seconds() > s->deadline) return;
    glp_ios_tree_size(T, NULL, NULL, &nodes);
    /* spaced by node count only: a wall-clock share made plans depend on the machine's load */
    if (s->dives > 0 && nodes - s->last_dive < s->dive_every) return;
    s->last_dive = nodes;
    s->dives++;
    s->dive_found += glpk_dive(T, s->m, s->deadline, s->cancel);
}

void glpk_strategy_callback(glpk_strategy *s, glp_tree *T)
{
    /* lot-sizing models have their dive; the round-up there cost ~10% CPU (docs/heuristics.md) */
    if (s->heuristic && !s->lot_sizing && glp_ios_reason(T) == GLP_IHEUR && now_seconds() <= s->deadline)
        glpk_heur_node(&s->heur, T, s->deadline, s->cancel);
    if (!s->formulation) return;
    switch (glp_ios_reason(T)) {
    case GLP_ICUTGEN: glpk_ls_node(&s->ls, T); break;
    case GLP_IHEUR: if (s->lot_sizing) maybe_dive(s, T); break;
    case GLP_IBRANCH: if (s->lot_sizing) branch_earliest(T, s->m); break;
    default: break;
    }
}
