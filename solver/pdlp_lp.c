/* pdlp_lp.c - --lp-method pdlp in the GLPK driver: choose the backend (gpu/loader.h), run
 * PDLP on the model's rows and bounds (integrality ignored: a MIP's relaxation), report what it
 * did in r->pdlp, then decide what follows (pdlp_lp.h): the simplex finish from a guessed basis,
 * the PDLP point kept as the answer (--pdlp-finish none, LPs only), or a plain simplex solve
 * when PDLP gave nothing usable. With the simplex finish GLPK has the last word, also on
 * infeasibility: a PDLP certificate is confirmed by the simplex; a finish that a limit or the
 * cancel flag stops keeps PDLP's point as the plan when it met the tolerance. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "glpk_guard.h"
#include "loader.h"
#include "pdlp_lp.h"
#include "util.h"

/* the simplex finishes after PDLP: always for a MIP (branch and cut needs a basis) */
static int finishes(const solve_params *p, const scopt_model *m)
{
    return (p->pdlp_finish != SCOPT_PDLP_FINISH_NONE && p->pdlp_finish != SCOPT_PDLP_FINISH_POLISH) || m->nints > 0;
}

/* --pdlp-finish polish on an LP: PDLP's point polished until it meets the rows to
 * PDLP_POLISH_TOL relative and PDLP_POLISH_ABS in the model's units, the 2-norm of the rows'
 * violations (pdlp_polish.c), so that no row is off by more than scopt check's 1e-6. On S,
 * 1e-8 relative left three balances off by 1.2-1.5e-6 and 1e-10 none; on L (|b| 9.7e5) 1e-10
 * relative was 9.2e-5 in units and left 70 balances off by 1.2-1.7e-6. docs/pdlp.md */
#define PDLP_POLISH_TOL 1e-10
#define PDLP_POLISH_ABS 1e-7
/* the LPs of a MIP's PDLP route (pdlp_mip.c), its relaxation included, polish until their gap
 * is within 1e-3, not --pdlp-tol: beside the MIP's gap (2-3% on S) that is plenty; on S the
 * LPs with the integers fixed took one round where 1e-4 took three (26.9 s -> 20.6 s in all,
 * the plan 0.4% dearer), and on M's relaxation (26,624 iterations to 1e-4, polished gap 1.2e-2)
 * PDLP went on toward 1e-4 for 8 times as many iterations */
#define PDLP_ROUTE_GAP 1e-3
/* and PDLP goes on between their rounds for at most half the iterations the tolerance took
 * (LPs: 8 times): on M (one CPU core, a 900 s cap) the relaxation, polished gap 1.1e-2 at
 * 26,624 iterations, went on to 79,872 (twice, about 170 s) and its best point was still the
 * one at 27,136; each LP with the integers fixed went on for some 26k iterations (95 s) to
 * gain 8.9e-3 -> 8.5e-3. Beside a MIP gap of 7% that time is better spent on the roundings */
#define PDLP_ROUTE_FACTOR 0.5
static int polishes(const solve_params *p, const scopt_model *m)
{
    return p->pdlp_finish == SCOPT_PDLP_FINISH_POLISH && m->nints == 0;
}

/* --pdlp-tol, else the default (docs/pdlp.md) */
static double pdlp_tol(const solve_params *p) { return p->pdlp_tol > 0 ? p->pdlp_tol : 1e-4; }

/* Before the simplex finish on CUDA, PDLP goes on from the default 1e-4 toward 1e-5 (within
 * pdlp_refine.c's budget): on an H200 this halved S3 in all (63.2 s -> 31.0 s; the finish 62 s
 * -> 21 s for 9 s more PDLP) and cost S2 15% (9.2 s -> 10.6 s); on the CPU the extra iterations
 * cost more than the finish saves (S3 78.7 s -> 122 s), so it is off there. An explicit
 * --pdlp-tol is kept exactly. docs/pdlp.md, "The tolerance before the finish". */
