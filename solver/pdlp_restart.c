/* pdlp_restart.c - restarts of Halpern PDHG on the decay of the fixed-point error e (cuPDLPx):
 * restart to T(z) when e <= 0.2 e_restart (sufficient), or e <= 0.8 e_restart while e grew since
 * the previous check (necessary), or when the epoch is 36% of all iterations (artificial).
 * At a restart the primal weight follows the movement of the anchor (PDLP's smoothing 1/2):
 *   log omega <- 1/2 log(|dy| / |dx|) + 1/2 log omega. */
#include <math.h>
#include "pdlp_internal.h"

#define RESTART_SUFFICIENT 0.2
#define RESTART_NECESSARY 0.8
#define RESTART_ARTIFICIAL 0.36
#define WEIGHT_SMOOTHING 0.5

static int update_primal_weight(pdlp_work *w)
{
    double dx[GPU_DIFF_STATS], dy[GPU_DIFF_STATS];
    PDLP_TRY(w, w->be->diff_stats(w->ctx, w->v.xp, w->v.x0, NULL, NULL, dx));
    PDLP_TRY(w, w->be->diff_stats(w->ctx, w->v.yp, w->v.y0, NULL, NULL, dy));
    double px = sqrt(dx[0]), py = sqrt(dy[0]);
    if (px > 1e-10 && py > 1e-10 && isfinite(px) && isfinite(py))
        w->omega = exp(WEIGHT_SMOOTHING * log(py / px) + (1.0 - WEIGHT_SMOOTHING) * log(w->omega));
    return 0;
}

int pdlp_maybe_restart(pdlp_work *w, int *restarted)
{
    double e = w->st.fp_error;
    *restarted = 0;
    if (isinf(w->fp_restart)) { /* the first check only sets the reference */
        w->fp_restart = w->fp_last = e;
        return 0;
    }
    int restart = e <= RESTART_SUFFICIENT * w->fp_restart ||
                  (e <= RESTART_NECESSARY * w->fp_restart && e > w->fp_last) ||
                  (double)w->k >= RESTART_ARTIFICIAL * (double)w->iter;
    w->fp_last = e;
    if (!restart) return 0;
    int rc = update_primal_weight(w);
    if (rc) return rc;
    const scopt_backend *be = w->be;
    pdlp_vecs *v = &w->v;
    PDLP_TRY(w, be->vec_copy(w->ctx, v->x, v->xp));
    PDLP_TRY(w, be->vec_copy(w->ctx, v->x0, v->xp));
    PDLP_TRY(w, be->vec_copy(w->ctx, v->y, v->yp));
    PDLP_TRY(w, be->vec_copy(w->ctx, v->y0, v->yp));
    PDLP_TRY(w, be->vec_copy(w->ctx, v->aty, v->atyp));
    w->k = 0;
    w->restarts++;
    w->fp_restart = e;
    *restarted = 1;
    return 0;
}
