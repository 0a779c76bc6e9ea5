/* pdlp_restart.c - restarts of Halpern PDHG on the decay of the fixed-point error e (cuPDLPx):
 * restart to T(z) when e <= 0.2 e_restart (sufficient), or e <= 0.8 e_restart while e grew since
 * the previous check (necessary), or when the epoch is 36% of all iterations (artificial), or
 * when it reaches restart_max_epoch iterations (scopt's: long runs, docs/pdlp.md).
 * At a restart the primal weight is steered toward the movement ratio |dy| / |dx| of the epoch by
 * a PI controller on log omega (cuPDLPx's gains), falling back to the weight under which the
 * relative residuals were most balanced when the movements are degenerate. */
#include <math.h>
#include "pdlp_internal.h"

#define RESTART_SUFFICIENT 0.2
#define RESTART_NECESSARY 0.8
#define RESTART_ARTIFICIAL 0.36
#define PID_KP 0.99       /* proportional gain */
#define PID_KI 0.01       /* integral gain */
#define PID_DISCOUNT 0.3  /* the integral forgets this much per restart */

/* error e = log|dy| - log|dx| - log omega; I = DISCOUNT I + e; omega *= exp(KP e + KI I). Measured
 * against PDLP's smoothing (log omega <- (log(|dy|/|dx|) + log omega) / 2) in docs/pdlp.md. */
static void pid_weight(pdlp_work *w, double px, double py)
{
    double balance = w->st.rel_rd / fmax(w->st.rel_rp, 1e-300);
    if (px > 1e-16 && py > 1e-16 && px < 1e12 && py < 1e12 && balance > 1e-8 && balance < 1e8) {
        double e = log(py) - log(px) - log(w->omega);
        w->pw_err_sum = PID_DISCOUNT * w->pw_err_sum + e;
        w->omega *= exp(PID_KP * e + PID_KI * w->pw_err_sum);
    } else {
        w->omega = w->pw_best;
        w->pw_err_sum = 0;
    }
    double off = fabs(log10(fmax(balance, 1e-300)));
    if (off < w->pw_best_balance) w->pw_best_balance = off, w->pw_best = w->omega;
}

static int update_primal_weight(pdlp_work *w)
{
    double dx[GPU_DIFF_STATS], dy[GPU_DIFF_STATS];
    PDLP_TRY(w, w->be->diff_stats(w->ctx, w->v.xp, w->v.x0, NULL, NULL, dx));
    PDLP_TRY(w, w->be->diff_stats(w->ctx, w->v.yp, w->v.y0, NULL, NULL, dy));
    pid_weight(w, sqrt(dx[0]), sqrt(dy[0]));
    return 0;
}

static int maybe_restart(pdlp_work *w, int *restarted)
{
    double e = w->st.fp_error;
    *restarted = 0;
    if (isinf(w->fp_restart)) { /* the first check only sets the reference */
        w->fp_restart = w->fp_last = e;
        return 0;
    }
    int restart = e <= RESTART_SUFFICIENT * w->fp_restart ||
                  (e <= RESTART_NECESSARY * w->fp_restart && e > w->fp_last) ||
                  (double)w->k >= RESTART_ARTIFICIAL * (double)w->iter ||
                  (w->prm->restart_max_epoch > 0 && w->k + 1 >= w->prm->restart_max_epoch); /* k + 1 iterations so far */
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
    w->k = 0;
    w->restarts++;
    w->fp_restart = e;
    *restarted = 1;
    return 0;
}

int pdlp_go_on(pdlp_work *w)
{
    int restarted, rc = maybe_restart(w, &restarted);
    if (!rc && !restarted) pdlp_advance(w);
    return rc;
}
