/* plan_cells.c - cell helpers of the plan reader: signed numbers and periods as written
 * with %.9g, names resolved against the dataset (an unknown name is a violation of the
 * plan, not bad input) and repeated keys within one plan file (bad input). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plan_cells.h"

int pc_nomem(csv_row_ctx *ctx)
{
    ctx->diag->nomem = 1;
    return 1;
}

int pc_number(csv_row_ctx *ctx, const cell *c, int k, double *out, int *has)
{
    const plan_rs *rs = ctx->user;
    *out = 0;
    if (has) *has = c[k].present;
    if (!c[k].present) return 0;
    if (parse_double(c[k].text, out) == NUM_OK) return 0;
    csv_cell_error(ctx, k, "column '%s': value \"%.40s\" is not a number; expected a number like 12.5",
                   rs->specs[k].name, c[k].text);
    return -1;
}

int pc_period(csv_row_ctx *ctx, const cell *c, int k, int *out)
{
    const plan_rs *rs = ctx->user;
    long p = 0;
    *out = 0;
    if (!c[k].present) return 0; /* only optional columns can be empty here */
    if (parse_int_min(c[k].text, -1000000000L, &p) == NUM_OK) {
        *out = (int)p;
        return 0;
    }
    csv_cell_error(ctx, k, "column '%s': value \"%.40s\" is not a whole period number; expected a period "
                   "like 3", rs->specs[k].name, c[k].text);
    return -1;
}

/* shipments.csv lane_no: which of the lanes rows with one key (1 = the first); absent = 1 */
int pc_lane_no(csv_row_ctx *ctx, const cell *c, int k, int *out)
{
    long v = 0;
    if (!c[k].present) return 0;
    if (parse_int_min(c[k].text, 1, &v) == NUM_OK && v <= 1000000000L) {
        *out = (int)v;
        return 0;
    }
    csv_cell_error(ctx, k, "column 'lane_no': value \"%.40s\" is not a lane number; expected 1 for the first "
                   "lanes.csv row of this lane, 2 for a parallel lane", c[k].text);
    return -1;
}

/* id of the name in cell K, or -1 after reporting a violation */
static int pc_lookup(csv_row_ctx *ctx, const cell *c, int k, const strmap *m, const char *what,
                     const char *file)
{
    plan_rs *rs = ctx->user;
    int id = strmap_find(m, c[k].text);
    if (id >= 0) return id;
    const char *s = strmap_suggest(m, c[k].text);
    violation_report(rs->v, ctx->path, ctx->line, ctx->colno[k], "unknown %s '%s'; expected a %s of the "
                     "dataset's %s%s%s%s", what, c[k].text, what, file, s ? " (did you mean '" : "",
                     s ? s : "", s ? "'?)" : "");
    return -1;
}

int pc_site(csv_row_ctx *ctx, const cell *c, int k)
{
    return pc_lookup(ctx, c, k, &((plan_rs *)ctx->user)->net->site_names, "site", "sites.csv");
}

int pc_item(csv_row_ctx *ctx, const cell *c, int k)
{
    return pc_lookup(ctx, c, k, &((plan_rs *)ctx->user)->net->item_names, "item", "items.csv");
}

int pc_operation(csv_row_ctx *ctx, const cell *c, int k)
{
    return pc_lookup(ctx, c, k, &((plan_rs *)ctx->user)->net->op_names, "operation", "operations.csv");
}

int pc_resource(csv_row_ctx *ctx, const cell *c, int k)
{
    return pc_lookup(ctx, c, k, &((plan_rs *)ctx->user)->net->res_names, "resource", "resources.csv");
}

int pc_duplicate(csv_row_ctx *ctx, const int *key, int n)
{
    plan_rs *rs = ctx->user;
    char buf[160];
    size_t len = 0;
    for (int k = 0; k < n && len < sizeof buf; k++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%d,", key[k]);
    int added = 0, id = strmap_intern(&rs->keys, buf, &added);
    if (id < 0) return pc_nomem(ctx);
    if (added) {
        int *line = VEC_PUSH(rs->key_lines);
        if (!line) return pc_nomem(ctx);
        *line = (int)ctx->line;
        return 0;
    }
    csv_cell_error(ctx, 0, "repeated row: the same key as line %d; expected one row per key",
                   rs->key_lines.data[id]);
    return 1;
}
