/* glpk_lscuts.c - the lot-sizing (l,S) inequalities (models/cuts_ls.c) in GLPK: rows before
 * branch and cut, cuts during it (glpk_lscuts.h). Presolve is off in glp_intopt, so the
 * callback's problem has the model's columns, in order. */
#include <limits.h>
#include <stdlib.h>
#include "glpk_guard.h"
#include "glpk_lscuts.h"

#define LS_TOL_ROOT 1e-6    /* relative violation for a row before branch and cut */
#define LS_TOL_NODE 1e-4    /* ... for a cut in the tree */
#define LS_NODE_ROUNDS 3    /* separation rounds per node below the root */
#define LS_ROOT_ROUNDS 200  /* ... at the root (GLPK re-solves after each; stops at a tail) */

int glpk_ls_init(glpk_ls *g, const scopt_model *m)
{
    int count = 0;
    *g = (glpk_ls){0};
    g->cuts = ls_cuts_new(m, &count);
    if (!g->cuts) return -1;
    if (count == 0) { ls_cuts_free(g->cuts); g->cuts = NULL; return 0; }
    g->ncols = m->ncols;
    g->x = malloc(((size_t)m->ncols + 1) * sizeof *g->x);
    g->ind = malloc(((size_t)m->T * 2 + 3) * sizeof *g->ind);  /* a row has at most 2T+1 terms */
    g->val = malloc(((size_t)m->T * 2 + 3) * sizeof *g->val);
    if (!g->x || !g->ind || !g->val) { glpk_ls_free(g); return -1; }
    g->node = -1;
    return 0;
}

void glpk_ls_free(glpk_ls *g)
{
    ls_cuts_free(g->cuts);
    free(g->x);
    free(g->ind);
    free(g->val);
    *g = (glpk_ls){0};
}

static void read_x(glpk_ls *g, glp_prob *P)
{
    for (int j = 0; j < g->ncols; j++) g->x[j] = glp_get_col_prim(P, j + 1);
}

/* 1-based copies of a row for GLPK */
typedef struct { glp_prob *P; glp_tree *T; int *ind; double *val; int added; } emit_ctx;

static int to_glpk(emit_ctx *e, const ls_row *r)
{
    for (int k = 0; k < r->len; k++) e->ind[k + 1] = r->ind[k] + 1, e->val[k + 1] = r->val[k];
    return r->len;
}

static int add_row(const ls_row *r, void *user)
{
    emit_ctx *e = user;
    int len = to_glpk(e, r), i = glp_add_rows(e->P, 1);
    glp_set_mat_row(e->P, i, len, e->ind, e->val);
    glp_set_row_bnds(e->P, i, GLP_UP, 0.0, r->rhs);
    e->added++;
    return 0;
}

/* delete the rows from row first on (only_slack: those not binding, i.e. basic, at the
 * optimum); returns how many */
static int delete_rows(glp_prob *P, int first, int only_slack)
{
    int m = glp_get_num_rows(P), n = 0;
    int *num = malloc(((size_t)(m - first) + 2) * sizeof *num);
    if (!num) return 0;
    for (int i = first; i <= m; i++)
        if (!only_slack || glp_get_row_stat(P, i) == GLP_BS) num[++n] = i;
    if (n > 0) glp_del_rows(P, n, num);
    free(num);
    return n;
}

int glpk_ls_root(glpk_ls *g, glp_prob *P, int max_rounds, double deadline, const volatile int *cancel)
{
    int first = glp_get_num_rows(P) + 1;
    glp_smcp sp;
    int ret = 0;
    if (!g->cuts) return 0;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_ERR;
    sp.meth = GLP_DUALP;
    for (int round = 0; round < max_rounds && now_seconds() < deadline && !cancel_requested(cancel); round++) {
        emit_ctx e = {P, NULL, g->ind, g->val, 0};
        read_x(g, P);
        ls_cuts_separate(g->cuts, g->x, LS_TOL_ROOT, add_row, &e);
        if (e.added == 0) break;
        g->rows_root += e.added;
        sp.tm_lim = glpk_tm_lim_until(deadline);
        ret = glp_simplex(P, &sp);
        if (ret != 0 || glp_get_status(P) != GLP_OPT) break;
    }
    if (ret == 0 && glp_get_status(P) == GLP_OPT) { /* fewer rows, faster nodes; the cuts come back at nodes */
        g->rows_root -= delete_rows(P, first, 1);
        ret = glp_simplex(P, &sp);
    }
    if (ret != 0 || glp_get_status(P) != GLP_OPT) { /* give the rows up: back to the model's relaxation */
        delete_rows(P, first, 0);
        g->rows_root = 0;
        glp_std_basis(P);
        sp.tm_lim = INT_MAX;
        ret = glp_simplex(P, &sp);
    }
    return ret;
}

static int add_cut(const ls_row *r, void *user)
{
    emit_ctx *e = user;
    int len = to_glpk(e, r);
    glp_ios_add_row(e->T, NULL, 101, 0, len, e->ind, e->val, GLP_UP, r->rhs);
    e->added++;
    return 0;
}

void glpk_ls_node(glpk_ls *g, glp_tree *T)
{
    if (!g->cuts) return;
    int node = glp_ios_curr_node(T);
    if (node != g->node) g->node = node, g->node_rounds = 0;
    if (g->node_rounds >= (glp_ios_node_level(T, node) > 0 ? LS_NODE_ROUNDS : LS_ROOT_ROUNDS)) return;
    g->node_rounds++;
    emit_ctx e = {glp_ios_get_prob(T), T, g->ind, g->val, 0};
    read_x(g, e.P);
    ls_cuts_separate(g->cuts, g->x, LS_TOL_NODE, add_cut, &e);
    g->cuts_tree += e.added;
}
