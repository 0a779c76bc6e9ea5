/* pdlp_mip.c - --pdlp-finish polish on a MIP: a plan with a proven gap without GLPK's simplex
 * or branch and cut, for MIPs whose relaxation the simplex cannot finish (preset M and larger:
 * docs/pdlp.md "MIPs without the simplex"). Steps:
 *   1. the relaxation by PDLP, polished: its dual half is a proven lower bound on every plan;
 *   2. rounding (round_plan.c): every integer up to ceil of its relaxation value; then, with
 *      flows below MIP_ZERO_FLOW counted as zero, every costed integer lowered as far as its
 *      rows allow (unused setups, orders and sites close, vehicles fall to the load);
 *   3. bound propagation with the integers fixed (round_plan_propagate): a row it proves
 *      unmeetable has the closings within 3 hops undone (round_plan_reopen_near), or, where
 *      that moves nothing, the setups and orders within 3 hops whose relaxation flow is below
 *      their minimum closed (round_plan_close_forcing); a rounding it still proves infeasible
 *      is not solved; else the rest (flows, stock,
 *      overtime) by PDLP with the integers fixed, from the relaxation's point, polished: rows
 *      met to 1e-10;
 *   4. the same descent on that plan, the rest solved again, kept when cheaper;
 *   5. (after the roundings below) each optional site the plan opens closed in turn and the
 *      rest solved again, kept when cheaper;
 *   6. an exact descent on the plan (it stays feasible) and the check against every row, bound
 *      and integrality (round_plan_is_plan).
 * Then, time allowing, two more roundings, and the cheapest plan is kept: up with the setups
 * and orders whose relaxation flow is below their minimum closed, and to the nearest (with the
 * same closing). PDLP's point is no vertex: it spreads production and purchases thinly over
 * many periods, and forcing each of those to its minimum left S's LP infeasible (which the
 * propagation proves at once), so S's plans come from the closing; closing can leave demand
 * unmet where no other setup takes the flow (a 4-period setup model: 461 against 222 without
 * it; the optimum is 169), and on M it starved balances (the repair's LP was still infeasible
 * and cost 200 s), so rounding up plainly comes first. Rounding up opens what the relaxation
 * used a little (mip-tiny-all: a site whose fixed cost made the plan 69% dearer than the
 * optimum, which the nearest rounding hit exactly; on S the nearest cut vehicles and was far
 * dearer).
 * Status: optimal when the gap to the relaxation's bound is within --mip-gap, else feasible. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pdlp_lp.h"
#include "round_plan.h"
#include "util.h"

/* a continuous value at most this counts as zero in the descent of steps 2 and 4 (PDLP's
 * flows that the simplex would have at 0 are 1e-9..1e-7 after polishing) */
#define MIP_ZERO_FLOW 1e-6
/* under --time-limit the relaxation gets at most this share of the time left, so that the
 * rounding and its LPs get the rest: PDLP's point where its share ended still rounds */
#define MIP_RELAXATION_SHARE 0.5
/* sweeps of bound propagation before an LP (M: its infeasible rounding found in the 2nd) */
#define MIP_PROPAGATION_PASSES 10
/* rounds of repair near an unmeetable row (reopening, else closing), each followed by the
 * propagation again */
#define MIP_REPAIRS 50

typedef struct mip_route {
    const scopt_model *m;
    const solve_params *p;
    const pdlp_result *relaxation; /* its point rounds, and starts every LP */
    round_plan w;
    double *lb, *ub;       /* the LP's column bounds: the integers fixed */
    double *best;          /* 1-based: the best plan so far */
    double best_cost;
    long iterations;       /* PDLP's, the LPs after the relaxation */
    int lp_solves;
    const char *backend;
} mip_route;

/* the LP with the integers fixed at w.x's: 1 with w.x its polished point (rows met), 0 when
 * PDLP found it infeasible, gave no polished point or was stopped, -1 on an error */
static int solve_rest(mip_route *r, scopt_error *err)
{
    const scopt_model *m = r->m;
    for (int j = 0; j < m->ncols; j++)
        if (m->is_int[j]) r->lb[j] = r->ub[j] = r->w.x[j + 1];
    pdlp_problem prob = pdlp_problem_of(m);
    prob.lb = r->lb, prob.ub = r->ub;
    pdlp_result pr;
    if (pdlp_lp_run(m, &prob, PDLP_RUN_VARIANT, r->relaxation, r->p, &pr, &r->backend, err) != SCOPT_OK) return -1;
    r->iterations += pr.iterations;
    r->lp_solves++;
    int ok = pr.status == PDLP_OPTIMAL && pr.polished_primal;
    if (ok)
        for (int j = 0; j < m->ncols; j++) r->w.x[j + 1] = m->is_int[j] ? r->lb[j] : pr.x[j];
    char line[200];
    snprintf(line, sizeof line, "pdlp mip: LP %d with the integers fixed: %s%s (%.1f s into the solve)", r->lp_solves,
             pdlp_status_name(pr.status), ok ? "" : pr.status == PDLP_OPTIMAL ? ", not polished" : "",
             now_seconds() - r->p->start_time);
    solve_log(r->p, line);
    pdlp_result_free(&pr);
    return ok;
}

