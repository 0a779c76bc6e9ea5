/* schema.h - the dataset's tables as data (ARCHITECTURE.md section 2): for each table its
 * columns (name, type, required) in the contract's order, the CSV file it is read from and
 * the API call that adds its records. Shared by the CSV reader (io/read_tables.c) and the
 * in-memory API (models/network_api.c), so that both check the same columns the same way.
 * The API's record structs (include/scopt.h) list their fields in this order: field k of a
 * record is column k of its table. */
#ifndef SCOPT_SCHEMA_H
#define SCOPT_SCHEMA_H

#include "network.h"

#define CSV_MAX_CELL_BYTES (64 * 1024) /* longest text of a cell or a record's field */

typedef enum {
    COL_TEXT,    /* any non-empty UTF-8 text */
    COL_NUM,     /* finite number >= 0 */
    COL_POS,     /* finite number > 0 */
    COL_PERIOD,  /* integer >= 1 */
    COL_LEAD,    /* integer >= 0 */
    COL_FLAG,    /* 0 or 1 */
    COL_ANY      /* free text, may be anything (settings values) */
} col_type;

typedef struct col_spec {
    const char *name;
    col_type type;
    int required;
} col_spec;

typedef struct table_schema {
    const col_spec *specs;
    int nspecs;
    int required;            /* the table needs at least one row */
} table_schema;

/* T_COUNT entries, indexed by table_id */
const table_schema *dataset_schema(void);
extern const char *const table_api_names[T_COUNT]; /* "scopt_network_add_item", ... */

/* "a number >= 0 (like 12 or 0.5)", ...: what a cell of type T must hold */
const char *type_expectation(col_type t);

#endif
