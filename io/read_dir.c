/* read_dir.c - scopt_network_read_dir: read every table of a dataset directory in
 * dependency order, then validate the whole network. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "network_add.h"
#include "read_tables.h"

static scopt_status read_all_tables(const char *dir, scopt_network *net, diag_sink *d)
{
    const table_schema *schema = dataset_schema();
    struct stat sb; /* check the directory first, else every file would be "missing" */
    int found = stat(dir, &sb) == 0;
    if (!found || !S_ISDIR(sb.st_mode)) {
        diag_report(d, SCOPT_SEV_ERROR, dir, 0, 0, "cannot open dataset: %s; expected a directory of CSV files",
                    strerror(found ? ENOTDIR : errno));
        return SCOPT_EINPUT;
    }
    for (int t = 0; t < T_COUNT; t++) {
        const table_schema *ts = &schema[t];
        long rows = 0;
        snprintf(net->table_path[t], sizeof net->table_path[t], "%s/%s", dir, table_file_names[t]);
        csv_table_result r = csv_read_table(net->table_path[t], ts->specs, ts->nspecs, ts->required,
                                            dataset_row_handler((table_id)t), net, d, net->table_cols[t], &rows);
        net->table_present[t] = r != CSV_TABLE_ABSENT;
        if (d->nomem) return SCOPT_ENOMEM;
        if (diag_limit_reached(d)) break;
        /* without items or sites every later reference would fail: stop early */
        if ((t == T_ITEMS || t == T_SITES) && d->errors) break;
    }
    return d->errors ? SCOPT_EINPUT : SCOPT_OK;
}

scopt_status scopt_network_read_dir(const char *dir, const scopt_options *opt, scopt_network **out,
                                    scopt_error *err)
{
    diag_sink d;
    error_clear(err);
    if (!out) return error_set(err, SCOPT_EUSAGE, "scopt_network_read_dir: out is NULL");
    *out = NULL;
    if (!dir) return error_set(err, SCOPT_EUSAGE, "scopt_network_read_dir: dir is NULL");
    diag_init(&d, opt, err);
    double t0 = now_seconds();
    scopt_network *net = network_new();
    if (!net || network_build_begin(net)) {
        scopt_network_free(net);
        return error_set(err, SCOPT_ENOMEM, "out of memory");
    }
    snprintf(net->dir, sizeof net->dir, "%s", dir);
    for (size_t k = strlen(net->dir); k > 1 && net->dir[k - 1] == '/'; k--) net->dir[k - 1] = '\0';
    scopt_status s = read_all_tables(net->dir, net, &d);
    network_build_end(net);
    double t1 = now_seconds();
    if (s == SCOPT_OK) {
        network_validate(net, &d);
        if (d.nomem) s = SCOPT_ENOMEM;
        else if (d.errors) s = SCOPT_EINPUT;
    }
    net->warnings = d.warnings;
    net->read_seconds = now_seconds() - t0;
    net->validate_seconds = now_seconds() - t1;
    if (s != SCOPT_OK) {
        scopt_network_free(net);
        if (s == SCOPT_ENOMEM) return error_set(err, SCOPT_ENOMEM, "out of memory while reading %s", dir);
        if (err) err->code = s;
        return s;
    }
    *out = net;
    return SCOPT_OK;
}
