/* test_api.c - networks built in memory (scopt_network_new / add / finish):
 *  - the same datasets read from CSV and built through the API (tests/api_loader.h, its own
 *    CSV parsing) give the same objective, bit for bit, and the same plan files;
 *  - every case of the bad-input corpus with an `expected_api` file gives that error
 *    through the API (the CSV path's message, located by call and record), the others
 *    load without crashing as far as the API can carry them;
 *  - values, locations, the life cycle of a network and warnings. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <sys/stat.h>
#include "api_loader.h"
#include "harness.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
    s[n] = '\0';
    fclose(f);
    return s;
}

/* summary.json without its timings (the only part that may differ between two runs) */
static char *summary_sans_timings(const char *dir)
{
    char path[600];
    snprintf(path, sizeof path, "%s/summary.json", dir);
    json_t *j = json_load_file(path, 0, NULL);
    if (!j) return NULL;
    json_object_del(j, "timings");
    char *s = json_dumps(j, JSON_SORT_KEYS);
    json_decref(j);
    return s;
}

static void same_plan_files(const char *a, const char *b)
{
    static const char *const files[] = {"purchases.csv", "production.csv", "shipments.csv", "inventory_plan.csv",
                                        "deliveries.csv", "resource_load.csv", "sites.csv", NULL};
    char pa[600], pb[600];
    for (int k = 0; files[k]; k++) {
        snprintf(pa, sizeof pa, "%s/%s", a, files[k]);
        snprintf(pb, sizeof pb, "%s/%s", b, files[k]);
        char *x = slurp(pa), *y = slurp(pb);
        CHECK(x && y);
        if (x && y && strcmp(x, y)) fprintf(stderr, "  %s differs from %s\n", pb, pa);
        CHECK(x && y && !strcmp(x, y));
        free(x);
        free(y);
    }
    char *x = summary_sans_timings(a), *y = summary_sans_timings(b);
    CHECK(x && y && !strcmp(x, y));
    free(x);
    free(y);
}

