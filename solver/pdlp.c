/* pdlp.c - pdlp_solve: scale, upload, iterate restarted Halpern PDHG until the relative
 * residuals and gap fall under the tolerance (or a certificate, a limit, the cancel flag, a
 * NaN), log progress through the log callback, and return the point in original units.
 * The loop: pdlp_steps_to_check (T(z) and the Halpern point, every iteration), then
 * pdlp_check, pdlp_infeasibility, the limits and pdlp_go_on (restart or advance). Once the tolerance is met, pdlp_refine.c may go on toward a tighter one. With
 * a checkpoint file, the run starts from its point and leaves its own there (pdlp_checkpoint.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pdlp_internal.h"
#include "util.h"

void pdlp_params_init(pdlp_params *p)
{
    memset(p, 0, sizeof *p);
    p->tol = 1e-4;
    p->infeas_tol = 1e-8;
    p->check_every = 64;
    p->ruiz_passes = 10;
    p->pock_chambolle = 1;
    p->bound_obj_scaling = 1;
    p->reflection = 1.0;
    p->restart_max_epoch = 16384;
    p->refine_factor = 16;
    p->refine_seconds = 30;
    p->polish_factor = 8.0;
    p->log_every = 1.0;
    p->threads = 1;
}

const char *pdlp_status_name(pdlp_status s)
{
    static const char *const names[] = {"optimal", "primal_infeasible", "dual_infeasible", "iteration_limit",
                                        "time_limit", "cancelled", "numerical_trouble"};
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "unknown";
}

void pdlp_log_line(pdlp_work *w, const char *tag)
{
    const pdlp_params *p = w->prm;
    char line[320];
    if (!p->on_log) return;
    const pdlp_stats *s = &w->st;
    snprintf(line, sizeof line,
             "pdlp%s %8ld  pobj %+.9e  dobj %+.9e  gap %.1e  rp %.1e  rd %.1e  restarts %d  weight %.2e  %.2fs", tag,
             w->iter, s->pobj, s->dobj, s->rel_gap, s->rel_rp, s->rel_rd, w->restarts, w->omega,
             now_seconds() - w->start);
    p->on_log(line, p->log_user);
    w->last_log = now_seconds();
}

static void log_header(pdlp_work *w)
{
    char line[400];
    if (!w->prm->on_log) return;
    snprintf(line, sizeof line, "pdlp: %d rows, %d columns, %d nonzeros on %s; |A~|_2 %.4g, tolerance %g", w->h.m,
             w->h.n, w->h.nnz, w->be->device_name(w->ctx), w->norm_a, w->prm->tol);
    w->prm->on_log(line, w->prm->log_user);
}

void pdlp_say(const pdlp_work *w, const char *line)
{
    if (w->prm->on_log && w->prm->log_every >= 0) w->prm->on_log(line, w->prm->log_user);
}

/* a limit or the cancel flag: its status, else -1 (pdlp_internal.h) */
int pdlp_limit_hit(const pdlp_work *w)
{
    const pdlp_params *p = w->prm;
    if (cancel_requested(p->cancel)) return PDLP_CANCELLED;
    if (p->iteration_limit > 0 && w->iter >= p->iteration_limit) return PDLP_ITERATION_LIMIT;
    if (p->time_limit > 0 && now_seconds() - w->start >= p->time_limit) return PDLP_TIME_LIMIT;
    return -1;
}

/* one check: 0 to go on, 1 when the loop ends with *status */
static int at_check(pdlp_work *w, pdlp_status *status, int *stop)
{
    int conv = 0, rc = pdlp_check(w, &conv);
    *stop = 1;
    if (rc) return rc;
    if (w->refining && !conv && pdlp_refine_over(w)) { /* back to the point that met prm->tol */
        *status = pdlp_limit_hit(w) == PDLP_CANCELLED ? PDLP_CANCELLED : PDLP_OPTIMAL;
        return pdlp_refine_restore(w);
    }
    if (!pdlp_stats_finite(&w->st)) {
        *status = PDLP_NUMERICAL;
        return 0;
    }
    if (w->prm->log_every >= 0 && now_seconds() - w->last_log >= w->prm->log_every) pdlp_log_line(w, ":");
    if (conv) {
        int go_on = 0;
        if (w->refining) w->refined = 1;
        else if ((rc = pdlp_refine_start(w, &go_on))) return rc;
        if (!go_on) { *status = PDLP_OPTIMAL; return 0; }
    } else if (!w->refining) { /* a refinement starts from a point that is neither */
        int certified = 0;
        if ((rc = pdlp_infeasibility(w, &certified, status))) return rc;
        if (certified) return 0;
        int lim = pdlp_limit_hit(w);
        if (lim >= 0) { *status = (pdlp_status)lim; return 0; }
    }
    *stop = 0;
    return pdlp_go_on(w);
}

static int iterate(pdlp_work *w, pdlp_status *status)
{
    for (;;) {
        int rc = pdlp_steps_to_check(w, w->prm->iteration_limit), stop = 0;
        if (rc) return rc;
        if ((rc = at_check(w, status, &stop))) return rc;
        if (stop) return 0;
    }
}

