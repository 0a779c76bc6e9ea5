/* util.h - small shared helpers of libscopt: growable arrays, string interning and
 * hash maps, strict number parsing, the diagnostics sink and error filling.
 * Internal: nothing here is public API. */
#ifndef SCOPT_UTIL_H
#define SCOPT_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "scopt.h"

#define SCOPT_INF 1e300 /* "unlimited" for capacities; any value >= this is infinite */
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- growable array: VEC_PUSH returns a pointer to the new zeroed slot or NULL ---- */
int vec_grow(void **data, size_t *cap, size_t need, size_t elem);
#define VEC(T) struct { T *data; size_t len, cap; }
#define VEC_PUSH(v)                                                                  \
    (vec_grow((void **)&(v).data, &(v).cap, (v).len + 1, sizeof(*(v).data)) ? NULL \
                                                                             : &(v).data[(v).len++])
#define VEC_FREE(v) (free((v).data), (v).data = NULL, (v).len = (v).cap = 0)

/* ---- string arena + interning map: name -> dense id 0..n-1 ---- */
typedef struct strmap {
    char **names;        /* id -> interned copy */
    int count, names_cap;
    int *slots;          /* open addressing: id+1, 0 = empty */
    uint32_t *hashes;
    size_t nslots;
    char *arena;         /* current block of the string arena */
    size_t arena_used, arena_cap;
    void *blocks;        /* list of arena blocks */
} strmap;

void strmap_init(strmap *m);
void strmap_free(strmap *m);
/* id of name, or -1 */
int strmap_find(const strmap *m, const char *name);
/* id of name, adding it when new; -1 on out of memory. *added set when new. */
int strmap_intern(strmap *m, const char *name, int *added);
const char *strmap_name(const strmap *m, int id);
/* the known name closest to NAME (edit distance <= 1/3 of its length), or NULL */
const char *strmap_suggest(const strmap *m, const char *name);

/* ---- map of integer tuples (up to 4 ints) -> int value ---- */
typedef struct keymap {
    int32_t *keys;  /* 4 per slot */
    int *vals;      /* value+1, 0 = empty */
    size_t nslots, count;
} keymap;
void keymap_init(keymap *m);
void keymap_free(keymap *m);
/* value stored under (a,b,c,d) or -1 */
int keymap_get(const keymap *m, int a, int b, int c, int d);
/* store value (>= 0) unless the key exists; returns the existing value, -1 when
 * inserted, -2 on out of memory */
int keymap_put(keymap *m, int a, int b, int c, int d, int value);

/* ---- strict, locale-independent number parsing of a whole cell ---- */
typedef enum { NUM_OK = 0, NUM_SYNTAX, NUM_RANGE, NUM_NEGATIVE, NUM_NOT_INTEGER } num_result;
num_result parse_double(const char *s, double *out);         /* finite, any sign */
num_result parse_nonneg(const char *s, double *out);         /* finite, >= 0 */
num_result parse_int_min(const char *s, long min, long *out); /* integer >= min, <= 1e9 */

/* ---- diagnostics ---- */
typedef struct diag_sink {
    const scopt_options *opt;
    scopt_error *err;   /* first error is copied here (may be NULL) */
    int errors, warnings, max_errors;
    int nomem;          /* sticky out-of-memory flag */
} diag_sink;

void diag_init(diag_sink *d, const scopt_options *opt, scopt_error *err);
/* report; file may be NULL. Returns 1 when the error limit is reached. */
int diag_report(diag_sink *d, scopt_severity sev, const char *file, long line, long col,
                const char *fmt, ...) __attribute__((format(printf, 6, 7)));
int diag_limit_reached(const diag_sink *d);
/* fill err (may be NULL) with code and a formatted message; returns code */
scopt_status error_set(scopt_error *err, scopt_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void error_clear(scopt_error *err);

/* ---- grouping rows by an int key (CSR): rows of key k are idx[start[k] .. start[k+1]-1],
 * in row order. keys[r] in 0..nkeys-1. Returns -1 on out of memory (nothing allocated). ---- */
typedef struct csr_index { int *start, *idx; } csr_index;
int csr_index_build(csr_index *ix, size_t nkeys, size_t nrows, const int *keys);
void csr_index_free(csr_index *ix);
/* a sparse matrix of r rows compressed by rows from triplets (rows ti, columns tj, values tv):
 * row i's entries are colind/val[rowptr[i] .. rowptr[i+1]-1], in triplet order (pass the
 * columns as ti for the matrix by columns). Returns -1 on out of memory, with whatever was
 * allocated left in the pointers for the caller to free. */
int csr_from_triplets(int r, size_t nnz, const int *ti, const int *tj, const double *tv, int **rowptr,
                      int **colind, double **val);

/* 1 when the caller asked to stop (scopt_options.cancel, set from another thread) */
static inline int cancel_requested(const volatile int *cancel)
{
    return cancel && __atomic_load_n(cancel, __ATOMIC_RELAXED) != 0;
}

/* strdup that returns NULL on failure */
char *str_dup(const char *s);
/* monotonic seconds */
double now_seconds(void);
/* 1 when s is valid UTF-8 of length n */
int utf8_valid(const char *s, size_t n);

#endif
