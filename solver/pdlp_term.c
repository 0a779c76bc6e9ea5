/* pdlp_term.c - what a check measures, on T(z) = (xp, yp) in the original units:
 *   primal residual  |Ax - proj_[rl,ru](Ax)|_2        relative to 1 + |b|_2
 *   dual residual    |part of c - A'y no bound absorbs|_2  relative to 1 + |c|_2
 *   gap              |c'x - dual objective| / (1 + |c'x| + |dual objective|)
 * with dual objective = sum_i (y_i > 0 ? y_i rl_i : y_i ru_i) + sum_j (l_j > 0 ? l_j lb_j : l_j ub_j)
 * over the absorbed reduced costs l; and the fixed-point error of z in the PDHG norm
 *   |z - T(z)|_P^2 = omega |dx|^2 + |dy|^2 / omega + 2 eta dy'A dx   (scaled; used by restarts). */
#include <math.h>
#include "pdlp_internal.h"

int pdlp_stats_finite(const pdlp_stats *s)
{
    return isfinite(s->pobj) && isfinite(s->dobj) && isfinite(s->rp) && isfinite(s->rd);
}

int pdlp_check(pdlp_work *w, int *converged)
{
    const scopt_backend *be = w->be;
    gpu_ctx *c = w->ctx;
    pdlp_vecs *v = &w->v;
    double rs[GPU_ROW_STATS], cs[GPU_COL_STATS], dx[GPU_DIFF_STATS], dy[GPU_DIFF_STATS];
    PDLP_TRY(w, be->spmv(c, w->A, 0, v->xp, v->axp));
    PDLP_TRY(w, be->spmv(c, w->A, 1, v->yp, v->atyp));
    gpu_row_stats_args ra = {0, v->axp, v->yp, v->rl, v->ru, v->rs};
    gpu_col_stats_args ca = {0, v->xp, v->atyp, v->c, v->lb, v->ub, v->cs};
    PDLP_TRY(w, be->row_stats(c, &ra, rs));
    PDLP_TRY(w, be->col_stats(c, &ca, cs));
    PDLP_TRY(w, be->diff_stats(c, v->xp, v->x, v->atyp, v->aty, dx));
    PDLP_TRY(w, be->diff_stats(c, v->yp, v->y, NULL, NULL, dy));
    pdlp_stats *st = &w->st;
    double s = w->h.obj_scale;
    st->pobj = cs[2] / s + w->obj_const;
    st->dobj = (rs[1] + cs[1]) / s + w->obj_const;
    st->rp = sqrt(rs[0]);
    st->rd = sqrt(cs[0]) / s;
    st->rel_rp = st->rp / (1.0 + w->h.bnorm);
    st->rel_rd = st->rd / (1.0 + w->h.cnorm);
    st->rel_gap = fabs(st->pobj - st->dobj) / (1.0 + fabs(st->pobj) + fabs(st->dobj));
    double fp2 = w->omega * dx[0] + dy[0] / w->omega + 2.0 * w->eta * dx[2];
    st->fp_error = sqrt(fp2 > 0 ? fp2 : 0.0);
    double tol = w->tol;
    *converged = st->rel_rp <= tol && st->rel_rd <= tol && st->rel_gap <= tol;
    return 0;
}