static int alloc_result(pdlp_result *r, int m, int n)
{
    r->x = calloc((size_t)n + 1, sizeof(double));
    r->reduced_cost = calloc((size_t)n + 1, sizeof(double));
    r->y = calloc((size_t)m + 1, sizeof(double));
    r->row_activity = calloc((size_t)m + 1, sizeof(double));
    return r->x && r->reduced_cost && r->y && r->row_activity ? 0 : -1;
}

/* download T(z) and undo the scaling: x = cs x~, y = rs y~ / s, Ax = (A~x~) / rs,
 * c - A'y = (c~ - A~'y~) / (cs s); x is clamped to the original bounds */
static int unscale(pdlp_work *w, const pdlp_problem *p, pdlp_result *r)
{
    const pdlp_host *h = &w->h;
    PDLP_TRY(w, w->be->vec_download(w->ctx, w->v.xp, r->x));
    PDLP_TRY(w, w->be->vec_download(w->ctx, w->v.yp, r->y));
    PDLP_TRY(w, w->be->vec_download(w->ctx, w->v.atyp, r->reduced_cost));
    PDLP_TRY(w, w->be->vec_download(w->ctx, w->v.axp, r->row_activity));
    for (int j = 0; j < h->n; j++) {
        r->reduced_cost[j] = (h->c[j] - r->reduced_cost[j]) / (h->cs[j] * h->obj_scale);
        r->x[j] = fmin(fmax(r->x[j] * h->cs[j], pdlp_to_inf(p->lb[j])), pdlp_to_inf(p->ub[j]));
    }
    for (int i = 0; i < h->m; i++) {
        r->y[i] = r->y[i] * h->rs[i] / h->obj_scale;
        r->row_activity[i] /= h->rs[i];
    }
    return 0;
}

static void fill_result(const pdlp_work *w, pdlp_status status, pdlp_result *r)
{
    r->status = status;
    r->primal_obj = w->st.pobj;
    r->dual_obj = w->st.dobj;
    r->primal_residual = w->st.rp;
    r->dual_residual = w->st.rd;
    r->rel_primal_residual = w->st.rel_rp;
    r->rel_dual_residual = w->st.rel_rd;
    r->rel_gap = w->st.rel_gap;
    r->iterations = w->iter;
    r->iterations_at_tol = w->iter_at_tol;
    r->refine_tol = pdlp_refine_target(w->prm);
    r->refined = w->refined;
    r->restarts = w->restarts;
    r->polish_iterations = w->polish_iterations;
    r->polish_rounds = w->polish_rounds;
    r->polished_primal = w->polish_primal;
    r->polished_dual = w->polish_dual;
    r->polish_seconds = w->polish_seconds;
    r->seconds = now_seconds() - w->start;
    r->resumed_from = w->resumed_from;
    r->checkpoint_saved = w->checkpoint_saved;
    snprintf(r->checkpoint_note, sizeof r->checkpoint_note, "%s", w->checkpoint_note);
    snprintf(r->device, sizeof r->device, "%s", w->ctx ? w->be->device_name(w->ctx) : "");
}

/* A run resumed from a checkpoint first looks at the file's point (T(z) of the run that wrote
 * it): one that meets the tolerance ends the run at once, where going on from it as a restart
 * point would first move away (M: 22,528 more iterations before the tolerance was met again).
 * So a solve whose finish a limit stopped, run again with the same checkpoint, goes straight to
 * the finish. The check writes only T(z)'s vectors and the stats, which the steps do not read. */
static int resumed_point_met(pdlp_work *w, pdlp_status *status, int *met)
{
    const scopt_backend *be = w->be;
    pdlp_vecs *v = &w->v;
    int conv = 0, go_on = 0, rc;
    *met = 0;
    if (!w->resumed_from) return 0;
    PDLP_TRY(w, be->vec_copy(w->ctx, v->xp, v->x));
    PDLP_TRY(w, be->vec_copy(w->ctx, v->yp, v->y));
    PDLP_TRY(w, be->spmv(w->ctx, w->A, 1, v->y, v->aty));
    if ((rc = pdlp_check(w, &conv))) return rc;
    if (!conv || !pdlp_stats_finite(&w->st)) return 0;
    if ((rc = pdlp_refine_start(w, &go_on))) return rc; /* a tighter target goes on from here */
    if (!go_on) *status = PDLP_OPTIMAL, *met = 1;
    return 0;
}

