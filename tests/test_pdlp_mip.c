/* test_pdlp_mip.c - the PDLP route for MIPs (--pdlp-finish polish on a MIP, solver/pdlp_mip.c),
 * through the public API, against the answer key of the conformance MIPs (expected.csv, from
 * independent solvers) and GLPK's branch and cut:
 *  - the plan is a plan: `scopt check` (scopt_check_plan) finds no violation; its cost is no
 *    lower than the optimum, the relaxation's polished bound no higher, and the gap between them
 *    is what summary.json says; status optimal exactly when that gap is within --mip-gap;
 *  - quality on the conformance MIPs: within 3% of the optimum (mip-tiny-all: the nearest
 *    rounding finds the optimum where rounding up opens a site and costs 69% more);
 *  - small MIPs of every integer family (setups with minimum lots and setup times, minimum
 *    orders, optional sites, vehicles): each a checked plan no cheaper than branch and cut's
 *    optimum;
 *  - an infeasible MIP: infeasible; the cancel flag: cancelled, no plan; a time limit nothing
 *    fits in: a clean answer;
 *  - round_plan's bound propagation names a row the integers leave unmeetable, and the repair
 *    reopens the closing that caused it; the closing of what is below its minimum;
 *  - PDLP's start point (pdlp_params.start_x/start_y, which the route's LPs start from): an LP
 *    started at its own answer meets the tolerance at the first check; ignored with the presolve. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "family_util.h"
#include "harness.h"
#include "test_rand.h"
#include "pdlp_lps.h"
#include "glpk_guard.h"
#include "round_plan.h"

#define DEMAND_HDR "customer,item,period,quantity,unmet_penalty,backorder_cost\n"

static void route_options(scopt_options *opt)
{
    scopt_options_init(opt);
    opt->device = SCOPT_DEVICE_CPU;
    opt->lp_method = SCOPT_LP_PDLP;
    opt->pdlp_finish = SCOPT_PDLP_FINISH_POLISH;
    opt->mip_gap = 1e-4;
}

static int summary_has(const scopt_plan *p, const char *text)
{
    char *json = scopt_plan_summary_json(p);
    int has = json && strstr(json, text);
    scopt_free(json);
    return has;
}

/* the route's plan of net against the optimum `want`: the checks of the top of the file;
 * returns its objective (NAN when no plan) */
static double check_route(const scopt_network *net, const char *tag, double want)
{
    scopt_options opt;
    scopt_error err;
    scopt_plan *p = NULL;
    route_options(&opt);
    CHECK(scopt_solve(net, &opt, &p, &err) == SCOPT_OK);
    if (!p) return NAN;
    double got = scopt_plan_objective(p), bound = scopt_plan_best_bound(p), gap = scopt_plan_gap(p);
    scopt_solve_status st = scopt_plan_status(p);
    CHECK(st == SCOPT_SOLVE_FEASIBLE || st == SCOPT_SOLVE_OPTIMAL);
    CHECK(summary_has(p, "\"plan_point\": \"rounded\"") && summary_has(p, "\"method\": \"pdlp-rounding\""));
    CHECK(got >= want - 1e-9 * (1 + fabs(want)));
    CHECK(bound <= want + 1e-9 * (1 + fabs(want)));
    CHECK_NEAR(gap, fabs(got - bound) / fabs(got), 1e-12);
    CHECK_NEAR(summary_number(p, "gap"), gap, 1e-9);
    CHECK((st == SCOPT_SOLVE_OPTIMAL) == (gap <= 1e-4));
    char dir[300];
    snprintf(dir, sizeof dir, "tests/out/pdlp_mip/%s", tag);
    long violations = -1;
    CHECK(scopt_plan_write_dir(p, dir, &err) == SCOPT_OK);
    CHECK(scopt_check_plan(net, dir, NULL, &violations, &err) == SCOPT_OK);
    CHECK_EQ_INT(violations, 0);
    scopt_plan_free(p);
    return got;
}

static double conformance(const char *name, double want)
{
    char dir[256];
    scopt_network *net = NULL;
    snprintf(dir, sizeof dir, "tests/data/conformance/%s", name);
    CHECK(scopt_network_read_dir(dir, NULL, &net, NULL) == SCOPT_OK);
    double got = net ? check_route(net, name, want) : NAN;
    scopt_network_free(net);
    return got;
}

/* tests/data/conformance/expected.csv */
TEST(conformance_mips)
{
    double tiny = 1902.172, sparse = 124428.767568;
    CHECK(conformance("mip-tiny-all", tiny) <= 1.03 * tiny);
    CHECK(conformance("mip-small-sparse", sparse) <= 1.03 * sparse);
}