static double refine_tol(const solve_params *p, const scopt_model *m, const scopt_backend *be)
{
    return finishes(p, m) && p->pdlp_tol <= 0 && !strcmp(be->name, "cuda") ? 1e-5 : 0;
}

void pdlp_lp_info(const solve_params *p, const scopt_model *m, const pdlp_result *pr, const char *backend,
                  plan_pdlp_info *info)
{
    memset(info, 0, sizeof *info);
    info->used = 1;
    info->status = pdlp_status_name(pr->status);
    info->backend = backend;
    snprintf(info->device, sizeof info->device, "%s", pr->device);
    info->iterations = pr->iterations;
    info->restarts = pr->restarts;
    info->seconds = pr->seconds;
    info->tolerance = pdlp_tol(p);
    info->refine_tolerance = pr->refine_tol;
    info->iterations_at_tolerance = pr->iterations_at_tol;
    info->refined = pr->refined;
    info->checkpoint = p->pdlp_checkpoint;
    info->resumed_from = pr->resumed_from;
    info->presolve = p->pdlp_presolve;
    info->presolved_columns = pr->presolved_columns;
    info->checkpoint_saved = pr->checkpoint_saved;
    snprintf(info->checkpoint_note, sizeof info->checkpoint_note, "%s", pr->checkpoint_note);
    info->primal_objective = pr->primal_obj + m->obj_constant;
    info->dual_objective = pr->dual_obj + m->obj_constant;
    info->primal_residual = pr->primal_residual;
    info->dual_residual = pr->dual_residual;
    info->rel_primal_residual = pr->rel_primal_residual;
    info->rel_dual_residual = pr->rel_dual_residual;
    info->rel_gap = pr->rel_gap;
    info->finish = p->pdlp_finish == SCOPT_PDLP_FINISH_POLISH ? "polish" : "none";
    info->polish_rounds = pr->polish_rounds;
    info->polish_iterations = pr->polish_iterations;
    info->polish_seconds = pr->polish_seconds;
    info->polished_primal = pr->polished_primal;
    info->polished_dual = pr->polished_dual;
}

/* --pdlp-finish none or polish: the PDLP point (or verdict) is the answer. A polished point meets
 * the rows (to PDLP_POLISH_TOL), and with polished duals its gap bounds its distance from the
 * optimum: optimal when that gap is within --pdlp-tol, else feasible (a plan, its gap said) */
static pdlp_lp_action keep_point(const scopt_model *m, const pdlp_result *pr, const solve_params *p,
                                 solve_result *r)
{
    r->iterations = pr->iterations;
    switch (pr->status) {
    case PDLP_OPTIMAL:
        r->status = SCOPT_SOLVE_OPTIMAL;
        r->has_solution = 1;
        r->pdlp.plan_point = pr->polished_primal ? "polished" : "pdlp";
        if (polishes(p, m) && !(pr->polished_primal && pr->rel_gap <= pdlp_tol(p))) {
            r->status = SCOPT_SOLVE_FEASIBLE; /* not within the tolerance, or not polished */
            if (solve_stopped(p)) /* the best point the rounds had is the plan */
                r->limit_reached = 1, r->cancelled = cancel_requested(p->cancel);
        }
        r->objective = pr->primal_obj + m->obj_constant;
        r->best_bound = r->lp_bound = pr->dual_obj + m->obj_constant;
        r->gap = pr->rel_gap;
        memcpy(r->x, pr->x, (size_t)m->ncols * sizeof *r->x);
        return PDLP_LP_DONE;
    case PDLP_PRIMAL_INFEASIBLE: r->status = SCOPT_SOLVE_INFEASIBLE; return PDLP_LP_DONE;
    case PDLP_DUAL_INFEASIBLE: r->status = SCOPT_SOLVE_UNBOUNDED; return PDLP_LP_DONE;
    case PDLP_NUMERICAL: return PDLP_LP_RUN_SIMPLEX;
    default: /* a limit or the cancel flag: an approximate point is no plan */
        r->status = SCOPT_SOLVE_NO_PLAN;
        r->limit_reached = 1;
        r->cancelled = pr->status == PDLP_CANCELLED;
        return PDLP_LP_DONE;
    }
}

