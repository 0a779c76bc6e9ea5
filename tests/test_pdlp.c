/* test_pdlp.c - the PDLP solver and its backends (issue 7):
 *  - the CPU backend's operations and kernel bodies against hand-computed values;
 *  - PDLP on generated feasible LPs and on the conformance datasets: objective within the
 *    tolerance of GLPK's simplex optimum (the independent method), residuals under the
 *    tolerance, and after the simplex finish the same optimum as GLPK to 1e-9 relative;
 *  - the sifting finish: several pricing rounds (loose PDLP tolerance, a wrong point) still
 *    give GLPK's optimum to 1e-9, as does the older restricted-LP finish;
 *  - infeasible and unbounded LPs detected; determinism; limits and the cancel flag;
 *  - CPU/CUDA parity (first 100 iterates within 1e-10, final objective and residuals within
 *    the tolerance): counted as skipped when no GPU can be used (SCOPT_REQUIRE_GPU=1 turns the
 *    skip into a failure, for `make gpu-check`); its margin is checked without a GPU against a
 *    CPU twin whose SpMV and reductions are one rounding off (measured: iterates within
 *    2.5e-14 after 100 iterations; 8e-13 with 64 roundings off). */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <math.h>
#include <stdlib.h>
#include "harness.h"
#include "gpu_part.h"
#include "test_rand.h"
#include "glpk_driver.h"
#include "kernels_hd.h"
#include "loader.h"
#include "glpk_load.h"
#include "pdlp.h"
#include "pdlp_lp.h"
#include "pdlp_lps.h"
#include "util.h"

/* objective of md with the given method; NAN when not optimal */
static double solve_with(const scopt_model *md, scopt_lp_method method, scopt_pdlp_finish finish, double tol,
                         solve_result *keep)
{
    solve_params p;
    solve_result r;
    scopt_error err;
    lp_solve_params(&p, method, finish, tol);
    if (glpk_solve(md, &p, &r, &err) != SCOPT_OK) { fprintf(stderr, "  glpk_solve: %s\n", err.message); return NAN; }
    double obj = r.status == SCOPT_SOLVE_OPTIMAL ? r.objective : NAN;
    if (keep) *keep = r;
    else solve_result_free(&r);
    return obj;
}

/* ---- the CPU backend against hand-computed values ---- */
TEST(cpu_backend_ops)
{
    /* A = [1 2 0; 0 -3 4], A' by hand */
    int rp[] = {0, 2, 4}, ci[] = {0, 1, 1, 2}, trp[] = {0, 1, 3, 4}, tci[] = {0, 0, 1, 1};
    double av[] = {1, 2, -3, 4}, tav[] = {1, 2, -3, 4};
    gpu_csr a = {2, 3, 4, rp, ci, av}, at = {3, 2, 4, trp, tci, tav};
    const scopt_backend *be = scopt_backend_cpu();
    gpu_ctx *c;
    gpu_mat *A;
    gpu_vec *x, *y, *z;
    double hx[] = {1, -1, 2}, hy[2], hz[3], out[3];
    CHECK(be->ctx_create(&c, 1, NULL, 0) == 0);
    CHECK(be->mat_create(c, &a, &at, &A) == 0);
    be->vec_create(c, 3, &x); be->vec_create(c, 2, &y); be->vec_create(c, 3, &z);
    be->vec_upload(c, x, hx);
    be->spmv(c, A, 0, x, y);
    be->vec_download(c, y, hy);
    CHECK(hy[0] == -1 && hy[1] == 11);            /* 1-2 ; 3+8 */
    be->spmv(c, A, 1, y, z);
    be->vec_download(c, z, hz);
    CHECK(hz[0] == -1 && hz[1] == -35 && hz[2] == 44); /* -1 ; -2-33 ; 44 */
    be->dot(c, x, z, out);
    CHECK(out[0] == -1 + 35 + 88);
    be->nrm2(c, y, out);
    CHECK_NEAR(out[0], sqrt(122.0), 1e-15);
    be->nrminf(c, z, out);
    CHECK(out[0] == 44);
    be->axpy(c, 2.0, x, z);                      /* z = (1, -37, 48) */
    be->scal(c, 0.5, z);                         /* (0.5, -18.5, 24) */
    be->vec_download(c, z, hz);
    CHECK(hz[0] == 0.5 && hz[1] == -18.5 && hz[2] == 24);
    be->vec_free(c, x); be->vec_free(c, y); be->vec_free(c, z);
    be->mat_free(c, A);
    be->ctx_free(c);
}

