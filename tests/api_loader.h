/* api_loader.h - test helper: builds a network through the in-memory API
 * (scopt_network_new, scopt_network_add_*, scopt_network_finish) from a dataset directory,
 * reading the CSV files with libcsv directly and mapping columns to record fields by name:
 * an independent path to compare with scopt_network_read_dir. A cell the API cannot carry
 * (text in a number column, a fraction in a period) makes the load "not expressible". */
#ifndef SCOPT_TEST_API_LOADER_H
#define SCOPT_TEST_API_LOADER_H

#include <csv.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scopt.h"

typedef enum { LF_TEXT, LF_NUM, LF_INT } loader_kind;
typedef struct { const char *col; loader_kind kind; size_t off; } loader_field;
typedef struct {
    const char *file;
    size_t size;
    void (*init)(void *);
    scopt_status (*add)(scopt_network *, const void *, scopt_error *);
    loader_field fields[10];
} loader_table;

/* adapters from the typed calls to the loader's void * records */
#define LOADER_ADAPT(T)                                                                         \
    static void loader_init_##T(void *r) { scopt_##T##_init((scopt_##T *)r); }                  \
    static scopt_status loader_add_##T(scopt_network *n, const void *r, scopt_error *e)         \
    { return scopt_network_add_##T(n, (const scopt_##T *)r, e); }
LOADER_ADAPT(item) LOADER_ADAPT(site) LOADER_ADAPT(supply) LOADER_ADAPT(operation) LOADER_ADAPT(bom)
LOADER_ADAPT(resource) LOADER_ADAPT(resource_use) LOADER_ADAPT(calendar) LOADER_ADAPT(supply_calendar)
LOADER_ADAPT(lane)
LOADER_ADAPT(inventory) LOADER_ADAPT(receipt) LOADER_ADAPT(demand)

#define LT(T, file, ...) {file, sizeof(scopt_##T), loader_init_##T, loader_add_##T, {__VA_ARGS__}}
#define FT(T, f) {#f, LF_TEXT, offsetof(scopt_##T, f)}
#define FN(T, f) {#f, LF_NUM, offsetof(scopt_##T, f)}
#define FI(T, f) {#f, LF_INT, offsetof(scopt_##T, f)}
static const loader_table loader_tables[] = {
    LT(item, "items.csv", FT(item, item), FT(item, description), FT(item, unit), FN(item, volume), FN(item, value)),
    LT(site, "sites.csv", FT(site, site), FT(site, kind), FN(site, fixed_cost), FI(site, optional),
       FN(site, storage_capacity)),
    LT(supply, "supply.csv", FT(supply, supplier), FT(supply, item), FN(supply, unit_cost), FN(supply, capacity),
       FI(supply, lead_time), FN(supply, min_order), FN(supply, order_cost)),
    LT(operation, "operations.csv", FT(operation, operation), FT(operation, site), FT(operation, item),
       FN(operation, yield), FN(operation, unit_cost), FI(operation, lead_time), FN(operation, min_lot),
       FN(operation, setup_cost), FN(operation, max_per_period)),
    LT(bom, "bom.csv", FT(bom, operation), FT(bom, item), FN(bom, quantity)),
    LT(resource, "resources.csv", FT(resource, resource), FT(resource, site), FN(resource, capacity),
       FN(resource, overtime_capacity), FN(resource, overtime_cost)),
    LT(resource_use, "resource_use.csv", FT(resource_use, operation), FT(resource_use, resource),
       FN(resource_use, usage), FN(resource_use, setup_usage)),
    LT(calendar, "capacity_calendar.csv", FT(calendar, resource), FI(calendar, period), FN(calendar, capacity)),
    LT(supply_calendar, "supply_calendar.csv", FT(supply_calendar, supplier), FT(supply_calendar, item),
       FI(supply_calendar, period), FN(supply_calendar, capacity)),
    LT(lane, "lanes.csv", FT(lane, from), FT(lane, to), FT(lane, item), FT(lane, mode), FN(lane, unit_cost),
       FI(lane, lead_time), FN(lane, capacity), FN(lane, vehicle_capacity), FN(lane, vehicle_cost)),
    LT(inventory, "inventory.csv", FT(inventory, site), FT(inventory, item), FN(inventory, initial),
       FN(inventory, holding_cost), FN(inventory, safety_stock), FN(inventory, max),
       FN(inventory, shortfall_penalty)),
    LT(receipt, "receipts.csv", FT(receipt, site), FT(receipt, item), FI(receipt, period), FN(receipt, quantity)),
    LT(demand, "demand.csv", FT(demand, customer), FT(demand, item), FI(demand, period), FN(demand, quantity),
       FN(demand, unmet_penalty), FN(demand, backorder_cost)),
};

/* ---- a whole CSV file as rows of NUL-terminated fields ---- */
typedef struct {
    char ***rows;          /* rows[r][f] */
    int *nfields;
    int nrows, cap_rows;
    char **cur;
    int ncur, cap_cur;
} loader_csv;

static void loader_on_field(void *s, size_t len, void *data)
{
    loader_csv *c = data;
    if (c->ncur == c->cap_cur) {
        c->cap_cur = c->cap_cur ? 2 * c->cap_cur : 16;
        c->cur = realloc(c->cur, (size_t)c->cap_cur * sizeof *c->cur);
    }
    char *f = malloc(len + 1);
    memcpy(f, s ? s : "", len);
    f[len] = '\0';
    c->cur[c->ncur++] = f;
}

static void loader_on_record(int ch, void *data)
{
    loader_csv *c = data;
    (void)ch;
    if (c->nrows == c->cap_rows) {
        c->cap_rows = c->cap_rows ? 2 * c->cap_rows : 64;
        c->rows = realloc(c->rows, (size_t)c->cap_rows * sizeof *c->rows);
        c->nfields = realloc(c->nfields, (size_t)c->cap_rows * sizeof *c->nfields);
    }
    c->rows[c->nrows] = c->cur;
    c->nfields[c->nrows++] = c->ncur;
    c->cur = NULL;
    c->ncur = c->cap_cur = 0;
}

static void loader_csv_free(loader_csv *c)
{
    for (int r = 0; r < c->nrows; r++) {
        for (int f = 0; f < c->nfields[r]; f++) free(c->rows[r][f]);
        free(c->rows[r]);
    }
    for (int f = 0; f < c->ncur; f++) free(c->cur[f]); /* a record cut short by a parse error */
    free(c->cur);
    free(c->rows);
    free(c->nfields);
    memset(c, 0, sizeof *c);
}

/* 0 read (or absent: no rows), -1 not readable as plain CSV */
static int loader_csv_read(const char *path, loader_csv *c)
{
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "rb");
    if (!f) return errno == ENOENT ? 0 : -1;
    struct csv_parser p;
    char buf[65536];
    size_t n;
    int rc = csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) ? -1 : 0;
    while (!rc && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        const char *s = buf;
        if (c->nrows == 0 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) { s += 3; n -= 3; }
        if (memchr(s, '\0', n) || csv_parse(&p, s, n, loader_on_field, loader_on_record, c) != n) rc = -1;
    }
    if (!rc && csv_fini(&p, loader_on_field, loader_on_record, c)) rc = -1;
    csv_free(&p);
    fclose(f);
    return rc;
}

