/* main.c - the scopt command: dispatches to one cmd_*.c per subcommand. A thin client
 * of libscopt (only include/scopt.h is used). */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} commands[] = {
    {"solve", cmd_solve, "build the model of a dataset, solve it and write the plan"},
    {"validate", cmd_validate, "check a dataset and print a summary"},
    {"check", cmd_check, "verify a written plan against the dataset's rules"},
    {"export", cmd_export, "write the model as free MPS or CPLEX LP"},
    {"compare", cmd_compare, "solve a base and its scenarios (or several datasets) in parallel; KPIs side by side"},
    {"diff", cmd_diff, "what changed between two written plans (orders, runs, shipments, sites)"},
    {"gen", cmd_gen, "generate a realistic, valid, feasible dataset (presets S, M, L, XL)"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: scopt COMMAND [OPTIONS]\n\n"
               "scopt plans a supply chain (procurement, production, transport, storage, delivery)\n"
               "as one LP/MIP solved with GLPK.\n\ncommands:\n");
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
        fprintf(f, "  %-10s %s\n", commands[k].name, commands[k].summary);
    fprintf(f, "\nscopt COMMAND --help shows a command's options; scopt --version its version.\n"
               "exit codes: 0 solved/valid, 1 bad input or usage, 2 infeasible or unbounded,\n"
               "3 limit reached with a plan, 4 limit reached without a plan, 5 internal error,\n"
               "6 check found violations.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return EXIT_BAD_INPUT; }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("scopt %s\n", scopt_version());
        return 0;
    }
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
        if (!strcmp(argv[1], commands[k].name)) return commands[k].run(argc - 1, argv + 1);
    fprintf(stderr, "scopt: error: unknown command '%s'; expected one of solve, validate, check, export, "
                    "compare, diff, gen (scopt --help lists them)\n", argv[1]);
    return EXIT_BAD_INPUT;
}
