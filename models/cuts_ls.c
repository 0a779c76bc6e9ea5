/* cuts_ls.c - exact separation of the (l,S) inequalities (cuts_ls.h, docs/formulation.md):
 *     sum_{t in S} y*make[o,t] - sum_{t in S} D(t+L,l)*setup[o,t] - stock[b,l] <= 0
 * Validity for every feasible plan (also with other inflows into b, several operations making
 * the item, receipts and initial stock): let k be the first t in S with setup[o,t] = 1 (none:
 * every make[o,t] of S is 0 and the left side is <= 0). make[o,t] = 0 when setup[o,t] = 0, so
 * the make terms are output arriving in b over k+L..l; summing b's balances over k+L..l,
 *     arrivals = stock[l] - stock[k+L-1] - receipts + outflows <= stock[l] + D(k+L,l),
 * since stock[k+L-1] >= 0, receipts >= 0 and any other arrivals are >= 0; the right side has
 * D(k+L,l)*setup[o,k] = D(k+L,l) and the other setup terms are >= 0.
 * For fixed l the most violated S takes every t with y*make*[t] > D(t+L,l)*setup*[t]. */
#include <stdlib.h>
#include "cuts_ls_internal.h"

typedef struct {
    int op, make_col, setup_col, stock_col, L;
    double y;
    double *D;   /* T x T */
} ls_op;

struct ls_cuts {
    const scopt_model *m;
    int T, nops;
    ls_op *ops;
    int *ind;
    double *val;
};

/* any finite D(t+L,l) with t >= 1, t+L <= l <= T */
static int has_finite_bound(const ls_op *o, int T)
{
    for (int a = 1 + o->L; a <= T; a++)
        for (int l = a; l <= T; l++)
            if (!is_inf(o->D[(size_t)(a - 1) * (size_t)T + (size_t)(l - 1)])) return 1;
    return 0;
}

/* prepare operation o; returns 1 when kept, 0 when it can have no cut, -1 out of memory */
static int prepare_op(ls_cuts *c, int o)
{
    const scopt_model *m = c->m;
    const net_operation *op = &m->net->ops.data[o];
    int b = model_buffer_find(m, op->site, op->item);
    if (m->setup_col[o] < 0 || m->make_col[o] < 0 || b < 0) return 0;
    ls_op *lo = &c->ops[c->nops];
    *lo = (ls_op){o, m->make_col[o], m->setup_col[o], m->buffers[b].stock_col, op->lead_time, op->yield, NULL};
    lo->D = malloc((size_t)c->T * (size_t)c->T * sizeof *lo->D);
    if (!lo->D || ls_outflow_bounds(m, op->site, op->item, lo->D)) { free(lo->D); return -1; }
    if (!has_finite_bound(lo, c->T)) { free(lo->D); return 0; }
    c->nops++;
    return 1;
}

ls_cuts *ls_cuts_new(const scopt_model *m, int *count)
{
    size_t nops = m->net->ops.len;
    ls_cuts *c = calloc(1, sizeof *c);
    if (count) *count = 0;
    if (!c) return NULL;
    c->m = m;
    c->T = m->T;
    c->ops = malloc((nops + 1) * sizeof *c->ops);
    c->ind = malloc(((size_t)m->T * 2 + 2) * sizeof *c->ind);
    c->val = malloc(((size_t)m->T * 2 + 2) * sizeof *c->val);
    if (!c->ops || !c->ind || !c->val) { ls_cuts_free(c); return NULL; }
    for (size_t o = 0; o < nops; o++)
        if (prepare_op(c, (int)o) < 0) { ls_cuts_free(c); return NULL; }
    if (count) *count = c->nops;
    return c;
}

void ls_cuts_free(ls_cuts *c)
{
    if (!c) return;
    for (int k = 0; k < c->nops; k++) free(c->ops[k].D);
    free(c->ops);
    free(c->ind);
    free(c->val);
    free(c);
}

/* the most violated inequality of (o, l); emits it when violated enough; 1 emitted, 0 not,
 * 2 emitted and the caller asked to stop */
static int separate_l(ls_cuts *c, const ls_op *o, int l, const double *x, double tol, ls_emit_fn emit, void *user)
{
    int T = c->T, len = 0;
    double viol = 0, lhs = 0;
    for (int t = 1; t + o->L <= l; t++) {
        double D = o->D[(size_t)(t + o->L - 1) * (size_t)T + (size_t)(l - 1)];
        double xm = o->y * x[o->make_col + t - 1], xs = x[o->setup_col + t - 1];
        if (is_inf(D) || xm <= D * xs) continue;
        c->ind[len] = o->make_col + t - 1, c->val[len++] = o->y;
        if (D > 0) c->ind[len] = o->setup_col + t - 1, c->val[len++] = -D;
        viol += xm - D * xs;
        lhs += xm;
    }
    if (len == 0) return 0;
    if (o->stock_col >= 0) {
        viol -= x[o->stock_col + l - 1];
        c->ind[len] = o->stock_col + l - 1, c->val[len++] = -1.0;
    }
    if (viol <= tol * (1.0 + lhs)) return 0;
    ls_row row = {len, c->ind, c->val, 0.0, viol};
    return emit(&row, user) ? 2 : 1;
}

int ls_cuts_separate(ls_cuts *c, const double *x, double min_violation, ls_emit_fn emit, void *user)
{
    int found = 0;
    for (int k = 0; k < c->nops; k++)
        for (int l = 1 + c->ops[k].L; l <= c->T; l++) {
            int r = separate_l(c, &c->ops[k], l, x, min_violation, emit, user);
            found += r > 0;
            if (r == 2) return found;
        }
    return found;
}

double ls_cuts_outflow_bound(const ls_cuts *c, int k, int a, int l)
{
    return c->ops[k].D[(size_t)(a - 1) * (size_t)c->T + (size_t)(l - 1)];
}

int ls_cuts_operation(const ls_cuts *c, int k) { return c->ops[k].op; }
