/* csv_table.c - streaming CSV table reader on libcsv's parser (see csv_table.h).
 * The file is fed to libcsv one physical line at a time (a line ends with LF, CRLF or a
 * lone CR, as libcsv ends records) so that every record knows the line it starts on;
 * only the current record's fields are held in memory. */
#define _POSIX_C_SOURCE 200809L
#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "csv_table.h"

#define CHUNK (256 * 1024)

typedef struct reader {
    const char *path;
    const col_spec *specs;
    int nspecs;
    csv_row_fn on_row;
    void *user;
    diag_sink *diag;
    long line, rec_line;
    int at_boundary, cr_pending; /* cr_pending: the last line fed ended with a CR */
    char *buf;                  /* fields of the current record, each NUL-terminated */
    size_t buf_len, buf_cap;
    size_t *offs;               /* start of each field in buf */
    int nfields, offs_cap;
    int row_bad, header_done, nheader, stop, failed;
    int *colno;                 /* spec -> field number (1-based) */
    cell *cells;
    long rows;
} reader;

static void reader_error(reader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void reader_error(reader *r, long line, long col, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (diag_report(r->diag, SCOPT_SEV_ERROR, r->path, line, col, "%s", msg)) r->stop = 1;
}

static void cell_report(csv_row_ctx *ctx, scopt_severity sev, int spec_index, const char *fmt, va_list ap)
{
    char msg[900];
    vsnprintf(msg, sizeof msg, fmt, ap);
    long col = (spec_index >= 0) ? ctx->colno[spec_index] : 0;
    diag_report(ctx->diag, sev, ctx->path, ctx->line, col, "%s", msg);
}

void csv_cell_error(csv_row_ctx *ctx, int spec_index, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cell_report(ctx, SCOPT_SEV_ERROR, spec_index, fmt, ap);
    va_end(ap);
}

void csv_cell_warning(csv_row_ctx *ctx, int spec_index, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cell_report(ctx, SCOPT_SEV_WARNING, spec_index, fmt, ap);
    va_end(ap);
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->stop || r->row_bad) return;
    if (r->nfields >= CSV_MAX_FIELDS) {
        reader_error(r, r->rec_line, r->nfields + 1,
                     "record has more than %d fields; expected at most %d", CSV_MAX_FIELDS, CSV_MAX_FIELDS);
        r->row_bad = 1;
        return;
    }
    if (len > CSV_MAX_CELL_BYTES) {
        reader_error(r, r->rec_line, r->nfields + 1, "cell is %zu bytes long; expected at most %d bytes",
                     len, CSV_MAX_CELL_BYTES);
        r->row_bad = 1;
        return;
    }
    if (!utf8_valid(s, len)) {
        reader_error(r, r->rec_line, r->nfields + 1, "invalid UTF-8 in cell; expected UTF-8 text");
        r->row_bad = 1;
        return;
    }
    if (vec_grow((void **)&r->buf, &r->buf_cap, r->buf_len + len + 1, 1)) {
        r->diag->nomem = 1;
        r->stop = 1;
        return;
    }
    if (r->nfields == r->offs_cap) {
        int cap = r->offs_cap ? r->offs_cap * 2 : 32;
        size_t *o = realloc(r->offs, (size_t)cap * sizeof *o);
        if (!o) { r->diag->nomem = 1; r->stop = 1; return; }
        r->offs = o;
        r->offs_cap = cap;
    }
    r->offs[r->nfields++] = r->buf_len;
    memcpy(r->buf + r->buf_len, s, len);
    r->buf_len += len;
    r->buf[r->buf_len++] = '\0';
}

static const char *field(const reader *r, int i) { return r->buf + r->offs[i]; }