/* w.x as the best plan when it is one and cheaper; the progress callback hears of it at once */
static void keep_if_better(mip_route *r)
{
    if (!round_plan_is_plan(&r->w)) return;
    double c = round_plan_cost(&r->w);
    if (c >= r->best_cost) return;
    r->best_cost = c;
    memcpy(r->best, r->w.x, ((size_t)r->m->ncols + 1) * sizeof *r->best);
    const solve_params *p = r->p;
    if (!p->on_progress) return;
    const pdlp_result *root = r->relaxation;
    int bounded = root->status == PDLP_OPTIMAL && root->polished_dual;
    double bound = root->dual_obj + r->m->obj_constant;
    scopt_progress pr = {"mip", now_seconds() - p->start_time, 1, c, bounded ? bound : -HUGE_VAL,
                         bounded ? fabs(c - bound) / fmax(1e-9, fabs(c)) : -1};
    p->on_progress(&pr, p->progress_user);
}

/* the descent on w.x with flows below MIP_ZERO_FLOW as zero: how many integers moved */
static int descend_from_flows(mip_route *r)
{
    const scopt_model *m = r->m;
    for (int j = 0; j < m->ncols; j++)
        if (!m->is_int[j] && fabs(r->w.x[j + 1]) <= MIP_ZERO_FLOW) r->w.x[j + 1] = 0;
    return round_plan_descend(&r->w);
}

/* bound propagation (round_plan_propagate) with the integers at w.x: 1 when it proves the LP
 * of the rest infeasible, which spares a PDLP solve (on M the rounding up with minimums closed
 * left a balance that the open setups' minimum lots drew from but the closed orders no longer
 * fed) */
static int infeasible_by_bounds(mip_route *r)
{
    int row, reopened = 0, closed = 0;
    /* a row the integers leave unmeetable: undo the closings near it, while that helps; where
     * it does not, close what overforces the row (S3: a parent's minimum lot, opened from a
     * trace in the relaxation, overdrew a component two balances away) */
    round_plan_unpin(&r->w);
    for (int round = 0; (row = round_plan_propagate(&r->w, MIP_PROPAGATION_PASSES)) >= 0 && round < MIP_REPAIRS; round++) {
        int moved = round_plan_reopen_near(&r->w, row, r->relaxation->x);
        if (moved > 0) { reopened += moved; continue; }
        if (moved < 0 || (moved = round_plan_close_forcing(&r->w, row, r->relaxation->x)) <= 0) break;
        closed += moved;
    }
    char name[160], line[300];
    if (reopened || closed) {
        snprintf(line, sizeof line, "pdlp mip: %d integers reopened and %d closed where the bounds left a row "
                 "unmeetable%s", reopened, closed,
                 row >= 0 ? ", not enough" : r->best_cost < DBL_MAX ? "; not solved, a plan exists" : "");
        solve_log(r->p, line);
    }
    /* a repaired rounding is a last resort: on M its LP was still infeasible (which the bounds
     * did not show) and took 200 s that the site closings then lacked */
    if (row < 0) return (reopened || closed) && r->best_cost < DBL_MAX;
    model_row_name(r->m, row, name, sizeof name);
    snprintf(line, sizeof line, "pdlp mip: these integers leave no plan (row %s cannot be met within the bounds); "
             "not solved", name);
    solve_log(r->p, line);
    return 1;
}

/* the roundings tried, in this order, the cheapest plan kept (see the top of the file) */
typedef struct { int mode, close_below_minimum; } rounding;
static const rounding ROUNDINGS[] = {{ROUND_UP, 0}, {ROUND_UP, 1}, {ROUND_NEAREST, 1}};


