/* test_pdlp_polish.c - feasibility polishing (--pdlp-finish polish, solver/pdlp_polish.c):
 *  - on generated LPs, against GLPK's simplex optimum (the independent method): the plan meets
 *    every row to 1e-10 relative and every bound exactly; its cost is no lower than the optimum
 *    and the polished duals' bound no higher (a valid bound: both within rounding); the status
 *    is optimal exactly when the gap between them is within --pdlp-tol;
 *  - the rounds: with no budget to go on, one round, and the answer is still the polished point
 *    (its products consistent with it, its rows met to the absolute criterion too); without
 *    polishing the point is PDLP's;
 *  - the rounds leave PDLP's trajectory alone (a second round polishes the point a plain run
 *    stopped there has), and the checkpoint file gets where PDLP went on to;
 *  - the cancel flag after the first round: that round's point is the plan, status cancelled;
 *  - the options: polish accepted, an unknown finish refused. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, close */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "harness.h"
#include "test_rand.h"
#include "glpk_driver.h"
#include "pdlp.h"
#include "pdlp_lps.h"
#include "util.h"

/* the largest violation of md's rows by x, relative to 1 + |row bounds|_2 (PDLP's measure) */
static double row_violation(const scopt_model *md, const double *x)
{
    double *act = calloc((size_t)md->nrows + 1, sizeof *act), worst = 0, bnorm = 0;
    for (size_t e = 0; e < md->nnz; e++) act[md->ai[e]] += md->av[e] * x[md->aj[e]];
    for (int i = 0; i < md->nrows; i++) {
        double lo = md->rlo[i], hi = md->rhi[i], b = 0;
        if (lo > -SCOPT_INF) b = fabs(lo), worst = fmax(worst, lo - act[i]);
        if (hi < SCOPT_INF) b = fmax(b, fabs(hi)), worst = fmax(worst, act[i] - hi);
        bnorm += b * b;
    }
    free(act);
    return worst / (1 + sqrt(bnorm));
}

static int within_bounds(const scopt_model *md, const double *x)
{
    for (int j = 0; j < md->ncols; j++)
        if (x[j] < md->lb[j] || x[j] > md->ub[j]) return 0;
    return 1;
}

TEST(polished_plans_are_feasible_and_bounded)
{
    int sizes[][3] = {{10, 15, 3}, {20, 30, 4}, {40, 60, 4}, {80, 120, 5}, {150, 200, 5}};
    int optimal = 0, feasible = 0, rounds_above_one = 0;
    for (unsigned seed = 1; seed <= 15; seed++) {
        int *sz = sizes[seed % 5];
        scopt_model *md = random_lp(seed, sz[0], sz[1], sz[2]);
        solve_params p;
        solve_result ref, r;
        scopt_error err;
        lp_solve_params(&p, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0);
        CHECK(glpk_solve(md, &p, &ref, &err) == SCOPT_OK && ref.status == SCOPT_SOLVE_OPTIMAL);
        lp_solve_params(&p, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_POLISH, 0);
        CHECK(glpk_solve(md, &p, &r, &err) == SCOPT_OK && r.has_solution);
        if (r.has_solution && ref.status == SCOPT_SOLVE_OPTIMAL) {
            double opt = ref.objective, scale = 1 + fabs(opt);
            CHECK_STR(r.pdlp.plan_point, "polished");
            CHECK_STR(r.pdlp.finish, "polish");
            CHECK(r.pdlp.polished_primal && r.pdlp.polished_dual);
            CHECK(row_violation(md, r.x) <= 1e-10);
            CHECK(within_bounds(md, r.x));
            CHECK(r.objective >= opt - 1e-9 * scale); /* a feasible plan cannot beat the optimum */
            CHECK(r.best_bound <= opt + 1e-7 * scale); /* the polished duals' bound is valid */
            CHECK(r.best_bound <= r.objective);
            int within = r.pdlp.rel_gap <= 1e-4;
            CHECK_EQ_INT(r.status, within ? SCOPT_SOLVE_OPTIMAL : SCOPT_SOLVE_FEASIBLE);
            optimal += within, feasible += !within;
            rounds_above_one += r.pdlp.polish_rounds > 1;
            if (!(r.objective >= opt - 1e-9 * scale) || !(r.best_bound <= opt + 1e-7 * scale))
                fprintf(stderr, "  seed %u: plan %.12g, bound %.12g, optimum %.12g\n", seed, r.objective, r.best_bound,
                        opt);
            solve_result_free(&r);
        }
        solve_result_free(&ref);
        model_free(md);
    }
    /* measured: 15 of 15 within the tolerance, 7 of them after more than one round */
    CHECK(optimal > 0 && rounds_above_one > 0);
    (void)feasible;
}

