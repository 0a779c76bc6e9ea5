/* backend_cuda.cu - the CUDA backend of gpu/backend.h, built into the plugin
 * lib/libscopt_cuda.so (linking cudart and cuSPARSE) that gpu/loader.c opens with dlopen.
 * Memory management, the cuSPARSE generic SpMV (CSR of A and CSR of A^T, CSR_ALG2 which is
 * deterministic, one work buffer per product allocated when the matrix is uploaded; a row
 * kernel for one-row and one-column matrices; or our lanes kernel, spmv_cuda.cu, as
 * SCOPT_CUDA_SPMV says) and the table; the other kernels are in kernels_cuda.cu. Every CUDA
 * error becomes a status code. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cuda_check.h"
#include "cuda_types.h"

#define PLUGIN_API extern "C" __attribute__((visibility("default")))

static const cusparseSpMVAlg_t SPMV_ALG = CUSPARSE_SPMV_CSR_ALG2;

static void ctx_free(gpu_ctx *c)
{
    if (!c) return;
    if (c->stream && cudaStreamSynchronize(c->stream) != cudaSuccess) (void)cudaGetLastError(); /* nothing in flight */
    if (c->sparse) cusparseDestroy(c->sparse);
    if (c->d_part) cudaFree(c->d_part);
    if (c->h_part) cudaFreeHost(c->h_part);
    if (c->stream) cudaStreamDestroy(c->stream);
    free(c);
}

static int ctx_init(gpu_ctx *c)
{
    cudaDeviceProp prop;
    int clock_khz = 0, bus_bits = 0;
    /* the calling thread's current device (0 unless the embedding program chose another):
     * cudaSetDevice(0) here would switch a multi-GPU host program's thread to device 0 behind
     * its back. The stream and handles belong to that device, so a context is used from the
     * thread that made it, as pdlp_solve does. */
    if (cuda_spmv_mode(c, getenv("SCOPT_CUDA_SPMV"))) return SCOPT_EUSAGE;
    const char *fuse = getenv("SCOPT_CUDA_FUSE"); /* 0: the product through memory (bench/pdlp_spmv.c) */
    c->unfused = fuse && !strcmp(fuse, "0");
    CU_TRY(c, cudaGetDevice(&c->device));
    CU_TRY(c, cudaGetDeviceProperties(&prop, c->device));
    /* peak DRAM bandwidth: double data rate x clock x bus width, as NVIDIA's bandwidth sample;
     * only for the name, so a device or driver that does not say leaves it out, not fails */
    if (cudaDeviceGetAttribute(&clock_khz, cudaDevAttrMemoryClockRate, c->device) != cudaSuccess ||
        cudaDeviceGetAttribute(&bus_bits, cudaDevAttrGlobalMemoryBusWidth, c->device) != cudaSuccess) {
        (void)cudaGetLastError();
        clock_khz = bus_bits = 0;
    }
    double peak_gbs = 2.0 * clock_khz * 1e3 * (bus_bits / 8.0) / 1e9;
    double gib = (double)prop.totalGlobalMem / (1024.0 * 1024.0 * 1024.0);
    if (peak_gbs > 0)
        snprintf(c->name, sizeof c->name, "%.200s (CUDA device %d, %.0f GiB, %.0f GB/s peak)", prop.name, c->device,
                 gib, peak_gbs);
    else snprintf(c->name, sizeof c->name, "%.200s (CUDA device %d, %.0f GiB)", prop.name, c->device, gib);
    CU_TRY(c, cudaStreamCreateWithFlags(&c->stream, cudaStreamNonBlocking));
    CU_TRY(c, cudaMalloc((void **)&c->d_part, CUDA_RED_BLOCKS * CUDA_MAX_ACC * sizeof(double)));
    CU_TRY(c, cudaMallocHost((void **)&c->h_part, CUDA_RED_BLOCKS * CUDA_MAX_ACC * sizeof(double)));
    SP_TRY(c, cusparseCreate(&c->sparse));
    SP_TRY(c, cusparseSetStream(c->sparse, c->stream));
    return 0;
}

