/* round_plan.c - rounding, descent and the plan check shared by the round-up heuristics
 * (round_plan.h; why rounding up is feasible for which family: docs/heuristics.md). */
#include <math.h>
#include <stdlib.h>
#include "round_plan.h"

int round_plan_init(round_plan *w, const scopt_model *m)
{
    *w = (round_plan){0};
    w->m = m;
    w->x = malloc(((size_t)m->ncols + 1) * sizeof *w->x);
    w->act = malloc(((size_t)m->nrows + 1) * sizeof *w->act);
    w->colptr = calloc((size_t)m->ncols + 1, sizeof *w->colptr);
    w->rowidx = malloc((m->nnz + 1) * sizeof *w->rowidx);
    w->val = malloc((m->nnz + 1) * sizeof *w->val);
    if (!w->x || !w->act || !w->colptr || !w->rowidx || !w->val) { round_plan_free(w); return -1; }
    /* the matrix by columns */
    for (size_t k = 0; k < m->nnz; k++) w->colptr[m->aj[k] + 1]++;
    for (int j = 0; j < m->ncols; j++) w->colptr[j + 1] += w->colptr[j];
    int *next = w->colptr; /* filled in place: next[j] moves from the start to the end of column j */
    for (size_t k = 0; k < m->nnz; k++) {
        int p = next[m->aj[k]]++;
        w->rowidx[p] = m->ai[k];
        w->val[p] = m->av[k];
    }
    for (int j = m->ncols; j > 0; j--) w->colptr[j] = w->colptr[j - 1];
    w->colptr[0] = 0;
    return 0;
}

void round_plan_free(round_plan *w)
{
    free(w->x);
    free(w->act);
    free(w->colptr);
    free(w->rowidx);
    free(w->val);
    w->x = w->act = w->val = NULL;
    w->colptr = w->rowidx = NULL;
}

double round_plan_value(const scopt_model *m, int j, double v, int mode, double positive)
{
    double r = mode == ROUND_UP ? ceil(v - positive) : floor(v + 0.5);
    if (r < m->lb[j]) r = ceil(m->lb[j]);
    if (m->ub[j] < SCOPT_INF && r > m->ub[j]) r = floor(m->ub[j]);
    return r;
}

static int within(double v, double lo, double hi)
{
    return (lo <= -SCOPT_INF || v >= lo - ROUND_PLAN_FEAS_TOL * (1 + fabs(lo))) &&
           (hi >= SCOPT_INF || v <= hi + ROUND_PLAN_FEAS_TOL * (1 + fabs(hi)));
}

/* w->act = the model's rows at w->x */
static void row_activities(round_plan *w)
{
    const scopt_model *m = w->m;
    for (int i = 0; i < m->nrows; i++) w->act[i] = 0;
    for (size_t k = 0; k < m->nnz; k++) w->act[m->ai[k]] += m->av[k] * w->x[m->aj[k] + 1];
}

int round_plan_is_plan(round_plan *w)
{
    const scopt_model *m = w->m;
    for (int j = 0; j < m->ncols; j++) {
        double v = w->x[j + 1];
        if (!within(v, m->lb[j], m->ub[j]) || (m->is_int[j] && v != floor(v))) return 0;
    }
    row_activities(w);
    for (int i = 0; i < m->nrows; i++)
        if (!within(w->act[i], m->rlo[i], m->rhi[i])) return 0;
    return 1;
}

int round_plan_close_below_minimum(round_plan *w, const double *lp_x)
{
    const scopt_model *m = w->m;
    int closed = 0;
    for (int i = 0; i < m->nrows; i++) w->act[i] = 0;
    for (size_t k = 0; k < m->nnz; k++) w->act[m->ai[k]] += m->av[k] * lp_x[m->aj[k]];
    for (int j = 0; j < m->ncols; j++) {
        int kind = m->cm[j].kind;
        if (!m->is_int[j] || (kind != V_SETUP && kind != V_ORDER) || w->x[j + 1] < 1) continue;
        for (int k = w->colptr[j]; k < w->colptr[j + 1]; k++) {
            int i = w->rowidx[k], rk = m->rm[i].kind;
            double minimum = -w->val[k]; /* flow - minimum * open >= 0 */
            if ((rk != R_SETUP_MIN && rk != R_ORDER_MIN) || !(minimum > 0)) continue;
            double flow = w->act[i] + minimum * lp_x[j];
            if (flow < minimum * (1 - ROUND_PLAN_FEAS_TOL)) {
                w->x[j + 1] = fmax(0, m->lb[j]);
                closed += w->x[j + 1] < 1;
            }
        }
    }
    return closed;
}

int round_plan_descend(round_plan *w)
{
    const scopt_model *m = w->m;
    int moved = 0;
    row_activities(w);
    for (int j = 0; j < m->ncols; j++) {
        if (!m->is_int[j] || m->cost[j] <= 0) continue;
        double room = w->x[j + 1] - m->lb[j];
        for (int k = w->colptr[j]; k < w->colptr[j + 1] && room >= 1; k++) {
            int i = w->rowidx[k];
            double a = w->val[k];
            if (a > 0 && m->rlo[i] > -SCOPT_INF) room = fmin(room, (w->act[i] - m->rlo[i]) / a);
            if (a < 0 && m->rhi[i] < SCOPT_INF) room = fmin(room, (m->rhi[i] - w->act[i]) / -a);
        }
        double d = floor(room + 1e-9);
        if (d < 1) continue;
        w->x[j + 1] -= d;
        for (int k = w->colptr[j]; k < w->colptr[j + 1]; k++) w->act[w->rowidx[k]] -= w->val[k] * d;
        moved++;
    }
    return moved;
}

double round_plan_cost(const round_plan *w)
{
    double c = w->m->obj_constant;
    for (int j = 0; j < w->m->ncols; j++) c += w->m->cost[j] * w->x[j + 1];
    return c;
}