/* pdlp_solve with polishing and a budget of one round: the answer is that round's polished
 * point, its row activities and reduced costs those of the point */
TEST(one_round_keeps_the_polished_point)
{
    scopt_model *md = random_lp(7, 80, 120, 5);
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_params prm;
    pdlp_result a, b;
    pdlp_params_init(&prm);
    prm.polish_tol = 1e-10;
    prm.polish_abs = 1e-11; /* in the LP's units: |b| is about 100 here, so 1e-10 relative is not enough */
    prm.polish_factor = 1e-9; /* no iterations to go on with after the first round */
    CHECK(pdlp_solve(&p, &prm, &a, NULL) == SCOPT_OK && a.status == PDLP_OPTIMAL);
    CHECK_EQ_INT(a.polish_rounds, 1);
    CHECK(a.polished_primal && a.rel_primal_residual <= 1e-10 && a.primal_residual <= 1e-11);
    CHECK(row_violation(md, a.x) <= 1e-10);
    double *act = calloc((size_t)md->nrows, sizeof *act), worst = 0;
    for (size_t e = 0; e < md->nnz; e++) act[md->ai[e]] += md->av[e] * a.x[md->aj[e]];
    for (int i = 0; i < md->nrows; i++) worst = fmax(worst, fabs(act[i] - a.row_activity[i]) / (1 + fabs(act[i])));
    CHECK(worst <= 1e-12);
    free(act);
    pdlp_params_init(&prm); /* no polishing: PDLP's point, no round */
    CHECK(pdlp_solve(&p, &prm, &b, NULL) == SCOPT_OK && b.status == PDLP_OPTIMAL);
    CHECK(b.polish_rounds == 0 && !b.polished_primal && b.iterations == a.iterations_at_tol);
    pdlp_result_free(&a);
    pdlp_result_free(&b);
    model_free(md);
}

/* an absolute criterion that rounding makes out of reach (the LP's values scaled by 1e12: one
 * unit in the last place of a row is 1e-4): the phase stalls and ends early, met by the relative
 * criterion, instead of spinning its whole budget */
TEST(stalled_phase_ends_early)
{
    scopt_model *md = random_lp(7, 80, 120, 5);
    scale_bounds(md, 1e12);
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_params prm;
    pdlp_result a;
    pdlp_params_init(&prm);
    prm.polish_tol = 1e-10;
    prm.polish_abs = 1e-7;
    prm.polish_factor = 1e-9; /* one round */
    CHECK(pdlp_solve(&p, &prm, &a, NULL) == SCOPT_OK && a.status == PDLP_OPTIMAL);
    CHECK(a.polished_primal && a.rel_primal_residual <= 1e-10 && a.primal_residual > 1e-7);
    /* each phase's budget is the run's iterations (at least 1,024): a spun budget is both */
    CHECK(a.polish_iterations < 2 * (a.iterations > 1024 ? a.iterations : 1024));
    pdlp_result_free(&a);
    model_free(md);
}

/* the cancel flag set when the first round has polished: the plan is that round's point,
 * status cancelled (a plan, as scopt_options.cancel promises) */
static void cancel_at_polish(const char *line, void *user)
{
    if (!strncmp(line, "pdlp polish at", 14)) *(volatile int *)user = 1;
}

TEST(cancel_keeps_the_polished_point)
{
    volatile int flag = 0;
    int found = 0;
    for (unsigned seed = 1; seed <= 15 && !found; seed++) { /* an LP that needs a second round */
        scopt_model *md = random_lp(seed, 80, 120, 5);
        solve_params p;
        solve_result r;
        scopt_error err;
        lp_solve_params(&p, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_POLISH, 0);
        flag = 0;
        p.quiet = 0;
        p.on_log = cancel_at_polish;
        p.log_user = (void *)&flag;
        p.cancel = &flag;
        CHECK(glpk_solve(md, &p, &r, &err) == SCOPT_OK);
        if (r.pdlp.polish_rounds == 1 && r.pdlp.rel_gap > 1e-4) { /* cut after its first round */
            found = 1;
            CHECK(r.has_solution && r.cancelled && r.limit_reached);
            CHECK_EQ_INT(r.status, SCOPT_SOLVE_FEASIBLE);
            CHECK_STR(r.pdlp.plan_point, "polished");
            CHECK(row_violation(md, r.x) <= 1e-10);
        }
        solve_result_free(&r);
        model_free(md);
    }
    CHECK(found);
}

