/* test_pdlp_presolve.c - PDLP's presolve (solver/pdlp_presolve.c, docs/pdlp.md "Presolve"):
 *  - a hand-made LP with a lost-sales column: the column leaves, PDLP's answer in the LP's own
 *    terms is the optimum worked out by hand (x, the row's dual = the lost-sale penalty, the
 *    reduced costs), and so is the LP the presolve builds (row bounds, costs, constant);
 *  - generated LPs with singletons added: optimal with and without the presolve, the two
 *    objectives and GLPK's simplex optimum within the tolerance, and the returned point checked
 *    in the original LP (bounds exact, rows within the residual the tolerance allows), its
 *    reduced costs c - A'y of its duals;
 *  - an LP with nothing to remove: the same bits as without the presolve;
 *  - infeasible and unbounded LPs stay so through the presolve;
 *  - the conformance LPs through scopt_solve with the presolve and the simplex finish: expected.csv's
 *    optimum to 1e-9, scopt check's twin (the plan's own check) by the finish. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "test_rand.h"
#include "glpk_driver.h"
#include "pdlp_internal.h"
#include "pdlp_lps.h"
#include "util.h"

static void run(const pdlp_problem *p, int presolve, pdlp_result *r)
{
    pdlp_params prm;
    pdlp_params_init(&prm);
    prm.presolve = presolve;
    prm.tol = 1e-7;
    prm.log_every = -1;
    CHECK(pdlp_solve(p, &prm, r, NULL) == SCOPT_OK);
}

/* min 3 x1 + 2 x2 + 10 l  s.t.  x1 + x2 + l = 5,  x1 - x2 >= -4,  x1 in [0,2], x2 in [0,1], l in [0,5]:
 * x = (2, 1, 2), objective 28; the demand row's dual is 10 (one more unit is lost), the other 0 */
TEST(lost_sales_by_hand)
{
    double c[] = {3, 2, 10}, lb[] = {0, 0, 0}, ub[] = {2, 1, 5}, rlo[] = {5, -4}, rhi[] = {5, SCOPT_INF};
    int ai[] = {0, 0, 0, 1, 1}, aj[] = {0, 1, 2, 0, 1};
    double av[] = {1, 1, 1, 1, -1};
    pdlp_problem p = {2, 3, c, lb, ub, rlo, rhi, 5, ai, aj, av};
    pdlp_presolve ps;
    CHECK(pdlp_presolve_build(&p, &ps) == 0 && ps.removed == 1 && ps.red.ncols == 2 && ps.red.nnz == 4);
    if (ps.removed == 1) {
        /* rest = x1 + x2 in [5 - 5, 5 - 0]; costs 3 - 10, 2 - 10; constant 10 * 5 */
        CHECK(ps.red.rlo[0] == 0 && ps.red.rhi[0] == 5 && ps.red.rlo[1] == -4);
        CHECK(ps.red.cost[0] == -7 && ps.red.cost[1] == -8 && ps.obj_const == 50);
        CHECK(ps.row_col[0] == 2 && ps.row_col[1] == -1 && ps.kept[0] == 0 && ps.kept[1] == 1);
    }
    pdlp_presolve_free(&ps);
    pdlp_result r;
    run(&p, 1, &r);
    CHECK(r.status == PDLP_OPTIMAL && r.presolved_columns == 1);
    if (r.x) {
        CHECK(fabs(r.x[0] - 2) < 1e-5 && fabs(r.x[1] - 1) < 1e-5 && fabs(r.x[2] - 2) < 1e-5);
        CHECK(fabs(r.primal_obj - 28) < 1e-4 && fabs(r.dual_obj - 28) < 1e-4);
        CHECK(fabs(r.y[0] - 10) < 1e-4 && fabs(r.y[1]) < 1e-4);
        CHECK(fabs(r.reduced_cost[0] + 7) < 1e-4 && fabs(r.reduced_cost[1] + 8) < 1e-4 && fabs(r.reduced_cost[2]) < 1e-4);
        CHECK(fabs(r.row_activity[0] - 5) < 1e-5 && fabs(r.row_activity[1] - 1) < 1e-5);
    }
    pdlp_result_free(&r);
}

