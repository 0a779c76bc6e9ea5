/* cmd_solve.c - `scopt solve DATASET [-o OUTDIR] [options]`: read, solve, write the plan
 * atomically, print the KPI table (or summary.json with --json). Exit codes of section 5. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

typedef struct solve_cli {
    const char *dir, *outdir, *scenario, *report;
    int quiet, verbose, json, tty;
    scopt_options opt;
} solve_cli;

static void help(FILE *f)
{
    fprintf(f, "usage: scopt solve DATASET [--scenario S] [-o OUTDIR] [--mip-gap G] [--time-limit S]\n"
               "                   [--device auto|cpu|gpu] [--lp-method auto|simplex|interior|pdlp]\n"
               "                   [--pdlp-tol T] [--pdlp-finish simplex|none|restricted|polish]\n"
               "                   [--pdlp-checkpoint FILE] [--pdlp-presolve] [--threads N|all]\n"
               "                   [--cuts|--no-cuts] [--heuristics] [--mip-strategy auto|glpk]\n"
               "                   [--quiet|--verbose] [--json]\n"
               "                   [--report FILE]\n\n"
               "Builds one LP/MIP of the dataset's whole chain, solves it with GLPK and writes the plan\n"
               "(purchases, production, shipments, inventory, deliveries, resource loads, sites,\n"
               "summary.json) into OUTDIR (default: ./plan), replacing it only when all is written.\n"
               "  --scenario S      solve DATASET as changed by the scenario directory S (its tables\n"
               "                    override rows by key, its scenario.csv edits; docs/scenarios.md)\n"
               "  --mip-gap G       relative MIP gap (default: settings mip_gap, else 1e-4)\n"
               "  --time-limit S    seconds (default: settings time_limit, else none)\n"
               "  --lp-method M     LP (and MIP root) algorithm: simplex (GLPK's primal simplex), interior\n"
               "                    (GLPK's interior point), pdlp (first-order PDLP, then finished), auto\n"
               "                    (default: the rule of docs/pdlp.md, \"When auto picks PDLP\")\n"
               "  --pdlp-tol T      PDLP's relative residual and gap tolerance (default 1e-4)\n"
               "  --pdlp-finish F   simplex: GLPK's simplex warm-started from PDLP's point (sifting) gives\n"
               "                    an exact vertex (default); restricted: the same from the older\n"
               "                    restricted-LP start; none: keep PDLP's point, residuals in summary.json;\n"
               "                    polish: PDLP's point made feasible (every row met to 1e-10 relative and\n"
               "                    1e-7 in units) with a proven bound on its gap (docs/pdlp.md\n"
               "                    \"Feasibility polishing\"); on a MIP, no simplex and no branch and\n"
               "                    cut: the relaxation's point rounded, the rest polished, a checked\n"
               "                    plan with its gap to the relaxation's bound (\"MIPs without the simplex\")\n"
               "  --pdlp-checkpoint FILE  PDLP starts from FILE when it holds this LP's point and\n"
               "                    leaves its last point there (also when a limit stops it): a run\n"
               "                    cut short by --time-limit goes on where it stopped next time\n"
               "  --pdlp-presolve   PDLP first removes the columns that sit in one equality row (lost\n"
               "                    sales): fewer PDLP iterations on large LPs, a point the finish may\n"
               "                    need longer from (docs/pdlp.md, \"Presolve\")\n"
               "  --threads N|all   threads of PDLP on the CPU (default 1; all: one per core): the same\n"
               "                    result, faster on an otherwise idle machine (docs/pdlp.md, \"Threads\")\n"
               "  --device D        where PDLP runs: auto (CUDA when a device is usable, else CPU), cpu,\n"
               "                    gpu (an error, exit 1, without a usable CUDA device)\n"
               "  --cuts/--no-cuts  cutting planes (default on): scopt's (l,S) lot-sizing cuts, and GLPK's\n"
               "                    Gomory, MIR and clique cuts except on lot-sizing models\n"
               "  --heuristics      GLPK's feasibility pump and proximity search\n"
               "  --mip-strategy S  auto: scopt's branch and cut around GLPK (default; on lot-sizing\n"
               "                    models period-first branching and diving, docs/formulation.md;\n"
               "                    on the others a round-up heuristic, docs/heuristics.md);\n"
               "                    glpk: GLPK's branch and cut alone\n"
               "  -o OUTDIR         where the plan goes (created with its parents)\n"
               "  --quiet/--verbose no log on stderr / the log also on a terminal (default: progress line)\n"
               "  --json            print summary.json to stdout instead of the KPI table\n"
               "  --report FILE     also write a self-contained HTML report of the plan (charts)\n"
               "exit: 0 solved, 1 bad input, 2 infeasible, 3 limit with a plan, 4 limit without, 5 internal\n");
}

static void on_log(const char *line, void *user)
{
    solve_cli *c = user;
    if (c->quiet || (c->tty && !c->verbose)) return;
    fprintf(stderr, "%s\n", line);
}

static void on_progress(const scopt_progress *p, void *user)
{
    solve_cli *c = user;
    if (c->quiet || !c->tty) return;
    if (p->has_incumbent)
        fprintf(stderr, "\r[%7.1fs] %-4s incumbent %.6g  bound %.6g  gap %.3g%%   ", p->elapsed_seconds, p->phase,
                p->incumbent, p->bound, p->gap >= 0 ? 100 * p->gap : 0.0);
    else
        fprintf(stderr, "\r[%7.1fs] %-4s bound %.6g  (no plan yet)          ", p->elapsed_seconds, p->phase, p->bound);
}

static int parse(int argc, char **argv, solve_cli *c)
{
    for (int k = 1; k < argc; k++) {
        const char *a = argv[k];
        int r = cli_parse_solve_option("solve", argc, argv, &k, &c->opt);
        if (r < 0) return -1;
        if (r > 0) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(stdout); exit(0); }
        else if (!strcmp(a, "-o") || !strcmp(a, "--output")) { if (++k >= argc) goto missing; c->outdir = argv[k]; }
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) c->quiet = 1;
        else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) c->verbose = 1;
        else if (!strcmp(a, "--json")) c->json = 1;
        else if (!strcmp(a, "--scenario")) {
            if (++k >= argc) goto missing;
            if (c->scenario) { fprintf(stderr, "scopt solve: error: --scenario given twice; expected one "
                                       "(scopt compare solves several)\n"); return -1; }
            c->scenario = argv[k];
        } else if (!strcmp(a, "--report")) {
            if (++k >= argc) goto missing;
            c->report = argv[k];
        } else if (a[0] == '-' || c->dir) {
            fprintf(stderr, "scopt solve: error: unexpected argument '%s' (scopt solve --help)\n", a);
            return -1;
        } else c->dir = a;
        continue;
    missing:
        fprintf(stderr, "scopt solve: error: %s needs a value\n", a);
        return -1;
    }
    if (!c->dir) { help(stderr); return -1; }
    return 0;
}

static double get_num(json_t *o, const char *key) { return json_number_value(json_object_get(o, key)); }

static void print_kpis(const char *summary, const char *outdir)
{
    json_t *s = json_loads(summary, 0, NULL);
    if (!s) return;
    json_t *costs = json_object_get(s, "costs");
    printf("status      %s\n", json_string_value(json_object_get(s, "status")));
    json_t *pdlp = json_object_get(json_object_get(s, "solver"), "pdlp");
    const char *point = json_string_value(json_object_get(pdlp, "plan_point"));
    if (point && !strcmp(point, "pdlp")) /* not GLPK's vertex: say how close (docs/pdlp.md) */
        printf("plan        PDLP's point%s: rows met to a relative %.2g, duals to %.2g, gap %.2g\n",
               json_is_true(json_object_get(pdlp, "finish_stopped")) ? " (the simplex finish was stopped)" : "",
               get_num(pdlp, "relative_primal_residual"), get_num(pdlp, "relative_dual_residual"),
               get_num(pdlp, "relative_gap"));
    if (point && !strcmp(point, "polished")) /* docs/pdlp.md, "Feasibility polishing" */
        printf("plan        PDLP's point, polished: rows met to a relative %.2g; the cost is within a "
               "relative %.2g of the optimum%s\n", get_num(pdlp, "relative_primal_residual"),
               get_num(pdlp, "relative_gap"),
               json_is_true(json_object_get(json_object_get(pdlp, "polish"), "dual_polished"))
                   ? " (a proven bound)" : " (the bound's duals were not polished: an estimate)");
    if (point && !strcmp(point, "rounded")) /* docs/pdlp.md, "MIPs without the simplex" */
        printf("plan        rounded from PDLP's relaxation, the rest polished (no branch and cut): every row met; "
               "%s\n", json_is_number(json_object_get(s, "gap")) ? "the gap is to the relaxation's proven bound"
                                                                   : "no proven bound");
    if (json_is_number(json_object_get(s, "objective"))) {
        printf("total cost  %.2f", get_num(s, "objective"));
        if (json_is_number(json_object_get(s, "gap"))) printf("   (gap %.4g%%)", 100 * get_num(s, "gap"));
        printf("\n");
    }
    if (json_is_object(costs)) {
        const char *k;
        json_t *v;
        json_object_foreach(costs, k, v) if (json_number_value(v) != 0) printf("  %-12s %14.2f\n", k, json_number_value(v));
    }
    if (json_is_number(json_object_get(s, "fill_rate")))
        printf("fill rate   %.2f%% (%.6g of %.6g units delivered, %.6g lost)\n", 100 * get_num(s, "fill_rate"),
               get_num(s, "delivered"), get_num(s, "ordered"), get_num(s, "lost"));
    json_t *open = json_object_get(s, "open_sites"), *closed = json_object_get(s, "closed_sites"), *v;
    size_t i;
    if (json_array_size(open) + json_array_size(closed)) {
        printf("open sites ");
        json_array_foreach(open, i, v) printf(" %s", json_string_value(v));
        printf("%s", json_array_size(closed) ? "   closed:" : "");
        json_array_foreach(closed, i, v) printf(" %s", json_string_value(v));
        printf("\n");
    }
    json_t *busy = json_object_get(s, "busiest_resources");
    if (json_array_size(busy)) printf("busiest resources (peak utilization)\n");
    json_array_foreach(busy, i, v)
        printf("  %-24s %6.1f%% in period %d\n", json_string_value(json_object_get(v, "resource")),
               100 * get_num(v, "utilization"), (int)json_integer_value(json_object_get(v, "period")));
    json_t *ex = json_object_get(s, "explanation");
    json_array_foreach(ex, i, v) printf("  why: %s\n", json_string_value(v));
    if (outdir) printf("plan written to %s/\n", outdir);
    json_decref(s);
}

