/* test_check.c - tests of `scopt check` (scopt_check_plan): a plan worked out by hand for
 * the small dataset tests/data/check/net is accepted, and copies of it (or of the
 * dataset) with one rule broken are rejected with the violation count worked out by hand.
 *
 * The hand plan (tests/data/check/plan, T = 3; see tests/data/check/README.md):
 *   buy 15 RAW from SUP in 1 (order 1, min_order 10, lead 1; supply_calendar: 50 in period 1,
 *   0 in period 2) -> SUP in 2 -> PLANT in 2;
 *   MAKE 6 in 1 and 5 in 2 (yield 2, 3 RAW each, lead 1, setups) -> 12 FG in 2, 10 FG in 3;
 *   LINE load 2*6+1 = 13 <= 20 in 1, 2*5+1 = 11 <= 10 (calendar) + overtime 1 in 2;
 *   PLANT -> DC 12 in 2 (lead 1, 1 vehicle: volume 24 <= 30), PLANT -> HUB -> C2 10 in 3;
 *   DC (initial 10, receipt 4 in 2) -> C1 9 in 1 and 11 in 3 (item-less lane), -> C2 5 in 2;
 *   C1 (lost sales) keeps 1 in stock after 1, delivers 8 and 12 of 13 (1 lost);
 *   C2 (backlog) delivers 5 of 15 in 2 (backlog 10) and 10 in 3 with 5 lost (backlog 5).
 * Total cost, by hand:
 *   purchase 2*15 = 30, order 5, production 3*11 = 33, setup 20*2 = 40,
 *   transport 0.5*15 + 1*12 + 0.2*10 + 0.5*10 + 1*9 + 2*5 + 1*11 = 56.5, vehicles 10,
 *   holding 0.1*(2+2+2) + 0.5*(1+0+1) + 0.2*(1+1+0) = 2, overtime 4*1 = 4,
 *   fixed 100 (PLANT, constant) + 50 (HUB open) = 150, lost 100*1 + 60*5 = 400,
 *   backorder 5*10 + 6*5 = 80, shortfall 3*(4+5+4) = 39;   objective = 849.5. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "harness.h"
#include "plan.h"  /* internal: a plan re-decoded after an edit of its columns */
#include "scopt.h"

#define DATA "tests/data/check"
#define OUT "tests/out/check"

typedef struct {
    int errors;
    char text[16384];
} collected;

static void collect(const scopt_diagnostic *d, void *user)
{
    collected *c = user;
    if (d->severity != SCOPT_SEV_ERROR) return;
    c->errors++;
    size_t len = strlen(c->text);
    snprintf(c->text + len, sizeof c->text - len, "%s:%ld:%ld: %s\n", d->file, d->line, d->column, d->message);
}

static void mkdirs(const char *path)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') { *p = '\0'; mkdir(buf, 0755); *p = '/'; }
    mkdir(buf, 0755);
}

static int copy_file(const char *src, const char *dst)
{
    FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
    char buf[4096];
    size_t n;
    int rc = in && out ? 0 : -1;
    while (!rc && (n = fread(buf, 1, sizeof buf, in)) > 0) rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
    if (in) fclose(in);
    if (out) fclose(out);
    return rc;
}

/* copy the regular files of SRC into DST (created, emptied of its files first) */
static int copy_dir(const char *src, const char *dst)
{
    char a[600], b[600];
    mkdirs(dst);
    DIR *d = opendir(dst);
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.') { snprintf(b, sizeof b, "%s/%s", dst, e->d_name); unlink(b); }
    if (d) closedir(d);
    d = opendir(src);
    if (!d) return -1;
    int rc = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        snprintf(a, sizeof a, "%s/%s", src, e->d_name);
        snprintf(b, sizeof b, "%s/%s", dst, e->d_name);
        rc |= copy_file(a, b);
    }
    closedir(d);
    return rc;
}

