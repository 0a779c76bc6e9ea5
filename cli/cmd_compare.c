/* cmd_compare.c - `scopt compare BASE --scenario S1 --scenario S2 ...` and
 * `scopt compare DIR1 DIR2 ...`: solve each run as its own `scopt solve` process (as many at
 * once as there are processors, runner.h), each writing its plan atomically into
 * OUTDIR/<name>/, then read the plans back, print the KPIs side by side with deltas against
 * the first run, write OUTDIR/compare.csv and compare.json (and an HTML report with
 * --report). Exit code: the worst of the runs' (docs/scenarios.md). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "compare.h"
#include "runner.h"

#define MAX_RUNS 64
#define MAX_FWD 48

typedef struct cmp_cli {
    const char *outdir, *report;
    int jobs, quiet;
    const char *datasets[MAX_RUNS], *scenarios[MAX_RUNS];
    int ndatasets, nscenarios;
    char *fwd[MAX_FWD];        /* solve options handed on to every run */
    int nfwd;
    scopt_options opt;
} cmp_cli;

static void help(FILE *f)
{
    fprintf(f, "usage: scopt compare BASE --scenario S1 [--scenario S2 ...] [options]\n"
               "       scopt compare DIR1 DIR2 [DIR3 ...] [options]\n\n"
               "Solves the base dataset and each scenario laid over it (or each dataset), in parallel\n"
               "processes, each plan into OUTDIR/<name>/; prints the KPIs side by side with deltas\n"
               "against the first run and writes OUTDIR/compare.csv and OUTDIR/compare.json.\n"
               "  -o, --output OUTDIR  where the plans and files go (default: ./compare)\n"
               "  -j, --jobs N         runs at the same time (default: the number of processors)\n"
               "  --report FILE        also write a self-contained HTML report with charts\n"
               "  --quiet              no progress lines\n"
               "  solve options (--mip-gap, --time-limit, --device, --lp-method, --cuts, ...) apply to\n"
               "  every run. Run names: 'base' and each scenario's directory name (DIRn's in the\n"
               "  second form). Exit: the worst of the runs (5 internal, 1 bad input, 4 limit without\n"
               "  plan, 2 infeasible, 3 limit with plan, 0 solved).\n");
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "scopt compare: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (scopt compare --help)\n");
    return -1;
}

static int take_value(int argc, char **argv, int *k, const char **out)
{
    if (*k + 1 >= argc) return usage_error("%s needs a value", argv[*k]);
    *out = argv[++*k];
    return 0;
}

static int parse_jobs(const char *v, int *jobs)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 1 || n > 1024) return usage_error("--jobs needs a whole number from 1 to 1024, got '%s'", v);
    *jobs = (int)n;
    return 0;
}

static int parse_one(cmp_cli *c, int argc, char **argv, int *k)
{
    const char *a = argv[*k], *v;
    int start = *k, r = cli_parse_solve_option("compare", argc, argv, k, &c->opt);
    if (r < 0) return -1;
    if (r > 0) {
        for (int j = start; j <= *k && c->nfwd < MAX_FWD; j++) c->fwd[c->nfwd++] = argv[j];
        return 0;
    }
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(stdout); exit(0); }
    if (!strcmp(a, "-o") || !strcmp(a, "--output")) return take_value(argc, argv, k, &c->outdir);
    if (!strcmp(a, "--report")) return take_value(argc, argv, k, &c->report);
    if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) { c->quiet = 1; return 0; }
    if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) return take_value(argc, argv, k, &v) || parse_jobs(v, &c->jobs);
    if (!strcmp(a, "--scenario")) {
        if (take_value(argc, argv, k, &v)) return -1;
        if (c->nscenarios == MAX_RUNS - 1) return usage_error("too many scenarios (at most %s)", "63");
        c->scenarios[c->nscenarios++] = v;
        return 0;
    }
    if (a[0] == '-') return usage_error("unknown option '%s'", a);
    if (c->ndatasets == MAX_RUNS) return usage_error("too many datasets (at most %s)", "64");
    c->datasets[c->ndatasets++] = a;
    return 0;
}

