/* test_cuts_ls.c - the (l,S) lot-sizing inequalities (models/cuts_ls.c, docs/formulation.md):
 *  - the outflow bound D(a,l) on hand-worked networks (each expected value is worked out in the
 *    comment beside it): a customer without stock, a lane with a lead time, backlog mode,
 *    customer stock, a capacitated lane into a warehouse, BOM consumption, nothing finite;
 *  - validity: on small random lot-sizing networks with lead times, initial stock, receipts,
 *    backlog, two operations making one item and a BOM, the optimum of GLPK alone
 *    (SCOPT_MIP_GLPK, no (l,S) cuts) violates no inequality the separation can produce, and
 *    scopt's strategy (SCOPT_MIP_AUTO) reaches the same optimal cost. */
#include "harness.h"
#include "cuts_ls.h"
#include "family_util.h"
#include "plan.h"

/* a lot-sizing dataset: plant P, customer C (+ warehouse W); EXTRA_* rows appended */
static const char *dataset(const char *tag, const char *ops, const char *bom, const char *lanes,
                           const char *inventory, const char *demand, const char *periods)
{
    char settings[64];
    snprintf(settings, sizeof settings, "key,value\nperiods,%s\n", periods);
    csv_file files[] = {
        {"items.csv", "item\nA\nB\n"},
        {"sites.csv", "site,kind\nP,plant\nC,customer\nW,warehouse\nS,supplier\n"},
        {"operations.csv", ops},
        {"bom.csv", bom},
        {"lanes.csv", lanes},
        {"inventory.csv", inventory},
        {"demand.csv", demand},
        {"settings.csv", settings},
        {NULL, NULL}};
    return write_dataset(tag, files);
}

static const char *const OPS_A = "operation,site,item,setup_cost,max_per_period\nmkA,P,A,10,100\n";
static const char *const NO_BOM = "operation,item,quantity\n";
static const char *const NO_INV = "site,item,initial\n";
/* lost sales: periods 1,2,4,5 (none in 3) */
static const char *const DEMAND_A = "customer,item,period,quantity,unmet_penalty\n"
                                    "C,A,1,10,100\nC,A,2,20,100\nC,A,4,40,100\nC,A,5,50,100\n";

/* solve DIR with the strategy; the prepared cuts of its model (NULL on failure) */
static scopt_plan *solve_with(const char *dir, scopt_mip_strategy s, scopt_network **net)
{
    scopt_error err;
    scopt_options opt;
    scopt_options_init(&opt);
    opt.mip_gap = 0;
    opt.mip_strategy = s;
    *net = NULL;
    if (!dir || scopt_network_read_dir(dir, &opt, net, &err) != SCOPT_OK) {
        fprintf(stderr, "  read %s: %s\n", dir ? dir : "(null)", err.message);
        return NULL;
    }
    scopt_plan *p = NULL;
    if (scopt_solve(*net, &opt, &p, &err) != SCOPT_OK) fprintf(stderr, "  solve %s: %s\n", dir, err.message);
    return p;
}

/* D(a,l) of operation 0 of the dataset (-1: no cut possible), for each (a,l) of want */
static void check_bounds(const char *dir, int n, const int (*al)[2], const double *want)
{
    scopt_network *net;
    scopt_plan *p = dir ? solve_dir(dir, &net) : NULL;
    CHECK(p != NULL);
    if (!p) { scopt_network_free(net); return; }
    int count = -1;
    ls_cuts *c = ls_cuts_new(p->model, &count);
    CHECK(c != NULL);
    for (int k = 0; c && k < n; k++) {
        if (want[k] < 0) { CHECK_EQ_INT(count, 0); continue; }
        CHECK_EQ_INT(count, 1);
        if (count != 1) break;
        double got = ls_cuts_outflow_bound(c, 0, al[k][0], al[k][1]);
        if (fabs(got - want[k]) > 1e-9) {
            fprintf(stderr, "  %s: D(%d,%d) = %g, expected %g\n", dir, al[k][0], al[k][1], got, want[k]);
            harness_failed_checks++;
        }
    }
    ls_cuts_free(c);
    scopt_plan_free(p);
    scopt_network_free(net);
}

TEST(bound_customer_without_stock)
{
    /* what C takes in each period: its demand 10,20,0,40,50 */
    const char *dir = dataset("ls_nostock", OPS_A, NO_BOM, "from,to\nP,C\n", NO_INV, DEMAND_A, "5");
    static const int al[][2] = {{1, 1}, {1, 2}, {2, 4}, {3, 3}, {1, 5}};
    static const double want[] = {10, 30, 60, 0, 120};
    check_bounds(dir, 5, al, want);
}

