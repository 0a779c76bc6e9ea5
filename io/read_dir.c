/* read_dir.c - scopt_network_read_dir: read every table of a dataset directory in
 * dependency order, then validate the whole network. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "read_tables.h"

const char *const table_file_names[T_COUNT] = {
    "settings.csv", "items.csv",     "sites.csv",   "supply.csv",   "operations.csv",
    "bom.csv",      "resources.csv", "resource_use.csv", "capacity_calendar.csv",
    "lanes.csv",    "inventory.csv", "receipts.csv", "demand.csv"};

static scopt_status read_all_tables(const char *dir, read_state *st, diag_sink *d)
{
    const table_def *defs = dataset_tables();
    scopt_network *net = st->net;
    struct stat sb; /* check the directory first, else every file would be "missing" */
    int found = stat(dir, &sb) == 0;
    if (!found || !S_ISDIR(sb.st_mode)) {
        diag_report(d, SCOPT_SEV_ERROR, dir, 0, 0, "cannot open dataset: %s; expected a directory of CSV files",
                    strerror(found ? ENOTDIR : errno));
        return SCOPT_EINPUT;
    }
    for (int t = 0; t < T_COUNT; t++) {
        const table_def *def = &defs[t];
        long rows = 0;
        snprintf(net->table_path[t], sizeof net->table_path[t], "%s/%s", dir, table_file_names[t]);
        csv_table_result r = csv_read_table(net->table_path[t], def->specs, def->nspecs, def->required,
                                            def->on_row, st, d, net->table_cols[t], &rows);
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
    read_state st;
    error_clear(err);
    if (!out) return error_set(err, SCOPT_EUSAGE, "scopt_network_read_dir: out is NULL");
    *out = NULL;
    if (!dir) return error_set(err, SCOPT_EUSAGE, "scopt_network_read_dir: dir is NULL");
    diag_init(&d, opt, err);
    memset(&st, 0, sizeof st);
    st.net = network_new();
    if (!st.net) return error_set(err, SCOPT_ENOMEM, "out of memory");
    snprintf(st.net->dir, sizeof st.net->dir, "%s", dir);
    for (size_t k = strlen(st.net->dir); k > 1 && st.net->dir[k - 1] == '/'; k--) st.net->dir[k - 1] = '\0';
    scopt_status s = read_all_tables(st.net->dir, &st, &d);
    for (int t = 0; t < T_COUNT; t++) keymap_free(&st.keys[t]);
    if (s == SCOPT_OK) {
        network_validate(st.net, &d);
        if (d.nomem) s = SCOPT_ENOMEM;
        else if (d.errors) s = SCOPT_EINPUT;
    }
    st.net->warnings = d.warnings;
    if (s != SCOPT_OK) {
        scopt_network_free(st.net);
        if (s == SCOPT_ENOMEM) return error_set(err, SCOPT_ENOMEM, "out of memory while reading %s", dir);
        if (err) err->code = s;
        return s;
    }
    *out = st.net;
    return SCOPT_OK;
}
