/* plan_diff.c - scopt_plan_diff: what changed between two written plans, read as text (no
 * dataset needed): purchase orders by (supplier, item), production runs by operation,
 * shipments by (from, to, item, mode), each with its period and quantity; and the open
 * flag of optional sites. Per key, entries of the same period whose quantity differs are
 * "changed"; of the rest, an entry that left one period and one of the same quantity that
 * appeared in another are "moved" (the nearest period first); what remains is "removed"
 * or "added". */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "raw_table.h"

typedef struct diff_def {
    const char *table, *file;
    const char *keys[4];
    int nkeys;
    const char *period, *quantity; /* period NULL: one entry per key */
} diff_def;

static const diff_def defs[] = {
    {"purchases", "purchases.csv", {"supplier", "item"}, 2, "order_period", "quantity"},
    {"production", "production.csv", {"operation"}, 1, "start_period", "quantity"},
    {"shipments", "shipments.csv", {"from", "to", "item", "mode"}, 4, "ship_period", "quantity"},
    {"sites", "sites.csv", {"site"}, 1, NULL, "open"},
};

typedef struct entry { int key, period, used; double q; } entry;
typedef VEC(entry) entry_vec;

typedef struct differ {
    const diff_def *def;
    strmap keys;
    entry_vec side[2];
    diag_sink *d;
    scopt_diff_fn fn;
    void *user;
} differ;

static int cell_number(differ *df, const raw_table *t, size_t r, int col, double *out)
{
    if (col < 0) { *out = 0; return 0; }
    const char *s = raw_row(t, r)[col];
    if (!s[0]) { *out = 0; return 0; }
    if (parse_double(s, out) == NUM_OK) return 0;
    diag_report(df->d, SCOPT_SEV_ERROR, t->path, t->lines.data[r], col + 1, "column '%s': \"%.40s\" is not a number; "
                "expected the plan that scopt solve -o writes", t->header[col], s);
    return -1;
}

/* the key of row R as text: its key cells joined ("A -> B  item (mode)" for shipments) */
static void key_text(const diff_def *def, const raw_table *t, size_t r, const int *cols, char *buf, size_t n)
{
    const char *v[4];
    for (int k = 0; k < def->nkeys; k++) v[k] = cols[k] >= 0 ? raw_row(t, r)[cols[k]] : "";
    if (def->nkeys == 4)
        snprintf(buf, n, "%s -> %s  %s%s%s%s", v[0], v[1], v[2], v[3][0] ? " (" : "", v[3], v[3][0] ? ")" : "");
    else if (def->nkeys == 2) snprintf(buf, n, "%s  %s", v[0], v[1]);
    else snprintf(buf, n, "%s", v[0]);
}

static int load_side(differ *df, const raw_table *t, int side)
{
    const diff_def *def = df->def;
    int cols[4], pc = def->period ? raw_col(t, def->period) : -1, qc = raw_col(t, def->quantity);
    char key[1024];
    for (int k = 0; k < def->nkeys; k++) cols[k] = raw_col(t, def->keys[k]);
    if (cols[0] < 0 || qc < 0 || (def->period && pc < 0)) {
        diag_report(df->d, SCOPT_SEV_ERROR, t->path, 1, 0, "missing column '%s'; expected the header scopt solve -o writes",
                    cols[0] < 0 ? def->keys[0] : qc < 0 ? def->quantity : def->period);
        return -1;
    }
    for (size_t r = 0; r < t->nrows; r++) {
        double q, p = 0;
        if (cell_number(df, t, r, qc, &q) || cell_number(df, t, r, pc, &p)) return -1;
        key_text(def, t, r, cols, key, sizeof key);
        entry *e = VEC_PUSH(df->side[side]);
        int id = e ? strmap_intern(&df->keys, key, NULL) : -1;
        if (id < 0) { df->d->nomem = 1; return -1; }
        *e = (entry){id, (int)p, 0, q};
    }
    return 0;
}

static int by_key_period(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->period > y->period) - (x->period < y->period);
}

static int same(double a, double b) { return fabs(a - b) <= 1e-9 * fmax(1, fmax(fabs(a), fabs(b))); }