TEST(bound_lane_lead_time)
{
    /* lead time 1: ships in u arrive in u+1 and exist for u <= 4; D(a,l) = demand of
     * a+1..min(l,4)+1: D(1,1) = 20, D(1,3) = 20+0+40 = 60, D(4,5) = 50, D(2,2) = 0 */
    const char *dir = dataset("ls_lead", OPS_A, NO_BOM, "from,to,lead_time\nP,C,1\n", NO_INV, DEMAND_A, "5");
    static const int al[][2] = {{1, 1}, {1, 3}, {4, 5}, {2, 2}};
    static const double want[] = {20, 60, 50, 0};
    check_bounds(dir, 4, al, want);
}

TEST(bound_backlog_and_customer_stock)
{
    /* backlog mode (backorder_cost > 0): deliveries up to l are at most the demand up to l;
     * C may hold 5 units (inventory max 5): D(a,l) = cumulative demand(l) + 5:
     * D(2,2) = 10+20+5 = 35, D(1,4) = 70+5 = 75, D(5,5) = 120+5 = 125 */
    const char *dem = "customer,item,period,quantity,unmet_penalty,backorder_cost\n"
                      "C,A,1,10,100,1\nC,A,2,20,100,1\nC,A,4,40,100,1\nC,A,5,50,100,1\n";
    const char *dir = dataset("ls_backlog", OPS_A, NO_BOM, "from,to\nP,C\n", "site,item,initial,max\nC,A,0,5\n", dem, "5");
    static const int al[][2] = {{2, 2}, {1, 4}, {5, 5}};
    static const double want[] = {35, 75, 125};
    check_bounds(dir, 3, al, want);
}

TEST(bound_lane_capacity_into_warehouse)
{
    /* W holds stock without limit: only the lane capacity 25 bounds the outflow (plus what C
     * takes directly from P): D(a,l) = 25*(l-a+1) + demand(a..l); D(1,2) = 50+30 = 80 */
    const char *dir = dataset("ls_wh", OPS_A, NO_BOM, "from,to,capacity\nP,W,25\nP,C,\n", NO_INV, DEMAND_A, "5");
    static const int al[][2] = {{1, 2}, {3, 3}};
    static const double want[] = {80, 25};
    check_bounds(dir, 2, al, want);
}

TEST(bound_unbounded_means_no_cut)
{
    /* a lane into W without capacity: the outflow of (P,A) has no finite bound */
    const char *dir = dataset("ls_inf", OPS_A, NO_BOM, "from,to\nP,W\nP,C\n", NO_INV, DEMAND_A, "5");
    static const int al[][2] = {{1, 1}};
    static const double want[] = {-1};
    check_bounds(dir, 1, al, want);
}

TEST(bound_bom_consumption)
{
    /* A is consumed by mkB (2 per unit, at most 10 units of mkB a period): D(a,l) = 20 per
     * period; B goes to C (demand of B 5 a period). mkA is operation 0: D(1,3) = 60 */
    const char *ops = "operation,site,item,setup_cost,max_per_period\nmkA,P,A,10,100\nmkB,P,B,0,10\n";
    const char *dem = "customer,item,period,quantity,unmet_penalty\nC,B,1,5,100\nC,B,2,5,100\nC,B,3,5,100\n";
    const char *dir = dataset("ls_bom", ops, "operation,item,quantity\nmkB,A,2\n", "from,to,item\nP,C,B\n", NO_INV, dem, "3");
    static const int al[][2] = {{1, 3}, {2, 2}};
    static const double want[] = {60, 20};
    check_bounds(dir, 2, al, want);
}

/* ---- validity on random networks ---- */
static unsigned rnd(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7fff;
}

#define APPEND(buf, ...) (k += (size_t)snprintf(buf + k, sizeof buf - k, __VA_ARGS__))

/* random network number seed: items A (two operations, one with lead time), B (consumes A,
 * backlog demand); shared capacity with setup times; initial stock and a receipt */