/* ---- cells into record fields ---- */

/* 0 stored, -1 the API cannot carry this cell */
static int loader_cell(const loader_field *fd, const char *text, void *rec)
{
    char *end;
    void *at = (char *)rec + fd->off;
    if (fd->kind == LF_TEXT) { *(const char **)at = text[0] ? text : NULL; return 0; }
    if (!text[0]) {
        if (fd->kind == LF_NUM) *(double *)at = SCOPT_DEFAULT;
        return 0; /* an empty int keeps the init's default */
    }
    errno = 0;
    if (fd->kind == LF_NUM) {
        double v = strtod(text, &end);
        if (*end || end == text || errno == ERANGE) return -1;
        *(double *)at = v;
    } else {
        long v = strtol(text, &end, 10);
        if (*end || end == text || v < -2000000000L || v > 2000000000L) return -1;
        *(int *)at = (int)v;
    }
    return 0;
}

typedef struct {
    scopt_status status;    /* of the first failing call, else SCOPT_OK */
    int expressible;        /* 0: some cell or file cannot go through the API */
    scopt_error err;        /* the first failing call's error */
} loader_result;

static int loader_blank(char **row, int n)
{
    for (int f = 0; f < n; f++)
        if (row[f][0]) return 0;
    return 1;
}

/* add the rows of one table; 1 stops the load */
static int loader_rows(scopt_network *net, const loader_table *t, loader_csv *c, loader_result *res)
{
    int map[10];
    for (int k = 0; k < 10 && t->fields[k].col; k++) {
        map[k] = -1;
        for (int f = 0; f < c->nfields[0]; f++)
            if (!strcasecmp(c->rows[0][f], t->fields[k].col)) map[k] = f;
    }
    void *rec = malloc(t->size);
    for (int r = 1; r < c->nrows && res->status == SCOPT_OK; r++) {
        if (loader_blank(c->rows[r], c->nfields[r])) continue;
        if (c->nfields[r] != c->nfields[0]) { res->expressible = 0; break; }
        t->init(rec);
        for (int k = 0; k < 10 && t->fields[k].col && res->expressible; k++)
            if (map[k] >= 0 && loader_cell(&t->fields[k], c->rows[r][map[k]], rec)) res->expressible = 0;
        if (!res->expressible) break;
        res->status = t->add(net, rec, &res->err);
    }
    free(rec);
    return res->status != SCOPT_OK || !res->expressible;
}

