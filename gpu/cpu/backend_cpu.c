/* backend_cpu.c - the CPU twin of the CUDA backend (gpu/backend.h): plain loops over the
 * bodies of gpu/kernels_hd.h, CSR row-gather SpMV for A and for A^T, and reductions summed in
 * fixed blocks of CPU_BLOCK elements whose partial sums are added in block order, so the result
 * depends only on the vector length (with or without OpenMP, whatever the thread count).
 * With OpenMP (the default build where the compiler has it) a context of more than one thread
 * spreads rows and blocks over its threads, in loops of at least CPU_PAR_MIN elements (below
 * that a team costs more than it saves); without it every context has one thread. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "backend.h"
#include "kernels_hd.h"
#include "scopt.h"
#define CPU_BLOCK 2048
#define CPU_MAX_ACC 4
#define CPU_PAR_MIN 16384

struct gpu_ctx { char error[256]; char device[64]; int threads; };

#ifdef _OPENMP
#include <omp.h>
#define CPU_PRAGMA(x) _Pragma(#x)
/* the loop that follows runs on c's threads when it has count elements or more */
#define CPU_PARALLEL_FOR(count) CPU_PRAGMA(omp parallel for schedule(static) num_threads(c->threads) if(par(c, count)))
static int par(const gpu_ctx *c, long count) { return c->threads > 1 && count >= CPU_PAR_MIN; }
#else
#define CPU_PARALLEL_FOR(count) (void)c;
#endif
struct gpu_vec { int n; double *v; };
typedef struct cpu_csr { int nrows, ncols, nnz; int *rowptr, *colind; double *val; } cpu_csr;
struct gpu_mat { cpu_csr a, at; };

static int fail(gpu_ctx *c, int code, const char *what)
{
    snprintf(c->error, sizeof c->error, "CPU backend: %s", what);
    return code;
}

static int ctx_create(gpu_ctx **out, int threads, char *msg, size_t msg_len)
{
    *out = calloc(1, sizeof **out);
    if (!*out) {
        if (msg && msg_len) snprintf(msg, msg_len, "out of memory");
        return SCOPT_ENOMEM;
    }
#ifdef _OPENMP
    int t = threads < 0 ? omp_get_num_procs() : threads < 1 ? 1 : threads;
    snprintf((*out)->device, sizeof (*out)->device, "CPU, %d thread%s", t, t == 1 ? "" : "s");
#else
    int t = 1; /* the device line says so when more were asked for */
    snprintf((*out)->device, sizeof (*out)->device, "CPU, 1 thread%s",
             threads > 1 || threads < 0 ? " (built without OpenMP)" : "");
#endif
    (*out)->threads = t;
    return 0;
}

static void ctx_free(gpu_ctx *c) { free(c); }
static const char *last_error(const gpu_ctx *c) { return c->error; }
static const char *device_name(const gpu_ctx *c) { return c->device; }

static int vec_create(gpu_ctx *c, int n, gpu_vec **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return fail(c, SCOPT_ENOMEM, "out of memory for a vector");
    (*out)->n = n;
    (*out)->v = calloc((size_t)(n > 0 ? n : 1), sizeof(double));
    if (!(*out)->v) { free(*out); *out = NULL; return fail(c, SCOPT_ENOMEM, "out of memory for a vector"); }
    return 0;
}

static void vec_free(gpu_ctx *c, gpu_vec *v)
{
    (void)c;
    if (!v) return;
    free(v->v);
    free(v);
}

static int vec_upload(gpu_ctx *c, gpu_vec *v, const double *host)
{
    (void)c;
    memcpy(v->v, host, (size_t)v->n * sizeof(double));
    return 0;
}

static int vec_download(gpu_ctx *c, const gpu_vec *v, double *host)
{
    (void)c;
    memcpy(host, v->v, (size_t)v->n * sizeof(double));
    return 0;
}

static int vec_copy(gpu_ctx *c, gpu_vec *dst, const gpu_vec *src)
{
    if (dst->n != src->n) return fail(c, SCOPT_EINTERNAL, "vec_copy: lengths differ");
    memcpy(dst->v, src->v, (size_t)src->n * sizeof(double));
    return 0;
}

static int vec_fill(gpu_ctx *c, gpu_vec *v, double value)
{
    (void)c;
    for (int i = 0; i < v->n; i++) v->v[i] = value;
    return 0;
}

static void csr_free(cpu_csr *m)
{
    free(m->rowptr);
    free(m->colind);
    free(m->val);
}