static void fill_params(const solve_params *p, const scopt_model *m, const scopt_backend *be, pdlp_lp_run_kind kind,
                        const pdlp_result *start, pdlp_params *prm)
{
    pdlp_params_init(prm);
    prm->tol = pdlp_tol(p);
    prm->refine_tol = kind == PDLP_RUN_MODEL ? refine_tol(p, m, be) : 0;
    if (p->time_limit > 0) prm->time_limit = fmax(1e-3, p->time_limit - (now_seconds() - p->start_time));
    prm->backend = be;
    prm->checkpoint = kind == PDLP_RUN_VARIANT ? NULL : p->pdlp_checkpoint; /* the file is the model's LP's */
    prm->presolve = p->pdlp_presolve;
    if (start) prm->start_x = start->x, prm->start_y = start->y;
    prm->threads = p->threads;
    if (kind != PDLP_RUN_MODEL || polishes(p, m)) prm->polish_tol = PDLP_POLISH_TOL, prm->polish_abs = PDLP_POLISH_ABS;
    if (kind != PDLP_RUN_MODEL) prm->polish_gap = PDLP_ROUTE_GAP, prm->polish_factor = PDLP_ROUTE_FACTOR;
    prm->cancel = p->cancel;
    prm->on_log = p->quiet ? NULL : p->on_log;
    prm->log_user = p->log_user;
}

scopt_status pdlp_lp_run(const scopt_model *m, const pdlp_problem *prob, pdlp_lp_run_kind kind, const pdlp_result *start,
                         const solve_params *p, pdlp_result *pr, const char **backend, scopt_error *err)
{
    gpu_backend_choice ch;
    pdlp_params prm;
    scopt_status s = gpu_backend_open(p->device, &ch, err);
    if (s != SCOPT_OK) return s;
    if (ch.note[0]) solve_log(p, ch.note);
    *backend = strcmp(ch.backend->name, "cuda") ? "cpu" : "cuda"; /* the plugin's strings die with it */
    fill_params(p, m, ch.backend, kind, start, &prm);
    s = pdlp_solve(prob, &prm, pr, err);
    gpu_backend_close(&ch);
    if ((s == SCOPT_EINTERNAL || s == SCOPT_ENOMEM) && p->device == SCOPT_DEVICE_AUTO && !strcmp(*backend, "cuda")) {
        /* auto promised a plan wherever the CPU can make one: a CUDA failure after the probe
         * (device memory, a device held by another process) runs PDLP again on the CPU */
        char line[1100];
        snprintf(line, sizeof line, "%s; --device auto runs PDLP again on the CPU",
                 err ? err->message : "PDLP on the cuda backend failed");
        solve_log(p, line);
        *backend = "cpu";
        fill_params(p, m, scopt_backend_cpu(), kind, start, &prm);
        s = pdlp_solve(prob, &prm, pr, err);
        if (s == SCOPT_OK && err) memset(err, 0, sizeof *err);
    }
    return s;
}

/* A limit or the cancel flag stopped the simplex finish of an LP whose PDLP point met the
 * tolerance: that point becomes the plan (status feasible: a limit was reached; its residuals
 * are in summary.json) unless GLPK stopped on a primal feasible basis no dearer than the point
 * (within the gap the tolerance allows), an exactly feasible plan. Nothing PDLP found is lost. */
static int point_is_a_plan(const scopt_model *m, const pdlp_result *pr)
{
    return m->nints == 0 && pr->status == PDLP_OPTIMAL && pr->x;
}

