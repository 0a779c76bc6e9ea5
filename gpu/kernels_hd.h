/* kernels_hd.h - the element-wise bodies of every backend kernel, written once (ARCHITECTURE.md
 * section 6). Each body handles one index; the CPU backend (gpu/cpu/backend_cpu.c) loops over
 * it, the CUDA backend (gpu/cuda/backend_cuda.cu) launches it, so a body proven on the CPU is
 * the body the GPU runs. SCOPT_HD is empty for a C compiler and __host__ __device__ under
 * nvcc. Reduction bodies only add one index's contributions to acc[]; the order of the sums
 * is the backends' business (fixed, see backend.h).
 *
 * The LP is  min c'x  s.t.  rl <= Ax <= ru,  lb <= x <= ub  (after scaling). With the saddle
 * function L(x,y) = c'x - y'Ax + sum_i min(y_i rl_i, y_i ru_i), one PDHG step T is
 *   xp = proj_[lb,ub](x - tau (c - A'y)),  v = y - sigma A(2xp - x),
 *   yp = v + sigma proj_[rl,ru](-v/sigma)   (so yp_i > 0 only where rl_i is finite),
 * and the Halpern step with reflection rho is z+ = w ((1+rho) T(z) - rho z) + (1-w) z0. */
#ifndef SCOPT_KERNELS_HD_H
#define SCOPT_KERNELS_HD_H

#ifdef __CUDACC__
#define SCOPT_HD __host__ __device__
#else
#define SCOPT_HD
#endif

#define HD_DBL_MAX 1.7976931348623157e308

static inline SCOPT_HD double hd_clamp(double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); }
static inline SCOPT_HD int hd_finite(double v) { return v >= -HD_DBL_MAX && v <= HD_DBL_MAX; }
static inline SCOPT_HD double hd_abs(double v) { return v < 0 ? -v : v; }

/* ---- BLAS-1 bodies ---- */
static inline SCOPT_HD void hd_axpy(int i, double a, const double *x, double *y) { y[i] += a * x[i]; }
static inline SCOPT_HD void hd_scal(int i, double a, double *x) { x[i] *= a; }
static inline SCOPT_HD void hd_project(int i, double *x, const double *lo, const double *hi)
{
    x[i] = hd_clamp(x[i], lo[i], hi[i]);
}
static inline SCOPT_HD void hd_dot(int i, const double *x, const double *y, double *acc) { acc[0] += x[i] * y[i]; }
static inline SCOPT_HD void hd_maxabs(int i, const double *x, double *acc)
{
    double v = hd_abs(x[i]);
    if (v > acc[0]) acc[0] = v;
}

/* ---- CSR SpMV, one row: the sum of val[k] x[colind[k]] in CSR order (the CPU backend's
 * product; the CUDA backend's for matrices of one row or one column, see backend_cuda.cu) ---- */
static inline SCOPT_HD double hd_csr_dot(int i, const int *rowptr, const int *colind, const double *val, const double *x)
{
    double s = 0;
    for (int k = rowptr[i]; k < rowptr[i + 1]; k++) s += val[k] * x[colind[k]];
    return s;
}

static inline SCOPT_HD void hd_csr_row(int i, const int *rowptr, const int *colind, const double *val, const double *x,
                                       double *y)
{
    y[i] = hd_csr_dot(i, rowptr, colind, val, x);
}

/* lane `lane` of G sharing row i (the CUDA lanes kernel, gpu/cuda/spmv_cuda.cu): the row's
 * entries lane, lane+G, ... summed in order */
static inline SCOPT_HD double hd_csr_lane(int i, int lane, int G, const int *rowptr, const int *colind,
                                          const double *val, const double *x)
{
    double s = 0;
    for (int k = rowptr[i] + lane; k < rowptr[i + 1]; k += G) s += val[k] * x[colind[k]];
    return s;
}

/* the lanes kernel's row sum as the CPU computes it: the G lane sums folded in the kernel's
 * shuffle tree (lane l += lane l+off for off = G/2, ..., 1); G a power of two <= 32 */
static inline SCOPT_HD double hd_csr_row_lanes(int i, int G, const int *rowptr, const int *colind, const double *val,
                                               const double *x)
{
    double p[32];
    for (int l = 0; l < G; l++) p[l] = hd_csr_lane(i, l, G, rowptr, colind, val, x);
    for (int off = G / 2; off > 0; off /= 2)
        for (int l = 0; l < off; l++) p[l] += p[l + off];
    return p[0];
}