static int parse(int argc, char **argv, cmp_cli *c)
{
    for (int k = 1; k < argc; k++)
        if (parse_one(c, argc, argv, &k)) return -1;
    if (c->nscenarios && c->ndatasets != 1)
        return usage_error("with --scenario give exactly one BASE dataset, got %s", c->ndatasets ? "several" : "none");
    if (!c->nscenarios && c->ndatasets < 2)
        return usage_error("%s", "expected BASE --scenario S ... or at least two datasets DIR1 DIR2");
    return 0;
}

/* the last component of PATH, made safe as a directory name */
static void run_name(const char *path, char *out, size_t n)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (size_t k = strlen(tmp); k > 1 && tmp[k - 1] == '/'; k--) tmp[k - 1] = '\0';
    const char *base = strrchr(tmp, '/') ? strrchr(tmp, '/') + 1 : tmp;
    snprintf(out, n, "%s%s", base[0] == '.' || !base[0] || !strcmp(base, "logs") ? "run_" : "", base);
    for (char *p = out; *p; p++)
        if (!(*p == '-' || *p == '_' || *p == '.' || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
            *p = '_';
}

static void unique_name(cmp_run *runs, int k)
{
    char first[128];
    memcpy(first, runs[k].name, sizeof first);
    for (int n = 2, clash = 1; clash; n++) {
        clash = 0;
        for (int j = 0; j < k; j++) clash |= !strcmp(runs[j].name, runs[k].name);
        if (clash) snprintf(runs[k].name, sizeof runs[k].name, "%.100s_%d", first, n);
    }
}

static int make_runs(const cmp_cli *c, cmp_run *runs)
{
    int n = c->nscenarios ? c->nscenarios + 1 : c->ndatasets;
    for (int k = 0; k < n; k++) {
        cmp_run *r = &runs[k];
        memset(r, 0, sizeof *r);
        r->dataset = c->nscenarios ? c->datasets[0] : c->datasets[k];
        r->scenario = c->nscenarios && k > 0 ? c->scenarios[k - 1] : NULL;
        if (c->nscenarios && k == 0) snprintf(r->name, sizeof r->name, "base");
        else run_name(r->scenario ? r->scenario : r->dataset, r->name, sizeof r->name);
        unique_name(runs, k);
        snprintf(r->plandir, sizeof r->plandir, "%.1000s/%.127s", c->outdir, r->name);
        snprintf(r->log_path, sizeof r->log_path, "%.1000s/logs/%.127s.log", c->outdir, r->name);
        snprintf(r->json_path, sizeof r->json_path, "%.1000s/logs/%.127s.json", c->outdir, r->name);
    }
    return n;
}

/* the worst exit code: internal error, bad input, limit without plan, infeasible, limit
 * with plan, solved */
static int worst(const cmp_run *runs, int n)
{
    static const int rank[] = {0, 4, 3, 1, 2, 5}; /* by exit code 0..5 */
    int code = 0;
    for (int k = 0; k < n; k++) {
        int e = runs[k].exit_code >= 0 && runs[k].exit_code <= 5 ? runs[k].exit_code : EXIT_INTERNAL;
        if (rank[e] > rank[code]) code = e;
    }
    return code;
}

int cmd_compare(int argc, char **argv)
{
    cmp_cli c = {.outdir = "compare", .jobs = 0};
    static cmp_run runs[MAX_RUNS];
    scopt_options_init(&c.opt);
    if (parse(argc, argv, &c)) return EXIT_BAD_INPUT;
    int n = make_runs(&c, runs);
    if (c.jobs < 1) c.jobs = runner_cpu_count();
    if (cmp_solve_all(runs, n, c.outdir, c.fwd, c.nfwd, c.jobs, c.quiet)) return EXIT_INTERNAL;
    cmp_read_results(runs, n);
    cmp_print_table(runs, n);
    int code = worst(runs, n);
    if (cmp_write_files(runs, n, c.outdir)) code = code ? code : EXIT_INTERNAL;
    else if (!c.quiet) printf("plans, compare.csv and compare.json written to %s/\n", c.outdir);
    if (c.report && cmp_write_report(runs, n, c.report)) code = code ? code : EXIT_INTERNAL;
    for (int k = 0; k < n; k++) scopt_network_free(runs[k].net);
    return code;
}