static void emit(differ *df, scopt_diff_kind kind, int key, const entry *before, const entry *after)
{
    scopt_diff_entry e = {df->def->table, kind, strmap_name(&df->keys, key), before ? before->period : 0,
                          after ? after->period : 0, before ? before->q : 0, after ? after->q : 0};
    df->fn(&e, df->user);
}

/* the entries of one key: a[0..na) before, b[0..nb) after, both by period */
static void diff_key(differ *df, int key, entry *a, size_t na, entry *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!b[j].used && a[i].period == b[j].period) {
                a[i].used = b[j].used = 1;
                if (!same(a[i].q, b[j].q)) emit(df, SCOPT_DIFF_CHANGED, key, &a[i], &b[j]);
            }
    for (size_t i = 0; i < na; i++) {
        size_t best = nb;
        for (size_t j = 0; j < nb && !a[i].used; j++)
            if (!b[j].used && same(a[i].q, b[j].q) &&
                (best == nb || abs(b[j].period - a[i].period) < abs(b[best].period - a[i].period)))
                best = j;
        if (best == nb) continue;
        a[i].used = b[best].used = 1;
        emit(df, SCOPT_DIFF_MOVED, key, &a[i], &b[best]);
    }
    for (size_t i = 0; i < na; i++)
        if (!a[i].used) emit(df, SCOPT_DIFF_REMOVED, key, &a[i], NULL);
    for (size_t j = 0; j < nb; j++)
        if (!b[j].used) emit(df, SCOPT_DIFF_ADDED, key, NULL, &b[j]);
}

static void diff_all(differ *df)
{
    entry_vec *A = &df->side[0], *B = &df->side[1];
    qsort(A->data, A->len, sizeof *A->data, by_key_period);
    qsort(B->data, B->len, sizeof *B->data, by_key_period);
    size_t i = 0, j = 0;
    for (int key = 0; key < df->keys.count; key++) {
        size_t i0 = i, j0 = j;
        while (i < A->len && A->data[i].key == key) i++;
        while (j < B->len && B->data[j].key == key) j++;
        diff_key(df, key, A->data + i0, i - i0, B->data + j0, j - j0);
    }
}

static int diff_table(const diff_def *def, const char *const dirs[2], diag_sink *d, scopt_diff_fn fn, void *user)
{
    raw_table t[2];
    differ df = {.def = def, .d = d, .fn = fn, .user = user};
    char path[1200];
    int rc = 0;
    memset(t, 0, sizeof t);
    strmap_init(&df.keys);
    for (int s = 0; s < 2 && !rc; s++) {
        snprintf(path, sizeof path, "%s/%s", dirs[s], def->file);
        raw_result r = raw_table_read(&t[s], path, d);
        if (r == RAW_ABSENT && def->period)
            diag_report(d, SCOPT_SEV_ERROR, path, 0, 0, "missing plan file; expected %s in a plan directory written "
                        "by scopt solve -o", def->file);
        rc = r == RAW_FAILED || (r == RAW_ABSENT && def->period) || (r == RAW_OK && load_side(&df, &t[s], s)) ? -1 : 0;
    }
    if (!rc) diff_all(&df);
    for (int s = 0; s < 2; s++) { raw_table_free(&t[s]); VEC_FREE(df.side[s]); }
    strmap_free(&df.keys);
    return rc;
}

scopt_status scopt_plan_diff(const char *plandir1, const char *plandir2, const scopt_options *opt, scopt_diff_fn fn,
                             void *user, scopt_error *err)
{
    diag_sink d;
    const char *dirs[2] = {plandir1, plandir2};
    error_clear(err);
    if (!plandir1 || !plandir2 || !fn) return error_set(err, SCOPT_EUSAGE, "scopt_plan_diff: NULL argument");
    diag_init(&d, opt, err);
    for (size_t k = 0; k < sizeof defs / sizeof defs[0] && !d.nomem && !d.errors; k++) diff_table(&defs[k], dirs, &d, fn, user);
    if (d.nomem) return error_set(err, SCOPT_ENOMEM, "out of memory");
    return d.errors ? SCOPT_EINPUT : SCOPT_OK;
}
