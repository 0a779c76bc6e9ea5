/* options.c - parsing the solve options shared by solve, export and compare
 * (ARCHITECTURE.md section 5) into scopt_options, with clear usage errors. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static int parse_num(const char *cmd, const char *flag, const char *v, double min, double max, double *out)
{
    char *end;
    double x = v ? strtod(v, &end) : 0;
    if (!v || !*v || *end || !(x >= min && x <= max)) {
        fprintf(stderr, "scopt %s: error: %s needs a number between %g and %g, got '%s'\n", cmd, flag, min, max,
                v ? v : "");
        return -1;
    }
    *out = x;
    return 0;
}

static int pick(const char *cmd, const char *flag, const char *v, const char *const *names, int n, int *out)
{
    for (int k = 0; v && k < n; k++)
        if (!strcmp(v, names[k])) { *out = k; return 0; }
    fprintf(stderr, "scopt %s: error: %s takes ", cmd, flag);
    for (int k = 0; k < n; k++) fprintf(stderr, "%s%s", k ? "|" : "", names[k]);
    fprintf(stderr, ", got '%s'\n", v ? v : "");
    return -1;
}

int cli_parse_solve_option(const char *cmd, int argc, char **argv, int *k, scopt_options *o)
{
    const char *a = argv[*k], *v = *k + 1 < argc ? argv[*k + 1] : NULL;
    static const char *const devices[] = {"auto", "cpu", "gpu"};
    static const char *const methods[] = {"auto", "simplex", "interior", "pdlp"};
    int choice;
    if (!strcmp(a, "--mip-gap")) { (*k)++; return parse_num(cmd, a, v, 0, 1, &o->mip_gap) ? -1 : 1; }
    if (!strcmp(a, "--time-limit")) { (*k)++; return parse_num(cmd, a, v, 0, 1e9, &o->time_limit) ? -1 : 1; }
    if (!strcmp(a, "--device")) {
        (*k)++;
        if (pick(cmd, a, v, devices, 3, &choice)) return -1;
        o->device = (scopt_device)choice;
        return 1;
    }
    if (!strcmp(a, "--lp-method")) {
        (*k)++;
        if (pick(cmd, a, v, methods, 4, &choice)) return -1;
        o->lp_method = (scopt_lp_method)choice;
        return 1;
    }
    if (!strcmp(a, "--pdlp-tol")) { (*k)++; return parse_num(cmd, a, v, 1e-12, 1, &o->pdlp_tol) ? -1 : 1; }
    if (!strcmp(a, "--pdlp-finish")) {
        static const char *const finishes[] = {"simplex", "none", "restricted", "polish"};
        (*k)++;
        if (pick(cmd, a, v, finishes, 4, &choice)) return -1;
        o->pdlp_finish = (scopt_pdlp_finish)choice;
        return 1;
    }
    if (!strcmp(a, "--pdlp-checkpoint")) {
        (*k)++;
        if (strcmp(cmd, "solve") != 0) { /* compare solves several LPs, each its own */
            fprintf(stderr, "scopt %s: error: --pdlp-checkpoint is an option of scopt solve (one LP)\n", cmd);
            return -1;
        }
        if (!v || !*v) {
            fprintf(stderr, "scopt %s: error: --pdlp-checkpoint needs a file name\n", cmd);
            return -1;
        }
        o->pdlp_checkpoint = v; /* argv outlives the solve */
        return 1;
    }
    if (!strcmp(a, "--mip-strategy")) {
        static const char *const strategies[] = {"auto", "glpk"};
        (*k)++;
        if (pick(cmd, a, v, strategies, 2, &choice)) return -1;
        o->mip_strategy = (scopt_mip_strategy)choice;
        return 1;
    }
    if (!strcmp(a, "--pdlp-presolve")) { o->pdlp_presolve = 1; return 1; }
    if (!strcmp(a, "--threads")) {
        char *end;
        (*k)++;
        if (v && !strcmp(v, "all")) { o->threads = SCOPT_THREADS_ALL_CORES; return 1; }
        long t = v ? strtol(v, &end, 10) : 0;
        if (!v || !*v || *end || t < 1 || t > 4096) {
            fprintf(stderr, "scopt %s: error: %s takes a number of threads from 1 to 4096 or 'all', got '%s'\n", cmd,
                    a, v ? v : "");
            return -1;
        }
        o->threads = (int)t;
        return 1;
    }
    if (!strcmp(a, "--cuts")) { o->cuts = 1; return 1; }
    if (!strcmp(a, "--no-cuts")) { o->cuts = 0; return 1; }
    if (!strcmp(a, "--heuristics")) { o->heuristics = 1; return 1; }
    return 0;
}
