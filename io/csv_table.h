/* csv_table.h - streaming reader of one CSV table on libcsv: finds columns by header
 * name, type-checks every cell against a column spec and hands typed rows to a callback.
 * The CSV contract it implements is described once in docs/dataset.md:
 * UTF-8 (BOM accepted), LF or CRLF, RFC 4180 quoting (spaces around unquoted cells are
 * trimmed), empty cell = default, header names matched case-insensitively, unknown
 * columns warned about, errors as file:line:col where col is the field number. */
#ifndef SCOPT_CSV_TABLE_H
#define SCOPT_CSV_TABLE_H

#include "schema.h" /* col_type, col_spec */

#define CSV_MAX_FIELDS 1024

typedef struct cell {
    int present;       /* 0 = empty cell or column absent: use the default */
    const char *text;  /* the raw text (valid during the callback only) */
    double num;        /* COL_NUM/COL_POS/COL_FLAG */
    long ival;         /* COL_PERIOD/COL_LEAD/COL_FLAG */
} cell;

typedef struct csv_row_ctx {
    const char *path;  /* file as reported in messages */
    long line;         /* line where the record starts */
    const int *colno;  /* spec index -> field number (1-based, 0 = absent) */
    diag_sink *diag;
    void *user;
} csv_row_ctx;

/* Returns 0 to go on, non-zero to stop reading this file. */
typedef int (*csv_row_fn)(csv_row_ctx *ctx, const cell *cells);

typedef enum { CSV_TABLE_OK = 0, CSV_TABLE_ABSENT, CSV_TABLE_FAILED } csv_table_result;

/* Read PATH. A missing file is an error when required, else CSV_TABLE_ABSENT.
 * colno_out (nspecs entries) receives the field number of each spec column.
 * rows_out receives the number of data rows handed to on_row. */
csv_table_result csv_read_table(const char *path, const col_spec *specs, int nspecs,
                                int required, csv_row_fn on_row, void *user, diag_sink *diag,
                                int *colno_out, long *rows_out);

/* Report an error about cell SPEC_INDEX of the current row. */
void csv_cell_error(csv_row_ctx *ctx, int spec_index, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void csv_cell_warning(csv_row_ctx *ctx, int spec_index, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