/* a random LP, then for some equality rows a new column that only they hold (a lost sale) */
static scopt_model *lp_with_singletons(unsigned seed)
{
    scopt_model *md = random_lp(seed, 80, 120, 4);
    int n = md->ncols;
    for (int i = 0, k = 0; i < md->nrows; i++) {
        if (md->rlo[i] != md->rhi[i] || k++ % 2) continue;
        double a = k % 3 ? 1.0 : -2.0;
        int j = model_add_col(md, V_LOST, n + i, 0, 0, 50, 20.0 + i % 7, 0);
        model_add_coef(md, i, j, a);
    }
    return md;
}

/* largest violation of the LP's rows and bounds at r's point (original units) */
static double violation(const scopt_model *md, const pdlp_result *r)
{
    double v = 0, *ax = calloc((size_t)md->nrows, sizeof *ax);
    for (size_t e = 0; e < md->nnz; e++) ax[md->ai[e]] += md->av[e] * r->x[md->aj[e]];
    for (int i = 0; i < md->nrows; i++) v = fmax(v, fmax(md->rlo[i] - ax[i], ax[i] - md->rhi[i]));
    for (int j = 0; j < md->ncols; j++) v = fmax(v, fmax(md->lb[j] - r->x[j], r->x[j] - md->ub[j]) * 1e6);
    free(ax);
    return v;
}

static double simplex_optimum(const scopt_model *md)
{
    solve_params sp;
    solve_result sr;
    scopt_error err;
    memset(&sp, 0, sizeof sp);
    sp.mip_gap = 1e-9;
    sp.lp_method = SCOPT_LP_SIMPLEX;
    sp.quiet = 1;
    sp.start_time = now_seconds();
    sp.device = SCOPT_DEVICE_CPU;
    if (glpk_solve(md, &sp, &sr, &err) != SCOPT_OK) return NAN;
    double obj = sr.status == SCOPT_SOLVE_OPTIMAL ? sr.objective : NAN;
    solve_result_free(&sr);
    return obj;
}

TEST(generated_with_singletons)
{
    for (unsigned seed = 1; seed <= 6; seed++) {
        scopt_model *md = lp_with_singletons(seed);
        pdlp_problem p = pdlp_problem_of(md);
        pdlp_presolve ps;
        CHECK(pdlp_presolve_build(&p, &ps) == 0 && ps.removed > 5);
        pdlp_presolve_free(&ps);
        pdlp_result a, b;
        run(&p, 0, &a);
        run(&p, 1, &b);
        double want = simplex_optimum(md), tol = 1e-5 * (1 + fabs(want));
        CHECK(a.status == PDLP_OPTIMAL && b.status == PDLP_OPTIMAL && b.presolved_columns > 5);
        if (!(fabs(b.primal_obj - want) <= tol && fabs(a.primal_obj - want) <= tol))
            fprintf(stderr, "  seed %u: simplex %.9g, PDLP %.9g, with presolve %.9g\n", seed, want, a.primal_obj, b.primal_obj);
        CHECK(fabs(b.primal_obj - want) <= tol && fabs(a.primal_obj - want) <= tol);
        CHECK(violation(md, &b) <= 1e-4);
        /* the duals it gives back are the LP's: c - A'y is the reduced cost it reports */
        double *d = malloc((size_t)md->ncols * sizeof *d), worst = 0;
        for (int j = 0; j < md->ncols; j++) d[j] = md->cost[j];
        for (size_t e = 0; e < md->nnz; e++) d[md->aj[e]] -= md->av[e] * b.y[md->ai[e]];
        for (int j = 0; j < md->ncols; j++) worst = fmax(worst, fabs(d[j] - b.reduced_cost[j]) / (1 + fabs(md->cost[j])));
        CHECK(worst <= 1e-9);
        free(d);
        pdlp_result_free(&a);
        pdlp_result_free(&b);
        model_free(md);
    }
}