/* a family dataset: branch and cut's optimum (mip gap 0) is the reference */
static void family(const char *tag, const csv_file *files)
{
    const char *dir = write_dataset(tag, files);
    scopt_network *net = NULL;
    scopt_plan *ref = dir ? solve_dir(dir, &net) : NULL;
    CHECK(ref && scopt_plan_status(ref) == SCOPT_SOLVE_OPTIMAL);
    if (ref) check_route(net, tag, scopt_plan_objective(ref));
    scopt_plan_free(ref);
    scopt_network_free(net);
}

/* small MIPs of every integer family (setups with minimum lots and setup times, minimum orders,
 * optional sites, vehicles), each against branch and cut's optimum */
TEST(families_with_integers)
{
    const csv_file setups[] = {
        {"items.csv", "item\nR\nP\n"},
        {"sites.csv", "site,kind\nS,supplier\nF,plant\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost\nS,R,1\n"},
        {"operations.csv", "operation,site,item,unit_cost,min_lot,setup_cost\nOP,F,P,2,6,25\n"},
        {"bom.csv", "operation,item,quantity\nOP,R,2\n"},
        {"resources.csv", "resource,site,capacity\nM,F,12\n"},
        {"resource_use.csv", "operation,resource,usage,setup_usage\nOP,M,1,3\n"},
        {"lanes.csv", "from,to\nS,F\nF,C\n"},
        {"inventory.csv", "site,item,holding_cost\nF,P,2\n"},
        {"demand.csv", DEMAND_HDR "C,P,1,3,40,\nC,P,2,5,40,\nC,P,3,9,40,\nC,P,4,2,40,\n"},
        {NULL, NULL}};
    family("mip_setups", setups);
    const char *sites = "site,kind,fixed_cost,optional\nS,supplier,,\nW1,warehouse,100,1\nW2,warehouse,30,1\nC,customer,,\n";
    const char *lanes = "from,to,unit_cost,capacity,vehicle_capacity,vehicle_cost\nS,W1,1,40,,\nS,W2,4,40,,\n"
                        "W1,C,1,,10,7\nW2,C,1,,10,7\n";
    const csv_file network[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", sites},
        {"supply.csv", "supplier,item,unit_cost,capacity,min_order,order_cost\nS,A,1,30,8,6\n"},
        {"lanes.csv", lanes},
        {"inventory.csv", "site,item,holding_cost\nS,A,0.5\nW1,A,0.5\nW2,A,0.5\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,12,100,\nC,A,2,5,100,\nC,A,3,3,100,\n"},
        {NULL, NULL}};
    family("mip_network", network);
}

/* 8 units of initial stock at W, storage 5, and only one unit a customer takes: no plan (the
 * relaxation is infeasible), with vehicles on the lane so that it is a MIP */
TEST(infeasible)
{
    const csv_file f[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind,storage_capacity\nW,warehouse,5\nC,customer,\n"},
        {"inventory.csv", "site,item,initial\nW,A,8\n"},
        {"lanes.csv", "from,to,vehicle_capacity,vehicle_cost\nW,C,4,3\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,1,10,\n"},
        {NULL, NULL}};
    const char *dir = write_dataset("mip_infeasible", f);
    scopt_network *net = NULL;
    CHECK(dir && scopt_network_read_dir(dir, NULL, &net, NULL) == SCOPT_OK);
    if (!net) return;
    scopt_options opt;
    scopt_error err;
    scopt_plan *p = NULL;
    route_options(&opt);
    CHECK(scopt_solve(net, &opt, &p, &err) == SCOPT_OK);
    CHECK(p && scopt_plan_status(p) == SCOPT_SOLVE_INFEASIBLE);
    scopt_plan_free(p);
    scopt_network_free(net);
}

/* the cancel flag set before: cancelled, no plan; a time limit nothing fits in: a clean answer */
TEST(cancelled_and_time_limit)
{
    scopt_network *net = NULL;
    CHECK(scopt_network_read_dir("tests/data/conformance/mip-tiny-all", NULL, &net, NULL) == SCOPT_OK);
    if (!net) return;
    scopt_options opt;
    scopt_error err;
    scopt_plan *p = NULL;
    volatile int cancel = 1;
    route_options(&opt);
    opt.cancel = &cancel;
    CHECK(scopt_solve(net, &opt, &p, &err) == SCOPT_OK);
    CHECK(p && scopt_plan_status(p) == SCOPT_SOLVE_CANCELLED && scopt_plan_objective(p) == 0);
    scopt_plan_free(p);
    p = NULL;
    route_options(&opt);
    opt.time_limit = 1e-6;
    CHECK(scopt_solve(net, &opt, &p, &err) == SCOPT_OK);
    CHECK(p && (scopt_plan_status(p) == SCOPT_SOLVE_NO_PLAN || scopt_plan_status(p) == SCOPT_SOLVE_FEASIBLE));
    scopt_plan_free(p);
    scopt_network_free(net);
}