TEST(kernel_bodies)
{
    /* primal step: x=1, aty=2, c=3, tau=0.5 -> 1 - 0.5*(1) = 0.5 in [0, 4]; xbar = 0;
     * Halpern w=0.5, rho=1, x0=2: 0.5*(2*0.5-1) + 0.5*2 = 1 */
    double x = 1, aty = 2, c = 3, lb = 0, ub = 4, x0 = 2, xp, xbar, xn;
    hd_primal pa = {0.5, 0.5, 1.0, &x, &c, &lb, &ub, &x0, &xp, &xbar, &xn};
    hd_primal_at(&pa, 0, aty);
    CHECK(xp == 0.5 && xbar == 0 && xn == 1);
    /* dual step of a >= row (rl = 2, ru = inf): y = 0, axbar = 1, sigma = 1: v = -1,
     * yp = -1 + clamp(1, 2, inf) = 1 (> 0: the row pushes up) */
    double y = 0, axbar = 1, rl = 2, ru = INFINITY, y0 = 0, yp, yn;
    hd_dual da = {1.0, 1.0, 0.0, &y, &rl, &ru, &y0, &yp, &yn};
    hd_dual_at(&da, 0, axbar);
    CHECK(yp == 1 && yn == 1);
    /* row stats: ax = 1 below rl = 2, scale 2 -> violation 1/2; y = 1 -> dual term 2 */
    double rs = 2, acc[3] = {0, 0, 0};
    hd_row_stats ra = {0, &axbar, &yp, &rl, &ru, &rs};
    hd_row_stats_at(&ra, 0, acc);
    CHECK(acc[0] == 0.25 && acc[1] == 2);
    /* col stats: lam = 3 - 5 = -2 with ub = 4 finite -> absorbed: dual term -8; c x = 3 */
    double a5 = 5, cs = 1, acc2[3] = {0, 0, 0};
    hd_col_stats ca = {0, &x, &a5, &c, &lb, &ub, &cs};
    hd_col_stats_at(&ca, 0, acc2);
    CHECK(acc2[0] == 0 && acc2[1] == -8 && acc2[2] == 3);
    /* with ub = inf the same lam is a dual residual of 2 */
    double inf = INFINITY, acc3[3] = {0, 0, 0};
    hd_col_stats cb = {0, &x, &a5, &c, &lb, &inf, &cs};
    hd_col_stats_at(&cb, 0, acc3);
    CHECK(acc3[0] == 4 && acc3[1] == 0);
    /* rays: a primal direction may grow only toward an infinite bound; a row dual may be
     * positive only with a finite lower bound */
    double d, one = 1, zero = 0, minf = -INFINITY;
    hd_ray_project_at(0, 0, &d, &one, &zero, &lb, &ub); CHECK(d == 0);
    hd_ray_project_at(0, 0, &d, &one, &zero, &lb, &inf); CHECK(d == 1);
    hd_ray_project_at(0, 1, &d, &one, &zero, &minf, &ub); CHECK(d == 0);
    hd_ray_project_at(0, 1, &d, &one, &zero, &rl, &inf); CHECK(d == 1);
}

/* ---- PDLP itself ---- */
TEST(generated_lps)
{
    int sizes[][3] = {{5, 8, 3}, {10, 15, 3}, {20, 30, 4}, {40, 60, 4}, {80, 120, 5}, {150, 200, 5}};
    for (unsigned seed = 1; seed <= 24; seed++) {
        int *sz = sizes[seed % 6];
        scopt_model *md = random_lp(seed, sz[0], sz[1], sz[2]);
        double ref = solve_with(md, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0, NULL);
        CHECK(!isnan(ref));
        solve_result r;
        double tol = 1e-4, got = solve_with(md, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_NONE, tol, &r);
        /* |pobj - dobj| <= tol (1 + |pobj| + |dobj|) and the residuals: the optimum is within a
         * few tolerances of the PDLP objective */
        CHECK(!isnan(got) && fabs(got - ref) <= 10 * tol * (1 + fabs(ref)));
        CHECK(r.pdlp.rel_primal_residual <= tol && r.pdlp.rel_dual_residual <= tol && r.pdlp.rel_gap <= tol);
        if (!(fabs(got - ref) <= 10 * tol * (1 + fabs(ref)))) fprintf(stderr, "  seed %u: %.10g vs %.10g\n", seed, got, ref);
        solve_result_free(&r);
        double fin = solve_with(md, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, tol, NULL);
        CHECK_NEAR(fin, ref, 1e-9);
        model_free(md);
    }
}

TEST(deterministic)
{
    scopt_model *md = random_lp(99, 60, 90, 4);
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_params prm;
    pdlp_result a, b;
    pdlp_params_init(&prm);
    CHECK(pdlp_solve(&p, &prm, &a, NULL) == SCOPT_OK && pdlp_solve(&p, &prm, &b, NULL) == SCOPT_OK);
    CHECK(a.iterations == b.iterations && a.status == PDLP_OPTIMAL);
    CHECK(!memcmp(a.x, b.x, (size_t)md->ncols * sizeof(double)) && !memcmp(a.y, b.y, (size_t)md->nrows * sizeof(double)));
    pdlp_result_free(&a);
    pdlp_result_free(&b);
    model_free(md);
}

TEST(limits_and_cancel)
{
    scopt_model *md = random_lp(7, 80, 120, 5);
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_params prm;
    pdlp_result r;
    volatile int stop = 1;
    pdlp_params_init(&prm);
    prm.iteration_limit = 100;
    CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK);
    CHECK(r.status == PDLP_ITERATION_LIMIT && r.iterations == 100);
    /* the point is T(z) of iteration 100, not the one of the check at 64 (pdlp.c decides before
     * a step whether a check follows: only such a step writes T(z)): the same bits as a run
     * whose only check is at 100 (the first check restarts nothing, so both runs agree) */
    pdlp_result r2;
    prm.check_every = 100;
    CHECK(pdlp_solve(&p, &prm, &r2, NULL) == SCOPT_OK && r2.iterations == 100);
    CHECK(r.x && r2.x && !memcmp(r.x, r2.x, (size_t)md->ncols * sizeof(double)));
    CHECK(r.y && r2.y && !memcmp(r.y, r2.y, (size_t)md->nrows * sizeof(double)));
    CHECK(r.rel_gap == r2.rel_gap && r.rel_primal_residual == r2.rel_primal_residual);
    prm.check_every = 64;
    pdlp_result_free(&r);
    pdlp_result_free(&r2);
    prm.iteration_limit = 0;
    prm.cancel = &stop;
    CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK);
    /* the flag is looked at after every iteration, not only at the checks */
    CHECK(r.status == PDLP_CANCELLED && r.iterations == 1);
    pdlp_result_free(&r);
    model_free(md);
}

