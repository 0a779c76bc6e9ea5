/* cmd_export.c - `scopt export DATASET --mps F | --lp F [--map M]`: the model for other solvers. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void help(FILE *f)
{
    fprintf(f, "usage: scopt export DATASET (--mps FILE | --lp FILE) [--map FILE.csv]\n\n"
               "Writes the model of DATASET as free MPS or CPLEX LP (names made safe for other readers,\n"
               "objective constant included). --map writes the safe names back to the dataset's names.\n");
}

int cmd_export(int argc, char **argv)
{
    const char *dir = NULL, *path = NULL, *map = NULL;
    scopt_model_format fmt = SCOPT_FORMAT_MPS;
    for (int k = 1; k < argc; k++) {
        const char *a = argv[k];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(stdout); return 0; }
        if ((!strcmp(a, "--mps") || !strcmp(a, "--lp") || !strcmp(a, "--map")) && k + 1 < argc) {
            if (!strcmp(a, "--map")) map = argv[++k];
            else { fmt = !strcmp(a, "--lp") ? SCOPT_FORMAT_LP : SCOPT_FORMAT_MPS; path = argv[++k]; }
        } else if (a[0] == '-' || dir) {
            fprintf(stderr, "scopt export: error: unexpected argument '%s'\n", a);
            help(stderr);
            return EXIT_BAD_INPUT;
        } else dir = a;
    }
    if (!dir || !path) { help(stderr); return EXIT_BAD_INPUT; }
    int code = 0;
    scopt_network *net = cli_read_network("export", dir, 1, &code);
    if (!net) return code;
    scopt_error err;
    scopt_status s = scopt_export_model(net, NULL, fmt, path, map, &err);
    if (s != SCOPT_OK) cli_report_error("export", &err, 0);
    scopt_network_free(net);
    return cli_exit_for_status(s);
}
