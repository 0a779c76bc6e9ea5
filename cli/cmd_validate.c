/* cmd_validate.c - `scopt validate DATASET`: read and check a dataset, print a
 * one-screen summary; exit 0 when valid, 1 on bad input. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void help(FILE *f)
{
    fprintf(f, "usage: scopt validate DATASET [--quiet]\n\n"
               "Reads every CSV table of DATASET, reports each problem as file:line:col (up to 50)\n"
               "and prints a summary. Exit 0 when the dataset is valid, 1 otherwise.\n");
}

int cmd_validate(int argc, char **argv)
{
    const char *dir = NULL;
    cli_diag_state st = {0};
    for (int k = 1; k < argc; k++) {
        if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) { help(stdout); return 0; }
        else if (!strcmp(argv[k], "--quiet") || !strcmp(argv[k], "-q")) st.quiet = 1;
        else if (argv[k][0] == '-' || dir) {
            fprintf(stderr, "scopt validate: error: unexpected argument '%s'\n", argv[k]);
            help(stderr);
            return EXIT_BAD_INPUT;
        } else dir = argv[k];
    }
    if (!dir) { help(stderr); return EXIT_BAD_INPUT; }
    scopt_options opt;
    scopt_options_init(&opt);
    opt.on_diagnostic = cli_print_diagnostic;
    opt.diagnostic_user = &st;
    scopt_network *net = NULL;
    scopt_error err;
    scopt_status s = scopt_network_read_dir(dir, &opt, &net, &err);
    if (s != SCOPT_OK) {
        cli_report_error("validate", &err, st.shown_errors > 0);
        fprintf(stderr, "%s: not valid (%d error%s)\n", dir, err.error_count, err.error_count == 1 ? "" : "s");
        return cli_exit_for_status(s);
    }
    scopt_network_info in;
    scopt_network_info_get(net, &in);
    printf("%s: valid\n", dir);
    printf("  periods      %d\n", in.periods);
    printf("  items        %d\n", in.items);
    printf("  sites        %d (%d suppliers, %d plants, %d warehouses, %d customers)\n", in.sites,
           in.suppliers, in.plants, in.warehouses, in.customers);
    printf("  supply       %ld offers", in.supply);
    if (in.supply_calendar) printf(" (%ld calendar overrides)", in.supply_calendar);
    printf("\n  operations   %ld (%ld BOM lines)\n", in.operations, in.bom);
    printf("  resources    %ld (%ld uses, %ld calendar overrides)\n", in.resources, in.resource_use, in.calendar);
    printf("  lanes        %ld\n  inventory    %ld positions, %ld receipts\n", in.lanes, in.inventory, in.receipts);
    printf("  demand       %ld rows, %g units in the horizon\n", in.demand, in.total_demand);
    printf("  warnings     %d\n", in.warnings);
    scopt_network_free(net);
    return 0;
}
