/* pdlp_presolve.c - one reduction before PDLP (pdlp_params.presolve): a column that appears in a
 * single row, that row an equality, leaves the LP (docs/pdlp.md, "Presolve"). Lost sales are such
 * columns (delivered + lost = demand): with x_j in [lb_j, ub_j] and a its coefficient in row i,
 *     rest + a x_j = b   becomes   rest in [b - a ub_j, b - a lb_j]   (a > 0; swapped for a < 0)
 * and c_j x_j = c_j b / a - (c_j / a) rest moves into the other columns' costs and a constant.
 * One column per row; everything else is kept as it is, rows keep their indices.
 *
 * After PDLP the point goes back to the LP as given: x_j = (b - rest) / a clamped to its bounds,
 * the row's activity rest + a x_j, its dual y_i = y'_i + c_j / a, the column's reduced cost
 * -a y'_i; the other reduced costs are unchanged (c'_k - A'y' = c_k - A'y). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "pdlp_internal.h"
#include "util.h"

#define PRESOLVE_MIN_COEF 1e-9 /* |a| below this is not divided by */

void pdlp_presolve_free(pdlp_presolve *ps)
{
    free(ps->cost); free(ps->lb); free(ps->ub); free(ps->rlo); free(ps->rhi);
    free(ps->ai); free(ps->aj); free(ps->av);
    free(ps->kept); free(ps->row_col); free(ps->row_coef);
    memset(ps, 0, sizeof *ps);
}

static int is_finite(double v) { return isfinite(pdlp_to_inf(v)); }

/* which columns leave: row_col[i] = the column removed from row i (-1: none) */
static int pick_singletons(const pdlp_problem *p, pdlp_presolve *ps, int *count, int *row_of, double *coef)
{
    for (size_t e = 0; e < p->nnz; e++) {
        int j = p->aj[e];
        if (count[j]++ == 0) row_of[j] = p->ai[e], coef[j] = p->av[e];
    }
    int removed = 0;
    for (int j = 0; j < p->ncols; j++) {
        int i = row_of[j];
        if (count[j] != 1 || ps->row_col[i] >= 0 || fabs(coef[j]) < PRESOLVE_MIN_COEF) continue;
        if (!is_finite(p->rlo[i]) || p->rlo[i] != p->rhi[i] || !isfinite(p->cost[j])) continue;
        ps->row_col[i] = j;
        ps->row_coef[i] = coef[j];
        removed++;
    }
    return removed;
}

/* the row bounds of `rest` once column j (coefficient a, bounds lb..ub) leaves row = b */
static void rest_bounds(double b, double a, double lb, double ub, double *lo, double *hi)
{
    double at_lb = is_finite(lb) ? b - a * lb : (a > 0 ? SCOPT_INF : -SCOPT_INF);
    double at_ub = is_finite(ub) ? b - a * ub : (a > 0 ? -SCOPT_INF : SCOPT_INF);
    *lo = a > 0 ? at_ub : at_lb;
    *hi = a > 0 ? at_lb : at_ub;
}