/* --threads: the CPU backend spreads loops of CPU_PAR_MIN (16384) elements or more over its
 * threads, the reductions stay in fixed blocks: 1, 2 and 3 threads give the same iterates bit
 * for bit (an LP large enough that every loop is spread) */
TEST(threads_same_bits)
{
    scopt_model *md = random_lp(11, 6000, 20000, 5);
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_result r[3];
    for (int t = 1; t <= 3; t++) {
        pdlp_params prm;
        pdlp_params_init(&prm);
        prm.iteration_limit = 320;
        prm.threads = t;
        CHECK(pdlp_solve(&p, &prm, &r[t - 1], NULL) == SCOPT_OK && r[t - 1].iterations == 320);
        char want[64];
        snprintf(want, sizeof want, "CPU, %d thread%s", t, t > 1 ? "s" : "");
#ifdef _OPENMP
        CHECK_STR(r[t - 1].device, want);
#else
        CHECK(t == 1 || strstr(r[t - 1].device, "without OpenMP") != NULL);
#endif
    }
    for (int t = 1; t < 3; t++) {
        CHECK(r[t].x && r[0].x && !memcmp(r[t].x, r[0].x, (size_t)md->ncols * sizeof(double)));
        CHECK(r[t].y && r[0].y && !memcmp(r[t].y, r[0].y, (size_t)md->nrows * sizeof(double)));
        CHECK(r[t].rel_gap == r[0].rel_gap && r[t].restarts == r[0].restarts);
    }
    for (int t = 0; t < 3; t++) pdlp_result_free(&r[t]);
    model_free(md);
}

/* restart_max_epoch (pdlp_restart.c): no epoch is longer than the cap (restarts come at the checks,
 * every 64 iterations), and the capped runs still end at GLPK's optimum within the tolerance */
TEST(restart_epoch_cap)
{
    for (unsigned seed = 3; seed <= 5; seed++) {
        scopt_model *md = random_lp(seed, 80, 120, 5);
        pdlp_problem p = pdlp_problem_of(md);
        double ref = solve_with(md, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0, NULL);
        pdlp_params prm;
        pdlp_result r;
        pdlp_params_init(&prm);
        prm.restart_max_epoch = 128;
        prm.tol = 1e-300; /* never met: every epoch runs into the cap */
        prm.iteration_limit = 4096;
        CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK && r.status == PDLP_ITERATION_LIMIT);
        CHECK(r.restarts >= 4096 / 128 - 1);
        if (r.restarts < 4096 / 128 - 1) fprintf(stderr, "  seed %u: status %d, %d restarts\n", seed, r.status, r.restarts);
        pdlp_result_free(&r);
        prm.tol = 1e-4;
        prm.iteration_limit = 0;
        CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK && r.status == PDLP_OPTIMAL);
        CHECK(r.rel_primal_residual <= 1e-4 && r.rel_dual_residual <= 1e-4 && r.rel_gap <= 1e-4);
        CHECK(fabs(r.primal_obj - ref) <= 10 * 1e-4 * (1 + fabs(ref)));
        pdlp_result_free(&r);
        model_free(md);
    }
}

/* going on past the tolerance (pdlp_refine.c): a reachable tighter tolerance is met and reported;
 * an unreachable one ends at its iteration budget with exactly the point that met the tolerance */
TEST(refine_past_tolerance)
{
    int refined = 0;
    for (unsigned seed = 1; seed <= 6; seed++) {
        scopt_model *md = random_lp(seed, 40, 60, 4);
        pdlp_problem p = pdlp_problem_of(md);
        pdlp_params prm;
        pdlp_result a, b, c;
        pdlp_params_init(&prm);
        CHECK(pdlp_solve(&p, &prm, &a, NULL) == SCOPT_OK && a.status == PDLP_OPTIMAL);
        CHECK(a.iterations_at_tol == a.iterations && !a.refined);
        prm.refine_tol = 1e-7;
        prm.refine_factor = 200;
        CHECK(pdlp_solve(&p, &prm, &b, NULL) == SCOPT_OK && b.status == PDLP_OPTIMAL);
        CHECK(b.iterations_at_tol == a.iterations && b.iterations >= a.iterations);
        if (b.refined) {
            refined++;
            CHECK(b.iterations > a.iterations);
            CHECK(b.rel_primal_residual <= 1e-7 && b.rel_dual_residual <= 1e-7 && b.rel_gap <= 1e-7);
        }
        prm.refine_tol = 1e-300; /* never met: back to a's point after a.iterations more */
        prm.refine_factor = 1;
        CHECK(pdlp_solve(&p, &prm, &c, NULL) == SCOPT_OK && c.status == PDLP_OPTIMAL && !c.refined);
        CHECK(c.iterations == 2 * a.iterations && c.iterations_at_tol == a.iterations);
        CHECK(!memcmp(c.x, a.x, (size_t)md->ncols * sizeof(double)) &&
              !memcmp(c.y, a.y, (size_t)md->nrows * sizeof(double)) &&
              !memcmp(c.reduced_cost, a.reduced_cost, (size_t)md->ncols * sizeof(double)) &&
              !memcmp(c.row_activity, a.row_activity, (size_t)md->nrows * sizeof(double)));
        CHECK(c.primal_obj == a.primal_obj && c.rel_gap == a.rel_gap && c.rel_primal_residual == a.rel_primal_residual);
        pdlp_result_free(&a);
        pdlp_result_free(&b);
        pdlp_result_free(&c);
        model_free(md);
    }
    CHECK(refined >= 3);
}