static int loader_settings(scopt_network *net, loader_csv *c, loader_result *res)
{
    int key = -1, value = -1;
    for (int f = 0; c->nrows && f < c->nfields[0]; f++) {
        if (!strcasecmp(c->rows[0][f], "key")) key = f;
        if (!strcasecmp(c->rows[0][f], "value")) value = f;
    }
    for (int r = 1; r < c->nrows && res->status == SCOPT_OK; r++) {
        if (loader_blank(c->rows[r], c->nfields[r])) continue;
        if (key < 0 || c->nfields[r] != c->nfields[0]) { res->expressible = 0; return 1; }
        res->status = scopt_network_add_setting(net, c->rows[r][key], value >= 0 ? c->rows[r][value] : NULL, &res->err);
    }
    return res->status != SCOPT_OK;
}

/* Build DIR's network through the API; stops at the first failing call. *out (NULL unless
 * the whole network was built and finished) is freed by the caller. */
static loader_result loader_build(const char *dir, const scopt_options *opt, scopt_network **out)
{
    loader_result res = {SCOPT_OK, 1, {0}};
    char path[1200];
    loader_csv c;
    scopt_network *net = NULL;
    *out = NULL;
    res.status = scopt_network_new(opt, &net, &res.err);
    snprintf(path, sizeof path, "%s/settings.csv", dir);
    int stop = res.status != SCOPT_OK;
    if (!stop) {
        if (loader_csv_read(path, &c)) res.expressible = 0;
        else stop = loader_settings(net, &c, &res);
        loader_csv_free(&c);
        stop |= !res.expressible;
    }
    for (size_t t = 0; !stop && t < sizeof loader_tables / sizeof loader_tables[0]; t++) {
        snprintf(path, sizeof path, "%s/%s", dir, loader_tables[t].file);
        if (loader_csv_read(path, &c)) res.expressible = 0;
        else if (c.nrows > 0) stop = loader_rows(net, &loader_tables[t], &c, &res);
        loader_csv_free(&c);
        stop |= !res.expressible;
    }
    if (!stop) res.status = scopt_network_finish(net, &res.err);
    if (!stop && res.status == SCOPT_OK) *out = net;
    else scopt_network_free(net);
    return res;
}

#endif