static int exit_for(scopt_solve_status st)
{
    switch (st) {
    case SCOPT_SOLVE_OPTIMAL: return EXIT_SOLVED;
    case SCOPT_SOLVE_FEASIBLE: return EXIT_LIMIT_PLAN;
    case SCOPT_SOLVE_NO_PLAN: return EXIT_LIMIT_NO_PLAN;
    default: return EXIT_INFEASIBLE;
    }
}

/* --report: the HTML report of this one plan, named after the scenario or the dataset */
static int write_report(const solve_cli *c, const scopt_network *net, const char *plandir, scopt_solve_status st)
{
    char name[256];
    const char *from = c->scenario ? c->scenario : c->dir;
    snprintf(name, sizeof name, "%s", from);
    for (size_t k = strlen(name); k > 1 && name[k - 1] == '/'; k--) name[k - 1] = '\0';
    scopt_report_run run = {.name = strrchr(name, '/') ? strrchr(name, '/') + 1 : name, .net = net,
                            .plandir = plandir, .status = scopt_solve_status_name(st)};
    scopt_error err;
    if (scopt_report_write_html(c->report, &run, 1, &err) == SCOPT_OK) {
        if (!c->quiet && !c->json) printf("report written to %s\n", c->report);
        return 0;
    }
    fprintf(stderr, "scopt solve: error: report %s: %s\n", c->report, err.message);
    return -1;
}