static int csr_copy(cpu_csr *dst, const gpu_csr *src)
{
    size_t nnz = (size_t)src->nnz;
    dst->nrows = src->nrows;
    dst->ncols = src->ncols;
    dst->nnz = src->nnz;
    dst->rowptr = malloc(((size_t)src->nrows + 1) * sizeof(int));
    dst->colind = malloc((nnz ? nnz : 1) * sizeof(int));
    dst->val = malloc((nnz ? nnz : 1) * sizeof(double));
    if (!dst->rowptr || !dst->colind || !dst->val) return -1;
    memcpy(dst->rowptr, src->rowptr, ((size_t)src->nrows + 1) * sizeof(int));
    memcpy(dst->colind, src->colind, nnz * sizeof(int));
    memcpy(dst->val, src->val, nnz * sizeof(double));
    return 0;
}

static void mat_free(gpu_ctx *c, gpu_mat *m)
{
    (void)c;
    if (!m) return;
    csr_free(&m->a);
    csr_free(&m->at);
    free(m);
}

static int mat_create(gpu_ctx *c, const gpu_csr *a, const gpu_csr *at, gpu_mat **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return fail(c, SCOPT_ENOMEM, "out of memory for the matrix");
    if (csr_copy(&(*out)->a, a) || csr_copy(&(*out)->at, at)) {
        mat_free(c, *out);
        *out = NULL;
        return fail(c, SCOPT_ENOMEM, "out of memory for the matrix");
    }
    return 0;
}

/* y = M x, one row per output element: each sum runs in CSR order (deterministic) */
static int spmv(gpu_ctx *c, gpu_mat *m, int transpose, const gpu_vec *x, gpu_vec *y)
{
    const cpu_csr *a = transpose ? &m->at : &m->a;
    if (x->n != a->ncols || y->n != a->nrows) return fail(c, SCOPT_EINTERNAL, "spmv: lengths do not match");
    CPU_PARALLEL_FOR(a->nnz + a->nrows)
    for (int i = 0; i < a->nrows; i++) hd_csr_row(i, a->rowptr, a->colind, a->val, x->v, y->v);
    return 0;
}

static int axpy(gpu_ctx *c, double a, const gpu_vec *x, gpu_vec *y)
{
    CPU_PARALLEL_FOR(y->n)
    for (int i = 0; i < y->n; i++) hd_axpy(i, a, x->v, y->v);
    return 0;
}

static int scal(gpu_ctx *c, double a, gpu_vec *x)
{
    CPU_PARALLEL_FOR(x->n)
    for (int i = 0; i < x->n; i++) hd_scal(i, a, x->v);
    return 0;
}

static int project(gpu_ctx *c, gpu_vec *x, const gpu_vec *lo, const gpu_vec *hi)
{
    CPU_PARALLEL_FOR(x->n)
    for (int i = 0; i < x->n; i++) hd_project(i, x->v, lo->v, hi->v);
    return 0;
}

/* ---- blocked reductions: one body, K accumulators, blocks summed in order ---- */
typedef void (*cpu_body)(const void *args, int i, double *acc);

/* partial results of the blocks are added in block order, or their maximum taken (is_max) */
static int reduce_blocks(gpu_ctx *c, int n, int k, cpu_body body, const void *args, int is_max, double *out)
{
    int nblocks = (n + CPU_BLOCK - 1) / CPU_BLOCK;
    double *part = calloc((size_t)(nblocks ? nblocks : 1) * CPU_MAX_ACC, sizeof *part);
    if (!part) return fail(c, SCOPT_ENOMEM, "out of memory for a reduction");
    CPU_PARALLEL_FOR(n)
    for (int b = 0; b < nblocks; b++) {
        int end = (b + 1) * CPU_BLOCK < n ? (b + 1) * CPU_BLOCK : n;
        for (int i = b * CPU_BLOCK; i < end; i++) body(args, i, part + (size_t)b * CPU_MAX_ACC);
    }
    for (int q = 0; q < k; q++) out[q] = 0;
    for (int b = 0; b < nblocks; b++)
        for (int q = 0; q < k; q++) {
            double v = part[(size_t)b * CPU_MAX_ACC + q];
            out[q] = is_max ? (v > out[q] ? v : out[q]) : out[q] + v;
        }
    free(part);
    return 0;
}

static int reduce(gpu_ctx *c, int n, int k, cpu_body body, const void *args, double *out)
{
    return reduce_blocks(c, n, k, body, args, 0, out);
}

typedef struct { const double *x, *y; } pair_args;
static void body_dot(const void *p, int i, double *acc) { hd_dot(i, ((const pair_args *)p)->x, ((const pair_args *)p)->y, acc); }
static void body_max(const void *p, int i, double *acc) { hd_maxabs(i, ((const pair_args *)p)->x, acc); }

static int dot(gpu_ctx *c, const gpu_vec *x, const gpu_vec *y, double *out)
{
    pair_args a = {x->v, y->v};
    return reduce(c, x->n, 1, body_dot, &a, out);
}

static int nrm2(gpu_ctx *c, const gpu_vec *x, double *out)
{
    pair_args a = {x->v, x->v};
    int rc = reduce(c, x->n, 1, body_dot, &a, out);
    *out = sqrt(*out);
    return rc;
}

