/* scenario_merge.c - a base table loaded into memory and the scenario's table of the same
 * name laid over it (docs/scenarios.md "Tables"): an overlay row replaces every base row
 * with its key (ARCHITECTURE.md 2b) at the place of the first of them, taking the base
 * row's cells for the columns the overlay file does not have; a row with a new key is
 * added at the end; a row with `delete` = 1 removes the base rows of its key. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scenario.h"

#define KEY_BYTES (16 * 1024)

char **scen_add_row(scen_tab *tb, scen_src src, long line)
{
    scen_origin *o = VEC_PUSH(tb->origin);
    char **row = o ? raw_add_row(&tb->rows, line) : NULL;
    if (!row) return NULL;
    o->src = (unsigned char)src;
    o->line = line;
    return row;
}

/* a column of empty cells that no file has; -1 on out of memory */
static int add_col(scen_tab *tb, const char *name)
{
    int c = raw_add_col(&tb->rows, name);
    int *base = c >= 0 ? VEC_PUSH(tb->colno[0]) : NULL, *ov = base ? VEC_PUSH(tb->colno[1]) : NULL;
    return ov ? c : -1;
}

int scen_col(scen_tab *tb, const char *name)
{
    int c = raw_col(&tb->rows, name);
    return c >= 0 ? c : add_col(tb, name);
}

void scen_keep(scen_tab *tb, const unsigned char *keep)
{
    size_t w = 0;
    for (size_t r = 0; r < tb->origin.len; r++)
        if (keep[r]) tb->origin.data[w++] = tb->origin.data[r];
    tb->origin.len = w;
    raw_keep_rows(&tb->rows, keep);
}

/* the known columns that the table lacks, so that edits and overlays can fill them (an
 * empty cell means what an absent column means); required ones only for a new table */
static int add_known_cols(scen_tab *tb, const sc_table *st, int all)
{
    for (int k = 0; k < st->ncols; k++)
        if ((all || !st->cols[k].required) && raw_col(&tb->rows, st->cols[k].name) < 0 &&
            add_col(tb, st->cols[k].name) < 0)
            return -1;
    return 0;
}

int scen_load(scenario *sc, int t)
{
    scen_tab *tb = &sc->tab[t];
    if (tb->loaded) return 0;
    raw_result r = tb->in_base ? raw_table_read(&tb->rows, tb->path[0], sc->d) : RAW_ABSENT;
    if (r == RAW_FAILED) return -1;
    if (r == RAW_ABSENT && raw_table_init(&tb->rows, tb->path[0], 0, NULL)) goto nomem;
    for (size_t i = 0; i < tb->rows.nrows; i++) {
        scen_origin *o = VEC_PUSH(tb->origin);
        if (!o) goto nomem;
        o->src = SRC_BASE;
        o->line = tb->rows.lines.data[i];
    }
    for (int c = 0; c < tb->rows.ncols; c++) {
        int *b = VEC_PUSH(tb->colno[0]), *v = VEC_PUSH(tb->colno[1]);
        if (!b || !v) goto nomem;
        *b = c + 1;
    }
    if (add_known_cols(tb, scen_table(t), r == RAW_ABSENT)) goto nomem;
    tb->loaded = 1;
    return 0;
nomem:
    sc->d->nomem = 1;
    return -1;
}

/* ---- keys ---- */

/* column of each key column of table T in TAB (-1 when absent); returns their number */
static int key_cols(int t, const raw_table *tab, int *cols)
{
    const sc_table *st = scen_table(t);
    int n = 0;
    for (int k = 0; k < st->ncols; k++)
        if (st->cols[k].key) cols[n++] = raw_col(tab, st->cols[k].name);
    return n;
}

static void key_text(int t, const int *cols, int n, char **row, char *buf, size_t size)
{
    const sc_table *st = scen_table(t);
    size_t len = 0;
    int k = 0;
    buf[0] = '\0';
    for (int c = 0; c < st->ncols && k < n; c++) {
        if (!st->cols[c].key) continue;
        const char *v = cols[k] >= 0 ? row[cols[k]] : "";
        char num[32];
        long p;
        if (st->cols[c].kind == SC_PERIOD && parse_int_min(v, 1, &p) == NUM_OK) {
            snprintf(num, sizeof num, "%ld", p);
            v = num;
        }
        for (; *v && len + 2 < size; v++)
            buf[len++] = st->cols[c].kind == SC_TEXT_CI ? (char)tolower((unsigned char)*v) : *v;
        buf[len++] = '\x1f';
        buf[len] = '\0';
        k++;
    }
}

