/* cuda_grid.h - the launch shapes of the CUDA backend in plain C (no CUDA type), so that
 * tests/test_backend.c can emulate on the CPU the order in which kernels_cuda.cu visits and
 * sums elements: threads per block, the grid of an element-wise kernel, the blocks of a
 * deterministic reduction, and the grid-stride walk of one thread. */
#ifndef SCOPT_CUDA_GRID_H
#define SCOPT_CUDA_GRID_H

#include "kernels_hd.h" /* SCOPT_HD */

#define CUDA_THREADS 256    /* threads per block, every kernel (a power of two: the reduction tree) */
#define CUDA_MAX_GRID 65535 /* most blocks of an element-wise kernel; grid-stride loops do the rest */
#define CUDA_RED_BLOCKS 256 /* most blocks of a reduction: the partial sums fit one copy */
#define CUDA_MAX_ACC 4      /* most sums one reduction returns */

/* ceil(n / CUDA_THREADS) clamped to [1, cap]; no n + CUDA_THREADS - 1 that could overflow */
static inline int cuda_blocks(int n, int cap)
{
    int g = n / CUDA_THREADS + (n % CUDA_THREADS != 0);
    return g < 1 ? 1 : (g > cap ? cap : g);
}

/* a thread's walk over [0, n): first index block * CUDA_THREADS + thread, then steps of
 * CUDA_THREADS * blocks. Unsigned: with n <= INT_MAX and a step below 2^24, index + step never
 * wraps, where an int index would overflow for n near INT_MAX. */
static inline SCOPT_HD unsigned cuda_first(unsigned block, unsigned thread) { return block * CUDA_THREADS + thread; }
static inline SCOPT_HD unsigned cuda_step(unsigned blocks) { return CUDA_THREADS * blocks; }

/* SCOPT_CUDA_SPMV=auto (spmv_cuda.cu): the lanes per row for a matrix of `mean` nonzeros a row
 * on average and `longest` at most; 0 = cuSPARSE. One lane a row below 4 nonzeros a row, else
 * the largest power of two <= the mean (at most 32); cuSPARSE only when the longest row would
 * take one group more than CUDA_LANES_MAX_STEPS steps (docs/pdlp.md "SpMV kernels") */
#define CUDA_LANES_MAX_STEPS 1024
static inline int cuda_auto_lanes(double mean, int longest)
{
    int G = 1;
    if (mean >= 4)
        while (G < 32 && 2 * G <= mean) G *= 2;
    return longest <= (long long)CUDA_LANES_MAX_STEPS * G ? G : 0;
}

/* the lanes SpMV kernel (spmv_cuda.cu): G lanes per row, nrows * G threads in blocks of
 * CUDA_THREADS, at most CUDA_MAX_GRID blocks (the row loop strides by the groups launched) */
static inline int cuda_lanes_blocks(int nrows, int G)
{
    long long threads = (long long)nrows * G, blocks = threads / CUDA_THREADS + (threads % CUDA_THREADS != 0);
    return blocks < 1 ? 1 : (blocks > CUDA_MAX_GRID ? CUDA_MAX_GRID : (int)blocks);
}

#endif
