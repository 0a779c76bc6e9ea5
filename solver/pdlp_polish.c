/* pdlp_polish.c - feasibility polishing (the idea of PDLP, Applegate et al. 2025, section
 * "feasibility polishing"; written here for scopt's Halpern PDHG): PDHG reaches feasibility far
 * faster on a feasibility problem than on the LP itself. Once PDLP met its tolerance, two short
 * runs of the same iteration on two other problems, over the same matrix and backend:
 *   primal: min 0 s.t. the LP's rows and bounds, from x = PDLP's point, y = 0: a point that
 *           meets the rows to polish_tol relative and polish_abs in the LP's units (what a
 *           check of every row needs on large LPs, where |b| is large), near PDLP's;
 *   dual:   the LP's costs with every finite bound 0 (rows and columns), from x = 0, y = PDLP's
 *           duals: its dual feasible set is the LP's, so it ends on duals near PDLP's that
 *           meet the reduced-cost conditions to polish_tol.
 * Each phase ends at polish_tol or at its budget of iterations (the main run's, at least
 * POLISH_MIN_BUDGET) or a limit. A polished primal point is feasible to polish_tol; with polished
 * duals its gap is a bound on its distance from the optimum. Moving x to feasibility costs
 * objective in proportion to the residuals it started from (S: gap 3.3e-3 from PDLP's point at
 * rp 9.8e-5, 4.9e-5 from one at 6.7e-7), so while the polished gap is above tol, PDLP goes on
 * (exactly as if it had not stopped) to a point whose polished gap is predicted within tol, and
 * a new round polishes that; within polish_factor times the iterations tol took, and in time for
 * a last round under a time limit. The answer is the polished point with the smallest gap (or
 * PDLP's point when no primal phase met polish_tol). docs/pdlp.md, "Feasibility polishing". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pdlp_internal.h"
#include "util.h"

#define POLISH_MIN_BUDGET 1024
#define POLISH_STALL 16 /* checks without the residual halving that end a phase */
#define POLISH_MAX_FAILED 3 /* rounds in a row whose primal phase failed that end the rounds */

enum { PHASE_PRIMAL = 0, PHASE_DUAL = 1 };

/* what a phase changes in the workspace and puts back after */
typedef struct main_state {
    double omega, pw_err_sum, pw_best, pw_best_balance, fp_restart, fp_last, tol;
    long iter, k;
    int restarts;
    pdlp_stats st;
    gpu_vec *c, *lb, *ub, *rl, *ru;
} main_state;

static void save_state(const pdlp_work *w, main_state *s)
{
    s->omega = w->omega, s->pw_err_sum = w->pw_err_sum, s->pw_best = w->pw_best;
    s->pw_best_balance = w->pw_best_balance, s->fp_restart = w->fp_restart, s->fp_last = w->fp_last;
    s->tol = w->tol, s->iter = w->iter, s->k = w->k, s->restarts = w->restarts, s->st = w->st;
    s->c = w->v.c, s->lb = w->v.lb, s->ub = w->v.ub, s->rl = w->v.rl, s->ru = w->v.ru;
}

static void restore_state(pdlp_work *w, const main_state *s)
{
    w->omega = s->omega, w->pw_err_sum = s->pw_err_sum, w->pw_best = s->pw_best;
    w->pw_best_balance = s->pw_best_balance, w->fp_restart = s->fp_restart, w->fp_last = s->fp_last;
    w->tol = s->tol, w->iter = s->iter, w->k = s->k, w->restarts = s->restarts, w->st = s->st;
    w->v.c = s->c, w->v.lb = s->lb, w->v.ub = s->ub, w->v.rl = s->rl, w->v.ru = s->ru;
}

/* the dual phase's bounds: every finite bound 0, the infinite ones kept (their recession cone) */
static int upload_cone(pdlp_work *w, const double *host, int len, gpu_vec *dst)
{
    double *t = malloc(((size_t)len + 1) * sizeof *t);
    if (!t) return SCOPT_ENOMEM;
    for (int i = 0; i < len; i++) t[i] = isfinite(host[i]) ? 0.0 : host[i];
    int rc = w->be->vec_upload(w->ctx, dst, t);
    free(t);
    return rc ? pdlp_backend_fail(w, rc) : 0;
}

