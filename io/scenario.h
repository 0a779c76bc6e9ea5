/* scenario.h - internal to the scenario module (io/scenario*.c): a scenario is a directory
 * of CSV tables that override the base dataset's rows by key, plus an optional scenario.csv
 * of edits in a small language. The module materialises base + overlay + edits into a fresh
 * dataset directory that the ordinary reader then reads; the base is never modified. The
 * rules are documented once, for users, in docs/scenarios.md.
 *
 *   scenario_tables.c  what the module knows of each table: columns, keys, defaults
 *   scenario_merge.c   loading a base table and laying the overlay table over it
 *   scenario_parse.c   the edit language: scenario.csv into scen_edit records
 *   scenario_apply.c   applying the edits to the loaded tables
 *   scenario_write.c   writing the result and mapping messages back to the user's files
 *   scenario_read.c    scopt_network_read_scenario, the public entry point
 */
#ifndef SCOPT_SCENARIO_H
#define SCOPT_SCENARIO_H

#include "network.h"
#include "raw_table.h"

/* ---- the tables (scenario_tables.c) ---- */

/* what an empty cell means, and so what arithmetic on it does */
typedef enum {
    SC_TEXT,       /* a name or text (keys: compared exactly) */
    SC_TEXT_CI,    /* a name compared case-insensitively (settings keys) */
    SC_ZERO,       /* a number, empty = 0 */
    SC_ONE,        /* a number, empty = 1 (volume, yield) */
    SC_UNLIMITED,  /* a number, empty = unlimited: arithmetic leaves it unlimited */
    SC_REQUIRED,   /* a number that is never empty */
    SC_PENALTY,    /* unmet_penalty: empty = the settings' default_unmet_penalty */
    SC_PERIOD      /* a whole period number >= 1, never empty */
} sc_kind;

typedef struct sc_col {
    const char *name;
    sc_kind kind;
    int key;       /* part of the table's key (ARCHITECTURE.md 2b) */
    int required;  /* a required column of the contract */
} sc_col;

typedef struct sc_table {
    const char *name;   /* "demand": the name edits use; the file is table_file_names[id] */
    const sc_col *cols;
    int ncols;
} sc_table;

const sc_table *scen_table(int id);             /* id in 0..T_COUNT-1 */
int scen_table_find(const char *name);          /* "demand", "calendar" or "capacity_calendar": id or -1 */
int scen_calendar_of(int table);                /* T_RESOURCES -> T_CALENDAR, T_SUPPLY -> T_SUPPLY_CALENDAR, else -1 */
int scen_col_find(const sc_table *t, const char *name); /* index in t->cols or -1 */
const char *scen_table_suggest(const char *name);        /* closest table name or NULL */
const char *scen_col_suggest(const sc_table *t, const char *name);
int scen_is_numeric(sc_kind k);

/* ---- the scenario being materialised ---- */

typedef enum { SRC_BASE = 0, SRC_OVERLAY = 1, SRC_EDIT = 2 } scen_src;

typedef struct scen_origin {
    unsigned char src;   /* where the row comes from */
    long line;           /* its line there (for SRC_EDIT: the edit's line in scenario.csv) */
    long edit_line;      /* last edit that changed a cell of the row (0 = none) */
    int edit_col;        /* the column that edit changed */
} scen_origin;

typedef struct scen_tab {
    int loaded;              /* rows in memory: written out; else the base file is linked as is */
    int in_base, in_overlay; /* the files exist */
    char path[2][600];       /* base file, overlay file */
    raw_table rows;          /* the table as materialised (when loaded) */
    VEC(scen_origin) origin; /* one per row of rows */
    VEC(int) colno[2];       /* per source: field number of each column of rows (0 = none) */
    long *out_line;          /* after writing: line of each row in the written file */
} scen_tab;

typedef enum { OP_SET, OP_MUL, OP_DIV, OP_ADD, OP_SUB, OP_DELETE } scen_op;
typedef enum { CMP_EQ, CMP_NE, CMP_GLOB, CMP_NGLOB, CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_RANGE, CMP_LIST } scen_cmp;

#define SCEN_MAX_CONDS 16
#define SCEN_MAX_LIST 64

typedef struct scen_cond {
    const char *column;       /* as the table names it; "period" for a calendar period */
    int period;               /* a condition on the period of a resource's or an offer's capacity */
    scen_cmp cmp;
    const char *value;        /* CMP_EQ .. CMP_GE */
    double lo, hi;            /* CMP_RANGE */
    const char *list[SCEN_MAX_LIST];
    int nlist;
    long col;                 /* where it starts in scenario.csv */
} scen_cond;

typedef struct scen_edit {
    long line, col;           /* the statement in scenario.csv */
    int table;                /* table_id */
    const char *column;       /* target column (NULL for delete) */
    scen_op op;
    const char *value;        /* OP_SET: the text; arithmetic: the number's text */
    double num;               /* arithmetic operand */
    int by_period;            /* resources.capacity / supply.capacity per period: written as rows of
                                 capacity_calendar / supply_calendar (scen_calendar_of) */
    scen_cond conds[SCEN_MAX_CONDS];
    int nconds;
} scen_edit;

typedef struct scenario {
    char base_dir[512], scen_dir[512], edits_path[600];
    scen_tab tab[T_COUNT];
    VEC(scen_edit) edits;
    raw_table strings;       /* arena of the edits' texts */
    diag_sink *d;
} scenario;

/* scenario_merge.c */
/* read the base table T into memory (once); -1 after an error (reported) or out of memory */
int scen_load(scenario *sc, int t);
/* lay the overlay file of table T over the base rows; -1 after an error */
int scen_overlay(scenario *sc, int t);
/* index of column NAME in tb's rows, adding an empty column when absent; -1 on out of memory */
int scen_col(scen_tab *tb, const char *name);
/* keep only the rows with keep[r] != 0 (and their origins) */
void scen_keep(scen_tab *tb, const unsigned char *keep);
/* append a row of empty cells with its origin; NULL on out of memory */
char **scen_add_row(scen_tab *tb, scen_src src, long line);
/* key of row R of tb as one string (names exact, settings keys lower case, periods as
 * whole numbers); buf of n bytes */
void scen_row_key(const scen_tab *tb, int t, char **row, char *buf, size_t n);

/* scenario_parse.c: read SC->edits_path into SC->edits; -1 after errors (reported) */
int scen_parse_edits(scenario *sc);

/* scenario_apply.c: apply every edit in order; -1 after errors */
int scen_apply_edits(scenario *sc);

/* scenario_write.c */
/* write every table into DIR (loaded tables as rows, others linked to the base file) */
scopt_status scen_write_dir(scenario *sc, const char *dir, scopt_error *err);
/* map a message about FILE:LINE:COL of the written directory DIR back to the user's files;
 * returns 1 when the location was translated (outputs filled) */
int scen_translate(const scenario *sc, const char *dir, const char *file, long line, long col, const char *msg,
                   char *file_out, size_t nfile, long *line_out, long *col_out, char *msg_out, size_t nmsg);

/* scenario_read.c: build the scenario of BASE_DIR and SCEN_DIR in memory (tables laid over
 * and edited, nothing written); SCOPT_EINPUT after errors reported to D */
scopt_status scenario_build(scenario *sc, const char *base_dir, const char *scen_dir, diag_sink *d);
void scenario_free(scenario *sc);

#endif
