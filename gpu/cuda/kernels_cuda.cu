/* kernels_cuda.cu - launching the bodies of gpu/kernels_hd.h on the GPU: grid-stride element
 * kernels, and deterministic reductions. A reduction uses a grid whose size depends only on n
 * (at most CUDA_RED_BLOCKS blocks of CUDA_THREADS threads); each thread sums its strided
 * elements in index order, each block folds its threads in a fixed tree, and the host adds the
 * block partials in block order. So a repeated run gives the same bits. */
#include "cuda_check.h"
#include "cuda_types.h"

static int grid_for(int n) { return cuda_blocks(n, CUDA_MAX_GRID); }
static int red_blocks(int n) { return cuda_blocks(n, CUDA_RED_BLOCKS); }

/* every element-wise kernel: i walks [0, n) as cuda_grid.h says (unsigned, so i + step never
 * overflows near INT_MAX); i < n <= INT_MAX, so the bodies' int index is exact */
#define GRID_STRIDE(i, n) \
    for (unsigned i = cuda_first(blockIdx.x, threadIdx.x), i##_step = cuda_step(gridDim.x); i < (unsigned)(n); i += i##_step)

__global__ void k_fill(double *x, int n, double v) { GRID_STRIDE(i, n) x[i] = v; }
__global__ void k_axpy(int n, double a, const double *x, double *y) { GRID_STRIDE(i, n) hd_axpy(i, a, x, y); }
__global__ void k_scal(int n, double a, double *x) { GRID_STRIDE(i, n) hd_scal(i, a, x); }
__global__ void k_project(int n, double *x, const double *lo, const double *hi) { GRID_STRIDE(i, n) hd_project(i, x, lo, hi); }
__global__ void k_primal(int n, hd_primal a, const double *aty) { GRID_STRIDE(j, n) hd_primal_at(&a, j, aty[j]); }
__global__ void k_dual(int n, hd_dual a, const double *axbar) { GRID_STRIDE(i, n) hd_dual_at(&a, i, axbar[i]); }
__global__ void k_ray(int n, int dual, double *dst, const double *a, const double *b, const double *lo, const double *hi)
{
    GRID_STRIDE(i, n) hd_ray_project_at(i, dual, dst, a, b, lo, hi);
}

__global__ void k_csr_rows(int n, const int *rowptr, const int *colind, const double *val, const double *x, double *y)
{
    GRID_STRIDE(i, n) hd_csr_row(i, rowptr, colind, val, x, y);
}

#define LAUNCH(c, n, kernel, ...)                                                            \
    do {                                                                                     \
        if ((n) > 0) kernel<<<grid_for(n), CUDA_THREADS, 0, (c)->stream>>>(__VA_ARGS__);    \
        CU_LAUNCHED(c);                                                                      \
        return 0;                                                                            \
    } while (0)

int cuda_fill(gpu_ctx *c, double *x, int n, double v) { LAUNCH(c, n, k_fill, x, n, v); }
int cuda_axpy(gpu_ctx *c, int n, double a, const double *x, double *y) { LAUNCH(c, n, k_axpy, n, a, x, y); }
int cuda_scal(gpu_ctx *c, int n, double a, double *x) { LAUNCH(c, n, k_scal, n, a, x); }
int cuda_project(gpu_ctx *c, int n, double *x, const double *lo, const double *hi) { LAUNCH(c, n, k_project, n, x, lo, hi); }
int cuda_primal(gpu_ctx *c, int n, const hd_primal *a, const double *aty) { LAUNCH(c, n, k_primal, n, *a, aty); }
int cuda_dual(gpu_ctx *c, int n, const hd_dual *a, const double *axbar) { LAUNCH(c, n, k_dual, n, *a, axbar); }
int cuda_csr_rows(gpu_ctx *c, int nrows, const int *rowptr, const int *colind, const double *val, const double *x,
                  double *y)
{
    LAUNCH(c, nrows, k_csr_rows, nrows, rowptr, colind, val, x, y);
}
int cuda_ray_project(gpu_ctx *c, int n, int dual, double *dst, const double *a, const double *b, const double *lo,
                     const double *hi)
{
    LAUNCH(c, n, k_ray, n, dual, dst, a, b, lo, hi);
}

/* ---- reductions ---- */
struct body_dot {
    const double *x, *y;
    __device__ void operator()(int i, double *acc) const { hd_dot(i, x, y, acc); }
};
struct body_max {
    const double *x;
    __device__ void operator()(int i, double *acc) const { hd_maxabs(i, x, acc); }
};
struct body_row {
    hd_row_stats a;
    __device__ void operator()(int i, double *acc) const { hd_row_stats_at(&a, i, acc); }
};
struct body_col {
    hd_col_stats a;
    __device__ void operator()(int i, double *acc) const { hd_col_stats_at(&a, i, acc); }
};
struct body_diff {
    const double *a, *b, *c, *d;
    __device__ void operator()(int i, double *acc) const { hd_diff_stats_at(i, a, b, c, d, acc); }
};

static_assert((CUDA_THREADS & (CUDA_THREADS - 1)) == 0, "the reduction tree halves CUDA_THREADS");

template <int K, typename Body>
__global__ void k_reduce(Body body, int n, int is_max, double *part)
{
    static_assert(K >= 1 && K <= CUDA_MAX_ACC, "a reduction returns at most CUDA_MAX_ACC sums (d_part, h_part)");
    __shared__ double sh[K][CUDA_THREADS];
    double acc[K];
    for (int q = 0; q < K; q++) acc[q] = 0.0;
    for (unsigned i = cuda_first(blockIdx.x, threadIdx.x), step = cuda_step(gridDim.x); i < (unsigned)n; i += step)
        body((int)i, acc);
    for (int q = 0; q < K; q++) sh[q][threadIdx.x] = acc[q];
    __syncthreads();
    for (int s = CUDA_THREADS / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s)
            for (int q = 0; q < K; q++) {
                double a = sh[q][threadIdx.x], b = sh[q][threadIdx.x + s];
                sh[q][threadIdx.x] = is_max ? (b > a ? b : a) : a + b;
            }
        __syncthreads();
    }
    if (threadIdx.x == 0)
        for (int q = 0; q < K; q++) part[blockIdx.x * CUDA_MAX_ACC + q] = sh[q][0];
}