/* steps 2-4 in one rounding: 1 when a plan was found, 0 when not, -1 on an error */
static int round_mode(mip_route *r, rounding how, scopt_error *err)
{
    const scopt_model *m = r->m;
    const double *x = r->relaxation->x;
    for (int j = 0; j < m->ncols; j++)
        r->w.x[j + 1] = m->is_int[j] ? round_plan_value(m, j, x[j], how.mode, 0) : x[j];
    int closed = how.close_below_minimum ? round_plan_close_below_minimum(&r->w, x) : 0;
    int lowered = descend_from_flows(r);
    char line[200];
    snprintf(line, sizeof line, "pdlp mip: integers rounded %s from the relaxation; %d setups and orders below "
             "their minimum closed, %d integers lowered to what the flows need",
             how.mode == ROUND_UP ? "up" : "to the nearest", closed, lowered);
    solve_log(r->p, line);
    if (infeasible_by_bounds(r)) return 0;
    int rc = solve_rest(r, err);
    if (rc <= 0) return rc;
    keep_if_better(r);
    if (r->best_cost == DBL_MAX) return 0;
    if (!solve_stopped(r->p) && descend_from_flows(r) > 0) {
        if ((rc = solve_rest(r, err)) < 0) return -1;
        if (rc > 0) keep_if_better(r);
    }
    return 1;
}

/* step 5: each optional site open in the best plan closed in turn (the dearest first), the
 * rest solved again; kept when cheaper. Sites are few and dear, and rounding opens a site the
 * relaxation used a little (a two-warehouse network: both open, 287.5, where the optimum
 * opens one, 189.5). Returns -1 on an error. */
static int close_sites(mip_route *r, scopt_error *err)
{
    const scopt_model *m = r->m;
    size_t bytes = ((size_t)m->ncols + 1) * sizeof *r->best;
    int *tried = calloc((size_t)m->ncols + 1, sizeof *tried);
    if (!tried) return error_set(err, SCOPT_ENOMEM, "out of memory for the PDLP route of the MIP"), -1;
    for (;;) {
        int site = -1;
        for (int j = 0; j < m->ncols; j++)
            if (m->is_int[j] && m->cm[j].kind == V_OPEN && !tried[j] && r->best[j + 1] >= 1 && m->lb[j] < 1 &&
                (site < 0 || m->cost[j] > m->cost[site]))
                site = j;
        if (site < 0 || solve_stopped(r->p)) break;
        tried[site] = 1;
        memcpy(r->w.x, r->best, bytes);
        r->w.x[site + 1] = 0;
        if (round_plan_propagate(&r->w, MIP_PROPAGATION_PASSES) >= 0) continue; /* the site is needed */
        int rc = solve_rest(r, err);
        if (rc < 0) { free(tried); return -1; }
        if (rc > 0) {
            keep_if_better(r);
            if (!solve_stopped(r->p) && descend_from_flows(r) > 0 && (rc = solve_rest(r, err)) != 0) {
                if (rc < 0) { free(tried); return -1; }
                keep_if_better(r);
            }
        }
    }
    free(tried);
    return 0;
}

static void route_free(mip_route *r)
{
    round_plan_free(&r->w);
    free(r->lb);
    free(r->ub);
    free(r->best);
}

static int route_init(mip_route *r, const scopt_model *m, const solve_params *p)
{
    memset(r, 0, sizeof *r);
    r->m = m;
    r->p = p;
    r->best_cost = DBL_MAX;
    size_t n = (size_t)m->ncols + 1;
    r->lb = malloc(n * sizeof *r->lb);
    r->ub = malloc(n * sizeof *r->ub);
    r->best = malloc(n * sizeof *r->best);
    if (round_plan_init(&r->w, m) || !r->lb || !r->ub || !r->best) { route_free(r); return -1; }
    memcpy(r->lb, m->lb, (size_t)m->ncols * sizeof *r->lb);
    memcpy(r->ub, m->ub, (size_t)m->ncols * sizeof *r->ub);
    return 0;
}

/* the relaxation's verdict when PDLP gave no point to round: 1 when r is final. A point that
 * its share of the time limit stopped short of the tolerance still rounds (without a proven
 * bound), unless the whole limit or the cancel flag stopped it. */
static int relaxation_verdict(const pdlp_result *pr, const solve_params *p, solve_result *r, int *run_simplex)
{
    switch (pr->status) {
    case PDLP_OPTIMAL: return 0;
    case PDLP_TIME_LIMIT:
        if (pr->x && !solve_stopped(p)) return 0;
        r->status = SCOPT_SOLVE_NO_PLAN;
        r->limit_reached = 1;
        return 1;
    case PDLP_PRIMAL_INFEASIBLE: r->status = SCOPT_SOLVE_INFEASIBLE; return 1;
    case PDLP_DUAL_INFEASIBLE: r->status = SCOPT_SOLVE_UNBOUNDED; return 1;
    case PDLP_NUMERICAL: *run_simplex = 1; return 1;
    default: /* a limit or the cancel flag: no plan */
        r->status = SCOPT_SOLVE_NO_PLAN;
        r->limit_reached = 1;
        r->cancelled = pr->status == PDLP_CANCELLED;
        return 1;
    }
}

