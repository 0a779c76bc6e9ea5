/* test_families.c - one tiny dataset per constraint family of ARCHITECTURE.md section 2b, its
 * optimum worked out by hand in the comment above each test; the test solves it through the
 * public API and asserts the objective and the plan's key numbers. */
#include <math.h>
#include "family_util.h"
#include "harness.h"

#define DEMAND_HDR "customer,item,period,quantity,unmet_penalty,backorder_cost\n"

static double solve_objective(const char *tag, const csv_file *files, scopt_plan **plan, scopt_network **net)
{
    const char *dir = write_dataset(tag, files);
    *plan = dir ? solve_dir(dir, net) : NULL;
    return *plan ? scopt_plan_objective(*plan) : NAN;
}

static void done(scopt_plan *p, scopt_network *n) { scopt_plan_free(p); scopt_network_free(n); }

/* Purchases with a lead time, lost sales. A bought in t arrives in t+1, so nothing reaches C in
 * period 1: 5 units lost (5*100). Period 2: buy 8 in period 1 (capacity 10), ship 8:
 * 8*2 + 8*1 = 24. Total 524. */
TEST(lead_time_and_lost_sales)
{
    const csv_file f[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind\nS,supplier\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost,capacity,lead_time\nS,A,2,10,1\n"},
        {"lanes.csv", "from,to,item,unit_cost\nS,C,A,1\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,5,100,\nC,A,2,8,100,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("lead_time", f, &p, &n), 524, 1e-9);
    if (p) { CHECK_NEAR(summary_number(p, "delivered"), 8, 1e-9); CHECK_NEAR(summary_number(p, "costs.lost"), 500, 1e-9); }
    done(p, n);
}

/* Backlog mode (backorder_cost 4): cumulative demand 13, at most 10 arrive (in period 2).
 * backlog[1] = 5 (20), deliver 10 in period 2 (each delivered unit costs 2 + 1 and saves 4),
 * backlog[2] = 3 (12): a backlog at T costs only its backorder cost, far below the penalty of 100.
 * Purchases 20, transport 10. Total 20 + 12 + 20 + 10 = 62. */
TEST(backlog_mode)
{
    const csv_file f[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind\nS,supplier\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost,capacity,lead_time\nS,A,2,10,1\n"},
        {"lanes.csv", "from,to,item,unit_cost\nS,C,A,1\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,5,100,4\nC,A,2,8,100,4\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("backlog", f, &p, &n), 62, 1e-9);
    if (p) { CHECK_NEAR(summary_number(p, "costs.backorder"), 32, 1e-9); CHECK_NEAR(summary_number(p, "costs.lost"), 0, 1e-9); }
    done(p, n);
}

/* BOM, yield 2, resource with overtime and a calendar override. 20 units of P are ordered =
 * 10 units of operation; capacity: period 1 4 + 2 overtime, period 2 1 (calendar) + 2 overtime
 * = 9 units of operation. Each costs 3 + 1 (one R); 4 need overtime (5 each); 2 units of P are
 * lost (50 each). 9*4 + 4*5 + 100 = 156. */
TEST(bom_yield_resource_overtime_calendar)
{
    const csv_file f[] = {
        {"items.csv", "item\nR\nP\n"},
        {"sites.csv", "site,kind\nS,supplier\nF,plant\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost\nS,R,1\n"},
        {"operations.csv", "operation,site,item,yield,unit_cost\nOP,F,P,2,3\n"},
        {"bom.csv", "operation,item,quantity\nOP,R,1\n"},
        {"resources.csv", "resource,site,capacity,overtime_capacity,overtime_cost\nM,F,4,2,5\n"},
        {"resource_use.csv", "operation,resource,usage\nOP,M,1\n"},
        {"capacity_calendar.csv", "resource,period,capacity\nM,2,1\n"},
        {"lanes.csv", "from,to\nS,F\nF,C\n"},
        {"demand.csv", DEMAND_HDR "C,P,1,10,50,\nC,P,2,10,50,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("bom_resource", f, &p, &n), 156, 1e-9);
    if (p) { CHECK_NEAR(summary_number(p, "costs.overtime"), 20, 1e-9); CHECK_NEAR(summary_number(p, "delivered"), 18, 1e-9); }
    done(p, n);
}

/* supply_calendar.csv (per-period override of an offer's capacity): tests/data/supply_calendar.
 * Periods 1..3, lane S->C
 * (item-less) at 1 per unit, penalty 100 per unit lost.
 * A: supply.csv capacity 10 at 2, calendar 3 in period 2 (and a row for period 5, beyond the
 * horizon: ignored); holding A at S costs 1. Demand 5, 12, 4. Period 1 buys 10: 5 delivered,
 * 5 held (5) for period 2, which buys 3: 8 delivered, 4 lost (400); period 3 buys 4.
 * Delivered 17: purchases 34, transport 17. A: 34 + 17 + 5 + 400 = 456.
 * B: no capacity in supply.csv, calendar 2 in period 1 only, at 1. Demand 6, 1: period 1 can
 * buy 2 (nothing earlier): 4 lost (400); period 2 unlimited: 1. B: 3 + 3 + 400 = 406.
 * Total 862 (without the calendar: A holds 2 from period 1, nothing lost: 21*3 + 2 + 7*2 = 79). */
TEST(supply_calendar_overrides_capacity)
{
    scopt_network *n = NULL;
    scopt_plan *p = solve_dir("tests/data/supply_calendar", &n); /* the dataset above */
    CHECK(p != NULL);
    if (p) {
        CHECK_NEAR(scopt_plan_objective(p), 862, 1e-9);
        CHECK_NEAR(summary_number(p, "costs.lost"), 800, 1e-9);
        CHECK_NEAR(summary_number(p, "costs.holding"), 5, 1e-9);
        CHECK_NEAR(summary_number(p, "costs.purchase"), 37, 1e-9);
    }
    done(p, n);
}

/* The same offers with an order decision (order_cost 1, min_order 4): capacity(t) is the big-M
 * of buy <= capacity(t) * order. A's calendar 3 in period 2 is below min_order, so period 2
 * cannot order at all: period 1 orders 10 (5 delivered, 5 held), period 2 delivers the 5 held
 * and loses 7 (700), period 3 orders 4. Purchases 28, orders 2, transport 14, holding 5,
 * lost 700: 749. */
TEST(supply_calendar_bounds_orders)
{
    const csv_file f[] = {
        {"settings.csv", "key,value\nperiods,3\n"},
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind\nS,supplier\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost,capacity,min_order,order_cost\nS,A,2,10,4,1\n"},
        {"supply_calendar.csv", "supplier,item,period,capacity\nS,A,2,3\n"},
        {"inventory.csv", "site,item,holding_cost\nS,A,1\n"},
        {"lanes.csv", "from,to,unit_cost\nS,C,1\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,5,100,\nC,A,2,12,100,\nC,A,3,4,100,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("supply_calendar_orders", f, &p, &n), 749, 1e-9);
    if (p) { CHECK_NEAR(summary_number(p, "costs.order"), 2, 1e-9); CHECK_NEAR(summary_number(p, "costs.lost"), 700, 1e-9); }
    done(p, n);
}

/* A lane without item, capacity 10 units shared by A (volume 2) and B (volume 1), trucks of
 * volume 8 at 7 each. Demand A 3, B 9 (penalty 100): ship 10 (A 3 + B 7 or any mix), lose 2
 * (200); volume 13 needs 2 trucks (14); purchases 10. Total 224. */
TEST(lane_capacity_and_vehicles)
{
    const csv_file f[] = {
        {"items.csv", "item,volume\nA,2\nB,1\n"},
        {"sites.csv", "site,kind\nS,supplier\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost\nS,A,1\nS,B,1\n"},
        {"lanes.csv", "from,to,capacity,vehicle_capacity,vehicle_cost\nS,C,10,8,7\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,3,100,\nC,B,1,9,100,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("vehicles", f, &p, &n), 224, 1e-9);
    if (p) CHECK_NEAR(summary_number(p, "costs.vehicles"), 14, 1e-9);
    done(p, n);
}

/* Storage 10 (volume 2 per unit: at most 5 units), safety stock 6 with shortfall 3 per unit and
 * period, holding 0.5. Keeping a unit for both periods costs 1 + 1 = 2 < 6 of shortfall, so W
 * holds 5 (the storage limit) in both periods: shortfall 1+1 (6), holding 5 (0.5*5*2),
 * purchases 5 + 2 (the demand of 2 in period 2). Total 6 + 5 + 7 = 18. */
TEST(storage_holding_safety_stock)
{
    const csv_file f[] = {
        {"items.csv", "item,volume\nA,2\n"},
        {"sites.csv", "site,kind,storage_capacity\nS,supplier,\nW,warehouse,10\nC,customer,\n"},
        {"supply.csv", "supplier,item,unit_cost\nS,A,1\n"},
        {"lanes.csv", "from,to\nS,W\nW,C\n"},
        {"inventory.csv", "site,item,holding_cost,safety_stock,shortfall_penalty\nW,A,0.5,6,3\n"},
        {"demand.csv", DEMAND_HDR "C,A,2,2,100,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("storage", f, &p, &n), 18, 1e-9);
    if (p) { CHECK_NEAR(summary_number(p, "costs.shortfall"), 6, 1e-9); CHECK_NEAR(summary_number(p, "costs.holding"), 5, 1e-9); }
    done(p, n);
}

/* Setups: min lot 5, setup cost 10, setup usage 2 on a resource of capacity 8, so at most
 * M = (8 - 2) / 1 = 6 per setup. Demand 4 then 3 (penalty 20). One setup (make 6, lose 1):
 * 10 + 6 + 2 held + 20 = 38. Two setups of the minimum lot 5: 20 + 10 + 1 held after period 1
 * + 3 left over after period 2 = 34. Optimum 34. */
TEST(setups_min_lot_setup_usage)
{
    const csv_file f[] = {
        {"items.csv", "item\nR\nP\n"},
        {"sites.csv", "site,kind\nS,supplier\nF,plant\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost\nS,R,0\n"},
        {"operations.csv", "operation,site,item,unit_cost,min_lot,setup_cost\nOP,F,P,1,5,10\n"},
        {"bom.csv", "operation,item,quantity\nOP,R,1\n"},
        {"resources.csv", "resource,site,capacity\nM,F,8\n"},
        {"resource_use.csv", "operation,resource,usage,setup_usage\nOP,M,1,2\n"},
        {"lanes.csv", "from,to\nS,F\nF,C\n"},
        {"inventory.csv", "site,item,holding_cost\nF,P,1\n"},
        {"demand.csv", DEMAND_HDR "C,P,1,4,20,\nC,P,2,3,20,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("setups", f, &p, &n), 34, 1e-9);
    if (p) CHECK_NEAR(summary_number(p, "costs.setup"), 20, 1e-9);
    done(p, n);
}

/* Orders: min order 10, order cost 5, capacity 20; demand 4 and 4 (penalty 50); holding 0.5 at
 * S and W. One order of 10 in period 1: 5 + 10, stock 6 after period 1 (3) and 2 after period 2
 * (1): 19. Two orders would cost 30. Optimum 19. */
TEST(orders_min_order)
{
    const csv_file f[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind\nS,supplier\nW,warehouse\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost,capacity,min_order,order_cost\nS,A,1,20,10,5\n"},
        {"lanes.csv", "from,to\nS,W\nW,C\n"},
        {"inventory.csv", "site,item,holding_cost\nS,A,0.5\nW,A,0.5\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,4,50,\nC,A,2,4,50,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("orders", f, &p, &n), 19, 1e-9);
    if (p) CHECK_NEAR(summary_number(p, "costs.order"), 5, 1e-9);
    done(p, n);
}

/* Optional site W1 (fixed 30, free lanes) against W2 (non-optional, fixed 5 = a constant;
 * lanes 2 + 2 per unit). 10 units: via W1 30 + 10 = 40 < via W2 10 + 40 = 50 -> open W1,
 * total 45. 5 units: via W1 35 > via W2 25 -> W1 closed, total 30. */
TEST(optional_site_open_close)
{
    const char *sites = "site,kind,fixed_cost,optional\nS,supplier,,\nW1,warehouse,30,1\nW2,warehouse,5,0\nC,customer,,\n";
    const char *lanes = "from,to,unit_cost,capacity\nS,W1,0,50\nW1,C,0,\nS,W2,2,\nW2,C,2,\n";
    csv_file f[] = {
        {"items.csv", "item\nA\n"}, {"sites.csv", sites},
        {"supply.csv", "supplier,item,unit_cost,capacity\nS,A,1,100\n"}, {"lanes.csv", lanes},
        {"demand.csv", DEMAND_HDR "C,A,1,10,100,\n"}, {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("open_w1", f, &p, &n), 45, 1e-9);
    if (p) { CHECK_NEAR(summary_number(p, "objective_constant"), 5, 1e-9); CHECK_NEAR(summary_number(p, "costs.fixed"), 35, 1e-9); }
    done(p, n);
    f[4].text = DEMAND_HDR "C,A,1,5,100,\n";
    CHECK_NEAR(solve_objective("close_w1", f, &p, &n), 30, 1e-9);
    if (p) CHECK_NEAR(summary_number(p, "costs.fixed"), 5, 1e-9);
    done(p, n);
}

/* Initial stock and receipts, no supply: W starts with 3, receives 4 in period 2; demand 2 then
 * 5. Period 1: ship 2, hold 1 (1). Period 2: 1 + 4 = 5 shipped. Transport 7. Total 8. A safety
 * stock of 2 at X, a buffer no flow touches with 0 stock, is a constant 2 * 4 per period
 * * 2 periods = 16 (objective 24, constant 16). */
TEST(initial_stock_receipts_and_constant_shortfall)
{
    const csv_file f[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind\nW,warehouse\nX,warehouse\nC,customer\n"},
        {"lanes.csv", "from,to,unit_cost\nW,C,1\n"},
        {"inventory.csv", "site,item,initial,holding_cost,safety_stock,shortfall_penalty\nW,A,3,1,,\nX,A,0,0,2,4\n"},
        {"receipts.csv", "site,item,period,quantity\nW,A,2,4\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,2,10,\nC,A,2,5,10,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("receipts", f, &p, &n), 24, 1e-9);
    if (p) CHECK_NEAR(summary_number(p, "objective_constant"), 16, 1e-9);
    done(p, n);
}

/* Buffers at customers (section 2b "Buffers", docs/decisions.md 5): item-less lanes S->W->C
 * can carry A and B, but C demands only A, so no lane carries B into C and (C, B) has no
 * balance. Rows: balances of (S,A), (S,B), (W,A), (W,B), (C,A) over 2 periods = 10, demand of
 * (C,A) in 2 periods = 2: 12 rows (14 with an empty balance of (C,B)). Each unit of A costs
 * 1 + 1 + 1 = 3: 7 units, 21. A receipt of B at C (which may not hold B) has nowhere to go:
 * then the model is infeasible, as before. */
TEST(customer_buffers_only_for_carried_items)
{
    csv_file f[] = {
        {"items.csv", "item\nA\nB\n"},
        {"sites.csv", "site,kind\nS,supplier\nW,warehouse\nC,customer\n"},
        {"supply.csv", "supplier,item,unit_cost\nS,A,1\nS,B,1\n"},
        {"lanes.csv", "from,to,unit_cost\nS,W,1\nW,C,1\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,3,100,\nC,A,2,4,100,\n"},
        {NULL, NULL}, {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    CHECK_NEAR(solve_objective("customer_buffers", f, &p, &n), 21, 1e-9);
    if (p) CHECK_NEAR(summary_number(p, "model.rows"), 12, 0);
    done(p, n);
    f[5] = (csv_file){"receipts.csv", "site,item,period,quantity\nC,B,1,2\n"};
    const char *dir = write_dataset("customer_receipt", f);
    p = dir ? solve_dir(dir, &n) : NULL;
    CHECK(p != NULL);
    if (p) CHECK_EQ_INT(scopt_plan_status(p), SCOPT_SOLVE_INFEASIBLE);
    done(p, n);
}

/* Infeasible: 8 units of initial stock at W, storage capacity 5, nowhere to send them. The
 * status is infeasible and the explanation names the storage of W in period 1. */
TEST(infeasible_is_explained)
{
    const csv_file f[] = {
        {"items.csv", "item\nA\n"},
        {"sites.csv", "site,kind,storage_capacity\nW,warehouse,5\nC,customer,\n"},
        {"inventory.csv", "site,item,initial\nW,A,8\n"},
        {"demand.csv", DEMAND_HDR "C,A,1,1,10,\n"},
        {NULL, NULL}};
    scopt_plan *p; scopt_network *n;
    const char *dir = write_dataset("infeasible", f);
    p = solve_dir(dir, &n);
    CHECK(p != NULL);
    if (!p) { scopt_network_free(n); return; }
    CHECK_EQ_INT(scopt_plan_status(p), SCOPT_SOLVE_INFEASIBLE);
    CHECK(scopt_plan_explanation_count(p) >= 1);
    int found = 0;
    for (int k = 0; k < scopt_plan_explanation_count(p); k++)
        found |= strstr(scopt_plan_explanation(p, k), "storage at W in period 1") != NULL;
    CHECK(found);
    done(p, n);
}

HARNESS_MAIN("families", T(lead_time_and_lost_sales), T(backlog_mode), T(bom_yield_resource_overtime_calendar),
             T(supply_calendar_overrides_capacity), T(supply_calendar_bounds_orders),
             T(lane_capacity_and_vehicles), T(storage_holding_safety_stock), T(setups_min_lot_setup_usage),
             T(orders_min_order), T(optional_site_open_close), T(initial_stock_receipts_and_constant_shortfall),
             T(customer_buffers_only_for_carried_items), T(infeasible_is_explained))
