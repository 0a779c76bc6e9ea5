/* pdlp_infeas.c - infeasibility certificates from the movement since the last restart (for an
 * infeasible LP, z - T(z) tends to the minimal displacement, whose parts are rays):
 *  - dual ray  y^ = (yp - y0) made sign-valid: primal infeasible when its objective
 *    sum_i (y^_i > 0 ? y^_i rl_i : y^_i ru_i) + absorbed part of -A'y^ is > 0 and the part of
 *    -A'y^ no column bound absorbs is <= infeas_tol times that objective;
 *  - primal ray x^ = (xp - x0) on the recession cone of the column bounds: dual infeasible
 *    (unbounded if feasible) when c'x^ < 0 and the distance of Ax^ to the rows' recession cone
 *    is <= infeas_tol * |c'x^|.
 * Both ratios are PDLP's (Applegate et al.), measured in the scaled problem (row and column
 * scales 1, bounds and costs as equilibrated): there they do not depend on the units of the
 * data. In the original units a feasible LP whose bounds were 1e8 times larger (the same LP in
 * other units) was declared primal infeasible at the first check, its dual iterate's objective
 * growing with the bounds and its residual not (tests/test_pdlp_polish.c). */
#include <math.h>
#include "pdlp_internal.h"

static int dual_ray(pdlp_work *w, int *certified)
{
    const scopt_backend *be = w->be;
    pdlp_vecs *v = &w->v;
    double r[GPU_ROW_STATS], c[GPU_COL_STATS];
    PDLP_TRY(w, be->ray_project(w->ctx, GPU_RAY_DUAL, v->yray, v->yp, v->y0, v->rl, v->ru));
    PDLP_TRY(w, be->spmv(w->ctx, w->A, 1, v->yray, v->atyray));
    gpu_row_stats_args ra = {0, NULL, v->yray, v->rl, v->ru, v->ones_m};
    gpu_col_stats_args ca = {1, NULL, v->atyray, v->c, v->lb, v->ub, v->ones_n};
    PDLP_TRY(w, be->row_stats(w->ctx, &ra, r));
    PDLP_TRY(w, be->col_stats(w->ctx, &ca, c));
    double obj = r[1] + c[1], res = sqrt(c[0]);
    *certified = obj > 0 && isfinite(obj) && res <= w->prm->infeas_tol * obj;
    return 0;
}

static int primal_ray(pdlp_work *w, int *certified)
{
    const scopt_backend *be = w->be;
    pdlp_vecs *v = &w->v;
    double r[GPU_ROW_STATS], c[GPU_COL_STATS];
    PDLP_TRY(w, be->ray_project(w->ctx, GPU_RAY_PRIMAL, v->xray, v->xp, v->x0, v->lb, v->ub));
    PDLP_TRY(w, be->spmv(w->ctx, w->A, 0, v->xray, v->axray));
    gpu_row_stats_args ra = {1, v->axray, NULL, v->rl, v->ru, v->ones_m};
    gpu_col_stats_args ca = {0, v->xray, NULL, v->c, v->lb, v->ub, v->ones_n};
    PDLP_TRY(w, be->row_stats(w->ctx, &ra, r));
    PDLP_TRY(w, be->col_stats(w->ctx, &ca, c));
    double obj = c[2], res = sqrt(r[0]);
    *certified = obj < 0 && isfinite(obj) && res <= w->prm->infeas_tol * -obj;
    return 0;
}

int pdlp_infeasibility(pdlp_work *w, int *certified, pdlp_status *status)
{
    *certified = 0;
    if (w->k < 1) return 0;
    int rc = dual_ray(w, certified);
    if (rc || *certified) { *status = PDLP_PRIMAL_INFEASIBLE; return rc; }
    rc = primal_ray(w, certified);
    if (*certified) *status = PDLP_DUAL_INFEASIBLE;
    return rc;
}