/* read DIR from CSV and build it through the API; solve both with GAP; compare */
static void compare_paths(const char *dir, const char *tag, double gap)
{
    scopt_options opt;
    scopt_options_init(&opt);
    opt.mip_gap = gap;
    scopt_network *csv = NULL, *api = NULL;
    scopt_plan *pc = NULL, *pa = NULL;
    scopt_error err;
    CHECK_EQ_INT(scopt_network_read_dir(dir, &opt, &csv, &err), SCOPT_OK);
    loader_result r = loader_build(dir, &opt, &api);
    if (r.status != SCOPT_OK) fprintf(stderr, "  %s: %s\n", dir, r.err.message);
    CHECK(r.expressible);
    CHECK_EQ_INT(r.status, SCOPT_OK);
    if (!csv || !api) goto done;
    CHECK_EQ_INT(scopt_solve(csv, &opt, &pc, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_solve(api, &opt, &pa, &err), SCOPT_OK);
    if (!pc || !pa) goto done;
    CHECK_EQ_INT(scopt_plan_status(pa), scopt_plan_status(pc));
    if (scopt_plan_objective(pa) != scopt_plan_objective(pc))
        fprintf(stderr, "  %s: objective %.17g through the API, %.17g from CSV\n", dir, scopt_plan_objective(pa),
                scopt_plan_objective(pc));
    CHECK(scopt_plan_objective(pa) == scopt_plan_objective(pc));
    char a[300], b[300];
    snprintf(a, sizeof a, "mkdir -p tests/out/api/%s", tag);
    CHECK(system(a) == 0);
    snprintf(a, sizeof a, "tests/out/api/%s/csv", tag);
    snprintf(b, sizeof b, "tests/out/api/%s/api", tag);
    CHECK_EQ_INT(scopt_plan_write_dir(pc, a, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_plan_write_dir(pa, b, &err), SCOPT_OK);
    same_plan_files(a, b);
done:
    scopt_plan_free(pc);
    scopt_plan_free(pa);
    scopt_network_free(csv);
    scopt_network_free(api);
}

TEST(api_build_matches_csv_conformance)
{
    /* mip-small-sparse takes half a minute to prove within 1e-4; at 1% branch and bound stops
     * at a point that depends only on the model, so both paths must stop at the same plan */
    static const struct { const char *name; double gap; } sets[] = {
        {"lp-tiny", 1e-4}, {"lp-tiny-bom", 1e-4}, {"lp-small-backorders", 1e-4}, {"lp-small-calendar", 1e-4},
        {"lp-small-quirky", 1e-4}, {"mip-tiny-all", 1e-4}, {"mip-small-sparse", 1e-2}};
    char dir[300];
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
        snprintf(dir, sizeof dir, "tests/data/conformance/%s", sets[k].name);
        compare_paths(dir, sets[k].name, sets[k].gap);
    }
    if (is_dir("examples/tiny")) compare_paths("examples/tiny", "tiny", 1e-4);
    /* supply_calendar.csv through scopt_network_add_supply_calendar (optimum 862 by hand:
     * tests/sh/supply_calendar.sh) */
    compare_paths("tests/data/supply_calendar", "supply_calendar", 1e-4);
}

/* the demo is a MIP that takes minutes to prove within 1e-4: 50% (see above) */
TEST(api_build_matches_csv_demo)
{
    if (!is_dir("examples/demo")) { fprintf(stderr, "  note: examples/demo absent, skipped\n"); return; }
    compare_paths("examples/demo", "demo", 0.5);
}

/* ---- the bad-input corpus through the API ---- */
static void corpus_case(const char *dir, const char *name, int *checked)
{
    char path[700];
    snprintf(path, sizeof path, "%s/expected_api", dir);
    char *want = slurp(path);
    scopt_network *net = NULL;
    loader_result r = loader_build(dir, NULL, &net); /* must not crash, whatever the case */
    scopt_network_free(net);
    if (!want) return;
    want[strcspn(want, "\n")] = '\0';
    (*checked)++;
    if (!r.expressible) fprintf(stderr, "  %s: not expressible through the API, but has expected_api\n", name);
    CHECK(r.expressible);
    CHECK_EQ_INT(r.status, SCOPT_EINPUT);
    if (strcmp(r.err.message, want)) fprintf(stderr, "  %s:\n    want: %s\n    got:  %s\n", name, want, r.err.message);
    CHECK(!strcmp(r.err.message, want));
    /* a record's field k is column k of the table, as in the corpus files' headers */
    snprintf(path, sizeof path, "%s/expected", dir);
    char *csv = slurp(path), *colon = csv ? strchr(csv, ':') : NULL;
    long line = 0, col = 0;
    if (colon && sscanf(colon, ":%ld:%ld:", &line, &col) == 2 && r.err.line > 0) CHECK_EQ_INT(r.err.column, col);
    free(csv);
    free(want);
}

TEST(api_bad_input_corpus)
{
    DIR *d = opendir("tests/data/bad");
    struct dirent *e;
    int checked = 0;
    CHECK(d != NULL);
    while (d && (e = readdir(d))) {
        char dir[600];
        if (e->d_name[0] == '.') continue;
        snprintf(dir, sizeof dir, "tests/data/bad/%s", e->d_name);
        if (is_dir(dir)) corpus_case(dir, e->d_name, &checked);
    }
    if (d) closedir(d);
    CHECK(checked >= 40);
}

/* ---- records one by one ---- */
static scopt_network *base_network(void)
{
    scopt_network *n = NULL;
    scopt_item it;
    scopt_site st;
    CHECK_EQ_INT(scopt_network_new(NULL, &n, NULL), SCOPT_OK);
    scopt_item_init(&it);
    it.item = "RAW1";
    CHECK_EQ_INT(scopt_network_add_item(n, &it, NULL), SCOPT_OK);
    it.item = "FG";
    CHECK_EQ_INT(scopt_network_add_item(n, &it, NULL), SCOPT_OK);
    static const char *const sites[][2] = {{"S1", "supplier"}, {"P", "plant"}, {"C", "customer"}};
    for (int k = 0; k < 3; k++) {
        scopt_site_init(&st);
        st.site = sites[k][0];
        st.kind = sites[k][1];
        CHECK_EQ_INT(scopt_network_add_site(n, &st, NULL), SCOPT_OK);
    }
    return n;
}

TEST(api_error_names_call_and_record)
{
    scopt_network *n = base_network();
    scopt_supply s;
    scopt_error err;
    scopt_supply_init(&s);
    s.supplier = "S1";
    s.item = "RAW1";
    CHECK_EQ_INT(scopt_network_add_supply(n, &s, &err), SCOPT_OK);
    s.item = "FG";
    CHECK_EQ_INT(scopt_network_add_supply(n, &s, &err), SCOPT_OK);
    s.item = "RAW9";
    CHECK_EQ_INT(scopt_network_add_supply(n, &s, &err), SCOPT_EINPUT);
    CHECK_EQ_INT(err.code, SCOPT_EINPUT);
    CHECK_STR(err.message, "scopt_network_add_supply #3 (supplier S1, item RAW9): unknown item 'RAW9'; expected an "
                           "item added with scopt_network_add_item (did you mean 'RAW1'?)");
    CHECK_STR(err.file, "scopt_network_add_supply");
    CHECK_EQ_INT(err.line, 3);
    CHECK_EQ_INT(err.column, 2);
    s.item = "RAW1";
    CHECK_EQ_INT(scopt_network_add_supply(n, &s, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, "scopt_network_add_supply #4 (supplier S1, item RAW1): duplicate key (supplier, item) = "
                           "(S1, RAW1) (first at record #1); expected each key once");
    /* an incomplete network cannot be finished */
    CHECK_EQ_INT(scopt_network_finish(n, &err), SCOPT_EINPUT);
    CHECK(strstr(err.message, "scopt_network_finish: 2 records were rejected (the first: scopt_network_add_supply #3 "
                              "(supplier S1, item RAW9): unknown item 'RAW9'") == err.message);
    scopt_network_free(n);
}

/* add one demand record with the given numbers to a fresh base network; returns the status */
static scopt_status demand_with(int period, double quantity, double unmet, scopt_error *err)
{
    scopt_network *n = base_network();
    scopt_demand d;
    scopt_demand_init(&d);
    d.customer = "C";
    d.item = "FG";
    d.period = period;
    d.quantity = quantity;
    d.unmet_penalty = unmet;
    scopt_status s = scopt_network_add_demand(n, &d, err);
    scopt_network_free(n);
    return s;
}

TEST(api_values_checked_like_cells)
{
    scopt_error err;
    const char *p = "scopt_network_add_demand #1 (customer C, item FG, period ";
    char want[600];
#define WANT(per, text) (snprintf(want, sizeof want, "%s%s): %s", p, per, text), want)
    CHECK_EQ_INT(demand_with(1, NAN, 5, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, WANT("1", "column 'quantity': value \"NaN\" is not a number; expected a number >= 0 (like 12 or 0.5)"));
    CHECK_EQ_INT(err.column, 4);
    CHECK_EQ_INT(demand_with(1, -5, 5, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, WANT("1", "column 'quantity': value \"-5\" is negative; expected a number >= 0 (like 12 or 0.5)"));
    CHECK_EQ_INT(demand_with(1, -0.1, 5, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, WANT("1", "column 'quantity': value \"-0.1\" is negative; expected a number >= 0 (like 12 or 0.5)"));
    CHECK_EQ_INT(demand_with(1, 4, INFINITY, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, WANT("1", "column 'unmet_penalty': value \"inf\" is not a finite number; expected a number "
                                     ">= 0 (like 12 or 0.5) or SCOPT_DEFAULT for the default"));
    CHECK_EQ_INT(demand_with(1, SCOPT_DEFAULT, 5, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, WANT("1", "no value in required column 'quantity'; expected a number >= 0 (like 12 or 0.5)"));
    CHECK_EQ_INT(demand_with(0, 4, 5, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, WANT("0", "column 'period': value \"0\" is too small; expected a whole period number >= 1"));
    CHECK_EQ_INT(err.column, 3);
    CHECK_EQ_INT(demand_with(1, 4, SCOPT_DEFAULT, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, WANT("1", "no unmet_penalty; expected a number >= 0 here or a default_unmet_penalty added "
                                     "with scopt_network_add_setting"));
    CHECK_EQ_INT(demand_with(1, 4, 5, &err), SCOPT_OK);
    CHECK_EQ_INT(demand_with(1, 4, 5, NULL), SCOPT_OK);
    CHECK_EQ_INT(demand_with(1, NAN, 5, NULL), SCOPT_EINPUT); /* no err: still refused */
#undef WANT
}

TEST(api_unlimited_and_defaults)
{
    scopt_network *n = base_network();
    scopt_error err;
    scopt_supply s;
    scopt_supply_init(&s);
    CHECK(s.capacity >= SCOPT_UNLIMITED && s.unit_cost == 0 && s.lead_time == 0);
    s.supplier = "S1";
    s.item = "RAW1";
    s.capacity = INFINITY; /* +inf is unlimited where unlimited is the default */
    CHECK_EQ_INT(scopt_network_add_supply(n, &s, &err), SCOPT_OK);
    s.item = "FG";
    s.capacity = SCOPT_DEFAULT;
    s.unit_cost = INFINITY; /* ... and nowhere else */
    CHECK_EQ_INT(scopt_network_add_supply(n, &s, &err), SCOPT_EINPUT);
    CHECK(strstr(err.message, "column 'unit_cost': value \"inf\" is not a finite number") != NULL);
    scopt_site st;
    scopt_site_init(&st);
    st.site = "W";
    st.kind = "Warehouse"; /* kinds are matched without case, as in sites.csv */
    st.optional = 2;
    CHECK_EQ_INT(scopt_network_add_site(n, &st, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, "scopt_network_add_site #4 (site W): column 'optional': value \"2\" is out of range; "
                           "expected 0 or 1");
    st.optional = 0;
    st.site = "W\xff";
    CHECK_EQ_INT(scopt_network_add_site(n, &st, &err), SCOPT_EINPUT);
    CHECK(strstr(err.message, "invalid UTF-8 in cell; expected UTF-8 text") != NULL);
    scopt_network_free(n);
}

static int warnings_seen;
static char warning_text[1024];
static void on_diag(const scopt_diagnostic *d, void *user)
{
    (void)user;
    if (d->severity == SCOPT_SEV_WARNING && !warnings_seen++) snprintf(warning_text, sizeof warning_text, "%s", d->message);
}

/* a complete little network: S1 -> P (make FG from RAW1) -> C */
static void fill_small(scopt_network *n, scopt_error *err)
{
    scopt_supply s;
    scopt_operation o;
    scopt_bom b;
    scopt_lane l;
    scopt_supply_init(&s);
    s.supplier = "S1", s.item = "RAW1", s.unit_cost = 1;
    CHECK_EQ_INT(scopt_network_add_supply(n, &s, err), SCOPT_OK);
    scopt_operation_init(&o);
    o.operation = "MAKE", o.site = "P", o.item = "FG", o.unit_cost = 2;
    CHECK_EQ_INT(scopt_network_add_operation(n, &o, err), SCOPT_OK);
    scopt_bom_init(&b);
    b.operation = "MAKE", b.item = "RAW1", b.quantity = 2;
    CHECK_EQ_INT(scopt_network_add_bom(n, &b, err), SCOPT_OK);
    scopt_lane_init(&l);
    l.from = "S1", l.to = "P";
    CHECK_EQ_INT(scopt_network_add_lane(n, &l, err), SCOPT_OK);
    l.from = "P", l.to = "C", l.unit_cost = 1, l.vehicle_cost = 5; /* no vehicle_capacity: a warning */
    CHECK_EQ_INT(scopt_network_add_lane(n, &l, err), SCOPT_OK);
}

TEST(api_life_cycle)
{
    scopt_options opt;
    scopt_options_init(&opt);
    opt.on_diagnostic = on_diag;
    scopt_network *n = NULL;
    scopt_error err;
    scopt_plan *plan = NULL;
    CHECK_EQ_INT(scopt_network_new(&opt, &n, &err), SCOPT_OK);
    scopt_item it;
    scopt_item_init(&it);
    it.item = "RAW1";
    CHECK_EQ_INT(scopt_network_add_item(n, &it, &err), SCOPT_OK);
    it.item = "FG";
    CHECK_EQ_INT(scopt_network_add_item(n, &it, &err), SCOPT_OK);
    static const char *const sites[][2] = {{"S1", "supplier"}, {"P", "plant"}, {"C", "customer"}};
    for (int k = 0; k < 3; k++) {
        scopt_site st;
        scopt_site_init(&st);
        st.site = sites[k][0], st.kind = sites[k][1];
        CHECK_EQ_INT(scopt_network_add_site(n, &st, &err), SCOPT_OK);
    }
    fill_small(n, &err);
    CHECK_EQ_INT(warnings_seen, 1);
    CHECK_STR(warning_text, "scopt_network_add_lane #2 (from P, to C): lane P -> C has vehicle_cost but no "
                            "vehicle_capacity: no vehicles are modelled");
    CHECK_EQ_INT(scopt_solve(n, NULL, &plan, &err), SCOPT_EUSAGE); /* not finished */
    CHECK_EQ_INT(scopt_network_finish(n, &err), SCOPT_EINPUT);     /* no demand yet */
    CHECK_STR(err.message, "scopt_network_finish: no demand; expected at least one call of scopt_network_add_demand");
    CHECK_EQ_INT(scopt_network_add_setting(n, "default_unmet_penalty", "100", &err), SCOPT_OK);
    scopt_demand d;
    scopt_demand_init(&d);
    d.customer = "C", d.item = "FG", d.period = 2, d.quantity = 10;
    CHECK_EQ_INT(scopt_network_add_demand(n, &d, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_network_finish(n, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_network_finish(n, &err), SCOPT_EUSAGE);
    CHECK_EQ_INT(scopt_network_add_demand(n, &d, &err), SCOPT_EUSAGE);
    CHECK_EQ_INT(scopt_solve(n, NULL, &plan, &err), SCOPT_OK);
    /* 10 FG: 20 RAW at 1, 10 makes at 2, 10 shipped at 1 = 50 */
    CHECK_NEAR(scopt_plan_objective(plan), 50.0, 1e-9);
    scopt_plan_free(plan);
    scopt_network_info info;
    CHECK_EQ_INT(scopt_network_info_get(n, &info), SCOPT_OK);
    CHECK_EQ_INT(info.periods, 2);
    CHECK_EQ_INT(info.lanes, 2);
    scopt_network_free(n);
}

TEST(api_whole_network_checks_name_records)
{
    scopt_network *n = base_network();
    scopt_error err;
    fill_small(n, &err);
    scopt_bom b;
    scopt_bom_init(&b);
    b.operation = "MAKE", b.item = "FG", b.quantity = 1; /* FG from FG: a cycle */
    CHECK_EQ_INT(scopt_network_add_bom(n, &b, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_network_add_setting(n, "periods", "3", &err), SCOPT_OK);
    scopt_demand d;
    scopt_demand_init(&d);
    d.customer = "C", d.item = "FG", d.period = 1, d.quantity = 1, d.unmet_penalty = 9;
    CHECK_EQ_INT(scopt_network_add_demand(n, &d, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_network_finish(n, &err), SCOPT_EINPUT);
    CHECK_STR(err.message, "scopt_network_add_bom #2: bill-of-materials cycle: FG -> FG; expected bills of materials "
                           "without cycles");
    CHECK_STR(err.file, "scopt_network_add_bom");
    CHECK_EQ_INT(err.line, 2);
    CHECK_EQ_INT(err.column, 2);
    scopt_network_free(n);
}

TEST(api_usage_errors)
{
    scopt_network *n = NULL;
    scopt_error err;
    scopt_item it;
    scopt_item_init(&it);
    CHECK_EQ_INT(scopt_network_add_item(NULL, &it, &err), SCOPT_EUSAGE);
    CHECK_EQ_INT(scopt_network_new(NULL, NULL, &err), SCOPT_EUSAGE);
    CHECK_EQ_INT(scopt_network_finish(NULL, &err), SCOPT_EUSAGE);
    CHECK_EQ_INT(scopt_network_new(NULL, &n, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_network_add_item(n, NULL, &err), SCOPT_EUSAGE);
    CHECK_EQ_INT(scopt_network_add_item(n, &it, &err), SCOPT_EINPUT); /* no item name */
    CHECK_STR(err.message, "scopt_network_add_item #1 (item ): no value in required column 'item'; expected a "
                           "non-empty text");
    scopt_network_free(n);
    CHECK_EQ_INT(scopt_network_read_dir("tests/data/conformance/lp-tiny", NULL, &n, &err), SCOPT_OK);
    CHECK_EQ_INT(scopt_network_add_item(n, &it, &err), SCOPT_EUSAGE); /* read networks are complete */
    scopt_network_free(n);
}

/* ---- plans through the API: the same rows and numbers as the files ---- */
typedef struct { const char *col, *text; double num; } cellv; /* text NULL: a number */

/* compare row R of the CSV file C with the API's values V (N of them), by column name */
static void same_row(const loader_csv *c, int r, const cellv *v, int n, const char *file)
{
    for (int k = 0; k < n; k++) {
        int f = -1;
        for (int j = 0; j < c->nfields[0]; j++)
            if (!strcmp(c->rows[0][j], v[k].col)) f = j;
        CHECK(f >= 0 && f < c->nfields[r]);
        if (f < 0 || f >= c->nfields[r]) return;
        const char *cell = c->rows[r][f];
        int ok = v[k].text ? !strcmp(cell, v[k].text)
                           : (cell[0] ? fabs(strtod(cell, NULL) - v[k].num) <= 5e-9 * fmax(1, fabs(v[k].num))
                                      : isnan(v[k].num));
        if (!ok) fprintf(stderr, "  %s row %d column %s: file '%s', API '%s' %.17g\n", file, r, v[k].col, cell,
                         v[k].text ? v[k].text : "", v[k].num);
        CHECK(ok);
    }
}

#define CV_T(c, x) {c, x, 0}
#define CV_N(c, x) {c, NULL, (double)(x)}

/* row i of table t as (column, value) pairs; returns their number */
static int api_row(const scopt_plan *p, scopt_plan_table t, long i, cellv *v)
{
    scopt_purchase_row a; scopt_production_row b; scopt_shipment_row c; scopt_inventory_row d;
    scopt_delivery_row e; scopt_resource_load_row f; scopt_site_row g;
#define SET(...) do { cellv tmp_[] = {__VA_ARGS__}; memcpy(v, tmp_, sizeof tmp_); return (int)(sizeof tmp_ / sizeof tmp_[0]); } while (0)
    switch (t) {
    case SCOPT_PLAN_PURCHASES:
        CHECK_EQ_INT(scopt_plan_purchase(p, i, &a), SCOPT_OK);
        SET(CV_T("supplier", a.supplier), CV_T("item", a.item), CV_N("order_period", a.order_period),
            CV_N("arrival_period", a.arrival_period), CV_N("quantity", a.quantity), CV_N("order", a.order), CV_N("cost", a.cost));
    case SCOPT_PLAN_PRODUCTION:
        CHECK_EQ_INT(scopt_plan_production(p, i, &b), SCOPT_OK);
        SET(CV_T("operation", b.operation), CV_T("site", b.site), CV_T("item", b.item), CV_N("start_period", b.start_period),
            CV_N("finish_period", b.finish_period), CV_N("quantity", b.quantity), CV_N("output_quantity", b.output_quantity),
            CV_N("setup", b.setup), CV_N("cost", b.cost));
    case SCOPT_PLAN_SHIPMENTS:
        CHECK_EQ_INT(scopt_plan_shipment(p, i, &c), SCOPT_OK);
        SET(CV_T("from", c.from), CV_T("to", c.to), CV_T("item", c.item), CV_T("mode", c.mode),
            CV_T("lane_item", c.lane_item), CV_N("ship_period", c.ship_period), CV_N("arrival_period", c.arrival_period),
            CV_N("quantity", c.quantity), CV_N("vehicles", c.vehicles), CV_N("cost", c.cost));
    case SCOPT_PLAN_INVENTORY:
        CHECK_EQ_INT(scopt_plan_inventory(p, i, &d), SCOPT_OK);
        SET(CV_T("site", d.site), CV_T("item", d.item), CV_N("period", d.period), CV_N("on_hand", d.on_hand),
            CV_N("safety_stock", d.safety_stock), CV_N("shortfall", d.shortfall));
    case SCOPT_PLAN_DELIVERIES:
        CHECK_EQ_INT(scopt_plan_delivery(p, i, &e), SCOPT_OK);
        SET(CV_T("customer", e.customer), CV_T("item", e.item), CV_N("period", e.period), CV_N("ordered", e.ordered),
            CV_N("delivered", e.delivered), CV_N("backlog", e.backlog), CV_N("lost", e.lost));
    case SCOPT_PLAN_RESOURCE_LOAD:
        CHECK_EQ_INT(scopt_plan_resource_load(p, i, &f), SCOPT_OK);
        static char util[32]; /* printed with 4 decimals in the file */
        snprintf(util, sizeof util, isnan(f.utilization) ? "" : "%.4f", f.utilization);
        SET(CV_T("resource", f.resource), CV_N("period", f.period), CV_N("load", f.load), CV_N("run_load", f.run_load),
            CV_N("setup_load", f.setup_load), CV_N("capacity", f.capacity), CV_N("overtime", f.overtime),
            CV_T("utilization", util));
    default:
        CHECK_EQ_INT(scopt_plan_site(p, i, &g), SCOPT_OK);
        SET(CV_T("site", g.site), CV_N("open", g.open));
    }
#undef SET
}

static void rows_match_files(const char *dataset, const char *tag, double gap)
{
    static const char *const files[] = {"purchases.csv", "production.csv", "shipments.csv", "inventory_plan.csv",
                                        "deliveries.csv", "resource_load.csv", "sites.csv"};
    scopt_network *net = NULL;
    scopt_plan *p = NULL;
    scopt_options opt;
    scopt_options_init(&opt);
    opt.mip_gap = gap;
    char dir[300], path[400];
    snprintf(dir, sizeof dir, "mkdir -p tests/out/api/%s", tag);
    CHECK(system(dir) == 0);
    snprintf(dir, sizeof dir, "tests/out/api/%s/rows", tag);
    CHECK_EQ_INT(scopt_network_read_dir(dataset, &opt, &net, NULL), SCOPT_OK);
    if (!net) return;
    CHECK_EQ_INT(scopt_solve(net, &opt, &p, NULL), SCOPT_OK);
    CHECK_EQ_INT(scopt_plan_write_dir(p, dir, NULL), SCOPT_OK);
    for (int t = 0; t < 7 && p; t++) {
        loader_csv c;
        cellv v[12];
        snprintf(path, sizeof path, "%s/%s", dir, files[t]);
        CHECK_EQ_INT(loader_csv_read(path, &c), 0);
        CHECK_EQ_INT(scopt_plan_row_count(p, (scopt_plan_table)t), c.nrows - 1);
        for (long i = 0; i + 1 < c.nrows && i < scopt_plan_row_count(p, (scopt_plan_table)t); i++)
            same_row(&c, (int)i + 1, v, api_row(p, (scopt_plan_table)t, i, v), files[t]);
        loader_csv_free(&c);
    }
    scopt_purchase_row pr;
    CHECK_EQ_INT(scopt_plan_purchase(p, scopt_plan_row_count(p, SCOPT_PLAN_PURCHASES), &pr), SCOPT_EUSAGE);
    CHECK_EQ_INT(scopt_plan_purchase(p, -1, &pr), SCOPT_EUSAGE);
    scopt_plan_free(p);
    scopt_network_free(net);
}

TEST(api_plan_rows_are_the_files)
{
    rows_match_files("tests/data/conformance/mip-tiny-all", "mip-tiny-all", 1e-4);
    rows_match_files("tests/data/conformance/lp-small-calendar", "lp-small-calendar", 1e-4);
    if (is_dir("examples/demo")) rows_match_files("examples/demo", "demo", 0.5);
}

/* KPIs: the same numbers as summary.json; costs add up to the objective */
TEST(api_plan_info)
{
    scopt_network *net = NULL;
    scopt_plan *p = NULL;
    scopt_plan_info info;
    CHECK_EQ_INT(scopt_network_read_dir("tests/data/conformance/lp-tiny", NULL, &net, NULL), SCOPT_OK);
    if (!net) return;
    CHECK_EQ_INT(scopt_solve(net, NULL, &p, NULL), SCOPT_OK);
    CHECK_EQ_INT(scopt_plan_info_get(p, &info), SCOPT_OK);
    CHECK_EQ_INT(info.status, SCOPT_SOLVE_OPTIMAL);
    CHECK(info.has_plan);
    CHECK_NEAR(info.objective, 7622.17833333, 1e-9); /* the conformance answer key (expected.csv) */
    const scopt_plan_costs *c = &info.costs;
    double sum = c->purchase + c->order + c->production + c->setup + c->transport + c->vehicles + c->holding +
                 c->overtime + c->fixed + c->lost + c->backorder + c->shortfall;
    CHECK_NEAR(sum, info.objective, 1e-9);
    char *js = scopt_plan_summary_json(p);
    json_t *j = json_loads(js, 0, NULL);
    CHECK_NEAR(info.fill_rate, json_number_value(json_object_get(j, "fill_rate")), 1e-12);
    CHECK_NEAR(info.best_bound, json_number_value(json_object_get(j, "best_bound")), 1e-12);
    CHECK_NEAR(c->holding, json_number_value(json_object_get(json_object_get(j, "costs"), "holding")), 1e-12);
    CHECK_EQ_INT(info.rows, json_integer_value(json_object_get(json_object_get(j, "model"), "rows")));
    CHECK_STR(info.method, json_string_value(json_object_get(json_object_get(j, "solver"), "method")));
    json_decref(j);
    scopt_free(js);
    CHECK(scopt_plan_gap(p) >= 0 && scopt_plan_gap(p) <= 1e-9);
    char date[16];
    CHECK(scopt_plan_period_date(p, 2, date, sizeof date));
    CHECK_STR(date, "2025-01-13"); /* settings: weekly from 2025-01-06 */
    CHECK(!scopt_plan_period_date(p, 0, date, sizeof date) && !date[0]);
    scopt_plan_free(p);
    scopt_network_free(net);
}

HARNESS_MAIN("api", T(api_build_matches_csv_conformance), T(api_build_matches_csv_demo), T(api_bad_input_corpus),
             T(api_error_names_call_and_record), T(api_values_checked_like_cells), T(api_unlimited_and_defaults),
             T(api_life_cycle), T(api_whole_network_checks_name_records), T(api_usage_errors),
             T(api_plan_rows_are_the_files), T(api_plan_info))
