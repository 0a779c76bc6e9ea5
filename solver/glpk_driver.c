/* glpk_driver.c - solve a scopt_model with GLPK: simplex (presolved) or interior point for
 * the LP / the MIP's relaxation, then branch and cut with GLPK's cuts and, on request, its
 * feasibility pump and proximity search. Progress, cancel and the best bound come through
 * the branch-and-cut callback. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "glpk_driver.h"
#include "glpk_guard.h"
#include "glpk_basis.h"
#include "glpk_load.h"
#include "glpk_strategy.h"
#include "pdlp_lp.h"

typedef struct mip_watch {
    const solve_params *p;
    double bound;          /* best node bound seen (without the constant) */
    double last_report;
    glpk_strategy *strategy;
    int nodes;             /* subproblems created so far */
    double last_incumbent; /* reported last (DBL_MAX: none) */
    int timed_out;         /* the callback stopped GLPK at the time limit (GLP_ESTOP, no cancel) */
} mip_watch;

int solve_tm_lim(const solve_params *p)
{
    return p->time_limit > 0 ? glpk_tm_lim_until(p->start_time + p->time_limit) : INT_MAX;
}

void solve_log(const solve_params *p, const char *line)
{
    if (p->on_log && !p->quiet) p->on_log(line, p->log_user);
}

int solve_stopped(const solve_params *p)
{
    return cancel_requested(p->cancel) || (p->time_limit > 0 && now_seconds() - p->start_time >= p->time_limit);
}

static void report(const solve_params *p, const char *phase, int has_inc, double inc, double bound, double gap)
{
    if (!p->on_progress) return;
    scopt_progress pr = {phase, now_seconds() - p->start_time, has_inc, inc, bound, gap};
    p->on_progress(&pr, p->progress_user);
}

static void mip_callback(glp_tree *T, void *info)
{
    mip_watch *w = info;
    /* GLPK calls back at every node and cut round: stop at the first call after the request */
    /* and at the first call after the time limit: glp_intopt looks at its tm_lim only between
     * nodes, so its own cut generators would start after it (S3 as a MIP: Gomory cuts at the
     * root ran 105 s past a 720 s limit) */
    if (solve_stopped(w->p)) {
        w->timed_out = !cancel_requested(w->p->cancel);
        glp_ios_terminate(T);
        return;
    }
    glpk_strategy_callback(w->strategy, T);
    int reason = glp_ios_reason(T);
    if (reason != GLP_ISELECT && reason != GLP_IBINGO && reason != GLP_IHEUR) return;
    glp_ios_tree_size(T, NULL, NULL, &w->nodes);
    int best = glp_ios_best_node(T);
    if (best) w->bound = glp_ios_node_bound(T, best);
    double now = now_seconds();
    glp_prob *P = glp_ios_get_prob(T);
    int has = glp_mip_status(P) == GLP_FEAS || glp_mip_status(P) == GLP_OPT;
    double inc = has ? glp_mip_obj_val(P) : 0;
    /* a new incumbent (also from a heuristic, which raises no GLP_IBINGO) is reported at once */
    if (reason == GLP_IBINGO || (has && inc != w->last_incumbent) || (reason != GLP_IHEUR && now - w->last_report > 0.5)) {
        report(w->p, "mip", has, inc, w->bound, has ? glp_ios_mip_gap(T) : -1); /* node bounds include the constant */
        w->last_report = now;
        w->last_incumbent = has ? inc : DBL_MAX;
    }
}

/* How the simplex starts, by size (docs/solver-settings.md, measured on generated networks):
 * an LP of DUAL_START_MIN_COLS columns or more goes to the dual simplex from the slack basis
 * (dual feasible at once: every cost is >= 0 and every column starts at its lower bound 0) with
 * the long-step ratio test, scaled, without the presolver: 52 s CPU against the presolved
 * primal's 73 s on a 52k-column LP, 206 s on a 101k-column one where the presolved primal was
 * still far from the optimum after as much CPU; on S (10k)
 * the presolved primal is faster (0.98 s against 1.26 s). Under a time limit, an LP of
 * FEASIBLE_START_MIN_COLS or more starts instead from the primal feasible "nothing flows"
 * basis, so that the limit leaves a plan: neither of the others found a feasible point on
 * preset M (199k columns) within their caps. */