/* PDLP started at an LP's own answer meets the tolerance at its first check (64 iterations)
 * where from zero it takes hundreds; the presolve ignores the start (the same iterations as
 * without one) */
TEST(start_point)
{
    for (unsigned seed = 1; seed <= 3; seed++) {
        scopt_model *md = random_lp(seed, 60, 90, 4);
        pdlp_problem prob = pdlp_problem_of(md);
        pdlp_params prm;
        pdlp_result cold, warm, pre, pre_warm;
        pdlp_params_init(&prm);
        prm.log_every = -1;
        CHECK(pdlp_solve(&prob, &prm, &cold, NULL) == SCOPT_OK);
        CHECK_EQ_INT(cold.status, PDLP_OPTIMAL);
        prm.start_x = cold.x, prm.start_y = cold.y;
        CHECK(pdlp_solve(&prob, &prm, &warm, NULL) == SCOPT_OK);
        CHECK_EQ_INT(warm.status, PDLP_OPTIMAL);
        CHECK(warm.iterations <= 64 && cold.iterations > 64);
        CHECK(fabs(warm.primal_obj - cold.primal_obj) <= 1e-3 * (1 + fabs(cold.primal_obj)));
        prm.presolve = 1;
        CHECK(pdlp_solve(&prob, &prm, &pre_warm, NULL) == SCOPT_OK);
        prm.start_x = prm.start_y = NULL;
        CHECK(pdlp_solve(&prob, &prm, &pre, NULL) == SCOPT_OK);
        CHECK(pre.iterations == pre_warm.iterations);
        pdlp_result_free(&cold);
        pdlp_result_free(&warm);
        pdlp_result_free(&pre);
        pdlp_result_free(&pre_warm);
        model_free(md);
    }
}

/* round_plan's propagation and repair on a hand-made model: an order (min 5, capacity 10)
 * feeds buy, which a balance passes to make; a setup (min lot 4) on make. With the order closed
 * and the setup open the balance cannot be met (make >= 4 needs buy >= 4 <= 10 * 0): the
 * propagation names that balance, the repair reopens the order (its relaxation value 0.3 rounds
 * up to 1), and the propagation then finds nothing */
TEST(propagation_and_repair)
{
    scopt_model *md = calloc(1, sizeof *md);
    int buy = model_add_col(md, V_BUY, 0, 1, 0, 100, 1, 0), order = model_add_col(md, V_ORDER, 0, 1, 0, 1, 5, 1);
    int make = model_add_col(md, V_MAKE, 0, 1, 0, 100, 1, 0), setup = model_add_col(md, V_SETUP, 0, 1, 0, 1, 7, 1);
    int omax = model_add_row(md, R_ORDER_MAX, 0, 1, -SCOPT_INF, 0), omin = model_add_row(md, R_ORDER_MIN, 0, 1, 0, SCOPT_INF);
    int bal = model_add_row(md, R_BALANCE, 0, 1, 0, 0), smin = model_add_row(md, R_SETUP_MIN, 0, 1, 0, SCOPT_INF);
    model_add_coef(md, omax, buy, 1), model_add_coef(md, omax, order, -10);
    model_add_coef(md, omin, buy, 1), model_add_coef(md, omin, order, -5);
    model_add_coef(md, bal, buy, 1), model_add_coef(md, bal, make, -1);
    model_add_coef(md, smin, make, 1), model_add_coef(md, smin, setup, -4);
    round_plan w;
    CHECK(round_plan_init(&w, md) == 0);
    double relaxation[4];
    relaxation[buy] = relaxation[make] = 3, relaxation[order] = 0.3, relaxation[setup] = 0.75;
    for (int j = 0; j < md->ncols; j++) w.x[j + 1] = relaxation[j];
    w.x[order + 1] = 0, w.x[setup + 1] = 1;
    int row = round_plan_propagate(&w, 10);
    CHECK(row == bal || row == omax || row == omin || row == smin);
    CHECK(round_plan_reopen_near(&w, row, relaxation) >= 1);
    CHECK(w.x[order + 1] == 1 && w.x[setup + 1] == 1);
    CHECK_EQ_INT(round_plan_propagate(&w, 10), -1);
    /* both closed: nothing forces a flow, nothing to repair */
    w.x[order + 1] = 0, w.x[setup + 1] = 0;
    CHECK_EQ_INT(round_plan_propagate(&w, 10), -1);
    /* the minimum closing: the setup's relaxation flow (3) is below its min lot (4) */
    w.x[setup + 1] = w.x[order + 1] = 1;
    for (int j = 0; j < md->ncols; j++) if (!md->is_int[j]) w.x[j + 1] = relaxation[j];
    CHECK_EQ_INT(round_plan_close_below_minimum(&w, relaxation), 2); /* the order (3 < 5) too, were it open */
    round_plan_free(&w);
    model_free(md);
}