/* replace the first OLD in PATH by NEW; -1 when OLD is not there */
static int replace_in_file(const char *path, const char *old, const char *new_text)
{
    static char buf[65536], out[65536 + 1024];
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *at = strstr(buf, old);
    if (!at) return -1;
    snprintf(out, sizeof out, "%.*s%s%s", (int)(at - buf), buf, new_text, at + strlen(old));
    f = fopen(path, "wb");
    if (!f) return -1;
    fputs(out, f);
    fclose(f);
    return 0;
}

typedef struct { char where; const char *file, *old, *new_text; } edit;
typedef struct {
    const char *name;
    long expected;         /* violations */
    const char *message;   /* a part of one of them */
    edit edits[5];
} mutation;

typedef struct {
    scopt_status status;
    long violations;
    scopt_error err;
    collected diag;
} check_result;

/* copy the dataset and the plan under OUT/NAME, apply EDITS, read and check */
static check_result run_case(const char *name, const edit *edits)
{
    check_result r;
    char net_dir[300], plan_dir[300], path[400];
    memset(&r, 0, sizeof r);
    snprintf(net_dir, sizeof net_dir, OUT "/%s/net", name);
    snprintf(plan_dir, sizeof plan_dir, OUT "/%s/plan", name);
    CHECK(copy_dir(DATA "/net", net_dir) == 0);
    CHECK(copy_dir(DATA "/plan", plan_dir) == 0);
    for (const edit *e = edits; e && e->file; e++) {
        snprintf(path, sizeof path, "%s/%s", e->where == 'n' ? net_dir : plan_dir, e->file);
        if (!e->old) { CHECK(unlink(path) == 0); continue; }
        if (replace_in_file(path, e->old, e->new_text)) {
            fprintf(stderr, "  %s: edit not applied: '%s' not in %s\n", name, e->old, path);
            CHECK(0);
        }
    }
    scopt_options opt;
    scopt_options_init(&opt);
    scopt_network *net = NULL;
    scopt_error nerr;
    CHECK(scopt_network_read_dir(net_dir, &opt, &net, &nerr) == SCOPT_OK);
    if (!net) { fprintf(stderr, "  %s: dataset: %s\n", name, nerr.message); r.status = nerr.code; return r; }
    opt.on_diagnostic = collect;
    opt.diagnostic_user = &r.diag;
    r.status = scopt_check_plan(net, plan_dir, &opt, &r.violations, &r.err);
    scopt_network_free(net);
    return r;
}

TEST(hand_plan_is_accepted)
{
    check_result r = run_case("accepted", NULL);
    CHECK(r.status == SCOPT_OK);
    CHECK_EQ_INT(r.violations, 0);
    CHECK_EQ_INT(r.diag.errors, 0);
    if (r.diag.errors) fprintf(stderr, "%s", r.diag.text);
}

TEST(date_columns_are_accepted)
{
    const edit e[] = {{'p', "purchases.csv", "quantity,order,cost\nSUP,RAW,1,2,15,1,35",
                       "quantity,order,cost,order_date,arrival_date\nSUP,RAW,1,2,15,1,35,2025-01-06,2025-01-13"},
                      {0, 0, 0, 0}};
    check_result r = run_case("dates", e);
    CHECK(r.status == SCOPT_OK);
    CHECK_EQ_INT(r.violations, 0);
}

/* Each case breaks one rule; where the rest of the plan would also change (costs,
 * loads), the other files are edited to stay consistent, so that the count is that of
 * the rule broken (worked out by hand in the comment when it is not 1). */
