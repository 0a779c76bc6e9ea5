/* round_plan.c - rounding, descent and the plan check shared by the round-up heuristics
 * (round_plan.h; why rounding up is feasible for which family: docs/heuristics.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "round_plan.h"
#include "util.h"

int round_plan_init(round_plan *w, const scopt_model *m)
{
    *w = (round_plan){0};
    w->m = m;
    w->x = malloc(((size_t)m->ncols + 1) * sizeof *w->x);
    w->act = malloc(((size_t)m->nrows + 1) * sizeof *w->act);
    /* the matrix by columns */
    if (!w->x || !w->act || csr_from_triplets(m->ncols, m->nnz, m->aj, m->ai, m->av, &w->colptr, &w->rowidx, &w->val)) {
        round_plan_free(w);
        return -1;
    }
    return 0;
}

/* the matrix by rows and the propagation's bounds, made at the first round_plan_propagate (the
 * round-up inside branch and cut never needs them): -1 on out of memory */
static int make_rows(round_plan *w)
{
    const scopt_model *m = w->m;
    if (w->rowptr) return 0;
    w->lb = malloc(((size_t)m->ncols + 1) * sizeof *w->lb);
    w->ub = malloc(((size_t)m->ncols + 1) * sizeof *w->ub);
    if (w->lb && w->ub && !csr_from_triplets(m->nrows, m->nnz, m->ai, m->aj, m->av, &w->rowptr, &w->colidx, &w->rval))
        return 0;
    free(w->rowptr), free(w->colidx), free(w->rval), free(w->lb), free(w->ub);
    w->rowptr = w->colidx = NULL, w->rval = w->lb = w->ub = NULL;
    return -1;
}