/* a CPU backend whose vec_create fails after `creates_left` vectors: device memory running out
 * when the refinement wants room to keep its point */
static int creates_left;
static int scarce_vec_create(gpu_ctx *c, int n, gpu_vec **out)
{
    if (creates_left-- <= 0) { *out = NULL; return SCOPT_ENOMEM; }
    return scopt_backend_cpu()->vec_create(c, n, out);
}

TEST(refine_without_memory)
{
    scopt_model *md = random_lp(3, 40, 60, 4);
    pdlp_problem p = pdlp_problem_of(md);
    scopt_backend scarce = *scopt_backend_cpu();
    scarce.vec_create = scarce_vec_create;
    pdlp_params prm;
    pdlp_result a, b;
    pdlp_params_init(&prm);
    prm.backend = &scarce;
    creates_left = 1000;
    CHECK(pdlp_solve(&p, &prm, &a, NULL) == SCOPT_OK && a.status == PDLP_OPTIMAL);
    int setup = 1000 - creates_left; /* the vectors PDLP itself needs */
    creates_left = setup + 1;        /* room for one kept vector, not two */
    prm.refine_tol = 1e-7;
    CHECK(pdlp_solve(&p, &prm, &b, NULL) == SCOPT_OK && b.status == PDLP_OPTIMAL && !b.refined);
    CHECK(b.iterations == a.iterations && !memcmp(b.x, a.x, (size_t)md->ncols * sizeof(double)));
    pdlp_result_free(&a);
    pdlp_result_free(&b);
    model_free(md);
}

/* a tiny model from arrays: n columns, m rows, triplets */
static scopt_model *small_lp(int m, int n, const double *c, const double *lb, const double *ub, const double *rlo,
                             const double *rhi, int nnz, const int *ai, const int *aj, const double *av)
{
    scopt_model *md = calloc(1, sizeof *md);
    for (int j = 0; j < n; j++) model_add_col(md, V_BUY, j, 0, lb[j], ub[j], c[j], 0);
    for (int i = 0; i < m; i++) model_add_row(md, R_BALANCE, i, 0, rlo[i], rhi[i]);
    for (int k = 0; k < nnz; k++) model_add_coef(md, ai[k], aj[k], av[k]);
    return md;
}

static void expect_status(scopt_model *md, pdlp_status want, scopt_solve_status solve_want)
{
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_params prm;
    pdlp_result r;
    solve_params sp;
    solve_result sr;
    pdlp_params_init(&prm);
    prm.iteration_limit = 200000;
    CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK);
    CHECK_STR(pdlp_status_name(r.status), pdlp_status_name(want));
    pdlp_result_free(&r);
    for (int finish = 0; finish < 2; finish++) { /* PDLP's verdict, then GLPK's after the finish */
        lp_solve_params(&sp, SCOPT_LP_PDLP, (scopt_pdlp_finish)finish, 1e-4);
        CHECK(glpk_solve(md, &sp, &sr, NULL) == SCOPT_OK);
        CHECK_EQ_INT(sr.status, solve_want);
        solve_result_free(&sr);
    }
    model_free(md);
}

TEST(infeasible_and_unbounded)
{
    int ai[] = {0, 0, 1, 1}, aj[] = {0, 1, 0, 1};
    double one[] = {1, 1, 1, -1}, zero2[] = {0, 0}, ones2[] = {1, 1}, inf2[] = {SCOPT_INF, SCOPT_INF};
    /* x1 + x2 >= 5 with 0 <= x <= 1 */
    double c1[] = {1, 1}, lo1[] = {5}, hi1[] = {SCOPT_INF};
    expect_status(small_lp(1, 2, c1, zero2, ones2, lo1, hi1, 2, ai, aj, one), PDLP_PRIMAL_INFEASIBLE,
                  SCOPT_SOLVE_INFEASIBLE);
    /* x1 + x2 = 3, x1 - x2 = 0, x1 <= 1, x2 >= 0 */
    double c2[] = {1, 2}, ub2[] = {1, SCOPT_INF}, lo2[] = {3, 0}, hi2[] = {3, 0};
    expect_status(small_lp(2, 2, c2, zero2, ub2, lo2, hi2, 4, ai, aj, one), PDLP_PRIMAL_INFEASIBLE,
                  SCOPT_SOLVE_INFEASIBLE);
    /* min -x1 s.t. x1 - x2 <= 1, x >= 0: unbounded */
    int bi[] = {0, 0}, bj[] = {0, 1};
    double bv[] = {1, -1}, c3[] = {-1, 0}, lo3[] = {-SCOPT_INF}, hi3[] = {1};
    expect_status(small_lp(1, 2, c3, zero2, inf2, lo3, hi3, 2, bi, bj, bv), PDLP_DUAL_INFEASIBLE,
                  SCOPT_SOLVE_UNBOUNDED);
}