static const mutation cases[] = {
    {"balance_off", 1, "balance of (SUP, RAW) in period 3 is off by 1 (in 0, out 1)",
     {{'p', "inventory_plan.csv", "SUP,RAW,3,0,0,0", "SUP,RAW,3,1,0,0"}}},
    {"output_quantity_wrong", 2, "output_quantity is 13, expected yield * quantity = 12", /* + PLANT FG balance in 2 */
     {{'p', "production.csv", "MAKE,PLANT,FG,1,2,6,12,1,38", "MAKE,PLANT,FG,1,2,6,13,1,38"}}},
    {"lane_capacity", 1, "lane SUP -> PLANT ships 15 in period 2, above its capacity 14 by 1",
     {{'n', "lanes.csv", "SUP,PLANT,,truck,0.5,0,60", "SUP,PLANT,,truck,0.5,0,14"}}},
    {"supply_capacity", 1, "exceeds capacity * order = 14 * 1 by 1", /* without the calendar's 50 */
     {{'n', "supply.csv", "SUP,RAW,2,100,1,10,5", "SUP,RAW,2,14,1,10,5"}, {'n', "supply_calendar.csv", NULL, NULL}}},
    /* with it, supply.csv's 14 does not hold in period 1 */
    {"supply_capacity_overridden", 0, "", {{'n', "supply.csv", "SUP,RAW,2,100,1,10,5", "SUP,RAW,2,14,1,10,5"}}},
    /* supply_calendar.csv: 50 in period 1, 0 in period 2 (the plan buys 15 in period 1 only) */
    {"supply_calendar_capacity", 1, "exceeds capacity in period 1 (supply_calendar.csv) * order = 14 * 1 by 1",
     {{'n', "supply_calendar.csv", "SUP,RAW,1,50", "SUP,RAW,1,14"}}},
    {"supply_calendar_other_period", 1, "exceeds capacity in period 1 (supply_calendar.csv) * order = 0 * 1 by 15",
     {{'n', "supply_calendar.csv", "SUP,RAW,1,50\nSUP,RAW,2,0", "SUP,RAW,1,0\nSUP,RAW,2,50"}}},
    {"resource_capacity", 1, "load of LINE in period 2 is 11, above capacity 10 + overtime 0.5 by 0.5",
     {{'p', "resource_load.csv", "LINE,2,11,10,1,10,1,1.1", "LINE,2,11,10,1,10,0.5,1.1"},
      {'p', "summary.json", "\"overtime\": 4", "\"overtime\": 2"},
      {'p', "summary.json", "849.5", "847.5"}}},
    {"overtime_capacity", 1, "overtime of LINE in period 2 is 1; expected between 0 and overtime_capacity 0.5",
     {{'n', "resources.csv", "LINE,PLANT,20,5,4", "LINE,PLANT,20,0.5,4"}}},
    {"calendar_capacity", 2, "above capacity 9 + overtime 1", /* + the capacity column of resource_load.csv */
     {{'n', "capacity_calendar.csv", "LINE,2,10", "LINE,2,9"}}},
    {"min_lot", 1, "production of 5 by MAKE in period 2 is below the operation's min_lot 6",
     {{'n', "operations.csv", "MAKE,PLANT,FG,2,3,1,4,20,50", "MAKE,PLANT,FG,2,3,1,6,20,50"}}},
    {"max_per_period", 1, "exceeds max_per_period 5.5 by 0.5",
     {{'n', "operations.csv", "MAKE,PLANT,FG,2,3,1,4,20,50", "MAKE,PLANT,FG,2,3,1,4,20,5.5"}}},
    {"wrong_arrival_period", 1, "starts in period 2 with lead time 0 and arrives in period 2, not 3",
     {{'n', "lanes.csv", "PLANT,DC,FG,truck,1,1,", "PLANT,DC,FG,truck,1,0,"}}},
    {"arrival_beyond_horizon", 2, "would arrive in period 4, beyond the horizon of 3", /* + period 1 arrives in 3 */
     {{'n', "operations.csv", "MAKE,PLANT,FG,2,3,1,4,20,50", "MAKE,PLANT,FG,2,3,2,4,20,50"}}},
    {"closed_site_receives", 1, "shipment of 10 into HUB, which is closed (open 0)",
     {{'p', "sites.csv", "HUB,1", "HUB,0"},
      {'p', "summary.json", "\"fixed\": 150", "\"fixed\": 100"},
      {'p', "summary.json", "849.5", "799.5"}}},
    {"open_not_binary", 1, "open of HUB is 0.5; expected 0 or 1",
     {{'p', "sites.csv", "HUB,1", "HUB,0.5"},
      {'p', "summary.json", "\"fixed\": 150", "\"fixed\": 125"},
      {'p', "summary.json", "849.5", "824.5"}}},
    {"optional_site_undecided", 1, "optional site HUB has no row", {{'p', "sites.csv", "HUB,1\n", ""}}},
    {"fixed_site_closed", 1, "site DC is not optional", {{'p', "sites.csv", "HUB,1\n", "HUB,1\nDC,0\n"}}},
    {"wrong_objective", 1, "objective is 850, but the plan's total cost is 849.5",
     {{'p', "summary.json", "849.5", "850"}}},
    {"wrong_cost_component", 1, "costs.transport is 50.5, but the plan's transport cost is 56.5",
     {{'p', "summary.json", "\"transport\": 56.5", "\"transport\": 50.5"}}},
    {"wrong_row_cost", 1, "cost of purchase of 15 RAW from SUP in period 1 is 36, expected 35",
     {{'p', "purchases.csv", "SUP,RAW,1,2,15,1,35", "SUP,RAW,1,2,15,1,36"}}},
    {"vehicle_capacity", 1, "ships volume 24 in period 2, above vehicle_capacity 20 * vehicles 1",
     {{'n', "lanes.csv", "PLANT,DC,FG,truck,1,1,,30,10", "PLANT,DC,FG,truck,1,1,,20,10"}}},
    {"vehicle_count_too_small", 1, "above vehicle_capacity 30 * vehicles 0",
     {{'p', "shipments.csv", "PLANT,DC,FG,truck,FG,2,3,12,1,12", "PLANT,DC,FG,truck,FG,2,3,12,0,12"},
      {'p', "summary.json", "\"vehicles\": 10", "\"vehicles\": 0"},
      {'p', "summary.json", "849.5", "839.5"}}},
    {"vehicles_not_integer", 1, "vehicles on lane PLANT -> DC in period 2 is 1.5; expected a whole number",
     {{'p', "shipments.csv", "PLANT,DC,FG,truck,FG,2,3,12,1,12", "PLANT,DC,FG,truck,FG,2,3,12,1.5,12"},
      {'p', "summary.json", "\"vehicles\": 10", "\"vehicles\": 15"},
      {'p', "summary.json", "849.5", "854.5"}}},
    {"setup_not_integer", 1, "production of 6 by MAKE in period 1 has setup 0.5; expected 0 or 1",
     {{'p', "production.csv", "MAKE,PLANT,FG,1,2,6,12,1,38", "MAKE,PLANT,FG,1,2,6,12,0.5,28"},
      {'p', "resource_load.csv", "LINE,1,13,12,1,20,0,0.65", "LINE,1,12.5,12,0.5,20,0,0.625"},
      {'p', "summary.json", "\"setup\": 40", "\"setup\": 30"},
      {'p', "summary.json", "849.5", "839.5"}}},
    {"runs_without_setup", 1, "production of 6 by MAKE in period 1 runs without a setup",
     {{'p', "production.csv", "MAKE,PLANT,FG,1,2,6,12,1,38", "MAKE,PLANT,FG,1,2,6,12,0,18"},
      {'p', "resource_load.csv", "LINE,1,13,12,1,20,0,0.65", "LINE,1,12,12,0,20,0,0.6"},
      {'p', "summary.json", "\"setup\": 40", "\"setup\": 20"},
      {'p', "summary.json", "849.5", "829.5"}}},
    {"min_order", 1, "is below the offer's min_order 20",
     {{'n', "supply.csv", "SUP,RAW,2,100,1,10,5", "SUP,RAW,2,100,1,20,5"}}},
    {"buy_without_order", 1, "exceeds capacity in period 1 (supply_calendar.csv) * order = 50 * 0 by 15",
     {{'p', "purchases.csv", "SUP,RAW,1,2,15,1,35", "SUP,RAW,1,2,15,0,30"},
      {'p', "summary.json", "\"order\": 5", "\"order\": 0"},
      {'p', "summary.json", "849.5", "844.5"}}},
    {"lost_sales_accounting", 1, "demand of (C1, FG) in period 3: delivered 12 + lost 0 = 12, expected the 13 ordered",
     {{'p', "deliveries.csv", "C1,FG,3,13,12,0,1", "C1,FG,3,13,12,0,0"},
      {'p', "summary.json", "\"lost\": 400", "\"lost\": 300"},
      {'p', "summary.json", "849.5", "749.5"}}},
    {"backlog_accounting", 1, "backlog of (C2, FG) in period 3 is 4, expected 5",
     {{'p', "deliveries.csv", "C2,FG,3,10,10,5,5", "C2,FG,3,10,10,4,5"},
      {'p', "summary.json", "\"backorder\": 80", "\"backorder\": 74"},
      {'p', "summary.json", "849.5", "843.5"}}},
    {"safety_stock_shortfall", 1, "stock 0 + shortfall 4 of (DC, FG) in period 2 is below the safety stock 5 by 1",
     {{'p', "inventory_plan.csv", "DC,FG,2,0,5,5", "DC,FG,2,0,5,4"},
      {'p', "summary.json", "\"shortfall\": 39", "\"shortfall\": 36"},
      {'p', "summary.json", "849.5", "846.5"}}},
    {"shortfall_above_safety_stock", 1, "shortfall of (DC, FG) in period 2 is 6; expected between 0 and the safety",
     {{'p', "inventory_plan.csv", "DC,FG,2,0,5,5", "DC,FG,2,0,5,6"},
      {'p', "summary.json", "\"shortfall\": 39", "\"shortfall\": 42"},
      {'p', "summary.json", "849.5", "852.5"}}},
    {"storage_capacity", 2, "stock at DC in period 1 takes volume 2, above its storage_capacity 1", /* periods 1, 3 */
     {{'n', "sites.csv", "DC,warehouse,,,100", "DC,warehouse,,,1"}}},
    {"max_stock", 2, "stock of (DC, FG) in period 1 is 1, above its max 0.5", /* periods 1, 3 */
     {{'n', "inventory.csv", "DC,FG,10,0.5,5,40,3", "DC,FG,10,0.5,5,0.5,3"}}},
    /* C1 holds 1 in periods 1 and 2 (2), and its holding cost 0.4 is no longer due (holding, objective) */
    {"customer_stock_without_row", 4, "customer C1 holds 1 FG in period 1 without an inventory.csv row",
     {{'n', "inventory.csv", "C1,FG,0,0.2,,,\n", ""}}},
    /* the flow still counts where the plan says it goes; its cost is unknown (transport, objective) */
    {"no_such_lane", 3, "no such lane in lanes.csv (from DC, to C2, item FG, mode 'air')",
     {{'p', "shipments.csv", "DC,C2,FG,truck,FG,2,2,5,0,10", "DC,C2,FG,air,FG,2,2,5,0,10"}}},
    /* + the balances of (DC, RAW) and (C1, RAW) in period 1 */
    {"item_less_lane_cannot_carry", 3, "the item-less lane cannot carry RAW, which can never be at DC",
     {{'p', "shipments.csv", "DC,C1,FG,truck,,1,1,9,0,9\n", "DC,C1,FG,truck,,1,1,9,0,9\nDC,C1,RAW,truck,,1,1,2,0,2\n"},
      {'p', "summary.json", "\"transport\": 56.5", "\"transport\": 58.5"},
      {'p', "summary.json", "849.5", "851.5"}}},
    /* the row is dropped: (SUP, RAW) balance in 2, purchase, order and objective */
    {"unknown_supplier", 5, "unknown site 'SUPP'; expected a site of the dataset's sites.csv (did you mean 'SUP'?)",
     {{'p', "purchases.csv", "SUP,RAW,1,2,15,1,35", "SUPP,RAW,1,2,15,1,35"}}},
};