static int solve(pdlp_work *w, const pdlp_problem *p, pdlp_result *r)
{
    pdlp_status status = PDLP_NUMERICAL;
    int rc = pdlp_device_setup(w);
    if (!rc) rc = pdlp_step_size(w);
    if (rc) return rc;
    double cn = 0, bn = 0;
    for (int j = 0; j < w->h.n; j++) cn += w->h.c[j] * w->h.c[j];
    for (int i = 0; i < w->h.m; i++) {
        double b = fmax(isfinite(w->h.rl[i]) ? fabs(w->h.rl[i]) : 0, isfinite(w->h.ru[i]) ? fabs(w->h.ru[i]) : 0);
        bn += b * b;
    }
    w->omega = w->pw_best = cn > 1e-12 && bn > 1e-12 ? sqrt(cn / bn) : 1.0;
    w->pw_best_balance = INFINITY;
    log_header(w);
    uint64_t fp = w->fingerprint = w->prm->checkpoint ? pdlp_fingerprint(p, w->prm) : 0;
    if ((rc = pdlp_checkpoint_load(w, fp)) || (rc = pdlp_start_load(w))) return rc;
    int met = 0;
    if ((rc = resumed_point_met(w, &status, &met))) return rc;
    if (!met && (rc = iterate(w, &status))) return rc;
    if (w->prm->log_every >= 0) pdlp_log_line(w, " end");
    int has_point = status == PDLP_OPTIMAL || status == PDLP_ITERATION_LIMIT || status == PDLP_TIME_LIMIT ||
                    status == PDLP_CANCELLED; /* not a certificate's ray, not a NaN */
    if (has_point && pdlp_stats_finite(&w->st)) pdlp_checkpoint_save(w, fp);
    if (status == PDLP_OPTIMAL && (rc = pdlp_polish(w))) return rc;
    fill_result(w, status, r);
    return unscale(w, p, r);
}

static scopt_status solve_problem(const pdlp_problem *p, const pdlp_params *prm, double obj_const, pdlp_result *r,
                                  scopt_error *err)
{
    pdlp_work w;
    memset(r, 0, sizeof *r);
    memset(&w, 0, sizeof w);
    w.prm = prm;
    w.be = prm->backend ? prm->backend : scopt_backend_cpu();
    w.start = w.last_log = now_seconds();
    w.tol = prm->tol;
    w.obj_const = obj_const;
    w.fp_restart = INFINITY;
    r->status = PDLP_NUMERICAL;
    if (p->nrows <= 0 || p->ncols <= 0 || p->nnz > 2147483647u) return SCOPT_OK; /* not for PDLP */
    if (alloc_result(r, p->nrows, p->ncols) || pdlp_host_build(p, prm, &w.h)) {
        pdlp_host_free(&w.h);
        pdlp_result_free(r);
        return error_set(err, SCOPT_ENOMEM, "out of memory for the PDLP solver");
    }
    int rc = 0;
    if (w.h.trivially_infeasible) r->status = PDLP_PRIMAL_INFEASIBLE;
    else rc = solve(&w, p, r);
    pdlp_refine_free(&w);
    pdlp_device_free(&w);
    pdlp_host_free(&w.h);
    if (rc) {
        pdlp_result_free(r);
        return error_set(err, rc == SCOPT_ENOMEM ? SCOPT_ENOMEM : SCOPT_EINTERNAL, "PDLP on the %s backend: %s",
                         w.be->name, w.error[0] ? w.error : "failure");
    }
    return SCOPT_OK;
}

/* with the presolve: solve the reduced LP, then give its answer in the LP's own terms */
scopt_status pdlp_solve(const pdlp_problem *p, const pdlp_params *prm, pdlp_result *r, scopt_error *err)
{
    pdlp_presolve ps;
    memset(r, 0, sizeof *r);
    if (!prm->presolve || p->nrows <= 0 || p->ncols <= 0) return solve_problem(p, prm, 0, r, err);
    pdlp_params reduced = *prm; /* a start point has the LP's columns, not the reduced LP's */
    reduced.start_x = reduced.start_y = NULL;
    prm = &reduced;
    if (pdlp_presolve_build(p, &ps)) return error_set(err, SCOPT_ENOMEM, "out of memory for the PDLP presolve");
    if (ps.removed == 0 || ps.red.ncols == 0) { /* nothing to remove, or nothing left for PDLP */
        pdlp_presolve_free(&ps);
        return solve_problem(p, prm, 0, r, err);
    }
    pdlp_result red;
    scopt_status s = solve_problem(&ps.red, prm, ps.obj_const, &red, err);
    if (s == SCOPT_OK && red.x) {
        *r = red; /* statistics, status, device */
        r->x = r->y = r->reduced_cost = r->row_activity = NULL;
        r->presolved_columns = ps.removed;
        if (alloc_result(r, p->nrows, p->ncols)) {
            pdlp_result_free(r);
            s = error_set(err, SCOPT_ENOMEM, "out of memory for the PDLP solver");
        } else pdlp_presolve_post(&ps, p, &red, r);
    } else if (s == SCOPT_OK) *r = red; /* rejected: no point */
    if (s == SCOPT_OK && red.x) pdlp_result_free(&red);
    pdlp_presolve_free(&ps);
    return s;
}

void pdlp_result_free(pdlp_result *r)
{
    free(r->x);
    free(r->y);
    free(r->reduced_cost);
    free(r->row_activity);
    r->x = r->y = r->reduced_cost = r->row_activity = NULL;
}