static int stopped_finish_keeps_point(glp_prob *P, int ret, const scopt_model *m, const pdlp_result *pr,
                                      const solve_params *p)
{
    if (!point_is_a_plan(m, pr) || (ret != GLP_ETMLIM && ret != GLP_ESTOP)) return 0;
    if (glp_get_status(P) != GLP_FEAS) return 1;
    double allowed = pdlp_tol(p) * (1 + fabs(pr->primal_obj) + fabs(pr->dual_obj));
    return glp_get_obj_val(P) - m->obj_constant > pr->primal_obj + allowed;
}

static void keep_point_of_stopped_finish(const scopt_model *m, const pdlp_result *pr, int ret,
                                        const solve_params *p, solve_result *r)
{
    keep_point(m, pr, p, r);
    r->status = SCOPT_SOLVE_FEASIBLE;
    r->limit_reached = 1;
    r->cancelled = ret == GLP_ESTOP;
    r->method = "pdlp";
    char line[300];
    snprintf(line, sizeof line, "pdlp finish: %s before an optimal basis; the plan is PDLP's point (objective "
             "%.10g, relative gap %.2g, relative residuals %.2g / %.2g)",
             ret == GLP_ESTOP ? "cancelled" : "stopped by the time limit", r->objective, pr->rel_gap,
             pr->rel_primal_residual, pr->rel_dual_residual);
    solve_log(p, line);
}

/* the simplex finish, with a landing point for a GLPK failure or a cancel inside GLPK
 * (glpk_guard.h): GLPK's objects are gone then; an LP whose PDLP point met the tolerance keeps
 * it as the plan, pr is freed and the landing passes on to glpk_solve */
static int finish_guarded(glp_prob *P, const scopt_model *m, pdlp_result *pr, const solve_params *p,
                          solve_result *r)
{
    jmp_buf here;
    jmp_buf *prev = glpk_guard_catch(p->guard, &here);
    if (setjmp(here)) {
        if (p->guard->cancelled && point_is_a_plan(m, pr)) {
            r->pdlp.finish_stopped = 1;
            keep_point_of_stopped_finish(m, pr, GLP_ESTOP, p, r);
        }
        pdlp_result_free(pr);
        glpk_guard_rethrow(p->guard, prev);
    }
    int ret = pdlp_finish_simplex(P, pr, p, &r->pdlp);
    glpk_guard_release(p->guard, prev);
    return ret;
}

scopt_status pdlp_lp_solve(glp_prob *P, const scopt_model *m, const solve_params *p, solve_result *r,
                           pdlp_lp_action *action, int *glp_ret, scopt_error *err)
{
    pdlp_result pr;
    const char *backend = "cpu";
    *action = PDLP_LP_RUN_SIMPLEX;
    *glp_ret = 0;
    pdlp_problem prob = pdlp_problem_of(m);
    scopt_status s = pdlp_lp_run(m, &prob, PDLP_RUN_MODEL, NULL, p, &pr, &backend, err);
    if (s != SCOPT_OK) return s;
    pdlp_lp_info(p, m, &pr, backend, &r->pdlp);
    r->method = "pdlp";
    if (!finishes(p, m)) *action = keep_point(m, &pr, p, r);
    else if (pr.status == PDLP_CANCELLED) {
        r->status = SCOPT_SOLVE_NO_PLAN;
        r->limit_reached = r->cancelled = 1;
        *action = PDLP_LP_DONE;
    } else if (pr.x && (pr.status == PDLP_OPTIMAL || pr.status == PDLP_ITERATION_LIMIT ||
                        pr.status == PDLP_TIME_LIMIT)) {
        r->pdlp.finish = "simplex";
        r->method = "pdlp+simplex";
        *glp_ret = finish_guarded(P, m, &pr, p, r);
        *action = PDLP_LP_GLPK_RAN;
        if (stopped_finish_keeps_point(P, *glp_ret, m, &pr, p)) {
            keep_point_of_stopped_finish(m, &pr, *glp_ret, p, r);
            *action = PDLP_LP_DONE;
        }
    } else
        r->pdlp.finish = "simplex";
    pdlp_result_free(&pr);
    return SCOPT_OK;
}
