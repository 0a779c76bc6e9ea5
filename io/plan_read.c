/* plan_read.c - plan_read_dir: read the CSV files of a written plan (docs/plan.md) and
 * its summary.json into a plan_data; the violation sink the checker reports through. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "plan_cells.h"

void violation_report(violation_sink *v, const char *file, long line, long col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    v->count++;
    diag_report(&v->diag, SCOPT_SEV_ERROR, file, line, col, "%s", msg);
}

static int any_optional_site(const scopt_network *net)
{
    for (size_t s = 0; s < net->sites.len; s++)
        if (net->sites.data[s].optional) return 1;
    return 0;
}

/* 1 when the file is there to read; a missing file is bad input unless OPTIONAL */
static int plan_file_exists(const char *path, int optional, diag_sink *in)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode)) return 1;
    if (errno == ENOENT && optional) return 0;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    if (errno == ENOENT)
        diag_report(in, SCOPT_SEV_ERROR, path, 0, 0, "missing plan file; expected %s in the plan directory "
                    "(as written by scopt solve -o)", base);
    else
        diag_report(in, SCOPT_SEV_ERROR, path, 0, 0, "cannot read plan file: %s; expected a readable %s",
                    stat(path, &st) == 0 ? "is a directory" : strerror(errno), base);
    return 0;
}

static void read_one(plan_rs *rs, plan_file f, const char *dir, diag_sink *in)
{
    const plan_file_def *def = &plan_file_defs()[f];
    plan_data *plan = rs->plan;
    long rows = 0;
    snprintf(plan->path[f], sizeof plan->path[f], "%s/%s", dir, def->name);
    int optional = f == PF_SITES && !any_optional_site(rs->net);
    if (!plan_file_exists(plan->path[f], optional, in)) return;
    strmap_init(&rs->keys);
    rs->key_lines.len = 0;
    rs->specs = def->specs;
    int cols[PLAN_MAX_COLS] = {0};
    csv_read_table(plan->path[f], def->specs, def->nspecs, 0, def->on_row, rs, in, cols, &rows);
    memcpy(plan->cols[f], cols, sizeof cols);
    strmap_free(&rs->keys);
}

scopt_status plan_read_dir(const scopt_network *net, const char *dir, plan_data *plan, diag_sink *in,
                           violation_sink *v)
{
    plan_rs rs = {.net = net, .plan = plan, .v = v};
    struct stat st;
    memset(plan, 0, sizeof *plan);
    strmap_init(&plan->unknown_modes);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_report(in, SCOPT_SEV_ERROR, dir, 0, 0, "%s; expected a plan directory written by scopt solve -o",
                    stat(dir, &st) != 0 ? strerror(errno) : "not a directory");
        return SCOPT_EINPUT;
    }
    for (int f = 0; f < PF_COUNT && !in->nomem && !diag_limit_reached(in); f++) read_one(&rs, (plan_file)f, dir, in);
    VEC_FREE(rs.key_lines);
    if (in->nomem) return SCOPT_ENOMEM;
    if (!in->errors) plan_read_summary(dir, &plan->summary, in);
    if (in->nomem) return SCOPT_ENOMEM;
    return in->errors ? SCOPT_EINPUT : SCOPT_OK;
}

void plan_free(plan_data *plan)
{
    if (!plan) return;
    VEC_FREE(plan->purchases);
    VEC_FREE(plan->production);
    VEC_FREE(plan->shipments);
    VEC_FREE(plan->stock);
    VEC_FREE(plan->deliveries);
    VEC_FREE(plan->loads);
    VEC_FREE(plan->sites);
    strmap_free(&plan->unknown_modes);
}