#define DUAL_START_MIN_COLS 50000
#define FEASIBLE_START_MIN_COLS 100000

glpk_lp_start glpk_lp_start_for(const scopt_model *m, const solve_params *p)
{
    if (m->nints) return GLPK_LP_PRESOLVED; /* a MIP's relaxation: its basis goes to branch and cut */
    if (p->time_limit > 0 && m->ncols >= FEASIBLE_START_MIN_COLS) return GLPK_LP_NO_FLOW;
    return m->ncols >= DUAL_START_MIN_COLS ? GLPK_LP_DUAL_SLACK : GLPK_LP_PRESOLVED;
}

/* settings of the start chosen; the presolved default needs none */
static void set_start(glp_prob *P, const scopt_model *m, glpk_lp_start start, glp_smcp *sp)
{
    if (start == GLPK_LP_NO_FLOW && glpk_basis_no_flow(P, m) == 0) sp->presolve = GLP_OFF;
    if (start != GLPK_LP_DUAL_SLACK) return;
    sp->presolve = GLP_OFF;
    sp->meth = GLP_DUALP; /* dual, then primal should the dual fail */
    sp->r_test = GLP_RT_FLIP;
    glp_scale_prob(P, GLP_SF_AUTO);
    glp_std_basis(P);
}

static int solve_lp(glp_prob *P, const scopt_model *m, const solve_params *p, solve_result *r)
{
    int ret;
    if (p->lp_method == SCOPT_LP_INTERIOR) {
        glp_iptcp ip;
        glp_init_iptcp(&ip);
        ip.msg_lev = p->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
        r->method = "interior";
        ret = glpk_guard_interior(p->guard, P, &ip);
        if (ret == 0 && glp_ipt_status(P) == GLP_OPT) {
            /* crossover to a vertex so that decoding and the MIP see a basic solution */
            glp_smcp sp;
            glp_init_smcp(&sp);
            sp.msg_lev = p->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
            glp_std_basis(P);
            ret = glpk_guard_simplex(p->guard, P, &sp);
        }
        return ret;
    }
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = p->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
    sp.presolve = GLP_ON;
    sp.tm_lim = solve_tm_lim(p);
    r->method = "simplex";
    /* no crash basis for the presolver: it ignores P's basis and crashes its reduced LP itself */
    set_start(P, m, p->lp_start, &sp);
    ret = glpk_guard_simplex(p->guard, P, &sp);
    if (ret == GLP_ENOPFS || ret == GLP_ENODFS) return ret;
    if (ret != 0 && ret != GLP_ETMLIM) {
        /* retry without presolve from a fresh basis (rare numerical trouble) */
        sp.presolve = GLP_OFF;
        glp_std_basis(P);
        ret = glpk_guard_simplex(p->guard, P, &sp);
    }
    return ret;
}

static void lp_outcome(glp_prob *P, int ret, const scopt_model *m, solve_result *r)
{
    int st = glp_get_status(P);
    r->iterations = glp_get_it_cnt(P);
    if (ret == GLP_ENOPFS || st == GLP_NOFEAS) { r->status = SCOPT_SOLVE_INFEASIBLE; return; }
    if (ret == GLP_ENODFS || st == GLP_UNBND) { r->status = SCOPT_SOLVE_UNBOUNDED; return; }
    r->cancelled = ret == GLP_ESTOP; /* only from a finish after PDLP: GLPK's LP solvers take no flag */
    if (st == GLP_OPT && ret == 0) {
        r->status = SCOPT_SOLVE_OPTIMAL;
        r->has_solution = 1;
        r->objective = glp_get_obj_val(P);
        r->best_bound = r->lp_bound = r->objective;
        r->gap = 0;
    } else if (st == GLP_FEAS) {
        r->status = SCOPT_SOLVE_FEASIBLE;
        r->has_solution = 1;
        r->objective = glp_get_obj_val(P);
        r->limit_reached = 1;
    } else {
        r->status = SCOPT_SOLVE_NO_PLAN;
        r->limit_reached = 1;
    }
    if (r->has_solution && m->nints == 0)
        for (int j = 0; j < m->ncols; j++) r->x[j] = glp_get_col_prim(P, j + 1);
}

