/* plan_cells.h - internal to the plan reader: the state shared by the row handlers of
 * the plan files, the table of those files and the cell helpers (plan_cells.c). */
#ifndef SCOPT_PLAN_CELLS_H
#define SCOPT_PLAN_CELLS_H

#include "csv_table.h"
#include "plan_read.h"

typedef struct plan_rs {
    const scopt_network *net;
    plan_data *plan;
    violation_sink *v;
    const col_spec *specs;   /* specs of the file being read */
    strmap keys;             /* keys seen in the file being read (repeats are bad input) */
    VEC(int) key_lines;      /* key id -> line of its first row */
} plan_rs;

typedef struct plan_file_def {
    const char *name;
    const col_spec *specs;
    int nspecs;
    csv_row_fn on_row;
} plan_file_def;

/* the PF_COUNT plan files, indexed by plan_file (plan_rows.c) */
const plan_file_def *plan_file_defs(void);

/* Cell K as a signed number (empty = 0, *has = 0) / a whole period (any sign); 0 on
 * success, -1 after reporting bad input. */
int pc_number(csv_row_ctx *ctx, const cell *c, int k, double *out, int *has);
int pc_period(csv_row_ctx *ctx, const cell *c, int k, int *out);
int pc_lane_no(csv_row_ctx *ctx, const cell *c, int k, int *out);
/* dataset id of the name in cell K, or -1 after reporting a violation */
int pc_site(csv_row_ctx *ctx, const cell *c, int k);
int pc_item(csv_row_ctx *ctx, const cell *c, int k);
int pc_operation(csv_row_ctx *ctx, const cell *c, int k);
int pc_resource(csv_row_ctx *ctx, const cell *c, int k);
/* 1 when KEY (N ints) was already seen in this file (bad input reported) or on out of memory */
int pc_duplicate(csv_row_ctx *ctx, const int *key, int n);
/* flag out of memory; returns 1 (stop reading) */
int pc_nomem(csv_row_ctx *ctx);

#endif