/* the same LP in other units (every bound and row bound times s, so x* times s and the optimum
 * times s; or every cost times s): PDLP's verdicts do not depend on the units. Before the
 * certificates were measured in the scaled problem, bounds times 1e8 made feasible LPs "primal
 * infeasible" at the first check */
TEST(verdicts_do_not_depend_on_units)
{
    for (unsigned seed = 1; seed <= 6; seed++) {
        scopt_model *md = random_lp(seed, 40, 60, 4);
        double want = solve_with(md, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0, NULL);
        for (double s = 1e4; s <= 1e12; s *= 1e4) {
            scale_bounds(md, s);
            pdlp_problem p = pdlp_problem_of(md);
            pdlp_params prm;
            pdlp_result r;
            pdlp_params_init(&prm);
            CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK);
            CHECK_STR(pdlp_status_name(r.status), "optimal");
            CHECK(fabs(r.primal_obj / s - want) <= 1e-3 * (1 + fabs(want)));
            pdlp_result_free(&r);
            scale_bounds(md, 1 / s);
            for (int j = 0; j < md->ncols; j++) md->cost[j] *= s; /* costs in other units */
            p = pdlp_problem_of(md);
            CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK);
            CHECK_STR(pdlp_status_name(r.status), "optimal");
            CHECK(fabs(r.primal_obj / s - want) <= 1e-3 * (1 + fabs(want)));
            pdlp_result_free(&r);
            for (int j = 0; j < md->ncols; j++) md->cost[j] /= s;
        }
        model_free(md);
    }
    /* an infeasible LP stays infeasible in other units: x1 + x2 >= 5e8 with 0 <= x <= 1e8 */
    int ai[] = {0, 0}, aj[] = {0, 1};
    double one[] = {1, 1}, c[] = {1, 1}, zero2[] = {0, 0}, ub[] = {1e8, 1e8}, lo[] = {5e8}, hi[] = {SCOPT_INF};
    expect_status(small_lp(1, 2, c, zero2, ub, lo, hi, 2, ai, aj, one), PDLP_PRIMAL_INFEASIBLE, SCOPT_SOLVE_INFEASIBLE);
}

/* ---- the conformance datasets through the public API ---- */
static double json_num(const scopt_plan *p, const char *key)
{
    char *json = scopt_plan_summary_json(p), *at = json ? strstr(json, key) : NULL;
    double v = at ? strtod(at + strlen(key), NULL) : NAN;
    scopt_free(json);
    return v;
}

/* an LP dataset through scopt_solve: simplex, PDLP + finish, PDLP alone */
static void check_lp_dataset(const scopt_network *net)
{
    scopt_plan *ref = solve_dataset(net, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0);
    scopt_plan *fin = solve_dataset(net, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, 0);
    scopt_plan *raw = solve_dataset(net, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_NONE, 0);
    CHECK(ref && fin && raw);
    if (ref && fin && raw) {
        double want = scopt_plan_objective(ref), tol = 1e-4;
        CHECK(fabs(scopt_plan_objective(raw) - want) <= 10 * tol * (1 + fabs(want)));
        CHECK(json_num(raw, "\"relative_primal_residual\": ") <= tol);
        CHECK(json_num(raw, "\"relative_dual_residual\": ") <= tol);
        CHECK(json_num(raw, "\"relative_gap\": ") <= tol);
        CHECK_NEAR(scopt_plan_objective(fin), want, 1e-9);
        CHECK_EQ_INT(scopt_plan_status(fin), SCOPT_SOLVE_OPTIMAL);
    }
    scopt_plan_free(ref);
    scopt_plan_free(fin);
    scopt_plan_free(raw);
}

/* a MIP dataset's LP relaxation through the driver: simplex, PDLP alone, PDLP + finish */
static void check_relaxation(const scopt_network *net)
{
    diag_sink d;
    scopt_model *md = NULL;
    diag_init(&d, NULL, NULL);
    CHECK(model_build(net, &d, &md) == SCOPT_OK);
    if (!md) return;
    for (int j = 0; j < md->ncols; j++) md->is_int[j] = 0;
    md->nints = 0;
    double tol = 1e-4, want = solve_with(md, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0, NULL);
    solve_result r;
    double got = solve_with(md, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_NONE, tol, &r);
    CHECK(fabs(got - want) <= 10 * tol * (1 + fabs(want)));
    CHECK(r.pdlp.rel_primal_residual <= tol && r.pdlp.rel_dual_residual <= tol && r.pdlp.rel_gap <= tol);
    solve_result_free(&r);
    CHECK_NEAR(solve_with(md, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, tol, NULL), want, 1e-9);
    model_free(md);
}

static void check_dataset(const char *name)
{
    char dir[256];
    scopt_network *net = NULL;
    snprintf(dir, sizeof dir, "tests/data/conformance/%s", name);
    CHECK(scopt_network_read_dir(dir, NULL, &net, NULL) == SCOPT_OK);
    if (!net) return;
    if (name[0] == 'm') check_relaxation(net);
    else check_lp_dataset(net);
    scopt_network_free(net);
}

