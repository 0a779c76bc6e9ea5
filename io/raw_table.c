/* raw_table.c - reading a whole CSV file as text into a raw_table, editing it in memory
 * and writing it back (see raw_table.h). The file is fed to libcsv one physical line at a
 * time, as csv_table.c does, so that every record knows the line it starts on. */
#define _POSIX_C_SOURCE 200809L
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "csv_out.h"
#include "raw_table.h"

#define RAW_BLOCK (64 * 1024)

typedef struct raw_block {
    struct raw_block *next;
    size_t used, cap;
    char data[];
} raw_block;

char *raw_strdup(raw_table *t, const char *s)
{
    size_t n = strlen(s) + 1;
    raw_block *b = t->blocks;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > RAW_BLOCK ? n : RAW_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b) return NULL;
        b->next = t->blocks;
        b->used = 0;
        b->cap = cap;
        t->blocks = b;
    }
    char *p = b->data + b->used;
    memcpy(p, s, n);
    b->used += n;
    return p;
}

void raw_table_free(raw_table *t)
{
    if (!t) return;
    for (raw_block *b = t->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(t->header);
    VEC_FREE(t->cells);
    VEC_FREE(t->lines);
    memset(t, 0, sizeof *t);
}

int raw_col(const raw_table *t, const char *name)
{
    for (int c = 0; c < t->ncols; c++)
        if (strcasecmp(t->header[c], name) == 0) return c;
    return -1;
}

char **raw_add_row(raw_table *t, long line)
{
    size_t need = (t->nrows + 1) * (size_t)t->ncols;
    if (vec_grow((void **)&t->cells.data, &t->cells.cap, need ? need : 1, sizeof(char *))) return NULL;
    long *l = VEC_PUSH(t->lines);
    if (!l) return NULL;
    *l = line;
    char **row = t->cells.data + t->nrows * (size_t)t->ncols;
    for (int c = 0; c < t->ncols; c++) row[c] = "";
    t->nrows++;
    t->cells.len = need;
    return row;
}

int raw_add_col(raw_table *t, const char *name)
{
    int n = t->ncols + 1;
    char **h = realloc(t->header, (size_t)n * sizeof *h);
    if (!h) return -1;
    t->header = h;
    if (!(h[n - 1] = raw_strdup(t, name))) return -1;
    if (vec_grow((void **)&t->cells.data, &t->cells.cap, t->nrows * (size_t)n + 1, sizeof(char *))) return -1;
    for (size_t r = t->nrows; r-- > 0;) { /* spread the rows out, last first */
        memmove(t->cells.data + r * (size_t)n, t->cells.data + r * (size_t)t->ncols, (size_t)t->ncols * sizeof(char *));
        t->cells.data[r * (size_t)n + (size_t)n - 1] = "";
    }
    t->ncols = n;
    t->cells.len = t->nrows * (size_t)n;
    return n - 1;
}

void raw_keep_rows(raw_table *t, const unsigned char *keep)
{
    size_t w = 0, nc = (size_t)t->ncols;
    for (size_t r = 0; r < t->nrows; r++) {
        if (!keep[r]) continue;
        if (w != r) {
            memmove(t->cells.data + w * nc, t->cells.data + r * nc, nc * sizeof(char *));
            t->lines.data[w] = t->lines.data[r];
        }
        w++;
    }
    t->nrows = w;
    t->cells.len = w * nc;
    t->lines.len = w;
}

int raw_table_init(raw_table *t, const char *path, int ncols, const char *const *names)
{
    memset(t, 0, sizeof *t);
    snprintf(t->path, sizeof t->path, "%s", path ? path : "");
    t->header = calloc((size_t)(ncols > 0 ? ncols : 1), sizeof *t->header);
    if (!t->header) return -1;
    t->ncols = ncols;
    for (int c = 0; c < ncols; c++)
        if (!(t->header[c] = raw_strdup(t, names[c]))) return -1;
    return 0;
}

/* ---- reading ---- */

typedef struct raw_reader {
    raw_table *t;
    diag_sink *d;
    VEC(char *) rec;         /* fields of the current record */
    long line, rec_line;
    int at_boundary, header_done, stop;
} raw_reader;

static void on_field(void *s, size_t len, void *data)
{
    raw_reader *r = data;
    if (r->stop) return;
    char *copy = malloc(len + 1), **slot = copy ? VEC_PUSH(r->rec) : NULL;
    if (!slot) { free(copy); r->d->nomem = r->stop = 1; return; }
    memcpy(copy, s ? s : "", len);
    copy[len] = '\0';
    *slot = copy;
}

static int take_header(raw_reader *r)
{
    raw_table *t = r->t;
    t->header = calloc(r->rec.len ? r->rec.len : 1, sizeof *t->header);
    if (!t->header) return -1;
    t->ncols = (int)r->rec.len;
    for (int c = 0; c < t->ncols; c++)
        if (!(t->header[c] = raw_strdup(t, r->rec.data[c]))) return -1;
    return 0;
}

static int take_row(raw_reader *r)
{
    raw_table *t = r->t;
    int all_empty = 1;
    for (size_t i = 0; i < r->rec.len; i++)
        if (r->rec.data[i][0]) all_empty = 0;
    if (all_empty) return 0;
    if ((int)r->rec.len != t->ncols) {
        if (diag_report(r->d, SCOPT_SEV_ERROR, t->path, r->rec_line, 0,
                        "record has %zu fields; expected %d as in the header", r->rec.len, t->ncols))
            r->stop = 1;
        return 0;
    }
    char **row = raw_add_row(t, r->rec_line);
    if (!row) return -1;
    for (int c = 0; c < t->ncols; c++)
        if (!(row[c] = raw_strdup(t, r->rec.data[c]))) return -1;
    return 0;
}

static void on_record(int c, void *data)
{
    raw_reader *r = data;
    (void)c;
    if (!r->stop) {
        int rc = r->header_done ? take_row(r) : take_header(r);
        r->header_done = 1;
        if (rc) r->d->nomem = r->stop = 1;
    }
    for (size_t i = 0; i < r->rec.len; i++) free(r->rec.data[i]);
    r->rec.len = 0;
    r->at_boundary = 1;
}

/* end of the physical line at s: after LF, CRLF or a lone CR */
static const char *line_end(const char *s, const char *end)
{
    for (const char *p = s; p < end; p++) {
        if (*p == '\n') return p + 1;
        if (*p == '\r' && (p + 1 == end || p[1] != '\n')) return p + 1;
    }
    return end;
}

static int feed(raw_reader *r, struct csv_parser *p, const char *s, const char *end)
{
    while (s < end && !r->stop) {
        const char *e = line_end(s, end);
        if (r->at_boundary && strspn(s, "\r\n") < (size_t)(e - s)) {
            r->rec_line = r->line;
            r->at_boundary = 0;
        }
        if (csv_parse(p, s, (size_t)(e - s), on_field, on_record, r) != (size_t)(e - s)) {
            if (csv_error(p) == CSV_ENOMEM) { r->d->nomem = 1; return -1; }
            diag_report(r->d, SCOPT_SEV_ERROR, r->t->path, r->line, (long)r->rec.len + 1,
                        "malformed quoting (a quote inside an unquoted cell, or text after a closing "
                        "quote); expected RFC 4180 quoting such as \"a, \"\"b\"\"\"");
            return -1;
        }
        if (e[-1] == '\n' || e[-1] == '\r') r->line++;
        s = e;
    }
    return 0;
}

static char *slurp(const char *path, size_t *len, diag_sink *d, raw_result *res)
{
    struct stat st;
    *res = RAW_FAILED;
    int found = stat(path, &st) == 0;
    if (!found && errno == ENOENT) { *res = RAW_ABSENT; return NULL; }
    FILE *f = found && S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
    char *buf = f ? malloc((size_t)st.st_size + 1) : NULL;
    if (!f || !buf) {
        if (f && !buf) d->nomem = 1;
        else diag_report(d, SCOPT_SEV_ERROR, path, 0, 0, "cannot read file: %s; expected a readable CSV file",
                         found && !S_ISREG(st.st_mode) ? "not a regular file" : strerror(errno));
        if (f) fclose(f);
        return NULL;
    }
    *len = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

raw_result raw_table_read(raw_table *t, const char *path, diag_sink *d)
{
    raw_result res;
    size_t len = 0;
    memset(t, 0, sizeof *t);
    snprintf(t->path, sizeof t->path, "%s", path);
    char *buf = slurp(path, &len, d, &res);
    if (!buf) return res;
    raw_reader r = {.t = t, .d = d, .line = 1, .rec_line = 1, .at_boundary = 1};
    struct csv_parser p;
    int before = d->errors;
    const char *s = buf + (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0);
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) { free(buf); d->nomem = 1; return RAW_FAILED; }
    if (!feed(&r, &p, s, buf + len) && !r.stop && csv_fini(&p, on_field, on_record, &r) != 0)
        diag_report(d, SCOPT_SEV_ERROR, path, r.rec_line, (long)r.rec.len + 1,
                    "unterminated quoted cell (no closing quote before the end of the file); expected a closing \"");
    if (!r.header_done && d->errors == before && !d->nomem)
        diag_report(d, SCOPT_SEV_ERROR, path, 0, 0, "empty file; expected a header row naming the columns");
    for (size_t i = 0; i < r.rec.len; i++) free(r.rec.data[i]);
    VEC_FREE(r.rec);
    csv_free(&p);
    free(buf);
    return d->errors > before || d->nomem ? RAW_FAILED : RAW_OK;
}

/* ---- writing ---- */

static long newlines(const char *s)
{
    long n = 0;
    for (; *s; s++) n += *s == '\n' || (*s == '\r' && s[1] != '\n');
    return n;
}

int raw_table_write(const raw_table *t, FILE *f, long *first_line)
{
    long line = 1;
    for (int c = 0; c < t->ncols; c++) {
        if (c) csv_sep(f);
        csv_text(f, t->header[c]);
        line += newlines(t->header[c]);
    }
    csv_end(f);
    line++;
    for (size_t r = 0; r < t->nrows; r++) {
        char **row = raw_row(t, r);
        if (first_line) first_line[r] = line;
        for (int c = 0; c < t->ncols; c++) {
            if (c) csv_sep(f);
            csv_text(f, row[c]);
            line += newlines(row[c]);
        }
        csv_end(f);
        line++;
    }
    return ferror(f) ? -1 : 0;
}