/* the reduced LP of the columns pick_singletons chose (newj: scratch of n ints); -1: no memory */
static int build_reduced(const pdlp_problem *p, pdlp_presolve *ps, int *newj)
{
    int m = p->nrows, n = p->ncols, nr = n - ps->removed;
    size_t nnz = p->nnz - (size_t)ps->removed;
    ps->cost = malloc((size_t)nr * sizeof(double));
    ps->lb = malloc((size_t)nr * sizeof(double));
    ps->ub = malloc((size_t)nr * sizeof(double));
    ps->rlo = malloc((size_t)m * sizeof(double));
    ps->rhi = malloc((size_t)m * sizeof(double));
    ps->ai = malloc((nnz + 1) * sizeof(int));
    ps->aj = malloc((nnz + 1) * sizeof(int));
    ps->av = malloc((nnz + 1) * sizeof(double));
    if (!ps->cost || !ps->lb || !ps->ub || !ps->rlo || !ps->rhi || !ps->ai || !ps->aj || !ps->av) return -1;
    for (int j = 0; j < n; j++) newj[j] = 0;
    for (int i = 0; i < m; i++)
        if (ps->row_col[i] >= 0) newj[ps->row_col[i]] = -1;
    for (int j = 0, k = 0; j < n; j++) { /* the kept columns in order: original -> reduced index */
        if (newj[j] < 0) continue;
        newj[j] = k;
        ps->kept[k] = j;
        ps->cost[k] = p->cost[j];
        ps->lb[k] = p->lb[j];
        ps->ub[k++] = p->ub[j];
    }
    for (int i = 0; i < m; i++) {
        int j = ps->row_col[i];
        ps->rlo[i] = p->rlo[i], ps->rhi[i] = p->rhi[i];
        if (j < 0) continue;
        double a = ps->row_coef[i], b = p->rlo[i];
        rest_bounds(b, a, p->lb[j], p->ub[j], &ps->rlo[i], &ps->rhi[i]);
        ps->obj_const += p->cost[j] * b / a;
    }
    size_t q = 0;
    for (size_t e = 0; e < p->nnz; e++) {
        int i = p->ai[e], k = newj[p->aj[e]];
        if (k < 0) continue;
        ps->ai[q] = i, ps->aj[q] = k, ps->av[q++] = p->av[e];
        int j = ps->row_col[i];
        if (j >= 0) ps->cost[k] -= p->cost[j] / ps->row_coef[i] * p->av[e];
    }
    ps->red = (pdlp_problem){m, nr, ps->cost, ps->lb, ps->ub, ps->rlo, ps->rhi, q, ps->ai, ps->aj, ps->av};
    return 0;
}

int pdlp_presolve_build(const pdlp_problem *p, pdlp_presolve *ps)
{
    memset(ps, 0, sizeof *ps);
    int m = p->nrows, n = p->ncols;
    int *count = calloc((size_t)n + 1, sizeof *count), *row_of = malloc(((size_t)n + 1) * sizeof *row_of);
    double *coef = malloc(((size_t)n + 1) * sizeof *coef);
    ps->row_col = malloc(((size_t)m + 1) * sizeof *ps->row_col);
    ps->row_coef = calloc((size_t)m + 1, sizeof *ps->row_coef);
    ps->kept = malloc(((size_t)n + 1) * sizeof *ps->kept);
    int rc = -1;
    if (count && row_of && coef && ps->row_col && ps->row_coef && ps->kept) {
        for (int i = 0; i < m; i++) ps->row_col[i] = -1;
        ps->removed = pick_singletons(p, ps, count, row_of, coef);
        rc = ps->removed > 0 ? build_reduced(p, ps, row_of) : 0;
    }
    free(count);
    free(row_of);
    free(coef);
    if (rc) pdlp_presolve_free(ps);
    return rc;
}

/* the reduced LP's answer r (m rows, reduced columns) as the answer of p, in place of out */
void pdlp_presolve_post(const pdlp_presolve *ps, const pdlp_problem *p, const pdlp_result *r, pdlp_result *out)
{
    int nr = ps->red.ncols;
    for (int k = 0; k < nr; k++) {
        out->x[ps->kept[k]] = r->x[k];
        out->reduced_cost[ps->kept[k]] = r->reduced_cost[k];
    }
    for (int i = 0; i < p->nrows; i++) {
        int j = ps->row_col[i];
        out->y[i] = r->y[i];
        out->row_activity[i] = r->row_activity[i];
        if (j < 0) continue;
        double a = ps->row_coef[i], rest = r->row_activity[i];
        out->x[j] = fmin(fmax((p->rlo[i] - rest) / a, pdlp_to_inf(p->lb[j])), pdlp_to_inf(p->ub[j]));
        out->row_activity[i] = rest + a * out->x[j];
        out->y[i] = r->y[i] + p->cost[j] / a;
        out->reduced_cost[j] = -a * r->y[i];
    }
}