static void do_header(reader *r)
{
    r->nheader = r->nfields;
    for (int i = 0; i < r->nfields; i++) {
        const char *name = field(r, i);
        int found = -1;
        for (int k = 0; k < r->nspecs; k++)
            if (strcasecmp(name, r->specs[k].name) == 0) found = k;
        if (found < 0) {
            diag_report(r->diag, SCOPT_SEV_WARNING, r->path, r->rec_line, i + 1,
                        "unknown column '%s' is ignored", name);
        } else if (r->colno[found]) {
            reader_error(r, r->rec_line, i + 1, "column '%s' appears twice (also column %d); expected it once",
                         name, r->colno[found]);
        } else {
            r->colno[found] = i + 1;
        }
    }
    for (int k = 0; k < r->nspecs; k++) {
        if (r->specs[k].required && !r->colno[k]) {
            char list[512] = "";
            for (int j = 0; j < r->nspecs; j++)
                if (r->specs[j].required) {
                    strncat(list, list[0] ? ", " : "", sizeof list - strlen(list) - 1);
                    strncat(list, r->specs[j].name, sizeof list - strlen(list) - 1);
                }
            reader_error(r, r->rec_line, 0, "missing required column '%s'; expected a header with %s",
                         r->specs[k].name, list);
            r->failed = 1;
        }
    }
    if (r->failed) r->stop = 1;
}

/* "inf", "-Infinity": whoever wrote it meant "unlimited", which is an empty cell */
static int infinity_word(const char *t)
{
    if (*t == '+' || *t == '-') t++;
    return strcasecmp(t, "inf") == 0 || strcasecmp(t, "infinity") == 0;
}

static int parse_cell(reader *r, csv_row_ctx *ctx, int k, cell *c)
{
    const col_spec *sp = &r->specs[k];
    const char *t = c->text;
    num_result res = NUM_OK;
    switch (sp->type) {
    case COL_TEXT: case COL_ANY: return 0;
    case COL_NUM: res = parse_nonneg(t, &c->num); break;
    case COL_POS:
        res = parse_nonneg(t, &c->num);
        if (res == NUM_OK && c->num <= 0) res = NUM_NEGATIVE;
        break;
    case COL_PERIOD: res = parse_int_min(t, 1, &c->ival); c->num = (double)c->ival; break;
    case COL_LEAD: res = parse_int_min(t, 0, &c->ival); c->num = (double)c->ival; break;
    case COL_FLAG:
        res = parse_int_min(t, 0, &c->ival);
        if (res == NUM_OK && c->ival > 1) res = NUM_RANGE;
        c->num = (double)c->ival;
        break;
    }
    if (res == NUM_OK) return 0;
    int inf = res == NUM_SYNTAX && infinity_word(t);
    const char *why = inf ? "is not a finite number"
                      : res == NUM_RANGE ? (sp->type == COL_PERIOD || sp->type == COL_LEAD
                                                ? "is too large (at most 1000000000)" : "is out of range")
                      : res == NUM_NEGATIVE ? (sp->type == COL_POS ? "is not positive"
                                               : sp->type == COL_NUM ? "is negative" : "is too small")
                      : res == NUM_NOT_INTEGER ? "is not a whole number"
                                               : "is not a number";
    char shown[64];
    snprintf(shown, sizeof shown, "%s", t);
    if (strlen(t) >= sizeof shown) {
        size_t cut = sizeof shown - 4;
        while (cut > 0 && ((unsigned char)shown[cut] & 0xC0) == 0x80) cut--; /* whole UTF-8 chars */
        strcpy(shown + cut, "...");
    }
    csv_cell_error(ctx, k, "column '%s': value \"%s\" %s; expected %s%s", sp->name, shown, why,
                   type_expectation(sp->type), inf && !sp->required ? " or an empty cell for the default" : "");
    return -1;
}

