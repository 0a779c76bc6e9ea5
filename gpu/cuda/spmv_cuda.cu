/* spmv_cuda.cu - the CUDA backend's sparse products y = M x: which kernel multiplies each CSR
 * (chosen once, when the matrix is uploaded, from SCOPT_CUDA_SPMV and the matrix's row
 * lengths only, so a run repeats bit for bit) and our own CSR kernel with G lanes per row.
 *
 * Lanes kernel: G consecutive threads of a warp (G a power of two, 1..32) share one row; lane
 * l sums the row's entries l, l+G, l+2G, ... in order (kernels_hd.h hd_csr_lane), then the G
 * partial sums fold in a fixed tree (lane l adds lane l+off for off = G/2, ..., 1), so the sum
 * order depends only on the row: deterministic, and with G = 1 the CPU backend's own order
 * (bit-identical products). The loop over rows is uniform across a warp, so every lane of it
 * reaches each shuffle. tests/test_backend.c folds the same way on the CPU and checks the
 * CUDA products against it bit for bit.
 *
 * The PDHG steps run inside this kernel (cuda_primal_lanes, cuda_dual_lanes): lane 0 of a row
 * hands the row's sum to the step's body (kernels_hd.h hd_primal_at / hd_dual_at) instead of
 * storing it, so A'y and A xbar never go through memory: per iteration of XL that is four
 * vector passes fewer (docs/pdlp.md "Fused steps"). */
#include <stdlib.h>
#include <string.h>
#include "cuda_check.h"
#include "cuda_types.h"

/* what a row's sum becomes: stored (a plain product), or used by a PDHG step at once */
struct out_store {
    double *y;
    __device__ void operator()(int r, double s) const { y[r] = s; }
};
struct out_primal { /* the row of A' that ends at column r: (A'y)_r, kept in aty when asked */
    hd_primal a;
    double *aty;
    __device__ void operator()(int r, double s) const
    {
        if (aty) aty[r] = s;
        hd_primal_at(&a, r, s);
    }
};
struct out_dual { /* the row of A that ends at row r: (A xbar)_r */
    hd_dual a;
    __device__ void operator()(int r, double s) const { hd_dual_at(&a, r, s); }
};

template <int G, typename Out>
__global__ void k_csr_lanes(int nrows, const int *__restrict__ rowptr, const int *__restrict__ colind,
                            const double *__restrict__ val, const double *__restrict__ x, Out out)
{
    unsigned tid = blockIdx.x * blockDim.x + threadIdx.x;
    unsigned lane = tid % G, groups = gridDim.x * blockDim.x / G;
    unsigned first = tid / 32 * (32 / G); /* this warp's first group: the loop bound is warp-uniform */
    for (unsigned r0 = first; r0 < (unsigned)nrows; r0 += groups) {
        unsigned r = r0 + (tid / G - first);
        double s = r < (unsigned)nrows ? hd_csr_lane((int)r, (int)lane, G, rowptr, colind, val, x) : 0.0;
        for (int off = G / 2; off > 0; off /= 2) s += __shfl_down_sync(0xffffffffu, s, off, G);
        if (lane == 0 && r < (unsigned)nrows) out((int)r, s);
    }
}

template <int G, typename Out>
static int launch_lanes(gpu_ctx *c, const cuda_csr *d, const double *x, Out out)
{
    k_csr_lanes<G, Out><<<cuda_lanes_blocks(d->nrows, G), CUDA_THREADS, 0, c->stream>>>(d->nrows, d->rowptr, d->colind,
                                                                                         d->val, x, out);
    CU_LAUNCHED(c);
    return 0;
}

/* the lanes kernel of d (d->lanes lanes a row) with `out` applied to each row's sum */
template <typename Out>
static int lanes_with(gpu_ctx *c, const cuda_csr *d, const double *x, Out out)
{
    if (d->nrows <= 0) return 0;
    switch (d->lanes) {
    case 1: return launch_lanes<1>(c, d, x, out);
    case 2: return launch_lanes<2>(c, d, x, out);
    case 4: return launch_lanes<4>(c, d, x, out);
    case 8: return launch_lanes<8>(c, d, x, out);
    case 16: return launch_lanes<16>(c, d, x, out);
    case 32: return launch_lanes<32>(c, d, x, out);
    }
    snprintf(c->error, sizeof c->error, "CUDA backend: no SpMV kernel with %d lanes", d->lanes);
    return SCOPT_EINTERNAL;
}

int cuda_csr_lanes(gpu_ctx *c, const cuda_csr *d, const double *x, double *y)
{
    if (d->lanes == 1 && d->nrows > 0) return cuda_csr_rows(c, d->nrows, d->rowptr, d->colind, d->val, x, y);
    out_store o = {y};
    return lanes_with(c, d, x, o);
}

int cuda_primal_lanes(gpu_ctx *c, const cuda_csr *at, const double *y, double *aty, const hd_primal *a)
{
    out_primal o = {*a, aty};
    return lanes_with(c, at, y, o);
}

int cuda_dual_lanes(gpu_ctx *c, const cuda_csr *A, const double *xbar, const hd_dual *a)
{
    out_dual o = {*a};
    return lanes_with(c, A, xbar, o);
}

static const char *const MODE_NAMES[] = {"auto", "cusparse", "preprocess", "lanes1", "lanes2", "lanes4",
                                         "lanes8", "lanes16", "lanes32"};

int cuda_spmv_mode(gpu_ctx *c, const char *value)
{
    if (!value || !*value) { c->spmv_mode = CUDA_SPMV_AUTO; return 0; }
    for (int k = 0; k < (int)(sizeof MODE_NAMES / sizeof MODE_NAMES[0]); k++)
        if (!strcmp(value, MODE_NAMES[k])) {
            c->spmv_mode = k < 3 ? k : CUDA_SPMV_LANES;
            c->spmv_lanes = k < 3 ? 0 : 1 << (k - 3);
            return 0;
        }
    snprintf(c->error, sizeof c->error,
             "CUDA backend: SCOPT_CUDA_SPMV=%.60s is not one of auto, cusparse, preprocess, lanes1, lanes2, lanes4, "
             "lanes8, lanes16, lanes32", value);
    return SCOPT_EUSAGE;
}

/* the kernel of one matrix: 0 lanes = cuSPARSE (CSR_ALG2); auto: cuda_grid.h cuda_auto_lanes.
 * From the H100 figures (docs/pdlp.md "SpMV kernels"): A' of the presets (2.0 a row) is
 * fastest with 1 lane, A (4.1-4.2) with 4; XL's A has a row of 1491 nonzeros (373 steps at
 * G = 4) and lanes4 still beat cuSPARSE. The empty, one-row and one-column matrices keep the
 * row kernel under the cuSPARSE modes (backend_cuda.cu, csr_by_cusparse). */
int cuda_spmv_lanes_for(const gpu_ctx *c, const gpu_csr *h)
{
    if (c->spmv_mode == CUDA_SPMV_LANES) return c->spmv_lanes;
    if (c->spmv_mode != CUDA_SPMV_AUTO || h->nrows <= 0) return 0;
    int longest = 0;
    for (int i = 0; i < h->nrows; i++)
        if (h->rowptr[i + 1] - h->rowptr[i] > longest) longest = h->rowptr[i + 1] - h->rowptr[i];
    return cuda_auto_lanes((double)h->nnz / h->nrows, longest);
}