/* the MIP path: the root relaxation by PDLP + finish, then branch and cut as usual */
TEST(mip_root_by_pdlp)
{
    scopt_network *net = NULL;
    CHECK(scopt_network_read_dir("tests/data/conformance/mip-tiny-all", NULL, &net, NULL) == SCOPT_OK);
    if (!net) return;
    scopt_plan *ref = solve_dataset(net, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0);
    scopt_plan *got = solve_dataset(net, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_NONE, 0); /* MIPs always finish */
    CHECK(ref && got);
    if (ref && got) {
        CHECK_NEAR(scopt_plan_objective(got), 1902.172, 1e-6); /* tests/data/conformance/expected.csv */
        CHECK_NEAR(json_num(got, "\"lp_bound\": "), json_num(ref, "\"lp_bound\": "), 1e-9);
        CHECK(json_num(got, "\"finish_iterations\": ") >= 0);
    }
    scopt_plan_free(ref);
    scopt_plan_free(got);
    scopt_network_free(net);
}

/* the sifting finish with a loose PDLP tolerance (1e-2): the first working set misses columns,
 * pricing brings them in over several rounds; the optimum is GLPK's simplex optimum (1e-9), and
 * the older restricted-LP finish agrees */
TEST(sifting_loose_tolerance)
{
    int sizes[][3] = {{40, 60, 4}, {80, 120, 5}, {150, 200, 5}, {300, 400, 5}};
    int sifted = 0, multi_round = 0;
    for (unsigned seed = 1; seed <= 12; seed++) {
        int *sz = sizes[seed % 4];
        scopt_model *md = random_lp(seed + 100, sz[0], sz[1], sz[2]);
        double ref = solve_with(md, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0, NULL);
        solve_result r;
        double got = solve_with(md, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, 1e-2, &r);
        CHECK(!isnan(ref));
        CHECK_NEAR(got, ref, 1e-9);
        if (r.pdlp.start_basis && !strcmp(r.pdlp.start_basis, "sifting")) {
            sifted++;
            multi_round += r.pdlp.finish_rounds >= 2;
        }
        solve_result_free(&r);
        CHECK_NEAR(solve_with(md, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_RESTRICTED, 1e-2, NULL), ref, 1e-9);
        model_free(md);
    }
    /* measured: all 12 go through sifting, and most need more than one round */
    CHECK(sifted >= 10);
    CHECK(multi_round >= 6);
}

/* sifting from a wrong point: x at the bound nearest 0, y = 0, d = c. Fixing every column
 * with c != 0 at that bound leaves the restricted LP infeasible (columns join by |d|), and
 * pricing must then undo the wrong fixings (measured: 2 rounds each): GLPK's optimum all the same */
TEST(sifting_from_wrong_point)
{
    for (unsigned seed = 1; seed <= 6; seed++) {
        scopt_model *md = random_lp(seed + 200, 120, 180, 5);
        double ref = solve_with(md, SCOPT_LP_SIMPLEX, SCOPT_PDLP_FINISH_SIMPLEX, 0, NULL);
        pdlp_result pr;
        memset(&pr, 0, sizeof pr);
        pr.x = calloc((size_t)md->ncols, sizeof *pr.x);
        pr.reduced_cost = calloc((size_t)md->ncols, sizeof *pr.reduced_cost);
        pr.y = calloc((size_t)md->nrows, sizeof *pr.y);
        pr.row_activity = calloc((size_t)md->nrows, sizeof *pr.row_activity);
        for (int j = 0; j < md->ncols; j++) {
            pr.x[j] = fmin(fmax(0.0, md->lb[j]), md->ub[j]);
            pr.reduced_cost[j] = md->cost[j];
        }
        for (size_t e = 0; e < md->nnz; e++) pr.row_activity[md->ai[e]] += md->av[e] * pr.x[md->aj[e]];
        glp_term_out(GLP_OFF);
        glp_prob *P = glp_create_prob();
        solve_params sp;
        plan_pdlp_info info;
        memset(&info, 0, sizeof info);
        lp_solve_params(&sp, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, 1e-4);
        CHECK(glpk_load(P, md, NULL, NULL) == 0);
        int ret = pdlp_finish_simplex(P, &pr, &sp, &info);
        CHECK(ret == 0 && glp_get_status(P) == GLP_OPT);
        CHECK_NEAR(glp_get_obj_val(P), ref, 1e-9);
        CHECK_STR(info.start_basis, "sifting");
        CHECK(info.finish_rounds >= 2);
        if (getenv("SIFT_DEBUG")) fprintf(stderr, "  seed %u: %d rounds, %ld restricted iterations, %ld full\n", seed,
                                          info.finish_rounds, info.finish_iterations_restricted, info.finish_iterations);
        glp_delete_prob(P);
        glp_term_out(GLP_ON);
        pdlp_result_free(&pr);
        model_free(md);
    }
}

/* the cancel flag stops the simplex finish, set on GLPK's first output line after the
 * sifting logs its first working set (seen at once, inside GLPK: glpk_guard.h's hook stops
 * it, the finish's landing points free their memory) or when it logs its first round (seen
 * between rounds): PDLP's point becomes the plan, status feasible and cancelled, the same x
 * and objective as --pdlp-finish none, where the finish used to leave no plan */
typedef struct stop_at_line {
    solve_params *p;   /* set: move its start time back (the time limit is up); else set flag */
    volatile int flag;
    const char *at;
    int next;          /* act on the line after the one with `at` */
    int seen, fired;
} stop_at_line;

