/* read_tables.h - the column specs and row handlers of every dataset table
 * (ARCHITECTURE.md section 2): each handler resolves references, checks kinds and keys
 * and appends the row to the network. */
#ifndef SCOPT_READ_TABLES_H
#define SCOPT_READ_TABLES_H

#include "csv_table.h"
#include "network.h"

typedef struct table_def {
    table_id id;
    int required;
    const col_spec *specs;
    int nspecs;
    csv_row_fn on_row;
} table_def;

/* state shared by the handlers while a dataset is read */
typedef struct read_state {
    scopt_network *net;
    keymap keys[T_COUNT];   /* duplicate detection / summing per table */
    keymap settings_seen;
} read_state;

const table_def *dataset_tables(void); /* T_COUNT entries, in reading order */

#endif