static int nrminf(gpu_ctx *c, const gpu_vec *x, double *out)
{
    pair_args a = {x->v, NULL};
    return reduce_blocks(c, x->n, 1, body_max, &a, 1, out);
}

/* the products run row by row inside the steps: (A'y)_j or (A xbar)_i is summed in CSR order,
 * as spmv would, and used at once */
static int pdhg_primal(gpu_ctx *c, gpu_mat *m, const gpu_primal_args *g)
{
    const cpu_csr *at = &m->at;
    if (g->y->n != at->ncols || g->x->n != at->nrows) return fail(c, SCOPT_EINTERNAL, "pdhg_primal: lengths do not match");
    hd_primal a = {g->tau, g->w, g->rho, g->x->v, g->c->v, g->lb->v, g->ub->v, g->x0->v,
                   g->full ? g->xp->v : NULL, g->xbar->v, g->xn->v};
    double *aty = g->full ? g->aty->v : NULL;
    const double *y = g->y->v;
    CPU_PARALLEL_FOR(at->nnz + at->nrows)
    for (int j = 0; j < at->nrows; j++) {
        double s = hd_csr_dot(j, at->rowptr, at->colind, at->val, y);
        if (aty) aty[j] = s;
        hd_primal_at(&a, j, s);
    }
    return 0;
}

static int pdhg_dual(gpu_ctx *c, gpu_mat *m, const gpu_dual_args *g)
{
    const cpu_csr *A = &m->a;
    if (g->xbar->n != A->ncols || g->y->n != A->nrows) return fail(c, SCOPT_EINTERNAL, "pdhg_dual: lengths do not match");
    hd_dual a = {g->sigma, g->w, g->rho, g->y->v, g->rl->v, g->ru->v, g->y0->v, g->full ? g->yp->v : NULL, g->yn->v};
    const double *xbar = g->xbar->v;
    CPU_PARALLEL_FOR(A->nnz + A->nrows)
    for (int i = 0; i < A->nrows; i++) hd_dual_at(&a, i, hd_csr_dot(i, A->rowptr, A->colind, A->val, xbar));
    return 0;
}

static const double *vp(const gpu_vec *vec) { return vec ? vec->v : NULL; }

static void body_row(const void *p, int i, double *acc) { hd_row_stats_at(p, i, acc); }
static void body_col(const void *p, int i, double *acc) { hd_col_stats_at(p, i, acc); }

static int row_stats(gpu_ctx *c, const gpu_row_stats_args *g, double out[GPU_ROW_STATS])
{
    hd_row_stats a = {g->ray, vp(g->ax), vp(g->y), g->rl->v, g->ru->v, g->rs->v};
    return reduce(c, g->rl->n, GPU_ROW_STATS, body_row, &a, out);
}

static int col_stats(gpu_ctx *c, const gpu_col_stats_args *g, double out[GPU_COL_STATS])
{
    hd_col_stats a = {g->ray, vp(g->x), vp(g->aty), g->c->v, g->lb->v, g->ub->v, g->cs->v};
    return reduce(c, g->c->n, GPU_COL_STATS, body_col, &a, out);
}

typedef struct { const double *a, *b, *c, *d; } diff_args;
static void body_diff(const void *p, int i, double *acc)
{
    const diff_args *g = p;
    hd_diff_stats_at(i, g->a, g->b, g->c, g->d, acc);
}

static int diff_stats(gpu_ctx *c, const gpu_vec *a, const gpu_vec *b, const gpu_vec *cv, const gpu_vec *d,
                      double out[GPU_DIFF_STATS])
{
    diff_args g = {a->v, b->v, vp(cv), vp(d)};
    return reduce(c, a->n, GPU_DIFF_STATS, body_diff, &g, out);
}

static int ray_project(gpu_ctx *c, int kind, gpu_vec *dst, const gpu_vec *a, const gpu_vec *b, const gpu_vec *lo,
                       const gpu_vec *hi)
{
    CPU_PARALLEL_FOR(dst->n)
    for (int i = 0; i < dst->n; i++) hd_ray_project_at(i, kind == GPU_RAY_DUAL, dst->v, a->v, b->v, lo->v, hi->v);
    return 0;
}

static const scopt_backend cpu_backend = {
    SCOPT_BACKEND_ABI, "cpu", ctx_create, ctx_free, last_error, device_name,
    vec_create, vec_free, vec_upload, vec_download, vec_copy, vec_fill,
    mat_create, mat_free, spmv, axpy, scal, dot, nrm2, nrminf, project,
    pdhg_primal, pdhg_dual, row_stats, col_stats, diff_stats, ray_project,
};

const scopt_backend *scopt_backend_cpu(void) { return &cpu_backend; }
