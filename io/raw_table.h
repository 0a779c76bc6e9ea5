/* raw_table.h - a whole CSV file held in memory as text: the header's names, every
 * record's cells (every column, known or not, as written) and the line each record starts
 * on. For the tools that rewrite or compare tables cell by cell (scenario overlays,
 * io/scenario*.c; plan diffs, io/plan_diff.c); datasets are read by the typed, streaming
 * reader of csv_table.h. Same CSV dialect: UTF-8 (BOM skipped), LF/CRLF/CR, RFC 4180
 * quoting, spaces around unquoted cells trimmed, all-empty records skipped. */
#ifndef SCOPT_RAW_TABLE_H
#define SCOPT_RAW_TABLE_H

#include <stdio.h>
#include "util.h"

typedef struct raw_table {
    char path[600];       /* file as named in messages ("" for a table built in memory) */
    int ncols;
    char **header;        /* ncols column names */
    size_t nrows;
    VEC(char *) cells;    /* nrows * ncols texts, "" when empty; row r at cells.data + r * ncols */
    VEC(long) lines;      /* line where each record starts (0 for rows added in memory) */
    struct raw_block *blocks; /* arena of the texts */
} raw_table;

typedef enum { RAW_OK = 0, RAW_ABSENT = 1, RAW_FAILED = 2 } raw_result;

/* Read PATH into *t (zeroed first). A missing file is RAW_ABSENT (nothing reported);
 * malformed CSV (quoting, a record with another number of fields than the header, an
 * empty file) is reported to D as file:line:col errors and gives RAW_FAILED, as does out
 * of memory (d->nomem set). *t must be freed with raw_table_free in every case. */
raw_result raw_table_read(raw_table *t, const char *path, diag_sink *d);
/* An empty table with the given header (names copied); -1 on out of memory. */
int raw_table_init(raw_table *t, const char *path, int ncols, const char *const *names);
void raw_table_free(raw_table *t);

/* a copy of S in t's arena (freed with the table), NULL on out of memory */
char *raw_strdup(raw_table *t, const char *s);
/* the cells of row R */
static inline char **raw_row(const raw_table *t, size_t r) { return t->cells.data + r * (size_t)t->ncols; }
/* column index of NAME (case-insensitive, as dataset headers are matched), or -1 */
int raw_col(const raw_table *t, const char *name);
/* append a row of empty cells at LINE; its cells, or NULL on out of memory */
char **raw_add_row(raw_table *t, long line);
/* append a column of empty cells named NAME; its index, or -1 on out of memory */
int raw_add_col(raw_table *t, const char *name);
/* keep only the rows with keep[r] != 0, in order */
void raw_keep_rows(raw_table *t, const unsigned char *keep);

/* Write the header and rows as CSV (RFC 4180 quoting where needed). first_line (may be
 * NULL) receives the line on which each row starts in the written file. -1 on a write
 * error (errno set). */
int raw_table_write(const raw_table *t, FILE *f, long *first_line);

#endif