void scen_row_key(const scen_tab *tb, int t, char **row, char *buf, size_t n)
{
    int cols[4];
    int nk = key_cols(t, &tb->rows, cols);
    key_text(t, cols, nk, row, buf, n);
}

/* ---- the overlay ---- */

typedef struct overlay {
    raw_table ov;
    int delcol;          /* the `delete` column of the overlay, -1 */
    int *id;             /* key id of each overlay row */
    unsigned char *del;  /* delete flag of each overlay row */
    int nbase_keys;
} overlay;

/* map the overlay's columns onto the table's, adding the new ones; check its key columns */
static int overlay_columns(scenario *sc, int t, overlay *o)
{
    scen_tab *tb = &sc->tab[t];
    const sc_table *st = scen_table(t);
    o->delcol = -1;
    for (int c = 0; c < o->ov.ncols; c++) {
        if (strcasecmp(o->ov.header[c], "delete") == 0) { o->delcol = c; continue; }
        int out = raw_col(&tb->rows, o->ov.header[c]);
        if (out < 0 && (out = add_col(tb, o->ov.header[c])) < 0) { sc->d->nomem = 1; return -1; }
        tb->colno[1].data[out] = c + 1;
    }
    int bad = 0;
    for (int k = 0; k < st->ncols; k++)
        if (st->cols[k].key && st->cols[k].required && raw_col(&o->ov, st->cols[k].name) < 0) {
            diag_report(sc->d, SCOPT_SEV_ERROR, o->ov.path, 1, 0, "missing key column '%s'; expected the key "
                        "columns of %s so that each row says which base rows it replaces", st->cols[k].name,
                        table_file_names[t]);
            bad = 1;
        }
    return bad ? -1 : 0;
}

/* the delete flag of overlay row R: 0 or 1, -1 after an error */
static int delete_flag(scenario *sc, overlay *o, size_t r)
{
    if (o->delcol < 0) return 0;
    const char *v = raw_row(&o->ov, r)[o->delcol];
    if (!v[0] || strcmp(v, "0") == 0) return 0;
    if (strcmp(v, "1") == 0) return 1;
    diag_report(sc->d, SCOPT_SEV_ERROR, o->ov.path, o->ov.lines.data[r], o->delcol + 1,
                "column 'delete': value \"%.40s\"; expected 1 to remove the base rows with this key, 0 or "
                "empty to replace or add them", v);
    return -1;
}

/* key ids: base rows 0..nbase_keys-1 first, then the overlay's new keys */
static int overlay_keys(scenario *sc, int t, overlay *o, strmap *keys, int *base_id)
{
    scen_tab *tb = &sc->tab[t];
    char *buf = malloc(KEY_BYTES);
    int cols[4], nk = key_cols(t, &tb->rows, cols), rc = 0;
    if (!buf) { sc->d->nomem = 1; return -1; }
    for (size_t r = 0; r < tb->rows.nrows && rc == 0; r++) {
        key_text(t, cols, nk, raw_row(&tb->rows, r), buf, KEY_BYTES);
        if ((base_id[r] = strmap_intern(keys, buf, NULL)) < 0) rc = -1;
    }
    o->nbase_keys = keys->count;
    nk = key_cols(t, &o->ov, cols);
    for (size_t r = 0; r < o->ov.nrows && rc == 0; r++) {
        int del = delete_flag(sc, o, r);
        key_text(t, cols, nk, raw_row(&o->ov, r), buf, KEY_BYTES);
        o->del[r] = del > 0;
        if ((o->id[r] = strmap_intern(keys, buf, NULL)) < 0) rc = -1;
        else if (del > 0 && o->id[r] >= o->nbase_keys)
            diag_report(sc->d, SCOPT_SEV_ERROR, o->ov.path, o->ov.lines.data[r], o->delcol + 1,
                        "delete = 1 but no row of the base %s has this key; expected the key of a row to remove",
                        table_file_names[t]);
    }
    if (rc) sc->d->nomem = 1;
    free(buf);
    return rc;
}

