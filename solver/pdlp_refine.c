/* pdlp_refine.c - going on past the tolerance before an exact finish. On the GPU a PDLP
 * iteration costs little and GLPK's finish on the CPU is most of the time; the finish is much
 * shorter from a tighter point (S3 on an H200: 62 s from 1e-4, 21 s from 1e-5), but a tighter
 * tolerance is not always reached (M on the CPU stalls at a gap of 7e-4 on the way to 1e-5, its
 * point worse than the one that met 1e-4). So: keep the point that met tol, go on toward
 * refine_tol within a budget of iterations and seconds, and if it is not met put the kept point
 * back, so that the answer is never worse than without the refinement. */
#include <stdio.h>
#include "pdlp_internal.h"
#include "util.h"

double pdlp_refine_target(const pdlp_params *p)
{
    return p->refine_tol > 0 && p->refine_tol < p->tol ? p->refine_tol : 0;
}

int pdlp_refine_start(pdlp_work *w, int *go_on)
{
    const pdlp_params *p = w->prm;
    *go_on = 0;
    if (!w->iter_at_tol) w->iter_at_tol = w->iter;
    if (w->refining || !pdlp_refine_target(p)) return 0;
    const scopt_backend *be = w->be;
    if (be->vec_create(w->ctx, w->h.n, &w->keep_x) || be->vec_create(w->ctx, w->h.m, &w->keep_y)) {
        pdlp_refine_free(w); /* no room to keep the point (device memory): stop at tol as without */
        pdlp_say(w, "pdlp: no memory to keep the point that met the tolerance; no refinement before the finish");
        return 0;
    }
    PDLP_TRY(w, be->vec_copy(w->ctx, w->keep_x, w->v.xp));
    PDLP_TRY(w, be->vec_copy(w->ctx, w->keep_y, w->v.yp));
    w->keep_st = w->st;
    double factor = p->refine_factor > 0 ? p->refine_factor : 16, secs = p->refine_seconds > 0 ? p->refine_seconds : 30;
    w->refine_until = w->iter + (long)(factor * (double)w->iter);
    w->refine_deadline = now_seconds() + secs;
    w->refining = 1;
    w->tol = p->refine_tol;
    char line[240];
    snprintf(line, sizeof line,
             "pdlp: tolerance %g met at iteration %ld; going on toward %g for the finish (at most %ld more "
             "iterations, %.0f s)", p->tol, w->iter, p->refine_tol, w->refine_until - w->iter, secs);
    pdlp_say(w, line);
    *go_on = 1;
    return 0;
}

int pdlp_refine_over(const pdlp_work *w)
{
    return w->iter >= w->refine_until || now_seconds() >= w->refine_deadline || pdlp_limit_hit(w) >= 0 ||
           !pdlp_stats_finite(&w->st);
}

/* the kept point back into T(z); its statistics are those it had (pdlp_check would recompute
 * the same from it, except the fixed-point error, which the result does not use) */
int pdlp_refine_restore(pdlp_work *w)
{
    int rc = pdlp_put_point(w, w->keep_x, w->keep_y);
    if (rc) return rc;
    char line[240];
    snprintf(line, sizeof line,
             "pdlp: %g not reached after %ld more iterations (gap %.1e, rp %.1e, rd %.1e); the answer is the "
             "point that met %g at iteration %ld", w->prm->refine_tol, w->iter - w->iter_at_tol, w->st.rel_gap,
             w->st.rel_rp, w->st.rel_rd, w->prm->tol, w->iter_at_tol);
    pdlp_say(w, line);
    w->st = w->keep_st;
    w->tol = w->prm->tol;
    return 0;
}

void pdlp_refine_free(pdlp_work *w)
{
    if (w->keep_x) w->be->vec_free(w->ctx, w->keep_x);
    if (w->keep_y) w->be->vec_free(w->ctx, w->keep_y);
    w->keep_x = w->keep_y = NULL;
}