static const char *random_dataset(unsigned seed)
{
    static char ops[512], use[512], dem[2048], inv[256], rec[128], res[128], tag[32], settings[64];
    unsigned s = seed;
    size_t k = 0;
    int T = 5 + (int)(rnd(&s) % 2);
    APPEND(ops, "operation,site,item,setup_cost,lead_time,min_lot,max_per_period\n");
    APPEND(ops, "mkA,P,A,%u,0,0,\nmkA2,P,A,%u,1,%u,\nmkB,P,B,%u,%u,0,\n", 20 + rnd(&s) % 60, 10 + rnd(&s) % 40,
           rnd(&s) % 8, 20 + rnd(&s) % 60, rnd(&s) % 2);
    k = 0;
    APPEND(use, "operation,resource,usage,setup_usage\nmkA,R,1,%u\nmkA2,R,1.5,%u\nmkB,R,1,%u\n", 2 + rnd(&s) % 8,
           2 + rnd(&s) % 8, 2 + rnd(&s) % 8);
    k = 0;
    APPEND(res, "resource,site,capacity\nR,P,%u\n", 30 + rnd(&s) % 20);
    k = 0;
    APPEND(dem, "customer,item,period,quantity,unmet_penalty,backorder_cost\n");
    for (int t = 1; t <= T; t++) {
        if (rnd(&s) % 4) APPEND(dem, "C,A,%d,%u,50,\n", t, rnd(&s) % 15);
        APPEND(dem, "C,B,%d,%u,60,%u\n", t, rnd(&s) % 10, 1 + rnd(&s) % 3);
    }
    k = 0;
    APPEND(inv, "site,item,initial,holding_cost\nP,A,%u,%u\nP,B,0,%u\n", rnd(&s) % 10, 1 + rnd(&s) % 3, 1 + rnd(&s) % 3);
    k = 0;
    APPEND(rec, "site,item,period,quantity\nP,A,%u,%u\n", 2 + rnd(&s) % 3, rnd(&s) % 10);
    snprintf(settings, sizeof settings, "key,value\nperiods,%d\n", T);
    snprintf(tag, sizeof tag, "ls_random_%u", seed);
    csv_file files[] = {
        {"items.csv", "item\nA\nB\n"},
        {"sites.csv", "site,kind\nP,plant\nC,customer\n"},
        {"operations.csv", ops},
        {"bom.csv", "operation,item,quantity\nmkB,A,1\n"},
        {"resources.csv", res},
        {"resource_use.csv", use},
        {"lanes.csv", "from,to,lead_time\nP,C,0\n"},
        {"inventory.csv", inv},
        {"receipts.csv", rec},
        {"demand.csv", dem},
        {"settings.csv", settings},
        {NULL, NULL}};
    return write_dataset(tag, files);
}

static int count_violated(const ls_row *r, void *user)
{
    (void)r;
    ++*(int *)user;
    return 0;
}

/* returns 1 when the (l,S) rows raised the LP bound */
static int check_random(unsigned seed)
{
    int raised = 0;
    const char *dir = random_dataset(seed);
    scopt_network *n1, *n2;
    scopt_plan *plain = solve_with(dir, SCOPT_MIP_GLPK, &n1), *ours = solve_with(dir, SCOPT_MIP_AUTO, &n2);
    CHECK(plain && ours);
    if (plain && ours) {
        CHECK_EQ_INT(plain->status, SCOPT_SOLVE_OPTIMAL);
        CHECK_EQ_INT(ours->status, SCOPT_SOLVE_OPTIMAL);
        CHECK_NEAR(ours->objective, plain->objective, 1e-7);
        double lp_plain = summary_number(plain, "lp_bound"), lp_ours = summary_number(ours, "lp_bound");
        CHECK(lp_ours >= lp_plain - 1e-6 * (1 + fabs(lp_plain)));
        CHECK(lp_ours <= ours->objective + 1e-6 * (1 + fabs(lp_ours)));
        raised = lp_ours > lp_plain + 1e-6 * (1 + fabs(lp_plain));
        int cuts = -1, violated = 0;
        ls_cuts *c = ls_cuts_new(plain->model, &cuts);
        CHECK(c != NULL && cuts > 0);
        if (c) ls_cuts_separate(c, plain->x, 1e-7, count_violated, &violated);
        if (violated) fprintf(stderr, "  seed %u: the optimum violates %d (l,S) inequalities\n", seed, violated);
        CHECK_EQ_INT(violated, 0);
        ls_cuts_free(c);
    }
    scopt_plan_free(plain);
    scopt_plan_free(ours);
    scopt_network_free(n1);
    scopt_network_free(n2);
    return raised;
}

TEST(optimum_satisfies_every_cut)
{
    int raised = 0;
    for (unsigned seed = 1; seed <= 25; seed++) raised += check_random(seed);
    CHECK(raised >= 10); /* the test means something: the cuts are active on most networks */
    printf("  (l,S) rows raised the LP bound on %d of 25 networks\n", raised);
}

HARNESS_MAIN("cuts_ls", T(bound_customer_without_stock), T(bound_lane_lead_time), T(bound_backlog_and_customer_stock),
             T(bound_lane_capacity_into_warehouse), T(bound_unbounded_means_no_cut), T(bound_bom_consumption),
             T(optimum_satisfies_every_cut))
