/* pdlp_lps.h - test helper: LPs for the PDLP tests (test_pdlp.c, test_pdlp_checkpoint.c,
 * test_pdlp_polish.c): a deterministic generator of feasible, bounded LPs, the same LP in other
 * units, the driver's parameters for a quiet CPU solve, and a dataset solved through scopt_solve
 * (a model as a pdlp_problem: pdlp.h's pdlp_problem_of). Include after harness.h and
 * test_rand.h. */
#ifndef SCOPT_TEST_PDLP_LPS_H
#define SCOPT_TEST_PDLP_LPS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "glpk_driver.h"
#include "model.h"
#include "pdlp.h"
#include "scopt.h"
#include "util.h"

/* m rows, n columns, about k nonzeros per row; x0 is feasible by construction; columns without
 * an upper bound cost >= 0 and have lower bound 0, so the objective is bounded below */
static inline scopt_model *random_lp(unsigned seed, int m, int n, int k)
{
    lcg r = {seed * 7919ULL + 17};
    scopt_model *md = calloc(1, sizeof *md);
    double *x0 = malloc((size_t)n * sizeof *x0), *act = calloc((size_t)m, sizeof *act);
    for (int j = 0; j < n; j++) {
        x0[j] = urand(&r) < 0.3 ? 0.0 : 10.0 * urand(&r);
        double t = urand(&r), lb = 0, ub = SCOPT_INF, c = 10.0 * urand(&r);
        if (t < 0.35) ub = x0[j] + 5.0 * urand(&r), c -= 6.0;
        else if (t < 0.45) lb = x0[j] - 2.0 * urand(&r), ub = x0[j] + 3.0 * urand(&r), c -= 5.0;
        model_add_col(md, V_BUY, j, 0, lb, ub, c, 0);
    }
    for (int i = 0; i < m; i++) {
        int nz = 1 + (int)(urand(&r) * k);
        for (int q = 0; q < nz; q++) {
            int j = (int)(urand(&r) * n);
            double a = (0.5 + 2.5 * urand(&r)) * (urand(&r) < 0.5 ? -1 : 1);
            int dup = 0;
            for (size_t e = 0; e < md->nnz; e++) dup |= md->ai[e] == i && md->aj[e] == j;
            if (!dup) { model_add_coef(md, i, j, a); act[i] += a * x0[j]; }
        }
        double t = urand(&r), lo = -SCOPT_INF, hi = SCOPT_INF;
        if (t < 0.3) lo = hi = act[i];
        else if (t < 0.6) hi = act[i] + 3.0 * urand(&r);
        else if (t < 0.9) lo = act[i] - 3.0 * urand(&r);
        else lo = act[i] - urand(&r), hi = act[i] + urand(&r);
        model_add_row(md, R_BALANCE, i, 0, lo, hi);
    }
    free(x0);
    free(act);
    return md;
}

/* the driver's parameters for an LP solved quietly on the CPU (tol: --pdlp-tol, <= 0 default) */
static inline void lp_solve_params(solve_params *p, scopt_lp_method method, scopt_pdlp_finish finish, double tol)
{
    memset(p, 0, sizeof *p);
    p->mip_gap = 1e-9;
    p->lp_method = method;
    p->quiet = 1;
    p->start_time = now_seconds();
    p->device = SCOPT_DEVICE_CPU;
    p->pdlp_tol = tol;
    p->pdlp_finish = finish;
}

/* the same LP in other units: every finite column and row bound times s */
static inline void scale_bounds(scopt_model *md, double s)
{
    for (int j = 0; j < md->ncols; j++) {
        if (md->lb[j] > -SCOPT_INF) md->lb[j] *= s;
        if (md->ub[j] < SCOPT_INF) md->ub[j] *= s;
    }
    for (int i = 0; i < md->nrows; i++) {
        if (md->rlo[i] > -SCOPT_INF) md->rlo[i] *= s;
        if (md->rhi[i] < SCOPT_INF) md->rhi[i] *= s;
    }
}

/* a network solved through scopt_solve on the CPU (method, finish, presolve); NULL on failure */
static inline scopt_plan *solve_dataset(const scopt_network *net, scopt_lp_method method, scopt_pdlp_finish finish,
                                        int presolve)
{
    scopt_options opt;
    scopt_error err;
    scopt_plan *plan = NULL;
    scopt_options_init(&opt);
    opt.device = SCOPT_DEVICE_CPU;
    opt.lp_method = method;
    opt.pdlp_finish = finish;
    opt.pdlp_presolve = presolve;
    opt.mip_gap = 1e-6;
    if (scopt_solve(net, &opt, &plan, &err) != SCOPT_OK) fprintf(stderr, "  solve: %s\n", err.message);
    return plan;
}

#endif