static void stop_on_line(const char *line, void *user)
{
    stop_at_line *s = user;
    if (s->fired) return;
    if (!s->seen) {
        if (!strstr(line, s->at)) return;
        s->seen = 1;
        if (s->next) return;
    }
    s->fired = 1;
    if (s->p) s->p->start_time = now_seconds() - s->p->time_limit - 1; /* the time limit is up */
    else s->flag = 1;
}

TEST(finish_stopped_keeps_point)
{
    const char *at[] = {"pdlp finish: sifting, ", "pdlp finish: sifting round 1"};
    int kept = 0;
    for (unsigned seed = 1; seed <= 6; seed++) {
        scopt_model *md = random_lp(seed + 100, 150, 200, 5);
        solve_result ref, got;
        solve_with(md, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_NONE, 1e-2, &ref);
        for (int how = 0; how < 2; how++) {
            solve_params p;
            scopt_error err;
            stop_at_line s = {NULL, 0, at[how], how == 0, 0, 0};
            lp_solve_params(&p, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, 1e-2);
            p.quiet = 0;
            p.on_log = stop_on_line;
            p.log_user = &s;
            p.cancel = &s.flag;
            glp_free_env(); /* GLPK's environment of the tests before: the guard stops only its own */
            CHECK(glpk_solve(md, &p, &got, &err) == SCOPT_OK);
            if (!s.fired) { solve_result_free(&got); continue; } /* the guessed basis finished it */
            kept++;
            CHECK(got.status == SCOPT_SOLVE_FEASIBLE && got.has_solution && got.limit_reached && got.cancelled);
            CHECK(got.pdlp.finish_stopped == 1);
            if (how == 0) CHECK(got.pdlp.finish_iterations_restricted == 0); /* stopped before round 1's simplex */
            CHECK_STR(got.pdlp.plan_point, "pdlp");
            CHECK_STR(got.method, "pdlp");
            CHECK(ref.status == SCOPT_SOLVE_OPTIMAL);
            CHECK(got.objective == ref.objective);
            CHECK(ref.x && got.x && !memcmp(ref.x, got.x, (size_t)md->ncols * sizeof *got.x));
            solve_result_free(&got);
        }
        CHECK_STR(ref.pdlp.plan_point, "pdlp");
        solve_result_free(&ref);
        model_free(md);
    }
    CHECK(kept >= 8); /* measured: every run sifts at this tolerance */
}

/* the time limit, up once the first sifting round is logged: the finish ends there with
 * GLP_ETMLIM, marked stopped, without the cold simplex it used to start with no time left */
TEST(finish_time_limit_stops)
{
    scopt_model *md = random_lp(101, 150, 200, 5);
    pdlp_problem prob = pdlp_problem_of(md);
    pdlp_params prm;
    pdlp_result pr;
    pdlp_params_init(&prm);
    prm.tol = 1e-2;
    CHECK(pdlp_solve(&prob, &prm, &pr, NULL) == SCOPT_OK && pr.status == PDLP_OPTIMAL);
    solve_params p;
    plan_pdlp_info info;
    memset(&info, 0, sizeof info);
    lp_solve_params(&p, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, 1e-2);
    stop_at_line s = {&p, 0, "pdlp finish: sifting round 1", 0, 0, 0};
    p.quiet = 0;
    p.on_log = stop_on_line;
    p.log_user = &s;
    p.time_limit = 1000;
    glp_term_out(GLP_OFF);
    glp_prob *P = glp_create_prob();
    CHECK(glpk_load(P, md, NULL, NULL) == 0);
    CHECK(pdlp_finish_simplex(P, &pr, &p, &info) == GLP_ETMLIM);
    CHECK(s.fired && info.finish_stopped == 1);
    CHECK_STR(info.start_basis, "sifting");
    CHECK(info.finish_iterations == 0);
    glp_delete_prob(P);
    glp_term_out(GLP_ON);
    pdlp_result_free(&pr);
    model_free(md);
}

TEST(conformance_datasets)
{
    const char *names[] = {"lp-tiny", "lp-tiny-bom", "lp-small-calendar", "lp-small-backorders", "lp-small-quirky",
                           "mip-tiny-all", "mip-small-sparse"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) check_dataset(names[k]);
}

TEST(options_checked)
{
    scopt_options o;
    scopt_options_init(&o);
    CHECK(o.pdlp_tol < 0 && o.pdlp_finish == SCOPT_PDLP_FINISH_SIMPLEX);
    scopt_network *net = NULL;
    scopt_plan *plan = NULL;
    scopt_error err;
    CHECK(scopt_network_read_dir("tests/data/conformance/lp-tiny", NULL, &net, NULL) == SCOPT_OK);
    o.pdlp_tol = 2;
    CHECK(scopt_solve(net, &o, &plan, &err) == SCOPT_EUSAGE && strstr(err.message, "pdlp_tol"));
    o.pdlp_tol = -1;
    o.pdlp_finish = (scopt_pdlp_finish)7;
    CHECK(scopt_solve(net, &o, &plan, &err) == SCOPT_EUSAGE);
    scopt_network_free(net);
}

