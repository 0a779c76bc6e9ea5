/* diag_print.c - how the scopt command shows diagnostics and maps statuses to exit codes. */
#include <stdio.h>
#include "cli.h"

void cli_print_diagnostic(const scopt_diagnostic *d, void *user)
{
    cli_diag_state *st = user;
    const char *sev = d->severity == SCOPT_SEV_ERROR ? "error" : d->severity == SCOPT_SEV_WARNING ? "warning" : "note";
    if (st && st->quiet && d->severity != SCOPT_SEV_ERROR) return;
    if (d->severity == SCOPT_SEV_ERROR && st) st->shown_errors++;
    if (d->file[0] && d->line > 0)
        fprintf(stderr, "%s:%ld:%ld: %s: %s\n", d->file, d->line, d->column, sev, d->message);
    else if (d->file[0])
        fprintf(stderr, "%s: %s: %s\n", d->file, sev, d->message);
    else
        fprintf(stderr, "scopt: %s: %s\n", sev, d->message);
}

int cli_exit_for_status(scopt_status s)
{
    switch (s) {
    case SCOPT_OK: return EXIT_SOLVED;
    case SCOPT_EINPUT: case SCOPT_EUSAGE: case SCOPT_ENODEVICE: return EXIT_BAD_INPUT;
    default: return EXIT_INTERNAL;
    }
}

void cli_report_error(const char *cmd, const scopt_error *err, int already_shown)
{
    if (already_shown && err->code == SCOPT_EINPUT) {
        if (err->error_count >= 50)
            fprintf(stderr, "scopt %s: stopped after %d errors\n", cmd, err->error_count);
        return;
    }
    if (err->file[0])
        fprintf(stderr, "%s:%ld:%ld: error: %s\n", err->file, err->line, err->column, err->message);
    else
        fprintf(stderr, "scopt %s: error: %s\n", cmd, err->message[0] ? err->message : scopt_strerror(err->code));
}

scopt_network *cli_read_network(const char *cmd, const char *dir, int quiet, int *exit_code)
{
    return cli_read_network_scenario(cmd, dir, NULL, quiet, exit_code);
}

scopt_network *cli_read_network_scenario(const char *cmd, const char *dir, const char *scenario, int quiet,
                                         int *exit_code)
{
    cli_diag_state st = {quiet, 0};
    scopt_options opt;
    scopt_options_init(&opt);
    opt.on_diagnostic = cli_print_diagnostic;
    opt.diagnostic_user = &st;
    scopt_network *net = NULL;
    scopt_error err;
    scopt_status s = scopt_network_read_scenario(dir, scenario, &opt, &net, &err);
    if (s != SCOPT_OK) {
        cli_report_error(cmd, &err, st.shown_errors > 0);
        *exit_code = cli_exit_for_status(s);
        return NULL;
    }
    return net;
}
