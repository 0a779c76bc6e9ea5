/* backend.h - the contract between the first-order LP algorithm (solver/pdlp*.c) and the
 * machines it runs on (ARCHITECTURE.md section 6, STYLE.md section 4). A backend is a const
 * table of function pointers over opaque device vectors and one sparse matrix kept twice, as
 * CSR of A and CSR of A^T, so both products are plain CSR SpMV. Two backends implement it:
 * gpu/cpu/backend_cpu.c (always built into libscopt) and gpu/cuda/backend_cuda.cu (built into
 * the plugin lib/libscopt_cuda.so, loaded at run time by gpu/loader.c). The element-wise and
 * reduction bodies both backends run are written once in gpu/kernels_hd.h.
 *
 * Rules every backend keeps:
 *  - every call returns 0 or a scopt_status code (SCOPT_ENOMEM, SCOPT_EINTERNAL, ...); the
 *    context's last_error() then says what failed. Nothing prints, exits or aborts;
 *  - reductions (dot, norms, the fused statistics) sum in an order fixed by the vector length
 *    alone, so a run repeated on the same backend gives bit-identical results;
 *  - vectors and matrices belong to the context that made them and are freed before it;
 *    *_free(NULL) does nothing;
 *  - infinite bounds are IEEE infinities (never SCOPT_INF) in every vector given here. */
#ifndef SCOPT_GPU_BACKEND_H
#define SCOPT_GPU_BACKEND_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* bumped whenever the table below changes; the loader refuses a plugin of another ABI */
#define SCOPT_BACKEND_ABI 3

typedef struct gpu_ctx gpu_ctx; /* one backend instance (CUDA: device, stream, handles) */
typedef struct gpu_vec gpu_vec; /* a vector of doubles in the backend's memory */
typedef struct gpu_mat gpu_mat; /* the constraint matrix, as CSR of A and CSR of A^T */

/* a CSR matrix in host memory, 0-based, 32-bit indices; the backend copies it */
typedef struct gpu_csr {
    int nrows, ncols, nnz;
    const int *rowptr; /* nrows + 1 */
    const int *colind; /* nnz */
    const double *val; /* nnz */
} gpu_csr;

/* ---- arguments of the fused PDHG kernels (formulas in gpu/kernels_hd.h) ---- */

/* primal step over columns, with aty = A'y formed in the same pass (fused into the product
 * where the backend can): xp = clamp(x - tau*(c - aty), lb, ub); xbar = 2xp - x;
 * xn = w*((1+rho)*xp - rho*x) + (1-w)*x0 (Halpern step with reflection rho).
 * full != 0 (an iteration that a check follows): xp and aty are written too. full == 0: xp is
 * left as it was and aty is a work vector whose contents are then unspecified. */
typedef struct gpu_primal_args {
    double tau, w, rho;
    int full;
    const gpu_vec *x, *y, *c, *lb, *ub, *x0;
    gpu_vec *aty, *xp, *xbar, *xn;
} gpu_primal_args;

/* dual step over rows, with axbar = A xbar formed in the same pass: v = y - sigma*axbar;
 * yp = v + clamp(-v, sigma*rl, sigma*ru); yn = w*((1+rho)*yp - rho*y) + (1-w)*y0.
 * yp is written only when full != 0; axbar is a work vector (contents unspecified after). */
typedef struct gpu_dual_args {
    double sigma, w, rho;
    int full;
    const gpu_vec *y, *xbar, *rl, *ru, *y0;
    gpu_vec *axbar, *yp, *yn;
} gpu_dual_args;

/* statistics over rows, in the unscaled problem (rs = row scales):
 * out[0] = sum ((ax - clamp(ax, lo, hi)) / rs)^2 with lo/hi = rl/ru, or with their recession
 *          cone (finite bounds -> 0) when ray != 0; ax may be NULL (out[0] = 0)
 * out[1] = sum over y > 0 of y*rl + sum over y < 0 of y*ru (the rows' dual objective term,
 *          infinite bounds skipped); y may be NULL (out[1] = 0) */
#define GPU_ROW_STATS 2
typedef struct gpu_row_stats_args {
    int ray;
    const gpu_vec *ax, *y, *rl, *ru, *rs;
} gpu_row_stats_args;

/* statistics over columns (cs = column scales); lam = (ray ? 0 : c) - aty:
 * out[0] = sum (part of lam that no finite bound can absorb / cs)^2 (the dual residual)
 * out[1] = sum over the absorbed part of lam>0 ? lam*lb : lam*ub (dual objective term)
 * out[2] = sum c*x (primal objective)
 * aty may be NULL (out[0] = out[1] = 0); x may be NULL (out[2] = 0) */
#define GPU_COL_STATS 3
typedef struct gpu_col_stats_args {
    int ray;
    const gpu_vec *x, *aty, *c, *lb, *ub, *cs;
} gpu_col_stats_args;

/* out[0] = sum (a-b)^2, out[1] = sum (c-d)^2, out[2] = sum (a-b)*(c-d); c and d may both be
 * NULL (out[1] = out[2] = 0) */