static int ctx_create(gpu_ctx **out, int threads, char *msg, size_t msg_len)
{
    (void)threads; /* host threads: the CPU backend's */
    gpu_ctx *c = (gpu_ctx *)calloc(1, sizeof *c);
    *out = NULL;
    if (!c) {
        if (msg && msg_len) snprintf(msg, msg_len, "out of memory");
        return SCOPT_ENOMEM;
    }
    int rc = ctx_init(c);
    if (rc) {
        if (msg && msg_len) snprintf(msg, msg_len, "%s", c->error);
        ctx_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

static const char *last_error(const gpu_ctx *c) { return c->error; }
static const char *device_name(const gpu_ctx *c) { return c->name; }

static void vec_free(gpu_ctx *c, gpu_vec *v)
{
    (void)c;
    if (!v) return;
    if (v->desc) cusparseDestroyDnVec(v->desc);
    if (v->d) cudaFree(v->d);
    free(v);
}

static int vec_init(gpu_ctx *c, gpu_vec *v)
{
    CU_TRY(c, cudaMalloc((void **)&v->d, (size_t)(v->n > 0 ? v->n : 1) * sizeof(double)));
    CU_TRY(c, cudaMemsetAsync(v->d, 0, (size_t)(v->n > 0 ? v->n : 1) * sizeof(double), c->stream));
    if (v->n > 0) SP_TRY(c, cusparseCreateDnVec(&v->desc, v->n, v->d, CUDA_R_64F));
    return 0;
}

static int vec_create(gpu_ctx *c, int n, gpu_vec **out)
{
    gpu_vec *v = (gpu_vec *)calloc(1, sizeof *v);
    *out = NULL;
    if (!v) { snprintf(c->error, sizeof c->error, "CUDA backend: out of host memory"); return SCOPT_ENOMEM; }
    v->n = n;
    int rc = vec_init(c, v);
    if (rc) { vec_free(c, v); return rc; }
    *out = v;
    return 0;
}

static int vec_upload(gpu_ctx *c, gpu_vec *v, const double *host)
{
    if (v->n <= 0) return 0;
    CU_TRY(c, cudaMemcpyAsync(v->d, host, (size_t)v->n * sizeof(double), cudaMemcpyHostToDevice, c->stream));
    CU_TRY(c, cudaStreamSynchronize(c->stream));
    return 0;
}

static int vec_download(gpu_ctx *c, const gpu_vec *v, double *host)
{
    if (v->n <= 0) return 0;
    CU_TRY(c, cudaMemcpyAsync(host, v->d, (size_t)v->n * sizeof(double), cudaMemcpyDeviceToHost, c->stream));
    CU_TRY(c, cudaStreamSynchronize(c->stream));
    return 0;
}

static int vec_copy(gpu_ctx *c, gpu_vec *dst, const gpu_vec *src)
{
    if (dst->n != src->n) { snprintf(c->error, sizeof c->error, "CUDA backend: vec_copy: lengths differ"); return SCOPT_EINTERNAL; }
    if (src->n <= 0) return 0;
    CU_TRY(c, cudaMemcpyAsync(dst->d, src->d, (size_t)src->n * sizeof(double), cudaMemcpyDeviceToDevice, c->stream));
    return 0;
}

static int vec_fill(gpu_ctx *c, gpu_vec *v, double value) { return cuda_fill(c, v->d, v->n, value); }

/* ---- the matrix ---- */
static void csr_free(cuda_csr *m)
{
    if (m->desc) cusparseDestroySpMat(m->desc);
    if (m->rowptr) cudaFree(m->rowptr);
    if (m->colind) cudaFree(m->colind);
    if (m->val) cudaFree(m->val);
    if (m->buffer) cudaFree(m->buffer);
    memset(m, 0, sizeof *m);
}

static void mat_free(gpu_ctx *c, gpu_mat *m)
{
    (void)c;
    if (!m) return;
    csr_free(&m->a);
    csr_free(&m->at);
    free(m);
}

/* cuSPARSE's CSR_ALG2 for every product but the empty ones and those of one row or one
 * column: NVIDIA's cuOpt keeps such matrices off ALG2 on older cuSPARSE, citing a bug of the
 * older ALG2 with one-row (later: one-row or one-column) matrices, up to 12.6.2 and then for
 * all before 13.0 (CUDA 13.0 ships cuSPARSE 12.6.3; the GPU machine's toolkit may be older),
 * and the ALG1 they fall back to is not promised deterministic. Those products go through
 * k_csr_rows instead, one thread per row in CSR order: the CPU backend's own sum (slow only
 * for one very long row: an LP of one row, or A' of an LP of one column). */
static int csr_by_cusparse(const gpu_csr *h) { return h->nnz > 0 && h->nrows > 1 && h->ncols > 1; }

static int csr_upload(gpu_ctx *c, cuda_csr *d, const gpu_csr *h)
{
    size_t nnz = (size_t)(h->nnz > 0 ? h->nnz : 1);
    d->nrows = h->nrows;
    d->ncols = h->ncols;
    d->nnz = h->nnz;
    CU_TRY(c, cudaMalloc((void **)&d->rowptr, ((size_t)h->nrows + 1) * sizeof(int)));
    CU_TRY(c, cudaMalloc((void **)&d->colind, nnz * sizeof(int)));
    CU_TRY(c, cudaMalloc((void **)&d->val, nnz * sizeof(double)));
    /* on the context's stream, then waited for: a plain cudaMemcpy runs on the legacy default
     * stream, which does not order against our cudaStreamNonBlocking stream, and from pageable
     * memory it may return before the DMA lands, so the first SpMV could read a half-copied A */
    CU_TRY(c, cudaMemcpyAsync(d->rowptr, h->rowptr, ((size_t)h->nrows + 1) * sizeof(int), cudaMemcpyHostToDevice,
                              c->stream));
    if (h->nnz > 0) {
        CU_TRY(c, cudaMemcpyAsync(d->colind, h->colind, (size_t)h->nnz * sizeof(int), cudaMemcpyHostToDevice, c->stream));
        CU_TRY(c, cudaMemcpyAsync(d->val, h->val, (size_t)h->nnz * sizeof(double), cudaMemcpyHostToDevice, c->stream));
    }
    CU_TRY(c, cudaStreamSynchronize(c->stream)); /* the host arrays are the caller's */
    d->lanes = cuda_spmv_lanes_for(c, h);
    if (!d->lanes && csr_by_cusparse(h))
        SP_TRY(c, cusparseCreateCsr(&d->desc, h->nrows, h->ncols, h->nnz, d->rowptr, d->colind, d->val,
                                    CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_64F));
    return 0;
}

/* size and allocate the product's work buffer once, with scratch vectors of the right lengths */
static int csr_buffer(gpu_ctx *c, cuda_csr *d)
{
    if (!d->desc) return 0;
    gpu_vec *x = NULL, *y = NULL;
    size_t size = 0;
    double one = 1.0, zero = 0.0;
    int rc = vec_create(c, d->ncols, &x);
    if (!rc) rc = vec_create(c, d->nrows, &y);
    if (!rc) {
        cusparseStatus_t s = cusparseSpMV_bufferSize(c->sparse, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, d->desc,
                                                     x->desc, &zero, y->desc, CUDA_R_64F, SPMV_ALG, &size);
        if (s != CUSPARSE_STATUS_SUCCESS) rc = cusparse_fail(c->error, sizeof c->error, s, "cusparseSpMV_bufferSize", __LINE__);
    }
    if (!rc) {
        cudaError_t e = cudaMalloc(&d->buffer, size > 0 ? size : 1);
        if (e != cudaSuccess) rc = cuda_fail(c->error, sizeof c->error, e, "cudaMalloc(SpMV buffer)", __LINE__);
    }
    if (!rc && c->spmv_mode == CUDA_SPMV_PREPROCESS) { /* once per matrix, into its own buffer */
        cusparseStatus_t s = cusparseSpMV_preprocess(c->sparse, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, d->desc,
                                                     x->desc, &zero, y->desc, CUDA_R_64F, SPMV_ALG, d->buffer);
        if (s != CUSPARSE_STATUS_SUCCESS) rc = cusparse_fail(c->error, sizeof c->error, s, "cusparseSpMV_preprocess", __LINE__);
        else d->preprocessed = 1;
    }
    vec_free(c, x);
    vec_free(c, y);
    return rc;
}

static int mat_create(gpu_ctx *c, const gpu_csr *a, const gpu_csr *at, gpu_mat **out)
{
    gpu_mat *m = (gpu_mat *)calloc(1, sizeof *m);
    *out = NULL;
    if (!m) { snprintf(c->error, sizeof c->error, "CUDA backend: out of host memory"); return SCOPT_ENOMEM; }
    int rc = csr_upload(c, &m->a, a);
    if (!rc) rc = csr_upload(c, &m->at, at);
    if (!rc) rc = csr_buffer(c, &m->a);
    if (!rc) rc = csr_buffer(c, &m->at);
    if (rc) { mat_free(c, m); return rc; }
    *out = m;
    return 0;
}

static int spmv(gpu_ctx *c, gpu_mat *m, int transpose, const gpu_vec *x, gpu_vec *y)
{
    cuda_csr *d = transpose ? &m->at : &m->a;
    double one = 1.0, zero = 0.0;
    if (x->n != d->ncols || y->n != d->nrows) {
        snprintf(c->error, sizeof c->error, "CUDA backend: spmv: lengths do not match");
        return SCOPT_EINTERNAL;
    }
    if (d->nnz <= 0) return cuda_fill(c, y->d, y->n, 0.0); /* empty matrix */
    if (d->lanes) return cuda_csr_lanes(c, d, x->d, y->d);
    if (!d->desc) return cuda_csr_rows(c, d->nrows, d->rowptr, d->colind, d->val, x->d, y->d); /* one row or column */
    SP_TRY(c, cusparseSpMV(c->sparse, CUSPARSE_OPERATION_NON_TRANSPOSE, &one, d->desc, x->desc, &zero, y->desc,
                           CUDA_R_64F, SPMV_ALG, d->buffer));
    return 0;
}

/* ---- BLAS-1 and fused kernels: thin wrappers over kernels_cuda.cu ---- */
static int axpy(gpu_ctx *c, double a, const gpu_vec *x, gpu_vec *y) { return cuda_axpy(c, y->n, a, x->d, y->d); }
static int scal(gpu_ctx *c, double a, gpu_vec *x) { return cuda_scal(c, x->n, a, x->d); }
static int dot(gpu_ctx *c, const gpu_vec *x, const gpu_vec *y, double *out) { return cuda_dot(c, x->n, x->d, y->d, out); }

static int nrm2(gpu_ctx *c, const gpu_vec *x, double *out)
{
    int rc = cuda_dot(c, x->n, x->d, x->d, out);
    *out = sqrt(*out);
    return rc;
}

static int nrminf(gpu_ctx *c, const gpu_vec *x, double *out) { return cuda_maxabs(c, x->n, x->d, out); }

static int project(gpu_ctx *c, gpu_vec *x, const gpu_vec *lo, const gpu_vec *hi)
{
    return cuda_project(c, x->n, x->d, lo->d, hi->d);
}

/* the steps inside the lanes kernel of A' or A (spmv_cuda.cu); a matrix cuSPARSE multiplies
 * (SCOPT_CUDA_SPMV=cusparse|preprocess, or rows too long for lanes) puts its product in the
 * work vector first and the step reads it back; so does every matrix with SCOPT_CUDA_FUSE=0
 * (the unfused iteration, to measure what fusing saves) */
static int pdhg_primal(gpu_ctx *c, gpu_mat *m, const gpu_primal_args *g)
{
    if (g->y->n != m->at.ncols || g->x->n != m->at.nrows) {
        snprintf(c->error, sizeof c->error, "CUDA backend: pdhg_primal: lengths do not match");
        return SCOPT_EINTERNAL;
    }
    hd_primal a = {g->tau, g->w, g->rho, g->x->d, g->c->d, g->lb->d, g->ub->d, g->x0->d,
                   g->full ? g->xp->d : NULL, g->xbar->d, g->xn->d};
    if (m->at.lanes && !c->unfused) return cuda_primal_lanes(c, &m->at, g->y->d, g->full ? g->aty->d : NULL, &a);
    int rc = spmv(c, m, 1, g->y, g->aty);
    return rc ? rc : cuda_primal(c, g->x->n, &a, g->aty->d);
}

static int pdhg_dual(gpu_ctx *c, gpu_mat *m, const gpu_dual_args *g)
{
    if (g->xbar->n != m->a.ncols || g->y->n != m->a.nrows) {
        snprintf(c->error, sizeof c->error, "CUDA backend: pdhg_dual: lengths do not match");
        return SCOPT_EINTERNAL;
    }
    hd_dual a = {g->sigma, g->w, g->rho, g->y->d, g->rl->d, g->ru->d, g->y0->d, g->full ? g->yp->d : NULL, g->yn->d};
    if (m->a.lanes && !c->unfused) return cuda_dual_lanes(c, &m->a, g->xbar->d, &a);
    int rc = spmv(c, m, 0, g->xbar, g->axbar);
    return rc ? rc : cuda_dual(c, g->y->n, &a, g->axbar->d);
}

static const double *dp(const gpu_vec *v) { return v ? v->d : NULL; }

static int row_stats(gpu_ctx *c, const gpu_row_stats_args *g, double out[GPU_ROW_STATS])
{
    hd_row_stats a = {g->ray, dp(g->ax), dp(g->y), g->rl->d, g->ru->d, g->rs->d};
    return cuda_row_stats(c, g->rl->n, &a, out);
}

static int col_stats(gpu_ctx *c, const gpu_col_stats_args *g, double out[GPU_COL_STATS])
{
    hd_col_stats a = {g->ray, dp(g->x), dp(g->aty), g->c->d, g->lb->d, g->ub->d, g->cs->d};
    return cuda_col_stats(c, g->c->n, &a, out);
}

static int diff_stats(gpu_ctx *c, const gpu_vec *a, const gpu_vec *b, const gpu_vec *cv, const gpu_vec *d,
                      double out[GPU_DIFF_STATS])
{
    return cuda_diff_stats(c, a->n, a->d, b->d, dp(cv), dp(d), out);
}

static int ray_project(gpu_ctx *c, int kind, gpu_vec *dst, const gpu_vec *a, const gpu_vec *b, const gpu_vec *lo,
                       const gpu_vec *hi)
{
    return cuda_ray_project(c, dst->n, kind == GPU_RAY_DUAL, dst->d, a->d, b->d, lo->d, hi->d);
}

static const scopt_backend cuda_backend = {
    SCOPT_BACKEND_ABI, "cuda", ctx_create, ctx_free, last_error, device_name,
    vec_create, vec_free, vec_upload, vec_download, vec_copy, vec_fill,
    mat_create, mat_free, spmv, axpy, scal, dot, nrm2, nrminf, project,
    pdhg_primal, pdhg_dual, row_stats, col_stats, diff_stats, ray_project,
};

PLUGIN_API const scopt_backend *scopt_cuda_backend(int abi) { return abi == SCOPT_BACKEND_ABI ? &cuda_backend : NULL; }

PLUGIN_API int scopt_cuda_device_count(char *msg, size_t msg_len)
{
    int count = 0;
    cudaError_t e = cudaGetDeviceCount(&count);
    if (e != cudaSuccess) {
        if (msg && msg_len) snprintf(msg, msg_len, "%s", cudaGetErrorString(e));
        (void)cudaGetLastError();
        return 0;
    }
    if (count == 0 && msg && msg_len) snprintf(msg, msg_len, "no CUDA device found");
    return count;
}
