/* cmd_check.c - `scopt check DATASET PLANDIR`: independently verify a written plan
 * against the dataset's rules; exit 0 when it holds, 6 when violations were found,
 * 1 on bad input or usage. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void help(FILE *f)
{
    fprintf(f, "usage: scopt check DATASET PLANDIR [--quiet]\n\n"
               "Reads the dataset and the plan files that `scopt solve -o PLANDIR` wrote (purchases.csv,\n"
               "production.csv, shipments.csv, inventory_plan.csv, deliveries.csv, resource_load.csv,\n"
               "sites.csv, summary.json) and re-checks every rule from first principles: flows only where\n"
               "offers, operations and lanes allow them, lead times, balances of every buffer, demand and\n"
               "backlog accounting, capacities, setups, orders, closed sites, vehicles, integrality and the\n"
               "total cost by component. Each violation is printed as file:line:col: error: ... (up to 50).\n\n"
               "  --quiet, -q   print errors only\n\n"
               "Exit 0 when the plan satisfies every rule, 6 when violations were found, 1 on bad input.\n");
}

static int parse_args(int argc, char **argv, const char **dataset, const char **plandir, cli_diag_state *st)
{
    for (int k = 1; k < argc; k++) {
        if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) { help(stdout); return 0; }
        else if (!strcmp(argv[k], "--quiet") || !strcmp(argv[k], "-q")) st->quiet = 1;
        else if (argv[k][0] != '-' && !*dataset) *dataset = argv[k];
        else if (argv[k][0] != '-' && !*plandir) *plandir = argv[k];
        else {
            fprintf(stderr, "scopt check: error: unexpected argument '%s'\n", argv[k]);
            help(stderr);
            return EXIT_BAD_INPUT;
        }
    }
    if (*dataset && *plandir) return -1;
    fprintf(stderr, "scopt check: error: expected DATASET and PLANDIR\n");
    help(stderr);
    return EXIT_BAD_INPUT;
}

int cmd_check(int argc, char **argv)
{
    const char *dataset = NULL, *plandir = NULL;
    cli_diag_state st = {0};
    int rc = parse_args(argc, argv, &dataset, &plandir, &st);
    if (rc >= 0) return rc;
    scopt_network *net = cli_read_network("check", dataset, st.quiet, &rc);
    if (!net) return rc;
    scopt_options opt;
    scopt_options_init(&opt);
    opt.on_diagnostic = cli_print_diagnostic;
    opt.diagnostic_user = &st;
    scopt_error err;
    long violations = 0;
    scopt_status s = scopt_check_plan(net, plandir, &opt, &violations, &err);
    scopt_network_free(net);
    if (s != SCOPT_OK) {
        cli_report_error("check", &err, st.shown_errors > 0 && s == SCOPT_EINPUT);
        fprintf(stderr, "%s: plan could not be checked\n", plandir);
        return cli_exit_for_status(s);
    }
    if (violations) {
        fprintf(stderr, "%s: %ld violation%s\n", plandir, violations, violations == 1 ? "" : "s");
        return EXIT_CHECK_FAILED;
    }
    if (!st.quiet) printf("%s: plan satisfies every rule of %s\n", plandir, dataset);
    return 0;
}