/* the closing repair: a parent's setup, rounded up from a trace in the relaxation, forces its
 * minimum lot, whose consumption overdraws a component that cannot be made (its setup closed):
 * reopening moves nothing; round_plan_close_forcing closes the parent's setup (one hop from the
 * overdrawn balance), pins it against reopening, and the propagation then finds no row */
TEST(repair_by_closing)
{
    scopt_model *md = calloc(1, sizeof *md);
    int make_c = model_add_col(md, V_MAKE, 0, 1, 0, 100, 1, 0), setup_c = model_add_col(md, V_SETUP, 0, 1, 0, 1, 7, 1);
    int make_p = model_add_col(md, V_MAKE, 1, 1, 0, 100, 1, 0), setup_p = model_add_col(md, V_SETUP, 1, 1, 0, 1, 7, 1);
    int lost = model_add_col(md, V_LOST, 1, 1, 0, 10, 50, 0);
    int cmax = model_add_row(md, R_SETUP_MAX, 0, 1, -SCOPT_INF, 0), pmin = model_add_row(md, R_SETUP_MIN, 1, 1, 0, SCOPT_INF);
    int pmax = model_add_row(md, R_SETUP_MAX, 1, 1, -SCOPT_INF, 0);
    int bal = model_add_row(md, R_BALANCE, 0, 1, 0, 0), dem = model_add_row(md, R_BALANCE, 1, 1, 0.5, 0.5);
    model_add_coef(md, cmax, make_c, 1), model_add_coef(md, cmax, setup_c, -100);
    model_add_coef(md, pmin, make_p, 1), model_add_coef(md, pmin, setup_p, -4);
    model_add_coef(md, pmax, make_p, 1), model_add_coef(md, pmax, setup_p, -100);
    model_add_coef(md, bal, make_c, 1), model_add_coef(md, bal, make_p, -1);
    model_add_coef(md, dem, make_p, 1), model_add_coef(md, dem, lost, 1);
    round_plan w;
    CHECK(round_plan_init(&w, md) == 0);
    double relaxation[5];
    relaxation[make_c] = relaxation[make_p] = 0.5, relaxation[setup_c] = 0.005, relaxation[setup_p] = 0.125;
    relaxation[lost] = 0;
    for (int j = 0; j < md->ncols; j++) w.x[j + 1] = relaxation[j];
    w.x[setup_c + 1] = 0, w.x[setup_p + 1] = 1; /* the component's setup closed by the descent */
    round_plan_unpin(&w);
    int row = round_plan_propagate(&w, 10);
    CHECK(row >= 0);
    CHECK_EQ_INT(round_plan_close_forcing(&w, row, relaxation), 1);
    CHECK(w.x[setup_p + 1] == 0 && w.x[setup_c + 1] == 0);
    CHECK_EQ_INT(round_plan_propagate(&w, 10), -1);
    /* the parent stays closed when the component's closing is undone near the balance */
    CHECK_EQ_INT(round_plan_reopen_near(&w, bal, relaxation), 1);
    CHECK(w.x[setup_p + 1] == 0 && w.x[setup_c + 1] == 1);
    /* unpinned, reopening puts the parent back */
    w.x[setup_c + 1] = 0;
    round_plan_unpin(&w);
    CHECK_EQ_INT(round_plan_reopen_near(&w, bal, relaxation), 2);
    CHECK(w.x[setup_p + 1] == 1 && w.x[setup_c + 1] == 1);
    /* the parent's relaxation flow at its minimum: nothing below it nearby, and the row's own
     * integers do not push it the wrong way: 0 */
    w.x[setup_c + 1] = 0;
    relaxation[make_p] = 4;
    round_plan_unpin(&w);
    row = round_plan_propagate(&w, 10);
    CHECK(row >= 0);
    CHECK_EQ_INT(round_plan_close_forcing(&w, row, relaxation), md->rm[row].kind == R_SETUP_MIN);
    round_plan_free(&w);
    model_free(md);
}

TEST(tm_lim_until)
{
    double now = now_seconds();
    CHECK_EQ_INT(glpk_tm_lim_until(now - 5), 1);
    int ms = glpk_tm_lim_until(now + 2.5);
    CHECK(ms > 2300 && ms <= 2501);
    CHECK_EQ_INT(glpk_tm_lim_until(1e300), INT_MAX);
}

HARNESS_MAIN("pdlp_mip", T(conformance_mips), T(families_with_integers), T(infeasible), T(cancelled_and_time_limit),
             T(start_point), T(propagation_and_repair),
             T(repair_by_closing), T(tm_lim_until))
