/* test_basis.c - how GLPK's simplex starts an LP by size (solver/glpk_driver.c,
 * docs/solver-settings.md):
 *  - the "nothing flows" basis (solver/glpk_basis.c): GLPK itself reports it primal feasible
 *    (its first log line is a phase-2 line, '*');
 *  - from it, and from the slack basis with the dual simplex, GLPK (no presolver) reaches the
 *    conformance answer key's optimum on every LP dataset (expected.csv, the independent
 *    method), to 1e-6 relative;
 *  - the size rule: 50,000 columns or more: the dual start; under a time limit and 100,000
 *    columns or more: the nothing-flows start; a MIP's relaxation: always the presolved one. */
#include <math.h>
#include <stdlib.h>
#include "family_util.h"
#include "glpk_driver.h"
#include "harness.h"
#include "loader.h"
#include "util.h"

typedef struct { char first[160]; } first_line;

static void keep_first(const char *line, void *user)
{
    first_line *f = user;
    if (!f->first[0] && strstr(line, ": obj =")) snprintf(f->first, sizeof f->first, "%s", line);
}

/* objective of the LP of DIR solved from START; first iteration line in *log */
static double solve_from(const char *dir, glpk_lp_start start, first_line *log)
{
    scopt_network *net = NULL;
    scopt_model *md = NULL;
    diag_sink d;
    solve_params p;
    solve_result r;
    scopt_error err;
    double obj = NAN;
    memset(log, 0, sizeof *log);
    if (scopt_network_read_dir(dir, NULL, &net, NULL) != SCOPT_OK) return NAN;
    diag_init(&d, NULL, NULL);
    if (model_build(net, &d, &md) == SCOPT_OK) {
        memset(&p, 0, sizeof p);
        p.lp_method = SCOPT_LP_SIMPLEX;
        p.start_time = now_seconds();
        p.on_log = keep_first;
        p.log_user = log;
        p.lp_start = start;
        if (glpk_solve(md, &p, &r, &err) == SCOPT_OK) {
            if (r.status == SCOPT_SOLVE_OPTIMAL) obj = r.objective;
            solve_result_free(&r);
        }
    }
    model_free(md);
    scopt_network_free(net);
    return obj;
}

/* Initial stock 5 at W (max 9, safety stock 3, shortfall penalty 2), a receipt of 4 in period
 * 2, demand 2 then 6 at C (penalty 50), lane W->C costing 1 and a supplier S->W (cost 4, lead
 * time 1, capacity 10). While nothing flows, W holds 5 then 9 (no stock max crossed, no
 * shortfall), every unit of demand is lost: the no-flow point is feasible, so GLPK starts in
 * phase 2. Optimum: deliver 2 and 6 from stock (transport 8), stock left 3 then 1; keeping the
 * safety stock 3 in period 2 would need 2 units bought in period 1 (2 * 4 = 8) against a
 * shortfall of 2 (2 * 2 = 4): the shortfall wins. Total 8 + 4 = 12. */
TEST(no_flow_basis_is_feasible)
{
    const csv_file f[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind\nS,supplier\nW,warehouse\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost,capacity,lead_time\nS,A,4,10,1\n"},
        {"lanes.csv", "from,to,item,unit_cost\nS,W,A,0\nW,C,A,1\n"},
        {"inventory.csv", "site,item,initial,max,safety_stock,shortfall_penalty\nW,A,5,9,3,2\n"},
        {"receipts.csv", "site,item,period,quantity\nW,A,2,4\n"},
        {"demand.csv", "customer,item,period,quantity,unmet_penalty\nC,A,1,2,50\nC,A,2,6,50\n"},
        {NULL, NULL}};
    first_line log;
    const char *dir = write_dataset("no_flow_basis", f);
    CHECK(dir != NULL);
    if (!dir) return;
    CHECK_NEAR(solve_from(dir, GLPK_LP_NO_FLOW, &log), 12, 1e-9);
    CHECK(log.first[0] == '*'); /* GLPK marks phase-2 (feasible) iterations with '*' */
    scopt_network *net = NULL;
    scopt_plan *p = solve_dir(dir, &net); /* the default path (presolver) agrees */
    CHECK(p != NULL);
    if (p) { CHECK_NEAR(scopt_plan_objective(p), 12, 1e-9); CHECK_NEAR(summary_number(p, "costs.shortfall"), 4, 1e-9); }
    scopt_plan_free(p);
    scopt_network_free(net);
}

/* every LP of the conformance answer key from START */
static void conformance_optima(glpk_lp_start start)
{
    FILE *f = fopen("tests/data/conformance/expected.csv", "r");
    char line[256], dir[300];
    int n = 0;
    CHECK(f != NULL);
    if (!f) return;
    while (fgets(line, sizeof line, f)) {
        char *comma = strchr(line, ',');
        if (strncmp(line, "lp-", 3) || !comma) continue;
        *comma = '\0';
        first_line log;
        snprintf(dir, sizeof dir, "tests/data/conformance/%s", line);
        double got = solve_from(dir, start, &log), want = strtod(comma + 1, NULL);
        if (!(fabs(got - want) <= 1e-6 * fmax(1.0, fabs(want)))) fprintf(stderr, "  %s: %.10g, expected %.10g\n", line, got, want);
        CHECK_NEAR(got, want, 1e-6);
        n++;
    }
    fclose(f);
    CHECK_EQ_INT(n, 5);
}

TEST(conformance_optima_from_no_flow_basis) { conformance_optima(GLPK_LP_NO_FLOW); }
TEST(conformance_optima_from_dual_slack_start) { conformance_optima(GLPK_LP_DUAL_SLACK); }

TEST(size_rule)
{
    scopt_model m = {0};
    solve_params p = {0};
    m.ncols = 49999;
    CHECK_EQ_INT(glpk_lp_start_for(&m, &p), GLPK_LP_PRESOLVED);
    m.ncols = 50000;
    CHECK_EQ_INT(glpk_lp_start_for(&m, &p), GLPK_LP_DUAL_SLACK);
    m.ncols = 100000;
    CHECK_EQ_INT(glpk_lp_start_for(&m, &p), GLPK_LP_DUAL_SLACK); /* no limit: the fastest way to the optimum */
    p.time_limit = 60;
    CHECK_EQ_INT(glpk_lp_start_for(&m, &p), GLPK_LP_NO_FLOW);
    m.ncols = 99999;
    CHECK_EQ_INT(glpk_lp_start_for(&m, &p), GLPK_LP_DUAL_SLACK);
    m.ncols = 100000;
    m.nints = 1;
    CHECK_EQ_INT(glpk_lp_start_for(&m, &p), GLPK_LP_PRESOLVED); /* a MIP's relaxation keeps the presolver */
}

HARNESS_MAIN("basis", T(no_flow_basis_is_feasible), T(conformance_optima_from_no_flow_basis),
             T(conformance_optima_from_dual_slack_start), T(size_rule))