TEST(each_broken_rule_is_found)
{
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const mutation *m = &cases[k];
        check_result r = run_case(m->name, m->edits);
        int before = harness_failed_checks;
        CHECK(r.status == SCOPT_OK);
        CHECK_EQ_INT(r.violations, m->expected);
        CHECK_EQ_INT(r.diag.errors, m->expected);
        CHECK(strstr(r.diag.text, m->message) != NULL);
        if (harness_failed_checks != before)
            fprintf(stderr, "  case %s (expected %ld, '%s'):\n%s", m->name, m->expected, m->message, r.diag.text);
    }
}

TEST(violations_name_the_plan_file_and_line)
{
    const edit e[] = {{'p', "shipments.csv", "PLANT,DC,FG,truck,FG,2,3,12,1,12", "PLANT,DC,FG,truck,FG,2,3,12,1,13"},
                      {0, 0, 0, 0}};
    check_result r = run_case("located", e);
    CHECK_EQ_INT(r.violations, 1);
    CHECK(strstr(r.diag.text, "tests/out/check/located/plan/shipments.csv:3:10: cost of shipment of 12 FG from "
                              "PLANT to DC in period 2 is 13, expected 12") != NULL);
    if (!strstr(r.diag.text, "shipments.csv:3:10")) fprintf(stderr, "%s", r.diag.text);
}