/* ---- CPU/CUDA parity ---- */
static int run_on(const scopt_backend *be, const pdlp_problem *p, long limit, pdlp_result *r)
{
    pdlp_params prm;
    pdlp_params_init(&prm);
    prm.backend = be;
    prm.iteration_limit = limit;
    return pdlp_solve(p, &prm, r, NULL) == SCOPT_OK ? 0 : -1;
}

static double max_rel_diff(const double *a, const double *b, int n)
{
    double d = 0;
    for (int i = 0; i < n; i++) d = fmax(d, fabs(a[i] - b[i]) / fmax(1.0, fabs(b[i])));
    return d;
}

static void parity_on(const scopt_backend *gpu, const scopt_model *md)
{
    pdlp_problem p = pdlp_problem_of(md);
    pdlp_result c, g;
    CHECK(run_on(scopt_backend_cpu(), &p, 100, &c) == 0 && run_on(gpu, &p, 100, &g) == 0);
    if (c.x && g.x) {
        CHECK(max_rel_diff(g.x, c.x, md->ncols) <= 1e-10);
        CHECK(max_rel_diff(g.y, c.y, md->nrows) <= 1e-10);
    }
    pdlp_result_free(&c);
    pdlp_result_free(&g);
    CHECK(run_on(scopt_backend_cpu(), &p, 0, &c) == 0 && run_on(gpu, &p, 0, &g) == 0);
    CHECK(c.status == PDLP_OPTIMAL && g.status == PDLP_OPTIMAL);
    CHECK(fabs(c.primal_obj - g.primal_obj) <= 1e-4 * (1 + fabs(c.primal_obj)));
    CHECK(g.rel_primal_residual <= 1e-4 && g.rel_dual_residual <= 1e-4 && g.rel_gap <= 1e-4);
    pdlp_result_free(&c);
    pdlp_result_free(&g);
}

/* the parity checks of a backend against the CPU one on four generated LPs */
static void parity_checks(const scopt_backend *gpu)
{
    for (unsigned seed = 1; seed <= 4; seed++) {
        scopt_model *md = random_lp(seed, 150, 200, 5);
        parity_on(gpu, md);
        model_free(md);
    }
}

/* the parity checks' margin without a GPU: a twin of the CPU backend whose SpMV and
 * reductions come out one rounding off (times 1 + 2^-52, y = A x then y *= 1 + 2^-52; the
 * GPU sums in other orders, so its results differ from the CPU's by about that), the
 * element-wise kernels equal as on the GPU. It must pass the same checks as CUDA does. */
#define ULP_OFF (1.0 + 2.220446049250313e-16)
static int off_spmv(gpu_ctx *c, gpu_mat *m, int t, const gpu_vec *x, gpu_vec *y)
{
    const scopt_backend *cpu = scopt_backend_cpu();
    int rc = cpu->spmv(c, m, t, x, y);
    return rc ? rc : cpu->scal(c, ULP_OFF, y);
}
/* the K outputs of a reduction one rounding off */
static int off_by_ulp(int rc, double *out, int k)
{
    for (int q = 0; q < k; q++) out[q] *= ULP_OFF;
    return rc;
}
static int off_dot(gpu_ctx *c, const gpu_vec *x, const gpu_vec *y, double *out)
{
    return off_by_ulp(scopt_backend_cpu()->dot(c, x, y, out), out, 1);
}
static int off_nrm2(gpu_ctx *c, const gpu_vec *x, double *out)
{
    return off_by_ulp(scopt_backend_cpu()->nrm2(c, x, out), out, 1);
}
static int off_row(gpu_ctx *c, const gpu_row_stats_args *a, double out[GPU_ROW_STATS])
{
    return off_by_ulp(scopt_backend_cpu()->row_stats(c, a, out), out, GPU_ROW_STATS);
}
static int off_col(gpu_ctx *c, const gpu_col_stats_args *a, double out[GPU_COL_STATS])
{
    return off_by_ulp(scopt_backend_cpu()->col_stats(c, a, out), out, GPU_COL_STATS);
}
static int off_diff(gpu_ctx *c, const gpu_vec *a, const gpu_vec *b, const gpu_vec *cv, const gpu_vec *d,
                    double out[GPU_DIFF_STATS])
{
    return off_by_ulp(scopt_backend_cpu()->diff_stats(c, a, b, cv, d, out), out, GPU_DIFF_STATS);
}

TEST(parity_margin)
{
    scopt_backend twin = *scopt_backend_cpu();
    twin.spmv = off_spmv, twin.dot = off_dot, twin.nrm2 = off_nrm2;
    twin.row_stats = off_row, twin.col_stats = off_col, twin.diff_stats = off_diff;
    parity_checks(&twin);
}

int main(void)
{
    static const harness_test tests[] = {T(cpu_backend_ops), T(kernel_bodies), T(generated_lps), T(deterministic),
                                         T(limits_and_cancel), T(threads_same_bits), T(restart_epoch_cap), T(refine_past_tolerance), T(refine_without_memory), T(infeasible_and_unbounded), T(verdicts_do_not_depend_on_units), T(sifting_loose_tolerance),
                                         T(sifting_from_wrong_point), T(finish_stopped_keeps_point), T(finish_time_limit_stops), T(conformance_datasets), T(mip_root_by_pdlp),
                                         T(options_checked), T(parity_margin)};
    int rc = harness_run(tests, (int)(sizeof tests / sizeof tests[0]), "pdlp");
    return gpu_part_run("pdlp_parity", parity_checks) || rc;
}