void round_plan_free(round_plan *w)
{
    free(w->x);
    free(w->act);
    free(w->colptr);
    free(w->rowidx);
    free(w->val);
    free(w->rowptr);
    free(w->colidx);
    free(w->rval);
    free(w->lb);
    free(w->ub);
    free(w->pinned);
    w->pinned = NULL;
    w->x = w->act = w->val = w->rval = w->lb = w->ub = NULL;
    w->colptr = w->rowidx = w->rowptr = w->colidx = NULL;
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

/* the gate of row i when i is a minimum row (flow - minimum * open >= 0, R_SETUP_MIN or
 * R_ORDER_MIN) whose flow at lp_x (0-based) is below that minimum; else -1. Needs make_rows. */
static int gate_below_minimum(const round_plan *w, int i, const double *lp_x)
{
    const scopt_model *m = w->m;
    int rk = m->rm[i].kind, gate = -1;
    if (rk != R_SETUP_MIN && rk != R_ORDER_MIN) return -1;
    double flow = 0, minimum = 0;
    for (int q = w->rowptr[i]; q < w->rowptr[i + 1]; q++) {
        int j = w->colidx[q];
        if (m->is_int[j] && w->rval[q] < 0) gate = j, minimum = -w->rval[q];
        else flow += w->rval[q] * lp_x[j];
    }
    return gate >= 0 && minimum > 0 && flow < minimum * (1 - ROUND_PLAN_FEAS_TOL) ? gate : -1;
}

int round_plan_close_below_minimum(round_plan *w, const double *lp_x)
{
    const scopt_model *m = w->m;
    int closed = 0;
    if (make_rows(w)) return 0; /* no memory: nothing closed */
    for (int i = 0; i < m->nrows; i++) {
        int g = gate_below_minimum(w, i, lp_x);
        if (g < 0 || (m->cm[g].kind != V_SETUP && m->cm[g].kind != V_ORDER) || w->x[g + 1] < 1) continue;
        w->x[g + 1] = fmax(0, m->lb[g]);
        closed += w->x[g + 1] < 1;
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

/* the activity range of row i under w->lb, w->ub: finite parts and how many infinite terms */
typedef struct { double lo, hi; int lo_inf, hi_inf; } row_range;

static row_range range_of(const round_plan *w, int i)
{
    row_range r = {0, 0, 0, 0};
    for (int q = w->rowptr[i]; q < w->rowptr[i + 1]; q++) {
        double a = w->rval[q], l = w->lb[w->colidx[q]], u = w->ub[w->colidx[q]];
        double lo = a > 0 ? l : u, hi = a > 0 ? u : l; /* the bound that gives a x its least / most */
        if (fabs(lo) >= SCOPT_INF) r.lo_inf++; else r.lo += a * lo;
        if (fabs(hi) >= SCOPT_INF) r.hi_inf++; else r.hi += a * hi;
    }
    return r;
}

/* tighten the continuous columns of row i from its range; returns how many bounds moved */
static int tighten(round_plan *w, int i, row_range r)
{
    const scopt_model *m = w->m;
    int moved = 0;
    for (int q = w->rowptr[i]; q < w->rowptr[i + 1]; q++) {
        int j = w->colidx[q];
        double a = w->rval[q], l = w->lb[j], u = w->ub[j];
        if (m->is_int[j]) continue;
        double lo = a > 0 ? l : u, hi = a > 0 ? u : l;
        int lo_inf = fabs(lo) >= SCOPT_INF, hi_inf = fabs(hi) >= SCOPT_INF;
        /* a x <= rhi - (the others' least) and a x >= rlo - (the others' most) */
        if (m->rhi[i] < SCOPT_INF && r.lo_inf == lo_inf) {
            double b = (m->rhi[i] - (r.lo - (lo_inf ? 0 : a * lo))) / a;
            if (a > 0 && b < w->ub[j] - 1e-9 * (1 + fabs(b))) w->ub[j] = b, moved++;
            if (a < 0 && b > w->lb[j] + 1e-9 * (1 + fabs(b))) w->lb[j] = b, moved++;
        }
        if (m->rlo[i] > -SCOPT_INF && r.hi_inf == hi_inf) {
            double b = (m->rlo[i] - (r.hi - (hi_inf ? 0 : a * hi))) / a;
            if (a > 0 && b > w->lb[j] + 1e-9 * (1 + fabs(b))) w->lb[j] = b, moved++;
            if (a < 0 && b < w->ub[j] - 1e-9 * (1 + fabs(b))) w->ub[j] = b, moved++;
        }
    }
    return moved;
}

int round_plan_propagate(round_plan *w, int passes)
{
    const scopt_model *m = w->m;
    if (make_rows(w)) return -1; /* no memory: nothing proven */
    for (int j = 0; j < m->ncols; j++) {
        w->lb[j] = m->is_int[j] ? w->x[j + 1] : m->lb[j];
        w->ub[j] = m->is_int[j] ? w->x[j + 1] : m->ub[j];
    }
    for (int pass = 0; pass < passes; pass++) {
        int moved = 0;
        for (int i = 0; i < m->nrows; i++) {
            row_range r = range_of(w, i);
            double tol = ROUND_PLAN_FEAS_TOL;
            if ((!r.lo_inf && m->rhi[i] < SCOPT_INF && r.lo > m->rhi[i] + tol * (1 + fabs(m->rhi[i]))) ||
                (!r.hi_inf && m->rlo[i] > -SCOPT_INF && r.hi < m->rlo[i] - tol * (1 + fabs(m->rlo[i]))))
                return i;
            moved += tighten(w, i, r);
        }
        if (!moved) break;
    }
    return -1;
}

/* the rows within `depth` hops of row (through continuous columns), breadth first: returns
 * how many, their indices in *list (the caller frees it); -1 on out of memory */
static int rows_near(const round_plan *w, int row, int depth, int **list)
{
    const scopt_model *m = w->m;
    int cap = 64, n = 0, head = 0;
    int *q = malloc((size_t)cap * sizeof *q), *d = malloc((size_t)cap * sizeof *d);
    char *seen = calloc((size_t)m->nrows, 1);
    if (!q || !d || !seen) { free(q); free(d); free(seen); *list = NULL; return -1; }
    q[n] = row, d[n++] = 0, seen[row] = 1;
    while (head < n) {
        int i = q[head], di = d[head++];
        if (di >= depth) continue;
        for (int e = w->rowptr[i]; e < w->rowptr[i + 1]; e++) {
            int j = w->colidx[e];
            if (m->is_int[j]) continue;
            for (int k = w->colptr[j]; k < w->colptr[j + 1]; k++) {
                int i2 = w->rowidx[k];
                if (seen[i2]) continue;
                if (n == cap) {
                    cap *= 2;
                    int *q2 = realloc(q, (size_t)cap * sizeof *q), *d2 = q2 ? realloc(d, (size_t)cap * sizeof *d) : NULL;
                    if (q2) q = q2;
                    if (!q2 || !d2) { free(q); free(d); free(seen); *list = NULL; return -1; }
                    d = d2;
                }
                seen[i2] = 1, q[n] = i2, d[n++] = di + 1;
            }
        }
    }
    free(d);
    free(seen);
    *list = q;
    return n;
}

int round_plan_reopen_near(round_plan *w, int row, const double *lp_x)
{
    const scopt_model *m = w->m;
    int *rows, moved = 0, n = w->rowptr ? rows_near(w, row, ROUND_PLAN_REPAIR_HOPS, &rows) : -1;
    if (n < 0) return -1;
    for (int r = 0; r < n; r++)
        for (int e = w->rowptr[rows[r]]; e < w->rowptr[rows[r] + 1]; e++) { /* the rows' gates */
            int g = w->colidx[e];
            if (!m->is_int[g] || w->rval[e] >= 0 || (w->pinned && w->pinned[g])) continue;
            double up = round_plan_value(m, g, lp_x[g], ROUND_UP, 0);
            if (w->x[g + 1] < up) w->x[g + 1] = up, moved++;
        }
    free(rows);
    return moved;
}

/* an open integer that can close: not pinned, lower bound below 1 */
static int can_close(const round_plan *w, int g)
{
    const scopt_model *m = w->m;
    return m->is_int[g] && w->x[g + 1] >= 1 && m->lb[g] < 1 && !w->pinned[g];
}

static void close_and_pin(round_plan *w, int g)
{
    w->x[g + 1] = fmax(0, w->m->lb[g]);
    w->pinned[g] = 1;
}

/* the gates of minimum rows among rows[0..n) that can close and whose flow at lp_x is below
 * the minimum: closed and pinned; returns how many */
static int close_minimums_below(round_plan *w, const int *rows, int n, const double *lp_x)
{
    int closed = 0;
    for (int r = 0; r < n; r++) {
        int g = gate_below_minimum(w, rows[r], lp_x);
        if (g >= 0 && can_close(w, g)) close_and_pin(w, g), closed++;
    }
    return closed;
}

int round_plan_close_forcing(round_plan *w, int row, const double *lp_x)
{
    const scopt_model *m = w->m;
    if (!w->rowptr) return 0;
    if (!w->pinned && !(w->pinned = calloc((size_t)m->ncols, 1))) return -1;
    int *rows, n = rows_near(w, row, ROUND_PLAN_REPAIR_HOPS, &rows);
    if (n < 0) return -1;
    int closed = close_minimums_below(w, rows, n, lp_x);
    free(rows);
    if (closed) return closed;
    /* none: an integer of the row itself that pushes it the wrong way, the least used first */
    row_range r = range_of(w, row);
    int side = !r.lo_inf && m->rhi[row] < SCOPT_INF && r.lo > m->rhi[row] ? 1 : -1, best = -1;
    for (int e = w->rowptr[row]; e < w->rowptr[row + 1]; e++) {
        int j = w->colidx[e];
        if (w->rval[e] * side > 0 && can_close(w, j) && (best < 0 || lp_x[j] < lp_x[best])) best = j;
    }
    if (best < 0) return 0;
    close_and_pin(w, best);
    return 1;
}

void round_plan_unpin(round_plan *w)
{
    if (w->pinned) memset(w->pinned, 0, (size_t)w->m->ncols);
}
