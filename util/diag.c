/* diag.c - the diagnostics sink: every error and warning of a call goes to the caller's
 * callback (never printed by the library) and the first error is kept in scopt_error. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "util.h"

void error_clear(scopt_error *err)
{
    if (err) memset(err, 0, sizeof *err);
}

scopt_status error_set(scopt_error *err, scopt_status code, const char *fmt, ...)
{
    if (!err) return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void diag_init(diag_sink *d, const scopt_options *opt, scopt_error *err)
{
    memset(d, 0, sizeof *d);
    d->opt = opt;
    d->err = err;
    d->max_errors = (opt && opt->max_errors > 0) ? opt->max_errors : 50;
}

int diag_limit_reached(const diag_sink *d) { return d->errors >= d->max_errors; }

int diag_report(diag_sink *d, scopt_severity sev, const char *file, long line, long col,
                const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    if (sev == SCOPT_SEV_ERROR && diag_limit_reached(d)) return 1;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (sev == SCOPT_SEV_ERROR) {
        if (d->errors == 0 && d->err) {
            d->err->code = SCOPT_EINPUT;
            snprintf(d->err->message, sizeof d->err->message, "%s", msg);
            snprintf(d->err->file, sizeof d->err->file, "%s", file ? file : "");
            d->err->line = line;
            d->err->column = col;
        }
        d->errors++;
    } else if (sev == SCOPT_SEV_WARNING) {
        d->warnings++;
    }
    if (d->err) {
        d->err->error_count = d->errors;
        d->err->warning_count = d->warnings;
    }
    if (d->opt && d->opt->on_diagnostic) {
        scopt_diagnostic dg = {sev, file ? file : "", line, col, msg};
        d->opt->on_diagnostic(&dg, d->opt->diagnostic_user);
    }
    return sev == SCOPT_SEV_ERROR && diag_limit_reached(d);
}