/* ---- the fused PDHG steps (raw-pointer twins of gpu_primal_args / gpu_dual_args). The
 * product an element needs (aty = (A'y)_j, axbar = (A xbar)_i) is an argument: the backends
 * compute it in the same pass (the row of A' or A that ends at this element) and hand it over,
 * so it never goes through memory. xp and yp are written only when not NULL (at checks). ---- */
typedef struct hd_primal {
    double tau, w, rho;
    const double *x, *c, *lb, *ub, *x0;
    double *xp, *xbar, *xn; /* xp may be NULL */
} hd_primal;

static inline SCOPT_HD void hd_primal_at(const hd_primal *a, int j, double aty)
{
    double x = a->x[j];
    double p = hd_clamp(x - a->tau * (a->c[j] - aty), a->lb[j], a->ub[j]);
    if (a->xp) a->xp[j] = p;
    a->xbar[j] = 2.0 * p - x;
    a->xn[j] = a->w * ((1.0 + a->rho) * p - a->rho * x) + (1.0 - a->w) * a->x0[j];
}

typedef struct hd_dual {
    double sigma, w, rho;
    const double *y, *rl, *ru, *y0;
    double *yp, *yn; /* yp may be NULL */
} hd_dual;

static inline SCOPT_HD void hd_dual_at(const hd_dual *a, int i, double axbar)
{
    double y = a->y[i];
    double v = y - a->sigma * axbar;
    double p = v + hd_clamp(-v, a->sigma * a->rl[i], a->sigma * a->ru[i]);
    if (a->yp) a->yp[i] = p;
    a->yn[i] = a->w * ((1.0 + a->rho) * p - a->rho * y) + (1.0 - a->w) * a->y0[i];
}

/* ---- statistics (see gpu_row_stats_args / gpu_col_stats_args in backend.h) ---- */
typedef struct hd_row_stats {
    int ray;
    const double *ax, *y, *rl, *ru, *rs;
} hd_row_stats;

static inline SCOPT_HD void hd_row_stats_at(const hd_row_stats *a, int i, double *acc)
{
    double lo = a->rl[i], hi = a->ru[i];
    if (a->ax) {
        double clo = lo, chi = hi;
        if (a->ray) { clo = hd_finite(lo) ? 0.0 : lo; chi = hd_finite(hi) ? 0.0 : hi; }
        double v = (a->ax[i] - hd_clamp(a->ax[i], clo, chi)) / a->rs[i];
        acc[0] += v * v;
    }
    if (a->y) {
        double y = a->y[i];
        if (y > 0 && hd_finite(lo)) acc[1] += y * lo;
        else if (y < 0 && hd_finite(hi)) acc[1] += y * hi;
    }
}

typedef struct hd_col_stats {
    int ray;
    const double *x, *aty, *c, *lb, *ub, *cs;
} hd_col_stats;

static inline SCOPT_HD void hd_col_stats_at(const hd_col_stats *a, int j, double *acc)
{
    if (a->aty) {
        double lam = (a->ray ? 0.0 : a->c[j]) - a->aty[j];
        double lo = a->lb[j], hi = a->ub[j];
        if (lam > 0 && !hd_finite(lo)) { double r = lam / a->cs[j]; acc[0] += r * r; }
        else if (lam < 0 && !hd_finite(hi)) { double r = lam / a->cs[j]; acc[0] += r * r; }
        else if (lam > 0) acc[1] += lam * lo;
        else if (lam < 0) acc[1] += lam * hi;
    }
    if (a->x) acc[2] += a->c[j] * a->x[j];
}

static inline SCOPT_HD void hd_diff_stats_at(int i, const double *a, const double *b, const double *c,
                                             const double *d, double *acc)
{
    double u = a[i] - b[i];
    acc[0] += u * u;
    if (c) {
        double v = c[i] - d[i];
        acc[1] += v * v;
        acc[2] += u * v;
    }
}

/* dst = a - b on the recession cone of [lo, hi]: for a primal direction, growth only
 * toward an infinite bound; for a row dual, y > 0 needs a finite lo and y < 0 a finite hi */
static inline SCOPT_HD void hd_ray_project_at(int i, int dual, double *dst, const double *a, const double *b,
                                              const double *lo, const double *hi)
{
    double d = a[i] - b[i], mn, mx;
    if (dual) { mn = hd_finite(hi[i]) ? d : 0.0; mx = hd_finite(lo[i]) ? d : 0.0; }
    else { mn = hd_finite(lo[i]) ? 0.0 : d; mx = hd_finite(hi[i]) ? 0.0 : d; }
    dst[i] = hd_clamp(d, mn < 0 ? mn : 0.0, mx > 0 ? mx : 0.0);
}

#endif