static void do_data_row(reader *r)
{
    int all_empty = 1;
    for (int i = 0; i < r->nfields; i++)
        if (field(r, i)[0]) all_empty = 0;
    if (all_empty) return;
    if (r->nfields != r->nheader) {
        reader_error(r, r->rec_line, 0, "record has %d fields; expected %d as in the header%s", r->nfields,
                     r->nheader, r->nfields > r->nheader ? " (quote a cell that contains a comma; write "
                                                            "decimals as 0.5)" : "");
        return;
    }
    csv_row_ctx ctx = {r->path, r->rec_line, r->colno, r->diag, r->user};
    int bad = 0;
    for (int k = 0; k < r->nspecs; k++) {
        cell *c = &r->cells[k];
        memset(c, 0, sizeof *c);
        c->text = "";
        if (!r->colno[k]) continue;
        c->text = field(r, r->colno[k] - 1);
        c->present = c->text[0] != '\0';
        if (!c->present) {
            if (r->specs[k].required) {
                csv_cell_error(&ctx, k, "empty cell in required column '%s'; expected %s",
                               r->specs[k].name, type_expectation(r->specs[k].type));
                bad = 1;
            }
            continue;
        }
        if (parse_cell(r, &ctx, k, c)) bad = 1;
    }
    if (diag_limit_reached(r->diag)) r->stop = 1;
    if (bad || r->stop) return;
    r->rows++;
    if (r->on_row(&ctx, r->cells)) r->stop = 1;
    if (diag_limit_reached(r->diag)) r->stop = 1;
}

static void on_record(int c, void *data)
{
    reader *r = data;
    (void)c;
    if (!r->header_done && r->row_bad) r->stop = 1; /* a bad header: the columns are unknown */
    if (!r->stop && !r->row_bad) {
        if (!r->header_done) {
            r->header_done = 1;
            do_header(r);
        } else {
            do_data_row(r);
        }
    }
    r->nfields = 0;
    r->buf_len = 0;
    r->row_bad = 0;
    r->at_boundary = 1;
}

static int has_content(const char *p, const char *e)
{
    for (; p < e; p++)
        if (*p != '\r' && *p != '\n') return 1;
    return 0;
}

/* End of the physical line at s: after LF, CRLF or a lone CR (classic Mac files). */
static const char *line_end(const char *s, const char *end)
{
    for (const char *p = s; p < end; p++) {
        if (*p == '\n') return p + 1;
        if (*p == '\r' && (p + 1 == end || p[1] != '\n')) return p + 1;
    }
    return end;
}

/* Feed one chunk line by line; returns -1 on a parse error. */
static int feed(reader *r, struct csv_parser *p, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end && !r->stop) {
        const char *seg_end = line_end(s, end);
        /* an LF right after a CR that ended the previous chunk is the rest of a CRLF */
        int new_line = (seg_end[-1] == '\n' && !(r->cr_pending && seg_end == s + 1)) || seg_end[-1] == '\r';
        r->cr_pending = seg_end[-1] == '\r';
        if (r->at_boundary && has_content(s, seg_end)) {
            r->rec_line = r->line;
            r->at_boundary = 0;
        }
        size_t len = (size_t)(seg_end - s);
        if (csv_parse(p, s, len, on_field, on_record, r) != len) {
            if (csv_error(p) == CSV_ENOMEM) { r->diag->nomem = 1; return -1; }
            reader_error(r, r->line, r->nfields + 1,
                         "malformed quoting (a quote inside an unquoted cell, or text after a closing "
                         "quote); expected RFC 4180 quoting such as \"a, \"\"b\"\"\"");
            return -1;
        }
        if (new_line) r->line++;
        s = seg_end;
    }
    return 0;
}

