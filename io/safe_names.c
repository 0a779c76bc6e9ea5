/* safe_names.c - see safe_names.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csv_out.h"
#include "safe_names.h"

#define SAFE_MAX 200

static void make_safe(const char *in, char *out)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && k < SAFE_MAX; p++) {
        unsigned char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                 c == '.' || c == ',' || c == '[' || c == ']' || c == '(' || c == ')';
        out[k++] = ok ? (char)c : '_';
    }
    out[k] = '\0';
}

/* intern NAME into seen, appending ~2, ~3, ... on collision; returns a heap copy */
static char *unique(strmap *seen, const char *name)
{
    char buf[SAFE_MAX + 32];
    int added;
    snprintf(buf, sizeof buf, "%s", name);
    for (int k = 2; strmap_intern(seen, buf, &added) >= 0; k++) {
        if (added) return str_dup(buf);
        snprintf(buf, sizeof buf, "%s~%d", name, k);
    }
    return NULL;
}

static int fill(const scopt_model *m, int is_row, int n, char **out, strmap *seen)
{
    char name[1200], safe[SAFE_MAX + 1];
    for (int k = 0; k < n; k++) {
        if (is_row) model_row_name(m, k, name, sizeof name);
        else model_col_name(m, k, name, sizeof name);
        make_safe(name, safe);
        if (!(out[k] = unique(seen, safe))) return -1;
    }
    return 0;
}

int safe_names_make(const scopt_model *m, safe_names *s)
{
    strmap seen;
    strmap_init(&seen);
    memset(s, 0, sizeof *s);
    s->rows = calloc((size_t)m->nrows + 1, sizeof *s->rows);
    s->cols = calloc((size_t)m->ncols + 1, sizeof *s->cols);
    s->nrows = m->nrows;
    s->ncols = m->ncols;
    int rc = (!s->rows || !s->cols || fill(m, 1, m->nrows, s->rows, &seen)) ? -1 : 0;
    strmap_free(&seen);
    strmap_init(&seen); /* rows and columns are separate name spaces */
    if (!rc) rc = fill(m, 0, m->ncols, s->cols, &seen);
    strmap_free(&seen);
    if (rc) safe_names_free(s);
    return rc;
}

void safe_names_free(safe_names *s)
{
    for (int k = 0; s->rows && k < s->nrows; k++) free(s->rows[k]);
    for (int k = 0; s->cols && k < s->ncols; k++) free(s->cols[k]);
    free(s->rows);
    free(s->cols);
    memset(s, 0, sizeof *s);
}

int safe_names_write_map(const scopt_model *m, const safe_names *s, const char *path)
{
    FILE *f = fopen(path, "w");
    char name[1200];
    if (!f) return -1;
    fputs("kind,safe_name,name\n", f);
    for (int k = 0; k < m->nrows; k++) {
        model_row_name(m, k, name, sizeof name);
        fputs("row,", f); csv_text(f, s->rows[k]); csv_sep(f); csv_text(f, name); csv_end(f);
    }
    for (int k = 0; k < m->ncols; k++) {
        model_col_name(m, k, name, sizeof name);
        fputs("column,", f); csv_text(f, s->cols[k]); csv_sep(f); csv_text(f, name); csv_end(f);
    }
    int bad = ferror(f);
    return (fclose(f) != 0 || bad) ? -1 : 0;
}