TEST(nothing_to_remove)
{
    double c[] = {1, 1}, lb[] = {0, 0}, ub[] = {SCOPT_INF, SCOPT_INF}, rlo[] = {1, 2}, rhi[] = {SCOPT_INF, SCOPT_INF};
    int ai[] = {0, 0, 1, 1}, aj[] = {0, 1, 0, 1};
    double av[] = {1, 2, 3, 1};
    pdlp_problem p = {2, 2, c, lb, ub, rlo, rhi, 4, ai, aj, av}; /* inequalities only */
    pdlp_result a, b;
    run(&p, 0, &a);
    run(&p, 1, &b);
    CHECK(a.status == PDLP_OPTIMAL && b.presolved_columns == 0 && a.iterations == b.iterations);
    CHECK(a.x && b.x && !memcmp(a.x, b.x, 2 * sizeof(double)) && !memcmp(a.y, b.y, 2 * sizeof(double)));
    pdlp_result_free(&a);
    pdlp_result_free(&b);
}

/* x1 + x2 + l = 5 with x1, x2 <= 1 and l <= 2 cannot be met: the presolved LP (x1 + x2 in [3, 5])
 * is infeasible too, and PDLP says so; unbounded stays unbounded */
TEST(infeasible_and_unbounded)
{
    double c[] = {1, 1, 10}, lb[] = {0, 0, 0}, ub[] = {1, 1, 2}, rlo[] = {5}, rhi[] = {5};
    int ai[] = {0, 0, 0}, aj[] = {0, 1, 2};
    double av[] = {1, 1, 1};
    pdlp_problem p = {1, 3, c, lb, ub, rlo, rhi, 3, ai, aj, av};
    pdlp_params prm;
    pdlp_result r;
    pdlp_params_init(&prm);
    prm.presolve = 1;
    prm.log_every = -1;
    CHECK(pdlp_solve(&p, &prm, &r, NULL) == SCOPT_OK && r.status == PDLP_PRIMAL_INFEASIBLE && r.presolved_columns == 1);
    pdlp_result_free(&r);
    /* min -x1 + l, x1 - x2 + l = 0, x1, x2 >= 0 free above, l in [0, 1]: x1 = x2 -> -inf */
    double c2[] = {-1, 0, 1}, lb2[] = {0, 0, 0}, ub2[] = {SCOPT_INF, SCOPT_INF, 1}, r0[] = {0};
    double av2[] = {1, -1, 1};
    pdlp_problem q = {1, 3, c2, lb2, ub2, r0, r0, 3, ai, aj, av2};
    CHECK(pdlp_solve(&q, &prm, &r, NULL) == SCOPT_OK && r.status == PDLP_DUAL_INFEASIBLE && r.presolved_columns == 1);
    pdlp_result_free(&r);
}

static double expected_optimum(const char *name)
{
    FILE *f = fopen("tests/data/conformance/expected.csv", "r");
    char line[256];
    double v = NAN;
    size_t len = strlen(name);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, name, len) && line[len] == ',') v = atof(line + len + 1);
    if (f) fclose(f);
    return v;
}

TEST(conformance_finished)
{
    const char *names[] = {"lp-tiny", "lp-tiny-bom", "lp-small-calendar", "lp-small-backorders", "lp-small-quirky"};
    for (size_t q = 0; q < sizeof names / sizeof names[0]; q++) {
        char dir[128];
        snprintf(dir, sizeof dir, "tests/data/conformance/%s", names[q]);
        scopt_network *net = NULL;
        scopt_error err;
        CHECK(scopt_network_read_dir(dir, NULL, &net, &err) == SCOPT_OK);
        scopt_plan *plan = net ? solve_dataset(net, SCOPT_LP_PDLP, SCOPT_PDLP_FINISH_SIMPLEX, 1) : NULL;
        if (plan) {
            double want = expected_optimum(names[q]);
            CHECK(fabs(scopt_plan_objective(plan) - want) <= 1e-9 * (1 + fabs(want)));
            CHECK(scopt_plan_status(plan) == SCOPT_SOLVE_OPTIMAL);
        } else CHECK(0);
        scopt_plan_free(plan);
        scopt_network_free(net);
    }
}

int main(void)
{
    static const harness_test tests[] = {T(lost_sales_by_hand), T(generated_with_singletons), T(nothing_to_remove),
                                         T(infeasible_and_unbounded), T(conformance_finished)};
    return harness_run(tests, (int)(sizeof tests / sizeof tests[0]), "pdlp_presolve");
}