/* copy base row B (or nothing when B < 0), then overlay row R over it, into OUT */
static int emit(scen_tab *tb, scen_tab *out, long b, overlay *o, long r)
{
    char **row = r >= 0 ? scen_add_row(out, SRC_OVERLAY, o->ov.lines.data[r])
                        : scen_add_row(out, SRC_BASE, tb->origin.data[b].line);
    if (!row) return -1;
    if (r < 0) out->origin.data[out->origin.len - 1] = tb->origin.data[b];
    for (int c = 0; c < tb->rows.ncols; c++) {
        int f = tb->colno[1].data[c];
        const char *v = r >= 0 && f > 0 ? raw_row(&o->ov, (size_t)r)[f - 1] : b >= 0 ? raw_row(&tb->rows, (size_t)b)[c] : "";
        if (v[0] && !(row[c] = raw_strdup(&out->rows, v))) return -1;
    }
    return 0;
}

/* the merged rows, in base order with replacements in place, then the new keys */
static int overlay_emit(scen_tab *tb, scen_tab *out, overlay *o, const int *base_id, int nkeys)
{
    csr_index ix = {0};
    unsigned char *done = calloc((size_t)nkeys + 1, 1), *replaced = calloc((size_t)nkeys + 1, 1);
    int rc = !done || !replaced || csr_index_build(&ix, (size_t)nkeys, o->ov.nrows, o->id) ? -1 : 0;
    for (size_t r = 0; r < o->ov.nrows && !rc; r++) replaced[o->id[r]] = 1;
    for (size_t b = 0; b < tb->rows.nrows && !rc; b++) {
        int id = base_id[b];
        if (!replaced[id]) { rc = emit(tb, out, (long)b, o, -1); continue; }
        if (done[id]) continue;
        done[id] = 1;
        for (int k = ix.start[id]; k < ix.start[id + 1] && !rc; k++)
            if (!o->del[ix.idx[k]]) rc = emit(tb, out, (long)b, o, ix.idx[k]);
    }
    for (size_t r = 0; r < o->ov.nrows && !rc; r++)
        if (o->id[r] >= o->nbase_keys && !o->del[r]) rc = emit(tb, out, -1, o, (long)r);
    csr_index_free(&ix);
    free(done);
    free(replaced);
    return rc;
}

/* replace TB's rows by the merged ones of OUT (same columns) */
static void take_rows(scen_tab *tb, scen_tab *out)
{
    raw_table_free(&tb->rows);
    VEC_FREE(tb->origin);
    tb->rows = out->rows;
    tb->origin = out->origin;
}

static int overlay_merge(scenario *sc, int t, overlay *o)
{
    scen_tab *tb = &sc->tab[t], out = {0};
    strmap keys;
    strmap_init(&keys);
    int *base_id = malloc((tb->rows.nrows + 1) * sizeof *base_id);
    o->id = malloc((o->ov.nrows + 1) * sizeof *o->id);
    o->del = calloc(o->ov.nrows + 1, 1);
    int errors = sc->d->errors, rc = -1;
    if (!base_id || !o->id || !o->del) sc->d->nomem = 1;
    else if (!overlay_keys(sc, t, o, &keys, base_id) && sc->d->errors == errors) {
        if (raw_table_init(&out.rows, tb->rows.path, tb->rows.ncols, (const char *const *)tb->rows.header) ||
            overlay_emit(tb, &out, o, base_id, keys.count))
            sc->d->nomem = 1;
        else { take_rows(tb, &out); rc = 0; }
    }
    if (rc) { raw_table_free(&out.rows); VEC_FREE(out.origin); }
    strmap_free(&keys);
    free(base_id);
    free(o->id);
    free(o->del);
    return rc;
}

int scen_overlay(scenario *sc, int t)
{
    scen_tab *tb = &sc->tab[t];
    overlay o = {.delcol = -1};
    if (scen_load(sc, t)) return -1;
    raw_result r = raw_table_read(&o.ov, tb->path[1], sc->d);
    int rc = r == RAW_ABSENT ? 0 : r == RAW_FAILED ? -1 : overlay_columns(sc, t, &o) ? -1 : overlay_merge(sc, t, &o);
    raw_table_free(&o.ov);
    return rc;
}