/* the phase's problem vectors (held in ph[]) swapped in */
static int enter_phase(pdlp_work *w, int phase, gpu_vec *ph[5])
{
    const scopt_backend *be = w->be;
    pdlp_vecs *v = &w->v;
    if (phase == PHASE_PRIMAL) {
        PDLP_TRY(w, be->vec_create(w->ctx, w->h.n, &ph[0])); /* zero costs */
        v->c = ph[0];
        PDLP_TRY(w, be->vec_copy(w->ctx, v->x, v->xp));
        PDLP_TRY(w, be->vec_fill(w->ctx, v->y, 0.0));
    } else {
        const double *host[4] = {w->h.lb, w->h.ub, w->h.rl, w->h.ru};
        for (int k = 0; k < 4; k++) {
            PDLP_TRY(w, be->vec_create(w->ctx, k < 2 ? w->h.n : w->h.m, &ph[k + 1]));
            int rc = upload_cone(w, host[k], k < 2 ? w->h.n : w->h.m, ph[k + 1]);
            if (rc) return rc;
        }
        v->lb = ph[1], v->ub = ph[2], v->rl = ph[3], v->ru = ph[4];
        PDLP_TRY(w, be->vec_fill(w->ctx, v->x, 0.0));
        PDLP_TRY(w, be->vec_copy(w->ctx, v->y, v->yp));
    }
    PDLP_TRY(w, be->vec_copy(w->ctx, v->x0, v->x));
    PDLP_TRY(w, be->vec_copy(w->ctx, v->y0, v->y));
    w->iter = w->k = 0;
    w->restarts = 0;
    w->fp_restart = w->fp_last = INFINITY;
    w->pw_err_sum = 0;
    w->pw_best_balance = INFINITY;
    return 0;
}

/* iterate the phase's problem until its residual meets polish_tol, and for the rows also
 * polish_abs (*met = 1), or the budget or a limit ends it or the residual stalls (has not
 * halved in POLISH_STALL checks): then *met = 1 when it meets polish_tol alone. T(z) is then
 * in xp / yp */
static int run_phase(pdlp_work *w, int phase, long budget, int *met)
{
    int conv, rc, stalled = 0;
    double best = INFINITY;
    *met = 0;
    for (;;) {
        if ((rc = pdlp_steps_to_check(w, budget)) || (rc = pdlp_check(w, &conv))) return rc;
        double r = phase == PHASE_PRIMAL ? w->st.rel_rp : w->st.rel_rd;
        int rel_met = r <= w->prm->polish_tol;
        if (!isfinite(r)) return 0;
        int abs_met = phase == PHASE_DUAL || w->prm->polish_abs <= 0 || w->st.rp <= w->prm->polish_abs;
        if (rel_met && abs_met) { *met = 1; return 0; }
        if (r <= 0.5 * best) best = r, stalled = 0;
        else if (++stalled >= POLISH_STALL) { *met = rel_met; return 0; }
        if (w->iter >= budget || pdlp_limit_hit(w) >= 0) { *met = rel_met; return 0; }
        if ((rc = pdlp_go_on(w))) return rc;
    }
}

/* one phase from PDLP's current T(z) (xp, yp): on success its half of the polished point goes
 * to out. The main iteration's state is put back after */
static int polish_phase(pdlp_work *w, int phase, long budget, gpu_vec *out, int *met, long *iters)
{
    main_state s;
    gpu_vec *ph[5] = {NULL, NULL, NULL, NULL, NULL};
    save_state(w, &s);
    int rc = enter_phase(w, phase, ph);
    if (!rc) rc = run_phase(w, phase, budget, met);
    if (!rc && *met) {
        int c = w->be->vec_copy(w->ctx, out, phase == PHASE_PRIMAL ? w->v.xp : w->v.yp);
        if (c) rc = pdlp_backend_fail(w, c);
    }
    *iters = w->iter;
    restore_state(w, &s);
    for (int k = 0; k < 5; k++) w->be->vec_free(w->ctx, ph[k]);
    return rc;
}

/* the workspace of the rounds, pairs of a column and a row vector: main (the point that met
 * tol, kept for when nothing polishes), now (the current T(z)), z and anchor (PDLP's next
 * iterate and Halpern anchor: the phases overwrite all three, and PDLP goes on from them), pol
 * (this round's polished point), best (the best polished point so far), cand (the T(z) of PDLP's
 * going on whose polished gap is predicted smallest, what the last round polishes when it is
 * better than PDLP's last point: PDLP's path is not monotone) */