int cmd_solve(int argc, char **argv)
{
    solve_cli c = {.outdir = NULL, .tty = isatty(2)};
    scopt_options_init(&c.opt);
    if (parse(argc, argv, &c)) return EXIT_BAD_INPUT;
    int code = 0;
    scopt_network *net = cli_read_network_scenario("solve", c.dir, c.scenario, c.quiet, &code);
    if (!net) return code;
    c.opt.on_log = on_log;
    c.opt.log_user = &c;
    c.opt.on_progress = on_progress;
    c.opt.progress_user = &c;
    scopt_plan *plan = NULL;
    scopt_error err;
    scopt_status s = scopt_solve(net, &c.opt, &plan, &err);
    if (c.tty && !c.quiet) fprintf(stderr, "\n");
    if (s != SCOPT_OK) {
        cli_report_error("solve", &err, 0);
        scopt_network_free(net);
        return cli_exit_for_status(s);
    }
    scopt_solve_status st = scopt_plan_status(plan);
    const char *outdir = c.outdir ? c.outdir : "plan";
    int written = st == SCOPT_SOLVE_OPTIMAL || st == SCOPT_SOLVE_FEASIBLE;
    if (written && (s = scopt_plan_write_dir(plan, outdir, &err)) != SCOPT_OK) {
        cli_report_error("solve", &err, 0);
        code = cli_exit_for_status(s);
    } else {
        char *json = scopt_plan_summary_json(plan);
        if (c.json) printf("%s\n", json ? json : "{}");
        else if (json) print_kpis(json, written ? outdir : NULL);
        for (int k = 0; k < scopt_plan_explanation_count(plan); k++)
            fprintf(stderr, "scopt solve: infeasible: %s\n", scopt_plan_explanation(plan, k));
        scopt_free(json);
        code = exit_for(st);
    }
    if (c.report && code != EXIT_INTERNAL && write_report(&c, net, written ? outdir : NULL, st))
        code = code ? code : EXIT_INTERNAL;
    scopt_plan_free(plan);
    scopt_network_free(net);
    return code;
}