/* the plan found (or none) and its gap to the relaxation's proven bound */
static void route_result(mip_route *rt, double seconds, solve_result *r)
{
    const scopt_model *m = rt->m;
    const solve_params *p = rt->p;
    const pdlp_result *root = rt->relaxation;
    size_t bytes = ((size_t)m->ncols + 1) * sizeof *rt->best;
    r->iterations = root->iterations + rt->iterations;
    r->pdlp.mip_lp_solves = rt->lp_solves;
    r->pdlp.mip_iterations = rt->iterations;
    r->pdlp.mip_seconds = seconds;
    if (root->status == PDLP_OPTIMAL && root->polished_dual) r->best_bound = r->lp_bound = root->dual_obj + m->obj_constant;
    if (rt->best_cost == DBL_MAX) {
        r->status = SCOPT_SOLVE_NO_PLAN;
        r->limit_reached = solve_stopped(p);
        r->cancelled = cancel_requested(p->cancel);
        solve_log(p, solve_stopped(p) ? "pdlp mip: no plan: stopped (time limit or cancel) before one"
                          : "pdlp mip: no plan: the LP with the integers fixed was infeasible in both roundings");
        return;
    }
    memcpy(rt->w.x, rt->best, bytes);
    round_plan_descend(&rt->w); /* exact: the rows still hold */
    if (round_plan_is_plan(&rt->w)) memcpy(rt->best, rt->w.x, bytes);
    else memcpy(rt->w.x, rt->best, bytes);
    r->pdlp.plan_point = "rounded";
    r->has_solution = 1;
    r->heuristic_plans = 1;
    memcpy(r->x, rt->best + 1, (size_t)m->ncols * sizeof *r->x);
    r->objective = round_plan_cost(&rt->w);
    if (r->best_bound > -DBL_MAX) r->gap = fabs(r->objective - r->best_bound) / fmax(1e-9, fabs(r->objective));
    r->status = r->gap >= 0 && r->gap <= p->mip_gap ? SCOPT_SOLVE_OPTIMAL : SCOPT_SOLVE_FEASIBLE;
    if (r->status == SCOPT_SOLVE_FEASIBLE && solve_stopped(p)) r->limit_reached = 1, r->cancelled = cancel_requested(p->cancel);
    char line[300];
    if (r->gap >= 0)
        snprintf(line, sizeof line, "pdlp mip: plan %.10g, the relaxation's proven bound %.10g: gap %.3g (%d LPs after the "
                 "relaxation, %ld PDLP iterations in all)", r->objective, r->best_bound, r->gap, rt->lp_solves, r->iterations);
    else
        snprintf(line, sizeof line, "pdlp mip: plan %.10g; no proven bound (the relaxation's duals were not polished)",
                 r->objective);
    solve_log(p, line);
}

scopt_status pdlp_mip_solve(const scopt_model *m, const solve_params *p, solve_result *r, int *run_simplex,
                            scopt_error *err)
{
    mip_route rt;
    pdlp_result root;
    *run_simplex = 0;
    if (route_init(&rt, m, p)) return error_set(err, SCOPT_ENOMEM, "out of memory for the PDLP route of the MIP");
    pdlp_problem prob = pdlp_problem_of(m);
    solve_params q = *p; /* the relaxation gets at most MIP_RELAXATION_SHARE of the time left */
    if (p->time_limit > 0) {
        double used = now_seconds() - p->start_time;
        q.time_limit = used + MIP_RELAXATION_SHARE * fmax(0, p->time_limit - used);
    }
    scopt_status s = pdlp_lp_run(m, &prob, PDLP_RUN_POLISHED, NULL, &q, &root, &rt.backend, err);
    if (s != SCOPT_OK) { route_free(&rt); return s; }
    pdlp_lp_info(p, m, &root, rt.backend, &r->pdlp);
    r->method = "pdlp-rounding";
    r->iterations = root.iterations;
    if (relaxation_verdict(&root, p, r, run_simplex)) {
        pdlp_result_free(&root);
        route_free(&rt);
        return SCOPT_OK;
    }
    rt.relaxation = &root;
    double t0 = now_seconds();
    int rc = 0;
    for (size_t k = 0; k < sizeof ROUNDINGS / sizeof *ROUNDINGS && !solve_stopped(p) && rc >= 0; k++)
        rc = round_mode(&rt, ROUNDINGS[k], err);
    if (rc >= 0 && rt.best_cost < DBL_MAX) rc = close_sites(&rt, err);
    if (rc >= 0) route_result(&rt, now_seconds() - t0, r);
    pdlp_result_free(&root);
    route_free(&rt);
    return rc < 0 ? (err && err->code ? err->code : SCOPT_EINTERNAL) : SCOPT_OK;
}
