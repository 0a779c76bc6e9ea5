/* network_add.h - adding one record to a network, shared by the CSV reader (io/read_tables.c)
 * and the in-memory API (models/network_api.c): the values arrive typed (the API's record
 * structs of scopt.h), with the place they came from (a row_src: file:line:col, or the API
 * call and record number). Each net_add_* checks the values (finite, >= 0, periods >= 1, ...:
 * already true for the CSV reader, which parsed the cells against the same schema), resolves
 * references with "did you mean", applies the kind and key rules of ARCHITECTURE.md section 2b
 * and appends the row. Messages are worded for the source: a CSV record speaks of files and
 * lines ("an item of items.csv", "first at line 2"), an API record of calls and record
 * numbers ("an item added with scopt_network_add_item", "first at record #1"). */
#ifndef SCOPT_NETWORK_ADD_H
#define SCOPT_NETWORK_ADD_H

#include "schema.h"

/* where a record comes from */
typedef struct row_src {
    diag_sink *d;
    table_id table;
    int api;              /* 0 = a CSV record, 1 = an API call */
    const char *file;     /* CSV: the file's path; API: the call's name */
    long line;            /* CSV: the line the record starts on; API: the record number */
    const int *colno;     /* CSV: spec index -> field number (0 = absent); API: NULL (k -> k+1) */
    char prefix[512];     /* API: "CALL #N (KEY): ", put before every message; CSV: "" */
} row_src;

/* State of a network while records are added: key maps (duplicates, summed rows) and, for
 * the API, the caller's options and the record counts. Freed by network_build_end. */
typedef struct net_build {
    keymap keys[T_COUNT];
    keymap offers;           /* (supplier, item) -> index in supply */
    scopt_options opt;       /* API: copied from scopt_network_new */
    long records[T_COUNT];   /* API: add calls per table so far */
    long rejected;           /* API: records rejected */
    int warnings;            /* API: warnings of the add calls */
    int broken;              /* out of memory in an add call: the network is inconsistent */
    char first_error[1024];  /* API: message of the first rejected record */
} net_build;

int network_build_begin(scopt_network *n);   /* 0, or -1 out of memory */
void network_build_end(scopt_network *n);

void row_src_csv(row_src *s, diag_sink *d, table_id t, const char *path, long line, const int *colno);
/* report about column SPEC (-1 = the whole record) of the record */
void src_error(row_src *s, int spec, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void src_warning(row_src *s, int spec, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Value checks of column SPEC (its type and whether it is required come from the schema).
 * Each returns 0 and stores the value (SCOPT_DEFAULT replaced by DFLT), or 1 after
 * reporting the error. DFLT = SCOPT_INF makes the column unlimited by default and accepts
 * values >= SCOPT_UNLIMITED (+inf included) as unlimited. */
int chk_num(row_src *s, int spec, double v, double dflt, double *out);
int chk_int(row_src *s, int spec, int v, int *out);
int chk_text(row_src *s, int spec, const char *t);

/* The adds: 0 when the record was handled (added, or rejected with its error reported),
 * -1 when out of memory (s->d->nomem set). */
int net_add_setting(scopt_network *n, row_src *s, const char *key, const char *value);
int net_add_item(scopt_network *n, row_src *s, const scopt_item *r);
int net_add_site(scopt_network *n, row_src *s, const scopt_site *r);
int net_add_supply(scopt_network *n, row_src *s, const scopt_supply *r);
int net_add_operation(scopt_network *n, row_src *s, const scopt_operation *r);
int net_add_bom(scopt_network *n, row_src *s, const scopt_bom *r);
int net_add_resource(scopt_network *n, row_src *s, const scopt_resource *r);
int net_add_resource_use(scopt_network *n, row_src *s, const scopt_resource_use *r);
int net_add_calendar(scopt_network *n, row_src *s, const scopt_calendar *r);
int net_add_supply_calendar(scopt_network *n, row_src *s, const scopt_supply_calendar *r);
int net_add_lane(scopt_network *n, row_src *s, const scopt_lane *r);
int net_add_inventory(scopt_network *n, row_src *s, const scopt_inventory *r);
int net_add_receipt(scopt_network *n, row_src *s, const scopt_receipt *r);
int net_add_demand(scopt_network *n, row_src *s, const scopt_demand *r);

/* Shared pieces of the adds (network_add.c, network_add_flows.c): the id of a name that
 * must exist, of a site that must be of a kind, a new name (a repeat is an error), and
 * whether a key was seen before (error reported). -1 / 1 on error, -2 out of memory. */
int add_lookup(scopt_network *n, row_src *s, int spec, const strmap *m, const char *what, table_id t,
               const char *name);
int add_site_of_kind(scopt_network *n, row_src *s, int spec, site_kind kind, const char *role,
                     const char *name);
int add_duplicate(scopt_network *n, row_src *s, int a, int b, int c, int d, const char *keydesc);
/* "line 2" / "record #2": how the source names another of its records */
const char *src_ref(const row_src *s, long line, char *buf, size_t n);

#endif