#define GPU_DIFF_STATS 3

/* ray projection: dst = a - b projected on the recession cone of [lo, hi]
 * (GPU_RAY_PRIMAL: a direction of x; GPU_RAY_DUAL: a sign-valid dual of rows lo <= Ax <= hi) */
enum { GPU_RAY_PRIMAL = 0, GPU_RAY_DUAL = 1 };

typedef struct scopt_backend {
    int abi;          /* SCOPT_BACKEND_ABI */
    const char *name; /* "cpu" or "cuda" */

    /* a context; on failure *out is NULL and msg (may be NULL) says why. threads: the CPU
     * backend's worker threads (N >= 1, or -1: one per available core; more than one needs
     * an OpenMP build, else one is used); a GPU backend ignores it */
    int (*ctx_create)(gpu_ctx **out, int threads, char *msg, size_t msg_len);
    void (*ctx_free)(gpu_ctx *c);
    const char *(*last_error)(const gpu_ctx *c);
    /* a one-line description of the device ("CPU, 1 thread", "NVIDIA H100 ...") */
    const char *(*device_name)(const gpu_ctx *c);

    /* vectors: created zeroed; upload/download copy n doubles from/to host memory */
    int (*vec_create)(gpu_ctx *c, int n, gpu_vec **out);
    void (*vec_free)(gpu_ctx *c, gpu_vec *v);
    int (*vec_upload)(gpu_ctx *c, gpu_vec *v, const double *host);
    int (*vec_download)(gpu_ctx *c, const gpu_vec *v, double *host);
    int (*vec_copy)(gpu_ctx *c, gpu_vec *dst, const gpu_vec *src);
    int (*vec_fill)(gpu_ctx *c, gpu_vec *v, double value);

    /* the matrix, uploaded once: a is A (m x n), at is A^T (n x m) with the same values */
    int (*mat_create)(gpu_ctx *c, const gpu_csr *a, const gpu_csr *at, gpu_mat **out);
    void (*mat_free)(gpu_ctx *c, gpu_mat *m);
    /* y = A x (transpose = 0) or y = A^T x (transpose = 1), both plain CSR products */
    int (*spmv)(gpu_ctx *c, gpu_mat *m, int transpose, const gpu_vec *x, gpu_vec *y);

    /* BLAS-1: y += a*x; x *= a; dot, 2-norm and max-norm with fixed reduction order */
    int (*axpy)(gpu_ctx *c, double a, const gpu_vec *x, gpu_vec *y);
    int (*scal)(gpu_ctx *c, double a, gpu_vec *x);
    int (*dot)(gpu_ctx *c, const gpu_vec *x, const gpu_vec *y, double *out);
    int (*nrm2)(gpu_ctx *c, const gpu_vec *x, double *out);
    int (*nrminf)(gpu_ctx *c, const gpu_vec *x, double *out);
    /* x = clamp(x, lo, hi) element-wise */
    int (*project)(gpu_ctx *c, gpu_vec *x, const gpu_vec *lo, const gpu_vec *hi);

    /* the fused kernels of restarted Halpern PDHG (formulas above and in kernels_hd.h): the
     * primal step multiplies by A^T, the dual step by A, each in the pass that uses the product */
    int (*pdhg_primal)(gpu_ctx *c, gpu_mat *m, const gpu_primal_args *a);
    int (*pdhg_dual)(gpu_ctx *c, gpu_mat *m, const gpu_dual_args *a);
    int (*row_stats)(gpu_ctx *c, const gpu_row_stats_args *a, double out[GPU_ROW_STATS]);
    int (*col_stats)(gpu_ctx *c, const gpu_col_stats_args *a, double out[GPU_COL_STATS]);
    int (*diff_stats)(gpu_ctx *c, const gpu_vec *a, const gpu_vec *b, const gpu_vec *cv, const gpu_vec *d,
                      double out[GPU_DIFF_STATS]);
    int (*ray_project)(gpu_ctx *c, int kind, gpu_vec *dst, const gpu_vec *a, const gpu_vec *b, const gpu_vec *lo,
                       const gpu_vec *hi);
} scopt_backend;

/* the CPU backend (gpu/cpu/backend_cpu.c) */
const scopt_backend *scopt_backend_cpu(void);

/* the entry point the CUDA plugin exports (gpu/cuda/backend_cuda.cu): the table, or NULL
 * when abi differs from the plugin's */
typedef const scopt_backend *(*scopt_backend_entry_fn)(int abi);
#define SCOPT_CUDA_ENTRY "scopt_cuda_backend"
/* the plugin's device probe: number of usable CUDA devices (0 when none) and, when none,
 * why in msg ("CUDA driver version is insufficient for CUDA runtime version") */
typedef int (*scopt_cuda_probe_fn)(char *msg, size_t msg_len);
#define SCOPT_CUDA_PROBE "scopt_cuda_device_count"

#ifdef __cplusplus
}
#endif
#endif
