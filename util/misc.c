/* misc.c - growable arrays, strings, clocks and UTF-8 checks shared by all modules. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util.h"

int vec_grow(void **data, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need) n *= 2;
    void *p = realloc(*data, n * elem);
    if (!p) return -1;
    memset((char *)p + *cap * elem, 0, (n - *cap) * elem);
    *data = p;
    *cap = n;
    return 0;
}

int csr_index_build(csr_index *ix, size_t nkeys, size_t nrows, const int *keys)
{
    ix->start = calloc(nkeys + 2, sizeof *ix->start);
    ix->idx = malloc((nrows + 1) * sizeof *ix->idx);
    int *next = malloc((nkeys + 1) * sizeof *next);
    if (!ix->start || !ix->idx || !next) { free(next); csr_index_free(ix); return -1; }
    for (size_t r = 0; r < nrows; r++) ix->start[keys[r] + 1]++;
    for (size_t k = 0; k < nkeys; k++) ix->start[k + 1] += ix->start[k];
    memcpy(next, ix->start, nkeys * sizeof *next);
    for (size_t r = 0; r < nrows; r++) ix->idx[next[keys[r]]++] = (int)r;
    free(next);
    return 0;
}

int csr_from_triplets(int r, size_t nnz, const int *ti, const int *tj, const double *tv, int **rowptr,
                             int **colind, double **val)
{
    *rowptr = calloc((size_t)r + 1, sizeof(int));
    *colind = malloc((nnz ? nnz : 1) * sizeof(int));
    *val = malloc((nnz ? nnz : 1) * sizeof(double));
    int *next = malloc(((size_t)r + 1) * sizeof(int));
    if (!*rowptr || !*colind || !*val || !next) { free(next); return -1; }
    for (size_t k = 0; k < nnz; k++) (*rowptr)[ti[k] + 1]++;
    for (int i = 0; i < r; i++) (*rowptr)[i + 1] += (*rowptr)[i];
    memcpy(next, *rowptr, ((size_t)r + 1) * sizeof(int));
    for (size_t k = 0; k < nnz; k++) {
        int at = next[ti[k]]++;
        (*colind)[at] = tj[k];
        (*val)[at] = tv[k];
    }
    free(next);
    return 0;
}

void csr_index_free(csr_index *ix)
{
    free(ix->start);
    free(ix->idx);
    ix->start = ix->idx = NULL;
}

char *str_dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len;
        unsigned min;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        else return 0;
        if (i + len > n) return 0;
        unsigned cp = c & (0xFF >> (len + 1));
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

void scopt_free(void *p) { free(p); }

const char *scopt_version(void) { return SCOPT_VERSION_STRING; }

const char *scopt_status_name(scopt_status s)
{
    switch (s) {
#define X(sym, num, name, msg) case sym: return name;
        SCOPT_STATUS_TABLE(X)
#undef X
    }
    return "unknown";
}

const char *scopt_strerror(scopt_status s)
{
    switch (s) {
#define X(sym, num, name, msg) case sym: return msg;
        SCOPT_STATUS_TABLE(X)
#undef X
    }
    return "unknown status";
}

void scopt_options_init(scopt_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->mip_gap = -1;
    opt->time_limit = -1;
    opt->device = SCOPT_DEVICE_AUTO;
    opt->lp_method = SCOPT_LP_AUTO;
    opt->cuts = 1;
    opt->heuristics = 0;
    opt->max_errors = 50;
    opt->pdlp_tol = -1;
    opt->pdlp_finish = SCOPT_PDLP_FINISH_SIMPLEX;
    opt->mip_strategy = SCOPT_MIP_AUTO;
    opt->threads = 1;
}
