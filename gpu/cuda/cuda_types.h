/* cuda_types.h - the CUDA backend's private definitions of the opaque types of gpu/backend.h
 * (context, vector, matrix) and the kernel launchers of kernels_cuda.cu. Only gpu/cuda/
 * includes this; the algorithm never sees a CUDA type. */
#ifndef SCOPT_CUDA_TYPES_H
#define SCOPT_CUDA_TYPES_H

#include <cuda_runtime.h>
#include <cusparse.h>
#include "backend.h"
#include "cuda_grid.h"
#include "kernels_hd.h"

/* SCOPT_CUDA_SPMV: which kernel multiplies (spmv_cuda.cu) */
enum { CUDA_SPMV_AUTO = 0, CUDA_SPMV_CUSPARSE = 1, CUDA_SPMV_PREPROCESS = 2, CUDA_SPMV_LANES = 3 };

struct gpu_ctx {
    int device;              /* the creating thread's current device */
    int spmv_mode;           /* CUDA_SPMV_*, from SCOPT_CUDA_SPMV when the context is made */
    int spmv_lanes;          /* CUDA_SPMV_LANES: lanes per row */
    int unfused;             /* SCOPT_CUDA_FUSE=0: the PDHG steps read their product from memory */
    cudaStream_t stream;
    cusparseHandle_t sparse;
    double *d_part;          /* CUDA_RED_BLOCKS * CUDA_MAX_ACC partial sums on the device */
    double *h_part;          /* the same, pinned host memory */
    char error[512];
    char name[320];
};

struct gpu_vec {
    int n;
    double *d;
    cusparseDnVecDescr_t desc; /* created once with the vector */
};

typedef struct cuda_csr {
    int nrows, ncols, nnz;
    int *rowptr, *colind;
    double *val;
    cusparseSpMatDescr_t desc; /* NULL: no cuSPARSE product (empty, one row or one column) */
    void *buffer;              /* cusparseSpMV's work buffer, allocated once */
    int preprocessed;          /* cusparseSpMV_preprocess ran on buffer */
    int lanes;                 /* > 0: our lanes kernel with that many lanes per row, not cuSPARSE */
} cuda_csr;

struct gpu_mat { cuda_csr a, at; };

/* kernel launchers (kernels_cuda.cu); each returns 0 or a scopt_status */
int cuda_fill(gpu_ctx *c, double *x, int n, double v);
int cuda_axpy(gpu_ctx *c, int n, double a, const double *x, double *y);
int cuda_scal(gpu_ctx *c, int n, double a, double *x);
int cuda_project(gpu_ctx *c, int n, double *x, const double *lo, const double *hi);
/* the PDHG steps with the product already in memory (aty = A'y, axbar = A xbar): the
 * cuSPARSE matrices' path */
int cuda_primal(gpu_ctx *c, int n, const hd_primal *a, const double *aty);
int cuda_dual(gpu_ctx *c, int n, const hd_dual *a, const double *axbar);
/* y = M x with one thread per row, summing in CSR order (kernels_hd.h hd_csr_row) */
int cuda_csr_rows(gpu_ctx *c, int nrows, const int *rowptr, const int *colind, const double *val, const double *x,
                  double *y);
/* spmv_cuda.cu: the SpMV kernel choice and the lanes kernel */
int cuda_spmv_mode(gpu_ctx *c, const char *value); /* parse SCOPT_CUDA_SPMV (NULL: auto) */
int cuda_spmv_lanes_for(const gpu_ctx *c, const gpu_csr *h);
int cuda_csr_lanes(gpu_ctx *c, const cuda_csr *d, const double *x, double *y);
/* the PDHG steps fused into the lanes kernel of A' (primal; aty may be NULL) or of A (dual) */
int cuda_primal_lanes(gpu_ctx *c, const cuda_csr *at, const double *y, double *aty, const hd_primal *a);
int cuda_dual_lanes(gpu_ctx *c, const cuda_csr *A, const double *xbar, const hd_dual *a);
int cuda_ray_project(gpu_ctx *c, int n, int dual, double *dst, const double *a, const double *b, const double *lo,
                     const double *hi);
/* reductions: K sums (or maxima) in a fixed order that depends only on n */
int cuda_dot(gpu_ctx *c, int n, const double *x, const double *y, double *out);
int cuda_maxabs(gpu_ctx *c, int n, const double *x, double *out);
int cuda_row_stats(gpu_ctx *c, int n, const hd_row_stats *a, double *out);
int cuda_col_stats(gpu_ctx *c, int n, const hd_col_stats *a, double *out);
int cuda_diff_stats(gpu_ctx *c, int n, const double *a, const double *b, const double *cv, const double *d,
                    double *out);

#endif