/* run the reduction and fold the block partials on the host, in block order */
template <int K, typename Body>
static int reduce(gpu_ctx *c, int n, Body body, int is_max, double *out)
{
    int nb = red_blocks(n);
    for (int q = 0; q < K; q++) out[q] = 0.0;
    if (n <= 0) return 0;
    k_reduce<K, Body><<<nb, CUDA_THREADS, 0, c->stream>>>(body, n, is_max, c->d_part);
    CU_LAUNCHED(c);
    CU_TRY(c, cudaMemcpyAsync(c->h_part, c->d_part, (size_t)nb * CUDA_MAX_ACC * sizeof(double),
                              cudaMemcpyDeviceToHost, c->stream));
    CU_TRY(c, cudaStreamSynchronize(c->stream));
    for (int b = 0; b < nb; b++)
        for (int q = 0; q < K; q++) {
            double v = c->h_part[b * CUDA_MAX_ACC + q];
            out[q] = is_max ? (v > out[q] ? v : out[q]) : out[q] + v;
        }
    return 0;
}

int cuda_dot(gpu_ctx *c, int n, const double *x, const double *y, double *out)
{
    body_dot b = {x, y};
    return reduce<1>(c, n, b, 0, out);
}

int cuda_maxabs(gpu_ctx *c, int n, const double *x, double *out)
{
    body_max b = {x};
    return reduce<1>(c, n, b, 1, out);
}

int cuda_row_stats(gpu_ctx *c, int n, const hd_row_stats *a, double *out)
{
    body_row b = {*a};
    return reduce<GPU_ROW_STATS>(c, n, b, 0, out);
}

int cuda_col_stats(gpu_ctx *c, int n, const hd_col_stats *a, double *out)
{
    body_col b = {*a};
    return reduce<GPU_COL_STATS>(c, n, b, 0, out);
}

int cuda_diff_stats(gpu_ctx *c, int n, const double *a, const double *b, const double *cv, const double *d,
                    double *out)
{
    body_diff body = {a, b, cv, d};
    return reduce<GPU_DIFF_STATS>(c, n, body, 0, out);
}