/* the rounds leave PDLP's own trajectory alone: the point a second round polishes is the point a
 * plain run stopped by an iteration limit there has (its residuals and gap as logged) */
typedef struct round_log {
    long at;
    char stats[96];
} round_log;

static void second_round(const char *line, void *user)
{
    round_log *r = user;
    long at;
    const char *rp = strstr(line, "rp "), *rd = strstr(line, "rd "), *gap = strstr(line, "gap ");
    if (strncmp(line, "pdlp polish at ", 15) || sscanf(line + 15, "%ld", &at) != 1 || !rp || !rd || !gap) return;
    if (r->at == 0) r->at = -1; /* the first round */
    else if (r->at == -1) {
        r->at = at;
        snprintf(r->stats, sizeof r->stats, "%.7s %.7s %.7s", rp + 3, rd + 3, gap + 4);
    }
}

TEST(rounds_leave_the_trajectory_alone)
{
    int found = 0;
    for (unsigned seed = 1; seed <= 15 && !found; seed++) {
        scopt_model *md = random_lp(seed, 80, 120, 5);
        pdlp_problem p = pdlp_problem_of(md);
        pdlp_params prm;
        pdlp_result a, b;
        round_log log = {0, ""};
        char ckpt[] = "/tmp/scopt-polish-ckpt-XXXXXX";
        int fd = mkstemp(ckpt);
        if (fd >= 0) close(fd);
        pdlp_params_init(&prm);
        prm.checkpoint = ckpt;
        prm.polish_tol = 1e-10;
        prm.on_log = second_round;
        prm.log_user = &log;
        CHECK(pdlp_solve(&p, &prm, &a, NULL) == SCOPT_OK);
        if (log.at > 0) {
            found = 1;
            pdlp_params_init(&prm);
            prm.tol = 1e-12;
            prm.iteration_limit = log.at;
            CHECK(pdlp_solve(&p, &prm, &b, NULL) == SCOPT_OK && b.iterations == log.at);
            char want[96];
            snprintf(want, sizeof want, "%.1e %.1e %.1e", b.rel_primal_residual, b.rel_dual_residual, b.rel_gap);
            CHECK_STR(log.stats, want);
            pdlp_result_free(&b);
            /* the checkpoint file holds where PDLP went on to, not the point of the tolerance */
            pdlp_params_init(&prm);
            prm.checkpoint = ckpt;
            prm.iteration_limit = a.iterations + 1;
            CHECK(a.iterations > a.iterations_at_tol);
            CHECK(pdlp_solve(&p, &prm, &b, NULL) == SCOPT_OK && b.resumed_from == a.iterations);
            pdlp_result_free(&b);
        }
        remove(ckpt);
        pdlp_result_free(&a);
        model_free(md);
    }
    CHECK(found);
}

TEST(options)
{
    scopt_options o;
    scopt_plan *plan = NULL;
    scopt_error err;
    scopt_network *net = NULL;
    CHECK(scopt_network_read_dir("tests/data/conformance/lp-tiny", NULL, &net, NULL) == SCOPT_OK);
    if (!net) return;
    scopt_options_init(&o);
    o.device = SCOPT_DEVICE_CPU;
    o.lp_method = SCOPT_LP_PDLP;
    o.pdlp_finish = SCOPT_PDLP_FINISH_POLISH;
    CHECK(scopt_solve(net, &o, &plan, &err) == SCOPT_OK && plan);
    char *json = plan ? scopt_plan_summary_json(plan) : NULL;
    CHECK(json && strstr(json, "\"pdlp_finish\": \"polish\"") && strstr(json, "\"plan_point\": \"polished\"") &&
          strstr(json, "\"primal_polished\": true"));
    scopt_free(json);
    scopt_plan_free(plan);
    plan = NULL;
    o.pdlp_finish = (scopt_pdlp_finish)4;
    CHECK(scopt_solve(net, &o, &plan, &err) == SCOPT_EUSAGE && !plan && strstr(err.message, "polish"));
    scopt_network_free(net);
}

int main(void)
{
    static const harness_test tests[] = {T(polished_plans_are_feasible_and_bounded),
                                         T(one_round_keeps_the_polished_point), T(cancel_keeps_the_polished_point),
                                         T(rounds_leave_the_trajectory_alone), T(stalled_phase_ends_early),
                                         T(options)};
    return harness_run(tests, (int)(sizeof tests / sizeof tests[0]), "pdlp_polish");
}