static void solve_mip(glp_prob *P, const scopt_model *m, const solve_params *p, solve_result *r, glpk_strategy *strategy)
{
    glp_iocp io;
    mip_watch w = {p, -DBL_MAX, 0, strategy, 0, DBL_MAX, 0};
    glp_init_iocp(&io);
    io.msg_lev = p->quiet ? GLP_MSG_ERR : GLP_MSG_ON;
    io.presolve = GLP_OFF; /* the relaxation is solved: reuse its basis */
    io.mip_gap = p->mip_gap;
    io.tm_lim = solve_tm_lim(p);
    io.cb_func = mip_callback;
    io.cb_info = &w;
    glpk_strategy_iocp(strategy, &io, p->cuts, p->heuristics);
    int ret = glp_intopt(P, &io);
    int st = glp_mip_status(P);
    r->method = "branch-and-cut";
    r->nodes = w.nodes;
    r->heuristic_plans = strategy->heur.found;
    if (st == GLP_OPT || st == GLP_FEAS) {
        r->has_solution = 1;
        r->objective = glp_mip_obj_val(P);
        for (int j = 0; j < m->ncols; j++) r->x[j] = glp_mip_col_val(P, j + 1);
    }
    if (w.bound > -DBL_MAX) r->best_bound = w.bound; /* includes the objective constant */
    if ((st == GLP_OPT && ret == 0) || (r->has_solution && ret == GLP_EMIPGAP)) {
        r->status = SCOPT_SOLVE_OPTIMAL;
        if (ret == 0) r->best_bound = r->objective;
    } else if (st == GLP_NOFEAS) {
        r->status = SCOPT_SOLVE_INFEASIBLE;
    } else {
        r->limit_reached = 1;
        r->cancelled = ret == GLP_ESTOP && !w.timed_out;
        r->status = r->has_solution ? SCOPT_SOLVE_FEASIBLE : SCOPT_SOLVE_NO_PLAN;
    }
    if (r->best_bound < r->lp_bound) r->best_bound = r->lp_bound;
    if (r->has_solution && r->best_bound > -DBL_MAX)
        r->gap = fabs(r->objective - r->best_bound) / fmax(1e-9, fabs(r->objective));
}

/* the relaxation is solved (optimal basis in P): strengthen it, then glp_intopt */
static scopt_status branch_and_cut(glp_prob *P, const scopt_model *m, const solve_params *p, solve_result *r,
                                   scopt_error *err)
{
    glpk_strategy st;
    double deadline = p->time_limit > 0 ? p->start_time + p->time_limit : 0;
    int ours = p->mip_strategy == SCOPT_MIP_AUTO;
    if (glpk_strategy_init(&st, m, ours && p->cuts, ours, deadline, p->cancel))
        return error_set(err, SCOPT_ENOMEM, "out of memory for the branch-and-cut strategy");
    if (glpk_strategy_root(&st, P) == 0 && glp_get_status(P) == GLP_OPT)
        r->best_bound = r->lp_bound = glp_get_obj_val(P);
    solve_mip(P, m, p, r, &st);
    glpk_strategy_free(&st);
    return SCOPT_OK;
}