#define POLISH_PAIRS 7
typedef struct polish_vecs {
    gpu_vec *main_x, *main_y, *now_x, *now_y, *z_x, *z_y, *anchor_x, *anchor_y, *pol_x, *pol_y, *best_x, *best_y;
    gpu_vec *cand_x, *cand_y;
    double cand_pred;      /* its predicted gap (inf: none) */
    pdlp_stats cand_st;
    long cand_iter, at;    /* its iteration; the iteration of the point a round polishes */
} polish_vecs;

static void polish_slots(polish_vecs *pv, gpu_vec **s[2 * POLISH_PAIRS])
{
    gpu_vec **all[2 * POLISH_PAIRS] = {&pv->main_x,   &pv->main_y,   &pv->now_x, &pv->now_y, &pv->z_x,
                                       &pv->z_y,      &pv->anchor_x, &pv->anchor_y, &pv->pol_x, &pv->pol_y,
                                       &pv->best_x,   &pv->best_y,   &pv->cand_x, &pv->cand_y};
    memcpy(s, all, sizeof all);
}

static int make_polish_vecs(pdlp_work *w, polish_vecs *pv)
{
    gpu_vec **s[2 * POLISH_PAIRS];
    polish_slots(pv, s);
    for (int k = 0; k < 2 * POLISH_PAIRS; k++)
        if (w->be->vec_create(w->ctx, k % 2 ? w->h.m : w->h.n, s[k])) return -1;
    return 0;
}

static void free_polish_vecs(pdlp_work *w, polish_vecs *pv)
{
    gpu_vec **s[2 * POLISH_PAIRS];
    polish_slots(pv, s);
    for (int k = 0; k < 2 * POLISH_PAIRS; k++) w->be->vec_free(w->ctx, *s[k]);
}

/* PDLP's next iterate (the Halpern point of the step a check follows, which the next
 * pdlp_advance makes the iterate) and its anchor, kept across a round (save != 0) or put back */
static int keep_iterate(pdlp_work *w, polish_vecs *pv, int save)
{
    gpu_vec *mine[4] = {pv->z_x, pv->z_y, pv->anchor_x, pv->anchor_y};
    gpu_vec *pdlp[4] = {w->v.xn, w->v.yn, w->v.x0, w->v.y0};
    for (int k = 0; k < 4; k++)
        PDLP_TRY(w, w->be->vec_copy(w->ctx, save ? mine[k] : pdlp[k], save ? pdlp[k] : mine[k]));
    return 0;
}

/* what a round did: whether each phase met its criteria, their iterations, and the polished
 * pair's statistics on the LP */
typedef struct polish_round {
    int pmet, dmet;
    long iterations;
    pdlp_stats st;
} polish_round;

/* polish the current T(z) once; the measured pair is in pv->pol_*, the main state as it was */
static int polish_once(pdlp_work *w, polish_vecs *pv, long budget, polish_round *pr)
{
    const scopt_backend *be = w->be;
    long pit = 0, dit = 0;
    int rc;
    pdlp_stats st = w->st;
    memset(pr, 0, sizeof *pr);
    if ((rc = keep_iterate(w, pv, 1))) return rc;
    PDLP_TRY(w, be->vec_copy(w->ctx, pv->now_x, w->v.xp));
    PDLP_TRY(w, be->vec_copy(w->ctx, pv->now_y, w->v.yp));
    PDLP_TRY(w, be->vec_copy(w->ctx, pv->pol_x, pv->now_x));
    PDLP_TRY(w, be->vec_copy(w->ctx, pv->pol_y, pv->now_y));
    if ((rc = polish_phase(w, PHASE_PRIMAL, budget, pv->pol_x, &pr->pmet, &pit))) return rc;
    PDLP_TRY(w, be->vec_copy(w->ctx, w->v.yp, pv->now_y)); /* where the dual phase starts */
    if ((rc = polish_phase(w, PHASE_DUAL, budget, pv->pol_y, &pr->dmet, &dit))) return rc;
    /* the polished pair measured on the LP (pdlp_check forms its products) */
    PDLP_TRY(w, be->vec_copy(w->ctx, w->v.xp, pv->pol_x));
    PDLP_TRY(w, be->vec_copy(w->ctx, w->v.yp, pv->pol_y));
    int conv;
    if ((rc = pdlp_check(w, &conv))) return rc;
    pr->st = w->st;
    pr->iterations = pit + dit;
    char line[400];
    snprintf(line, sizeof line,
             "pdlp polish at %ld: primal %s after %ld iterations, dual %s after %ld; rp %.1e -> %.1e, rd %.1e -> "
             "%.1e, gap %.1e -> %.1e, pobj %+.9e, dobj %+.9e", pv->at, pr->pmet ? "met" : "not met", pit,
             pr->dmet ? "met" : "not met", dit, st.rel_rp, pr->st.rel_rp, st.rel_rd, pr->st.rel_rd, st.rel_gap,
             pr->st.rel_gap, pr->st.pobj, pr->st.dobj);
    pdlp_say(w, line);
    /* PDLP's iteration as it was: its iterate, anchor, T(z) with its products, and the check's
     * statistics (the fixed-point error the restart rule reads among them) */
    if ((rc = keep_iterate(w, pv, 0)) || (rc = pdlp_put_point(w, pv->now_x, pv->now_y))) return rc;
    w->st = st;
    return 0;
}