TEST(bad_plan_files_are_bad_input)
{
    const edit missing[] = {{'p', "deliveries.csv", NULL, NULL}, {0, 0, 0, 0}};
    check_result r = run_case("missing_file", missing);
    CHECK(r.status == SCOPT_EINPUT);
    CHECK(strstr(r.err.file, "deliveries.csv") != NULL);
    const edit number[] = {{'p', "purchases.csv", "SUP,RAW,1,2,15,1,35", "SUP,RAW,1,2,lots,1,35"}, {0, 0, 0, 0}};
    r = run_case("bad_number", number);
    CHECK(r.status == SCOPT_EINPUT);
    CHECK(strstr(r.err.file, "purchases.csv") != NULL);
    CHECK_EQ_INT(r.err.line, 2);
    CHECK_EQ_INT(r.err.column, 5);
    const edit repeated[] = {{'p', "production.csv", "MAKE,PLANT,FG,2,3,5,10,1,35", "MAKE,PLANT,FG,1,3,5,10,1,35"},
                             {0, 0, 0, 0}};
    r = run_case("repeated_row", repeated);
    CHECK(r.status == SCOPT_EINPUT);
    CHECK(strstr(r.err.message, "same key as line 2") != NULL);
    const edit json[] = {{'p', "summary.json", "\"status\": \"feasible\",", "\"status\": \"feasible\""}, {0, 0, 0, 0}};
    r = run_case("bad_json", json);
    CHECK(r.status == SCOPT_EINPUT);
    CHECK(strstr(r.err.file, "summary.json") != NULL && r.err.line == 3);
    const edit no_cost[] = {{'p', "summary.json", "\"order\": 5, ", ""}, {0, 0, 0, 0}};
    r = run_case("summary_without_order_cost", no_cost);
    CHECK(r.status == SCOPT_EINPUT);
    CHECK(strstr(r.err.message, "\"order\"") != NULL);
}