static scopt_status run(glp_prob *P, const scopt_model *m, const solve_params *p, solve_result *r, scopt_error *err)
{
    int ret = 0;
    pdlp_lp_action act = PDLP_LP_RUN_SIMPLEX;
    glpk_guard_arm(p->guard, p->cancel); /* GLPK's LP solvers stop from its output hook */
    /* an LP whose PDLP point is the answer needs GLPK only when PDLP gives nothing usable: its
     * copy of the model (as large as scopt's) is not made before (preset XL: GLPK refuses 10^8 rows) */
    int pdlp_alone = p->lp_method == SCOPT_LP_PDLP && m->nints == 0 &&
                     (p->pdlp_finish == SCOPT_PDLP_FINISH_NONE || p->pdlp_finish == SCOPT_PDLP_FINISH_POLISH);
    int pdlp_route = p->lp_method == SCOPT_LP_PDLP && m->nints > 0 && p->pdlp_finish == SCOPT_PDLP_FINISH_POLISH;
    if (pdlp_alone) {
        scopt_status s = pdlp_lp_solve(NULL, m, p, r, &act, &ret, err);
        if (s != SCOPT_OK || act == PDLP_LP_DONE) return s;
    }
    if (pdlp_route) { /* a MIP without the simplex (pdlp_mip.c); PDLP gave nothing usable: as usual */
        int run_simplex = 0;
        scopt_status s = pdlp_mip_solve(m, p, r, &run_simplex, err);
        if (s != SCOPT_OK || !run_simplex) return s;
    }
    double t0 = now_seconds();
    if (glpk_load(P, m, NULL, NULL)) return error_set(err, SCOPT_ENOMEM, "out of memory while loading the model into GLPK");
    r->load_seconds = now_seconds() - t0;
    if (p->lp_method == SCOPT_LP_PDLP && !pdlp_alone && !pdlp_route) {
        scopt_status s = pdlp_lp_solve(P, m, p, r, &act, &ret, err);
        if (s != SCOPT_OK) return s;
    }
    if (act == PDLP_LP_RUN_SIMPLEX) ret = solve_lp(P, m, p, r);
    if (act != PDLP_LP_DONE) lp_outcome(P, ret, m, r);
    if (r->pdlp.used && r->has_solution && m->nints == 0 && !r->pdlp.plan_point) r->pdlp.plan_point = "simplex";
    if (m->nints == 0 || r->status != SCOPT_SOLVE_OPTIMAL) {
        if (m->nints && r->status == SCOPT_SOLVE_FEASIBLE) { r->has_solution = 0; r->status = SCOPT_SOLVE_NO_PLAN; }
        return SCOPT_OK;
    }
    r->has_solution = 0;
    r->best_bound = r->lp_bound;
    r->gap = -1;
    report(p, "mip", 0, 0, r->lp_bound, -1);
    glpk_guard_arm(p->guard, NULL); /* branch and cut looks at the flag in its callback */
    return branch_and_cut(P, m, p, r, err);
}

scopt_status glpk_solve(const scopt_model *m, const solve_params *p, solve_result *res, scopt_error *err)
{
    glpk_guard g;
    memset(res, 0, sizeof *res);
    res->best_bound = res->lp_bound = -DBL_MAX;
    res->gap = -1;
    res->method = "simplex";
    res->x = calloc((size_t)m->ncols + 1, sizeof *res->x);
    if (!res->x) return error_set(err, SCOPT_ENOMEM, "out of memory for the solution");
    glp_prob *volatile P = NULL;
    scopt_status s;
    if (glpk_guard_enter(&g, p->on_log, p->log_user, p->quiet) != SCOPT_OK) {
        solve_result_free(res);
        return error_set(err, SCOPT_ENOMEM, "out of memory: GLPK cannot start");
    }
    solve_params q = *p;
    q.guard = &g;
    if (setjmp(g.jump) == 0) {
        P = glp_create_prob();
        s = run(P, m, &q, res, err);
        size_t peak = 0;
        glp_mem_usage(NULL, NULL, NULL, &peak);
        res->glpk_peak_mb = (double)peak / 1048576.0;
        glp_delete_prob(P);
        glpk_guard_leave(&g);
        return s;
    }
    /* GLPK failed or the cancel flag stopped it: its environment (and P) is gone */
    glpk_guard_leave(&g);
    if (g.cancelled) { /* the plan found before, if any (PDLP's point), stays */
        res->limit_reached = res->cancelled = 1;
        if (!res->has_solution) res->status = SCOPT_SOLVE_NO_PLAN;
        return SCOPT_OK;
    }
    return error_set(err, SCOPT_EINTERNAL, "GLPK failed: %s", g.last_error[0] ? g.last_error : "unknown error");
}

void solve_result_free(solve_result *res)
{
    free(res->x);
    res->x = NULL;
}