static int read_stream(reader *r, FILE *f, struct csv_parser *p)
{
    char *chunk = malloc(CHUNK);
    int first = 1, rc = 0;
    size_t n;
    if (!chunk) { r->diag->nomem = 1; return -1; }
    while (!r->stop && (n = fread(chunk, 1, CHUNK, f)) > 0) {
        const char *s = chunk;
        if (first && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; n -= 3; }
        first = 0;
        const char *nul = memchr(s, '\0', n);
        /* rows before a NUL byte are read first so that errors come in line order */
        if (feed(r, p, s, nul ? (size_t)(nul - s) : n)) { rc = -1; break; }
        if (nul) {
            if (!r->stop)
                reader_error(r, r->line, 0, "NUL byte in file; expected UTF-8 text (is this a binary or "
                             "UTF-16 file?)");
            rc = -1;
            break;
        }
    }
    if (!rc && ferror(f)) {
        reader_error(r, r->line, 0, "read error: %s; expected a readable file", strerror(errno));
        rc = -1;
    }
    free(chunk);
    return rc;
}

static csv_table_result open_checked(reader *r, int required, FILE **fp)
{
    struct stat st;
    if (stat(r->path, &st) != 0) {
        if (errno == ENOENT && !required) return CSV_TABLE_ABSENT;
        if (errno == ENOENT)
            reader_error(r, 0, 0, "missing required file; expected %s in the dataset directory",
                         strrchr(r->path, '/') ? strrchr(r->path, '/') + 1 : r->path);
        else
            reader_error(r, 0, 0, "cannot access file: %s; expected a readable CSV file", strerror(errno));
        return CSV_TABLE_FAILED;
    }
    if (!S_ISREG(st.st_mode)) { /* opening a FIFO or a device could block or never end */
        reader_error(r, 0, 0, "is %s; expected a CSV file",
                     S_ISDIR(st.st_mode) ? "a directory" : "not a regular file");
        return CSV_TABLE_FAILED;
    }
    *fp = fopen(r->path, "rb");
    if (*fp) setvbuf(*fp, NULL, _IONBF, 0); /* we read in our own chunks: no hidden buffer */
    if (!*fp) {
        reader_error(r, 0, 0, "cannot open file: %s; expected a readable CSV file", strerror(errno));
        return CSV_TABLE_FAILED;
    }
    return CSV_TABLE_OK;
}

csv_table_result csv_read_table(const char *path, const col_spec *specs, int nspecs,
                                int required, csv_row_fn on_row, void *user, diag_sink *diag,
                                int *colno_out, long *rows_out)
{
    reader r = {.path = path, .specs = specs, .nspecs = nspecs, .on_row = on_row, .user = user,
                .diag = diag, .line = 1, .rec_line = 1, .at_boundary = 1};
    struct csv_parser parser;
    FILE *f = NULL;
    int errors_before = diag->errors;
    memset(colno_out, 0, (size_t)nspecs * sizeof *colno_out);
    *rows_out = 0;
    csv_table_result res = open_checked(&r, required, &f);
    if (res != CSV_TABLE_OK) return res;
    r.colno = colno_out;
    r.cells = calloc((size_t)nspecs, sizeof *r.cells);
    if (!r.cells || csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
        free(r.cells);
        fclose(f);
        diag->nomem = 1;
        return CSV_TABLE_FAILED;
    }
    int rc = read_stream(&r, f, &parser);
    if (!rc && !r.stop && csv_fini(&parser, on_field, on_record, &r) != 0) {
        reader_error(&r, r.rec_line, r.nfields + 1,
                     "unterminated quoted cell (no closing quote before the end of the file); "
                     "expected a closing \"");
    }
    if (!r.header_done && diag->errors == errors_before)
        reader_error(&r, 0, 0, "empty file; expected a header row naming the columns");
    else if (required && r.header_done && r.rows == 0 && diag->errors == errors_before)
        reader_error(&r, 1, 0, "no data rows; expected at least one row after the header");
    csv_free(&parser);
    fclose(f);
    free(r.buf);
    free(r.offs);
    free(r.cells);
    *rows_out = r.rows;
    return diag->errors > errors_before || diag->nomem ? CSV_TABLE_FAILED : CSV_TABLE_OK;
}