/* the polished gap the rounds aim at: pdlp_params.polish_gap, else tol */
static double polish_gap_target(const pdlp_work *w)
{
    return w->prm->polish_gap > 0 ? w->prm->polish_gap : w->tol;
}

/* PDLP's iteration, going on from where it stopped, until a point whose polished gap is
 * predicted within half of the target (*due = 1), until iteration `until` or the time `deadline` (a
 * last round then fits in the time limit), or a limit; *pred is the last point's prediction,
 * and pv->cand keeps the point predicted best. The prediction: polishing costs objective in
 * proportion to the residuals it removes (the price of the rows and reduced costs: S 33
 * (rp + rd), from the first round), so gap + slope (rp + rd) */
static int advance_to(pdlp_work *w, polish_vecs *pv, double slope, long until, double deadline, int *due,
                      double *pred)
{
    int conv, rc;
    *due = 0;
    for (rc = 0; !rc;) {
        if ((rc = pdlp_steps_to_check(w, until)) || (rc = pdlp_check(w, &conv))) break;
        const pdlp_stats *st = &w->st;
        *pred = st->rel_gap + slope * (st->rel_rp + st->rel_rd);
        *due = *pred <= 0.5 * polish_gap_target(w);
        if (pdlp_stats_finite(st) && *pred < pv->cand_pred) {
            if ((rc = w->be->vec_copy(w->ctx, pv->cand_x, w->v.xp)) || (rc = w->be->vec_copy(w->ctx, pv->cand_y, w->v.yp))) {
                rc = pdlp_backend_fail(w, rc);
                break;
            }
            pv->cand_pred = *pred, pv->cand_st = *st, pv->cand_iter = w->iter;
        }
        if (*due || !pdlp_stats_finite(st) || w->iter >= until || now_seconds() >= deadline || pdlp_limit_hit(w) >= 0)
            break;
        if (w->prm->log_every >= 0 && now_seconds() - w->last_log >= w->prm->log_every) pdlp_log_line(w, ":");
        rc = pdlp_go_on(w);
    }
    return rc;
}

/* PDLP went on: its own point (T(z), in xp / yp now) replaces the one the checkpoint file got
 * at the tolerance, so that the next run goes on from here (once) */
static int save_where_pdlp_went(pdlp_work *w, long start, int *saved)
{
    if (*saved || w->iter <= start || !pdlp_stats_finite(&w->st)) return 0;
    *saved = 1;
    return pdlp_checkpoint_save(w, w->fingerprint);
}