/* A plan that pays for a vehicle on a lane that ships nothing in that period (not optimal, but a
 * heuristic's or a time-limited plan can be so) shows it on a shipments.csv row of quantity 0,
 * so that the files account for the vehicle cost in summary.json and check accepts them. */
static void redecode(scopt_plan *p)
{
    free(p->res_run); free(p->res_setup); free(p->res_overtime);
    p->res_run = p->res_setup = p->res_overtime = NULL;
    memset(p->costs, 0, sizeof p->costs);
    p->ordered = p->delivered = p->lost = 0;
    plan_rows_free(p);
    CHECK(decode_plan(p) == 0);
}

TEST(idle_vehicles_are_written)
{
    scopt_options opt;
    scopt_options_init(&opt);
    scopt_network *net = NULL;
    scopt_plan *plan = NULL;
    scopt_error err;
    /* a dataset with a vehicle lane that some period leaves unused (mip-tiny-all: CW -> DC) */
    CHECK(scopt_network_read_dir("tests/data/conformance/mip-tiny-all", &opt, &net, &err) == SCOPT_OK);
    CHECK(scopt_solve(net, &opt, &plan, &err) == SCOPT_OK && plan && plan->has_solution);
    if (!plan || !plan->has_solution) { scopt_plan_free(plan); scopt_network_free(net); return; }
    const scopt_model *m = plan->model;
    int lane = -1, period = 0;
    for (size_t l = 0; l < net->lanes.len && lane < 0; l++) {
        if (m->veh_col[l] < 0) continue;
        for (int t = 1; t <= m->T && !period; t++) {
            int used = plan->x[m->veh_col[l] + t - 1] > 0;
            for (int k = 0; k < m->nlane_items; k++)
                if (m->lane_items[k].lane == (int)l && m->lane_items[k].ship_col >= 0 &&
                    plan->x[m->lane_items[k].ship_col + t - 1] > 0) used = 1;
            if (!used && t + net->lanes.data[l].lead_time <= m->T) period = t;
        }
        if (period) lane = (int)l;
    }
    CHECK(lane >= 0);
    if (lane < 0) { scopt_plan_free(plan); scopt_network_free(net); return; }
    plan->x[m->veh_col[lane] + period - 1] = 1;
    plan->objective += net->lanes.data[lane].vehicle_cost;
    redecode(plan);
    CHECK(scopt_plan_write_dir(plan, OUT "/idle_vehicles", &err) == SCOPT_OK);
    long v = -1;
    opt.on_diagnostic = collect;
    collected diag = {0};
    opt.diagnostic_user = &diag;
    CHECK(scopt_check_plan(net, OUT "/idle_vehicles", &opt, &v, &err) == SCOPT_OK);
    if (v) fprintf(stderr, "%s", diag.text);
    CHECK_EQ_INT(v, 0);
    FILE *f = fopen(OUT "/idle_vehicles/shipments.csv", "r");
    char line[512], want[64];
    int found = 0;
    /* from,to,item,mode,lane_item,ship_period,ship_date,...,quantity 0,vehicles 1,cost 0,lane_no */
    snprintf(want, sizeof want, ",%d,", period);
    while (f && fgets(line, sizeof line, f))
        found |= strstr(line, want) != NULL && strstr(line, ",0,1,0,1\n") != NULL;
    if (f) fclose(f);
    CHECK(found);
    scopt_plan_free(plan);
    scopt_network_free(net);
}

TEST(missing_plan_directory)
{
    scopt_network *net = NULL;
    scopt_error err;
    long v = -1;
    CHECK(scopt_network_read_dir(DATA "/net", NULL, &net, &err) == SCOPT_OK);
    CHECK(scopt_check_plan(net, OUT "/no/such/dir", NULL, &v, &err) == SCOPT_EINPUT);
    CHECK_EQ_INT(v, 0);
    CHECK(scopt_check_plan(NULL, DATA "/plan", NULL, &v, &err) == SCOPT_EUSAGE);
    CHECK(scopt_check_plan(net, DATA "/plan", NULL, &v, NULL) == SCOPT_OK && v == 0);
    scopt_network_free(net);
}

HARNESS_MAIN("check", T(hand_plan_is_accepted), T(date_columns_are_accepted), T(each_broken_rule_is_found),
             T(violations_name_the_plan_file_and_line), T(bad_plan_files_are_bad_input), T(idle_vehicles_are_written),
             T(missing_plan_directory))
