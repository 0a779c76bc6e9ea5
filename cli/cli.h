/* cli.h - shared pieces of the scopt command: exit codes (ARCHITECTURE.md section 5),
 * diagnostic printing and the subcommand entry points. Uses only the public API. */
#ifndef SCOPT_CLI_H
#define SCOPT_CLI_H

#include <stdio.h>
#include "scopt.h"

enum {
    EXIT_SOLVED = 0,
    EXIT_BAD_INPUT = 1,
    EXIT_INFEASIBLE = 2,
    EXIT_LIMIT_PLAN = 3,
    EXIT_LIMIT_NO_PLAN = 4,
    EXIT_INTERNAL = 5,
    EXIT_CHECK_FAILED = 6
};

typedef struct cli_diag_state {
    int quiet;         /* 1: errors only */
    int shown_errors;
} cli_diag_state;

/* on_diagnostic callback printing "file:line:col: error: message" to stderr */
void cli_print_diagnostic(const scopt_diagnostic *d, void *user);
/* exit code for a failed library call */
int cli_exit_for_status(scopt_status s);
/* print a failed call's error (when no diagnostic showed it) */
void cli_report_error(const char *cmd, const scopt_error *err, int already_shown);

/* parse one solve option at argv[*k] (advancing *k past its value): 1 taken, 0 not a solve
 * option, -1 bad value (message printed) */
int cli_parse_solve_option(const char *cmd, int argc, char **argv, int *k, scopt_options *o);
/* read DIR with diagnostics printed; NULL on failure (*exit_code set) */
scopt_network *cli_read_network(const char *cmd, const char *dir, int quiet, int *exit_code);
/* the same for DIR changed by the scenario directory SCENARIO (NULL: DIR alone) */
scopt_network *cli_read_network_scenario(const char *cmd, const char *dir, const char *scenario, int quiet,
                                         int *exit_code);

int cmd_validate(int argc, char **argv);
int cmd_solve(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_gen(int argc, char **argv);

#endif