/* the rounds (see the top of the file); on return T(z) and w->st are the answer's */
static int polish_rounds(pdlp_work *w, polish_vecs *pv)
{
    const pdlp_params *p = w->prm;
    const scopt_backend *be = w->be;
    double factor = p->polish_factor > 0 ? p->polish_factor : 8.0, slope = 0;
    double gap_target = polish_gap_target(w);
    long start = w->iter, until = w->iter + (long)(factor * (double)w->iter);
    int have_best = 0, rc;
    pdlp_stats main_st = w->st, best_st = w->st;
    PDLP_TRY(w, be->vec_copy(w->ctx, pv->main_x, w->v.xp));
    PDLP_TRY(w, be->vec_copy(w->ctx, pv->main_y, w->v.yp));
    double deadline = p->time_limit > 0 ? w->start + p->time_limit : INFINITY;
    int last = 0, saved = 0, failed = 0;
    pv->cand_pred = INFINITY;
    for (;;) {
        polish_round r;
        pdlp_stats before = w->st;
        double t0 = now_seconds();
        long budget = w->iter > POLISH_MIN_BUDGET ? w->iter : POLISH_MIN_BUDGET;
        if (!last) pv->at = w->iter;
        if ((rc = polish_once(w, pv, budget, &r))) return rc;
        w->polish_iterations += r.iterations;
        if (r.pmet && pdlp_stats_finite(&r.st)) /* the price of the residuals this round removed */
            slope = fmax(slope, (r.st.rel_gap - before.rel_gap) / fmax(before.rel_rp + before.rel_rd, 1e-300));
        w->polish_rounds++;
        if (r.pmet && pdlp_stats_finite(&r.st) && (!have_best || r.st.rel_gap < best_st.rel_gap)) {
            PDLP_TRY(w, be->vec_copy(w->ctx, pv->best_x, pv->pol_x));
            PDLP_TRY(w, be->vec_copy(w->ctx, pv->best_y, pv->pol_y));
            best_st = r.st, have_best = 1;
            w->polish_dual = r.dmet;
        }
        /* primal phases that fail in a row: the rows are likely not to be met at all (an LP
         * the PDLP route of a MIP fixed infeasibly, PDLP's residual stuck at 5e-5 of |b|); with
         * no price learnt, every check was due for another round (M: one every 64 iterations) */
        failed = r.pmet ? 0 : failed + 1;
        if (last || (have_best && best_st.rel_gap <= gap_target) || failed >= POLISH_MAX_FAILED) break;
        /* a round's phases take about as long each time: PDLP stops in time for one more */
        double round_seconds = now_seconds() - t0, last_start = deadline - 1.5 * round_seconds, pred = INFINITY;
        if (w->iter >= until || now_seconds() >= last_start || pdlp_limit_hit(w) >= 0 || !pdlp_stats_finite(&w->st))
            break;
        /* PDLP goes on exactly as it would have without the round (pdlp.c's at_check) */
        int due;
        if ((rc = pdlp_go_on(w))) return rc;
        if ((rc = advance_to(w, pv, slope, until, last_start, &due, &pred))) return rc;
        if (!pdlp_stats_finite(&w->st) || pdlp_limit_hit(w) >= 0) break;
        if (!due) { /* at `until` or last_start: the last round, on the point predicted best */
            last = 1;
            if ((rc = save_where_pdlp_went(w, start, &saved))) return rc;
            if (pv->cand_pred < pred) {
                PDLP_TRY(w, be->vec_copy(w->ctx, w->v.xp, pv->cand_x));
                PDLP_TRY(w, be->vec_copy(w->ctx, w->v.yp, pv->cand_y));
                w->st = pv->cand_st;
                pv->at = pv->cand_iter;
            } else
                pv->at = w->iter;
        }
    }
    if ((rc = save_where_pdlp_went(w, start, &saved))) return rc;
    w->polish_primal = have_best;
    if (!have_best) w->polish_dual = 0;
    if ((rc = pdlp_put_point(w, have_best ? pv->best_x : pv->main_x, have_best ? pv->best_y : pv->main_y))) return rc;
    w->st = have_best ? best_st : main_st;
    char line[300];
    if (have_best)
        snprintf(line, sizeof line, "pdlp polish: the answer meets the rows to %.1e and the duals to %.1e%s; gap %.1e",
                 w->st.rel_rp, w->st.rel_rd, w->polish_dual ? "" : " (the duals were not polished)", w->st.rel_gap);
    else
        snprintf(line, sizeof line, "pdlp polish: no primal point met %g; the answer is PDLP's point", p->polish_tol);
    pdlp_say(w, line);
    return 0;
}

/* A run that met the tolerance: polish its point (see the top of the file) */
int pdlp_polish(pdlp_work *w)
{
    polish_vecs pv;
    memset(&pv, 0, sizeof pv);
    if (!(w->prm->polish_tol > 0)) return 0;
    double t0 = now_seconds();
    int rc = 0;
    if (make_polish_vecs(w, &pv)) pdlp_say(w, "pdlp polish: no memory for the polished point; the answer is PDLP's point");
    else rc = polish_rounds(w, &pv);
    free_polish_vecs(w, &pv);
    w->polish_seconds = now_seconds() - t0;
    return rc;
}
