/* test_backend.c - the CUDA backend's host logic without a GPU, and every backend call of
 * gpu/backend.h, CPU against CUDA, with one (ARCHITECTURE.md section 6):
 *  - the order in which kernels_cuda.cu visits and sums (gpu/cuda/cuda_grid.h: the blocks, each
 *    thread's grid-stride walk, the tree in a block, the block sums added in order on the host),
 *    emulated in C: every index visited once, and sums within 1e-14 of the CPU backend's, on
 *    lengths 0, 1, 255, 256, 257, 65537, 1000003; the element-wise grid covers every index once;
 *  - every call on both backends in lockstep, on those lengths, infinite bounds included:
 *    element-wise results equal (the same kernels_hd.h bodies, no FMA on either side),
 *    reductions and SpMV within 1e-10 (one-row and one-column matrices too, which the CUDA
 *    backend multiplies with its own kernel), errors reported through last_error. Without a GPU the
 *    lockstep runs CPU against CPU (a check of this file) and the CUDA part counts as skipped;
 *    SCOPT_REQUIRE_GPU=1 makes that a failure (`make gpu-check`). */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include "harness.h"
#include "gpu_part.h"
#include "test_rand.h"
#include "cuda/cuda_grid.h"
#include "kernels_hd.h"
#include "loader.h"

static const int lengths[] = {0, 1, 255, 256, 257, 65537, 1000003};
#define NLENGTHS ((int)(sizeof lengths / sizeof lengths[0]))

static double *rand_vec(lcg *r, int n, double lo, double hi)
{
    double *v = malloc((size_t)(n > 0 ? n : 1) * sizeof *v);
    for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * urand(r);
    return v;
}

/* bounds lo <= hi, a quarter of them infinite on each side, some equal */
static void rand_bounds(lcg *r, int n, double **lo, double **hi)
{
    *lo = rand_vec(r, n, -1, 1);
    *hi = rand_vec(r, n, 0, 2);
    for (int i = 0; i < n; i++) {
        double u = urand(r);
        (*hi)[i] = u < 0.1 ? (*lo)[i] : (*lo)[i] + (*hi)[i];
        if (urand(r) < 0.25) (*lo)[i] = -INFINITY;
        if (urand(r) < 0.25) (*hi)[i] = INFINITY;
    }
}

/* ---- the CUDA reduction order, emulated ---- */
typedef void (*emu_body)(const void *arg, int i, double *acc);

/* kernels_cuda.cu's reduce<K>: per block, each thread walks its indices (visits[i]++), the
 * block folds its threads in the tree s = 128, 64, ..., 1, the host adds the blocks in order */
static void cuda_order_reduce(int n, int k, emu_body body, const void *arg, int is_max, double *out, int *visits)
{
    static double sh[CUDA_MAX_ACC][CUDA_THREADS];
    for (int q = 0; q < k; q++) out[q] = 0;
    if (n <= 0) return;
    int nb = cuda_blocks(n, CUDA_RED_BLOCKS);
    for (int b = 0; b < nb; b++) {
        for (int t = 0; t < CUDA_THREADS; t++) {
            double acc[CUDA_MAX_ACC] = {0, 0, 0, 0};
            for (unsigned i = cuda_first((unsigned)b, (unsigned)t), s = cuda_step((unsigned)nb); i < (unsigned)n; i += s) {
                body(arg, (int)i, acc);
                visits[i]++;
            }
            for (int q = 0; q < k; q++) sh[q][t] = acc[q];
        }
        for (int s = CUDA_THREADS / 2; s > 0; s >>= 1)
            for (int t = 0; t < s; t++)
                for (int q = 0; q < k; q++) {
                    double a = sh[q][t], c = sh[q][t + s];
                    sh[q][t] = is_max ? (c > a ? c : a) : a + c;
                }
        for (int q = 0; q < k; q++) out[q] = is_max ? (sh[q][0] > out[q] ? sh[q][0] : out[q]) : out[q] + sh[q][0];
    }
}

typedef struct { const double *a, *b, *c, *d; } emu_args;
static void body_dot(const void *p, int i, double *acc) { hd_dot(i, ((const emu_args *)p)->a, ((const emu_args *)p)->b, acc); }
static void body_max(const void *p, int i, double *acc) { hd_maxabs(i, ((const emu_args *)p)->a, acc); }
static void body_diff(const void *p, int i, double *acc)
{
    const emu_args *g = p;
    hd_diff_stats_at(i, g->a, g->b, g->c, g->d, acc);
}
static void body_absdot(const void *p, int i, double *acc) /* the scale of a dot's rounding */
{
    acc[0] += fabs(((const emu_args *)p)->a[i] * ((const emu_args *)p)->b[i]);
}

static int all_once(const int *visits, int n)
{
    for (int i = 0; i < n; i++)
        if (visits[i] != 1) return 0;
    return 1;
}

TEST(reduction_order_emulated)
{
    const scopt_backend *be = scopt_backend_cpu();
    gpu_ctx *c = NULL;
    CHECK(be->ctx_create(&c, 1, NULL, 0) == 0);
    lcg r = {12345};
    for (int L = 0; L < NLENGTHS; L++) {
        int n = lengths[L];
        double *x = rand_vec(&r, n, -1, 1), *y = rand_vec(&r, n, -1, 1), *z = rand_vec(&r, n, -3, 3);
        int *visits = calloc((size_t)(n > 0 ? n : 1), sizeof *visits);
        gpu_vec *vx, *vy, *vz;
        be->vec_create(c, n, &vx); be->vec_create(c, n, &vy); be->vec_create(c, n, &vz);
        be->vec_upload(c, vx, x); be->vec_upload(c, vy, y); be->vec_upload(c, vz, z);
        emu_args a = {x, y, z, x};
        double emu[4], cpu[4], scale[4];
        cuda_order_reduce(n, 1, body_absdot, &a, 0, scale, visits);
        CHECK(all_once(visits, n));
        memset(visits, 0, (size_t)(n > 0 ? n : 1) * sizeof *visits);
        cuda_order_reduce(n, 1, body_dot, &a, 0, emu, visits);
        CHECK(all_once(visits, n));
        CHECK(be->dot(c, vx, vy, cpu) == 0);
        CHECK(fabs(emu[0] - cpu[0]) <= 1e-14 * scale[0]);
        if (getenv("EMU_DEBUG") && scale[0] > 0) fprintf(stderr, "  n %d dot: %.3g\n", n, fabs(emu[0] - cpu[0]) / scale[0]);
        memset(visits, 0, (size_t)(n > 0 ? n : 1) * sizeof *visits);
        cuda_order_reduce(n, 1, body_max, &a, 1, emu, visits);
        CHECK(all_once(visits, n));
        CHECK(be->nrminf(c, vx, cpu) == 0 && emu[0] == cpu[0]);
        memset(visits, 0, (size_t)(n > 0 ? n : 1) * sizeof *visits);
        cuda_order_reduce(n, GPU_DIFF_STATS, body_diff, &a, 0, emu, visits);
        CHECK(all_once(visits, n));
        CHECK(be->diff_stats(c, vx, vy, vz, vx, cpu) == 0);
        double abs_sum[3] = {0, 0, 0}; /* the scale of each sum's rounding */
        for (int i = 0; i < n; i++) {
            double u = x[i] - y[i], v = z[i] - x[i];
            abs_sum[0] += u * u, abs_sum[1] += v * v, abs_sum[2] += fabs(u * v);
        }
        for (int q = 0; q < GPU_DIFF_STATS; q++) {
            CHECK(fabs(emu[q] - cpu[q]) <= 1e-14 * abs_sum[q]);
            if (getenv("EMU_DEBUG") && abs_sum[q] > 0)
                fprintf(stderr, "  n %d diff_stats[%d]: %.3g\n", n, q, fabs(emu[q] - cpu[q]) / abs_sum[q]);
        }
        be->vec_free(c, vx); be->vec_free(c, vy); be->vec_free(c, vz);
        free(x); free(y); free(z); free(visits);
    }
    be->ctx_free(c);
}

/* the element-wise grid: every index once for the lengths above and at the grid cap; the
 * shapes at INT_MAX stay positive and a walk there does not wrap */
TEST(elementwise_grid_covers)
{
    int extra[] = {CUDA_MAX_GRID * CUDA_THREADS - 1, CUDA_MAX_GRID * CUDA_THREADS + 1, 20000003};
    for (int L = 0; L < NLENGTHS + 3; L++) {
        int n = L < NLENGTHS ? lengths[L] : extra[L - NLENGTHS];
        unsigned char *seen = calloc((size_t)(n > 0 ? n : 1), 1);
        int nb = cuda_blocks(n, CUDA_MAX_GRID), bad = 0;
        CHECK(nb >= 1 && nb <= CUDA_MAX_GRID && (n == 0 || (long long)nb * CUDA_THREADS >= (n < CUDA_MAX_GRID * CUDA_THREADS ? n : CUDA_MAX_GRID * CUDA_THREADS)));
        for (int b = 0; b < nb; b++)
            for (int t = 0; t < CUDA_THREADS; t++)
                for (unsigned i = cuda_first((unsigned)b, (unsigned)t), s = cuda_step((unsigned)nb); i < (unsigned)n; i += s)
                    bad += seen[i]++ != 0;
        for (int i = 0; i < n; i++) bad += seen[i] != 1;
        CHECK(bad == 0);
        free(seen);
    }
    CHECK(cuda_blocks(INT_MAX, INT_MAX) == INT_MAX / CUDA_THREADS + 1);
    CHECK(cuda_blocks(INT_MAX, CUDA_MAX_GRID) == CUDA_MAX_GRID && cuda_blocks(INT_MAX, CUDA_RED_BLOCKS) == CUDA_RED_BLOCKS);
    unsigned last = (unsigned)INT_MAX - 1;
    CHECK(last + cuda_step(CUDA_MAX_GRID) > last && last + cuda_step(CUDA_RED_BLOCKS) > last);
    CHECK(cuda_blocks(0, CUDA_MAX_GRID) == 1 && cuda_blocks(256, 9) == 1 && cuda_blocks(257, 9) == 2);
}

/* the lanes SpMV kernel's walk (gpu/cuda/spmv_cuda.cu k_csr_lanes, line for line): lane 0 of
 * each group writes row r; every row exactly once, for every G and awkward row counts */
TEST(lanes_grid_covers)
{
    int rows[] = {0, 1, 5, 31, 32, 33, 255, 257, 4097, CUDA_MAX_GRID * CUDA_THREADS / 8 + 3, 3000017};
    for (int G = 1; G <= 32; G *= 2)
        for (size_t q = 0; q < sizeof rows / sizeof rows[0]; q++) {
            int nrows = rows[q], nb = cuda_lanes_blocks(nrows, G), bad = 0;
            unsigned char *seen = calloc((size_t)(nrows > 0 ? nrows : 1), 1);
            unsigned groups = (unsigned)nb * CUDA_THREADS / G;
            for (unsigned tid = 0; tid < (unsigned)nb * CUDA_THREADS; tid++) {
                unsigned lane = tid % G, first = tid / 32 * (32 / G);
                for (unsigned r0 = first; r0 < (unsigned)nrows; r0 += groups) {
                    unsigned r = r0 + (tid / G - first);
                    if (lane == 0 && r < (unsigned)nrows) bad += seen[r]++ != 0;
                }
            }
            for (int i = 0; i < nrows; i++) bad += seen[i] != 1;
            CHECK(bad == 0);
            free(seen);
        }
}

/* SCOPT_CUDA_SPMV=auto's choice (cuda_grid.h): what the H100 figures gave for the presets' A
 * (4.1-4.2 a row: 4 lanes) and A' (2.0: 1 lane), powers of two, the long-row guard */
TEST(lanes_auto_rule)
{
    CHECK(cuda_auto_lanes(2.03, 10) == 1 && cuda_auto_lanes(3.99, 100) == 1);
    CHECK(cuda_auto_lanes(4.11, 1491) == 4 && cuda_auto_lanes(4.20, 100) == 4);
    CHECK(cuda_auto_lanes(7.9, 40) == 4 && cuda_auto_lanes(8.0, 40) == 8 && cuda_auto_lanes(100, 500) == 32);
    CHECK(cuda_auto_lanes(1e4, 30000) == 32 && cuda_auto_lanes(0.5, 1) == 1);
    CHECK(cuda_auto_lanes(2.0, 1024) == 1 && cuda_auto_lanes(2.0, 1025) == 0);      /* one lane: 1024 steps */
    CHECK(cuda_auto_lanes(4.2, 4096) == 4 && cuda_auto_lanes(4.2, 4097) == 0);      /* four lanes: 4096 */
    CHECK(cuda_auto_lanes(40, 32768) == 32 && cuda_auto_lanes(40, 32769) == 0);
}

/* the lanes kernel's sum order: lane l sums entries l, l+G, ...; the lanes fold in a tree */
TEST(lanes_sum_order)
{
    int rp[] = {0, 7}, ci[] = {0, 1, 2, 3, 4, 5, 6};
    double v[] = {1e16, 1, 3, -1e16, -1e16, 1, 1e16}, x[] = {1, 1, 1, 1, 1, 1, 1}, y;
    hd_csr_row(0, rp, ci, v, x, &y);
    CHECK(hd_csr_row_lanes(0, 1, rp, ci, v, x) == y);
    /* G = 4: ((e0 + e4) + (e2 + e6)) + ((e1 + e5) + e3) = (0 + (3 + 1e16)) + (2 - 1e16) */
    double g4 = ((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + v[3]);
    CHECK(hd_csr_row_lanes(0, 4, rp, ci, v, x) == g4);
    CHECK(hd_csr_row_lanes(0, 32, rp, ci, v, x) == ((((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + (v[3]))) + 0.0));
}

/* ---- every backend call, reference (k = 0, the CPU) against the other (k = 1) ---- */
typedef struct duo { const scopt_backend *be[2]; gpu_ctx *c[2]; double *h[2]; int lanes; } duo;
typedef struct dvec { gpu_vec *v[2]; int n; } dvec;
#define EACH(k) for (int k = 0; k < 2; k++)

static dvec dv_make(duo *d, int n, const double *host)
{
    dvec v = {{NULL, NULL}, n};
    EACH(k) {
        CHECK(d->be[k]->vec_create(d->c[k], n, &v.v[k]) == 0);
        if (host && v.v[k]) CHECK(d->be[k]->vec_upload(d->c[k], v.v[k], host) == 0);
    }
    return v;
}

static void dv_free(duo *d, dvec *v)
{
    EACH(k) d->be[k]->vec_free(d->c[k], v->v[k]);
}

/* largest |a - b| / max(1, |b|) between the two copies (infinite for a NaN on one side only);
 * *unequal counts elements whose bits differ */
static double dv_diff(duo *d, const dvec *v, int *unequal)
{
    double m = 0;
    EACH(k) CHECK(d->be[k]->vec_download(d->c[k], v->v[k], d->h[k]) == 0);
    *unequal = 0;
    for (int i = 0; i < v->n; i++) {
        double a = d->h[1][i], b = d->h[0][i];
        if (isnan(a) || isnan(b)) { if (isnan(a) != isnan(b)) m = INFINITY; continue; }
        if (a != b) (*unequal)++;
        double e = a == b ? 0 : fabs(a - b) / fmax(1.0, fabs(b));
        if (e > m) m = e;
    }
    return m;
}

/* element-wise results: equal (report the op when not) */
static void check_same(duo *d, const dvec *v, const char *op)
{
    int unequal;
    double e = dv_diff(d, v, &unequal);
    if (unequal) fprintf(stderr, "  %s, n = %d: %d elements differ, largest relative difference %.3g\n", op, v->n, unequal, e);
    CHECK(e <= 1e-15);
}

static void check_sums(const double *ref, const double *got, int k, const char *op, int n)
{
    for (int q = 0; q < k; q++)
        if (!(fabs(got[q] - ref[q]) <= 1e-10 * fmax(1.0, fabs(ref[q])))) {
            fprintf(stderr, "  %s[%d], n = %d: %.17g, reference %.17g\n", op, q, n, got[q], ref[q]);
            harness_failed_checks++;
        }
}

typedef struct ops_in { dvec a, b, c, d, s, lo, hi; } ops_in;

static void ops_reductions(duo *d, const ops_in *in, int n)
{
    double out[2][4];
    EACH(k) CHECK(d->be[k]->dot(d->c[k], in->a.v[k], in->b.v[k], out[k]) == 0);
    check_sums(out[0], out[1], 1, "dot", n);
    EACH(k) CHECK(d->be[k]->nrm2(d->c[k], in->a.v[k], out[k]) == 0);
    check_sums(out[0], out[1], 1, "nrm2", n);
    EACH(k) CHECK(d->be[k]->nrminf(d->c[k], in->b.v[k], out[k]) == 0);
    CHECK(out[0][0] == out[1][0]);
    for (int variant = 0; variant < 3; variant++) { /* ax and y; ray with ax only; y only */
        EACH(k) {
            gpu_row_stats_args ra = {variant == 1, variant < 2 ? in->a.v[k] : NULL, variant != 1 ? in->b.v[k] : NULL,
                                     in->lo.v[k], in->hi.v[k], in->s.v[k]};
            CHECK(d->be[k]->row_stats(d->c[k], &ra, out[k]) == 0);
        }
        check_sums(out[0], out[1], GPU_ROW_STATS, "row_stats", n);
        EACH(k) { /* x and aty; ray with aty only; x only */
            gpu_col_stats_args ca = {variant == 1, variant != 1 ? in->a.v[k] : NULL, variant < 2 ? in->b.v[k] : NULL,
                                     in->c.v[k], in->lo.v[k], in->hi.v[k], in->s.v[k]};
            CHECK(d->be[k]->col_stats(d->c[k], &ca, out[k]) == 0);
        }
        check_sums(out[0], out[1], GPU_COL_STATS, "col_stats", n);
    }
    EACH(k) CHECK(d->be[k]->diff_stats(d->c[k], in->a.v[k], in->b.v[k], in->c.v[k], in->d.v[k], out[k]) == 0);
    check_sums(out[0], out[1], GPU_DIFF_STATS, "diff_stats", n);
    EACH(k) CHECK(d->be[k]->diff_stats(d->c[k], in->a.v[k], in->b.v[k], NULL, NULL, out[k]) == 0);
    check_sums(out[0], out[1], GPU_DIFF_STATS, "diff_stats(no c, d)", n);
    CHECK(out[1][1] == 0 && out[1][2] == 0);
}

static void ops_elementwise(duo *d, const ops_in *in, int n)
{
    dvec o1 = dv_make(d, n, NULL), o2 = dv_make(d, n, NULL), o3 = dv_make(d, n, NULL);
    check_same(d, &o1, "vec_create (zeroed)");
    for (int i = 0; i < n; i++) CHECK(d->h[1][i] == 0);
    for (int kind = GPU_RAY_PRIMAL; kind <= GPU_RAY_DUAL; kind++) {
        EACH(k) CHECK(d->be[k]->ray_project(d->c[k], kind, o3.v[k], in->a.v[k], in->b.v[k], in->lo.v[k], in->hi.v[k]) == 0);
        check_same(d, &o3, kind == GPU_RAY_DUAL ? "ray_project dual" : "ray_project primal");
    }
    EACH(k) {
        CHECK(d->be[k]->vec_copy(d->c[k], o1.v[k], in->a.v[k]) == 0);
        CHECK(d->be[k]->axpy(d->c[k], 0.3, in->b.v[k], o1.v[k]) == 0);
        CHECK(d->be[k]->scal(d->c[k], -1.7, o1.v[k]) == 0);
        CHECK(d->be[k]->project(d->c[k], o1.v[k], in->lo.v[k], in->hi.v[k]) == 0);
        CHECK(d->be[k]->vec_fill(d->c[k], o2.v[k], 0.25) == 0);
    }
    check_same(d, &o1, "vec_copy, axpy, scal, project");
    check_same(d, &o2, "vec_fill");
    for (int i = 0; i < n; i++) CHECK(d->h[1][i] == 0.25);
    check_same(d, &in->lo, "vec_upload/vec_download (infinities)");
    dv_free(d, &o1); dv_free(d, &o2); dv_free(d, &o3);
}

static void ops_on_length(duo *d, lcg *r, int n)
{
    double *h[5], *lo, *hi;
    for (int q = 0; q < 4; q++) h[q] = rand_vec(r, n, -1, 1);
    h[4] = rand_vec(r, n, 0.5, 2); /* scales */
    rand_bounds(r, n, &lo, &hi);
    ops_in in = {dv_make(d, n, h[0]), dv_make(d, n, h[1]), dv_make(d, n, h[2]), dv_make(d, n, h[3]),
                 dv_make(d, n, h[4]), dv_make(d, n, lo), dv_make(d, n, hi)};
    ops_reductions(d, &in, n);
    ops_elementwise(d, &in, n);
    dvec *all[] = {&in.a, &in.b, &in.c, &in.d, &in.s, &in.lo, &in.hi};
    for (int q = 0; q < 7; q++) dv_free(d, all[q]);
    for (int q = 0; q < 5; q++) free(h[q]);
    free(lo); free(hi);
}

/* a random m x n CSR (about k per row, some rows empty) and its transpose */
typedef struct host_csr { gpu_csr a, at; int *rp, *ci, *trp, *tci; double *v, *tv; } host_csr;

static void make_csr(lcg *r, int m, int n, int k, host_csr *h)
{
    int cap = m * (2 * k - 1) + 1, nnz = 0;
    h->rp = malloc(((size_t)m + 1) * sizeof(int));
    h->ci = malloc((size_t)(cap > 0 ? cap : 1) * sizeof(int));
    h->v = malloc((size_t)(cap > 0 ? cap : 1) * sizeof(double));
    h->rp[0] = 0;
    for (int i = 0; i < m; i++) {
        int len = k > 0 && urand(r) < 0.9 ? 1 + (int)(urand(r) * (2 * k - 1)) : 0, last = -1;
        for (int q = 0; q < len; q++) { /* increasing columns, room left for the rest */
            int room = n - (last + 1) - (len - q - 1), span = 2 * n / (len + 1) + 1;
            if (room <= 0) break;
            last += 1 + (int)(urand(r) * (span < room ? span : room));
            h->ci[nnz] = last;
            h->v[nnz++] = urand(r) * 2 - 1;
        }
        h->rp[i + 1] = nnz;
    }
    h->trp = calloc((size_t)n + 1, sizeof(int));
    h->tci = malloc((size_t)(nnz ? nnz : 1) * sizeof(int));
    h->tv = malloc((size_t)(nnz ? nnz : 1) * sizeof(double));
    for (int e = 0; e < nnz; e++) h->trp[h->ci[e] + 1]++;
    for (int j = 0; j < n; j++) h->trp[j + 1] += h->trp[j];
    int *fill = malloc(((size_t)n + 1) * sizeof(int));
    memcpy(fill, h->trp, ((size_t)n + 1) * sizeof(int));
    for (int i = 0; i < m; i++)
        for (int e = h->rp[i]; e < h->rp[i + 1]; e++) {
            h->tci[fill[h->ci[e]]] = i;
            h->tv[fill[h->ci[e]]++] = h->v[e];
        }
    free(fill);
    h->a = (gpu_csr){m, n, nnz, h->rp, h->ci, h->v};
    h->at = (gpu_csr){n, m, nnz, h->trp, h->tci, h->tv};
}

static void free_csr(host_csr *h)
{
    free(h->rp); free(h->ci); free(h->v); free(h->trp); free(h->tci); free(h->tv);
}

/* the other backend's product, bit for bit the lanes kernel's order emulated on the CPU */
static void check_lanes_exact(const duo *d, const gpu_csr *a, const double *x, const double *got, const char *what)
{
    int bad = 0;
    for (int i = 0; i < a->nrows; i++)
        bad += got[i] != hd_csr_row_lanes(i, d->lanes, a->rowptr, a->colind, a->val, x);
    if (bad) fprintf(stderr, "  spmv %s with %d lanes, %d x %d: %d rows differ from the emulated order\n", what,
                     d->lanes, a->nrows, a->ncols, bad);
    CHECK(bad == 0);
}

/* backend k's copy of v, bit for bit the host's reference */
static void expect_bits(duo *d, int k, const dvec *v, const double *ref, const char *what, int lanes)
{
    CHECK(d->be[k]->vec_download(d->c[k], v->v[k], d->h[k]) == 0);
    int bad = 0;
    for (int i = 0; i < v->n; i++) bad += memcmp(&d->h[k][i], &ref[i], sizeof(double)) != 0;
    if (bad) fprintf(stderr, "  %s (%s, %d lanes), n = %d: %d elements differ from the host's\n", what, d->be[k]->name,
                     lanes, v->n, bad);
    CHECK(bad == 0);
}

/* the row sums of M as backend k forms them: CSR order, or the emulated lanes order */
static void host_products(const gpu_csr *M, int lanes, const double *x, double *out)
{
    for (int i = 0; i < M->nrows; i++)
        out[i] = lanes > 1 ? hd_csr_row_lanes(i, lanes, M->rowptr, M->colind, M->val, x)
                           : hd_csr_dot(i, M->rowptr, M->colind, M->val, x);
}

typedef struct step_vecs { dvec x, y, c, lb, ub, x0, rl, ru, y0, aty, xp, xbar, xn, axbar, yp, yn; } step_vecs;

/* one fused step of each kind on both backends and its checks: within 1e-10 of each other
 * (the products' sums may differ in order), bit for bit the host's kernels_hd.h bodies on the
 * products in the CPU's order (backend 0) and, when the other runs lanes kernels, in theirs;
 * not full: xp and yp untouched (7), aty and axbar not looked at */
static void fused_step_once(duo *d, const host_csr *h, gpu_mat *A[2], step_vecs *v, const double *host[9], int full)
{
    int m = h->a.nrows, n = h->a.ncols, unequal;
    double *p = malloc((size_t)(n > m ? n : m) * 4 * sizeof(double) + 1), *q = p + (n > m ? n : m);
    double *r1 = q + (n > m ? n : m), *r2 = r1 + (n > m ? n : m);
    EACH(k) {
        gpu_primal_args pa = {0.7, 0.75, 1.0, full, v->x.v[k], v->y.v[k], v->c.v[k], v->lb.v[k], v->ub.v[k],
                              v->x0.v[k], v->aty.v[k], v->xp.v[k], v->xbar.v[k], v->xn.v[k]};
        CHECK(d->be[k]->pdhg_primal(d->c[k], A[k], &pa) == 0);
    }
    CHECK(dv_diff(d, &v->xbar, &unequal) <= 1e-10);
    CHECK(dv_diff(d, &v->xn, &unequal) <= 1e-10);
    for (int k = 0; k < 2; k++) {
        int lanes = k ? d->lanes : 0;
        if (k && !lanes && d->be[1] != d->be[0]) { /* cuSPARSE or auto: the order is not emulated */
            for (int j = 0; j < n; j++) q[j] = 7;
            if (!full) expect_bits(d, k, &v->xp, q, "pdhg_primal xp (not full: untouched)", lanes);
            continue;
        }
        host_products(&h->at, lanes, host[1], p);
        hd_primal hp = {0.7, 0.75, 1.0, host[0], host[2], host[3], host[4], host[5], full ? q : NULL, r1, r2};
        for (int j = 0; j < n; j++) q[j] = 7, hd_primal_at(&hp, j, p[j]);
        expect_bits(d, k, &v->xbar, r1, "pdhg_primal xbar", lanes);
        expect_bits(d, k, &v->xn, r2, "pdhg_primal xn", lanes);
        expect_bits(d, k, &v->xp, q, full ? "pdhg_primal xp" : "pdhg_primal xp (not full: untouched)", lanes);
        if (full) expect_bits(d, k, &v->aty, p, "pdhg_primal aty", lanes);
    }
    /* the dual step from backend 0's xbar on both */
    CHECK(d->be[0]->vec_download(d->c[0], v->xbar.v[0], r1) == 0);
    EACH(k) CHECK(d->be[k]->vec_upload(d->c[k], v->xbar.v[k], r1) == 0);
    EACH(k) {
        gpu_dual_args da = {1.3, 0.6, 0.5, full, v->y.v[k], v->xbar.v[k], v->rl.v[k], v->ru.v[k], v->y0.v[k],
                            v->axbar.v[k], v->yp.v[k], v->yn.v[k]};
        CHECK(d->be[k]->pdhg_dual(d->c[k], A[k], &da) == 0);
    }
    CHECK(dv_diff(d, &v->yn, &unequal) <= 1e-10);
    for (int k = 0; k < 2; k++) {
        int lanes = k ? d->lanes : 0;
        if (k && !lanes && d->be[1] != d->be[0]) {
            for (int i = 0; i < m; i++) q[i] = 7;
            if (!full) expect_bits(d, k, &v->yp, q, "pdhg_dual yp (not full: untouched)", lanes);
            continue;
        }
        host_products(&h->a, lanes, r1, p);
        hd_dual hd = {1.3, 0.6, 0.5, host[1], host[7], host[8], host[6], full ? q : NULL, r2};
        for (int i = 0; i < m; i++) q[i] = 7, hd_dual_at(&hd, i, p[i]);
        expect_bits(d, k, &v->yn, r2, "pdhg_dual yn", lanes);
        expect_bits(d, k, &v->yp, q, full ? "pdhg_dual yp" : "pdhg_dual yp (not full: untouched)", lanes);
    }
    free(p);
}

static void fused_steps(duo *d, lcg *r, const host_csr *h, gpu_mat *A[2])
{
    int m = h->a.nrows, n = h->a.ncols;
    double *x = rand_vec(r, n, -1, 1), *y = rand_vec(r, m, -1, 1), *c = rand_vec(r, n, -1, 1);
    double *x0 = rand_vec(r, n, -1, 1), *y0 = rand_vec(r, m, -1, 1), *sn = rand_vec(r, n, 7, 7), *sm = rand_vec(r, m, 7, 7);
    double *lb, *ub, *rl, *ru;
    rand_bounds(r, n, &lb, &ub);
    rand_bounds(r, m, &rl, &ru);
    const double *host[9] = {x, y, c, lb, ub, x0, y0, rl, ru};
    step_vecs v = {dv_make(d, n, x), dv_make(d, m, y), dv_make(d, n, c), dv_make(d, n, lb), dv_make(d, n, ub),
                   dv_make(d, n, x0), dv_make(d, m, rl), dv_make(d, m, ru), dv_make(d, m, y0), dv_make(d, n, NULL),
                   dv_make(d, n, sn), dv_make(d, n, NULL), dv_make(d, n, NULL), dv_make(d, m, NULL),
                   dv_make(d, m, sm), dv_make(d, m, NULL)};
    fused_step_once(d, h, A, &v, host, 0);
    fused_step_once(d, h, A, &v, host, 1);
    /* lengths that do not match the matrix: an error with a message */
    if (m != n) EACH(k) {
        gpu_primal_args pa = {0.7, 0.75, 1.0, 1, v.y.v[k], v.x.v[k], v.rl.v[k], v.rl.v[k], v.rl.v[k], v.y.v[k],
                              v.axbar.v[k], v.yp.v[k], v.yn.v[k], v.yn.v[k]};
        CHECK(d->be[k]->pdhg_primal(d->c[k], A[k], &pa) == SCOPT_EINTERNAL);
        CHECK(strstr(d->be[k]->last_error(d->c[k]), "pdhg_primal") != NULL);
    }
    dvec *all[] = {&v.x, &v.y, &v.c, &v.lb, &v.ub, &v.x0, &v.rl, &v.ru, &v.y0, &v.aty, &v.xp, &v.xbar, &v.xn, &v.axbar,
                   &v.yp, &v.yn};
    for (size_t q = 0; q < sizeof all / sizeof all[0]; q++) dv_free(d, all[q]);
    double *hs[] = {x, y, c, x0, y0, sn, sm, lb, ub, rl, ru};
    for (size_t q = 0; q < sizeof hs / sizeof hs[0]; q++) free(hs[q]);
}

static void spmv_shape(duo *d, lcg *r, int m, int n, int k)
{
    host_csr h;
    make_csr(r, m, n, k, &h);
    gpu_mat *A[2] = {NULL, NULL};
    EACH(q) CHECK(d->be[q]->mat_create(d->c[q], &h.a, &h.at, &A[q]) == 0);
    double *hx = rand_vec(r, n, -1, 1);
    dvec x = dv_make(d, n, hx), y = dv_make(d, m, NULL), z = dv_make(d, n, NULL);
    EACH(q) CHECK(d->be[q]->spmv(d->c[q], A[q], 0, x.v[q], y.v[q]) == 0);
    int unequal;
    double e = dv_diff(d, &y, &unequal);
    if (d->lanes) check_lanes_exact(d, &h.a, hx, d->h[1], "A");
    double *hy = malloc(((size_t)m + 1) * sizeof(double));
    memcpy(hy, d->h[0], (size_t)m * sizeof(double));
    if (e > 1e-10) fprintf(stderr, "  spmv A, %d x %d, nnz %d: relative difference %.3g\n", m, n, h.a.nnz, e);
    CHECK(e <= 1e-10);
    EACH(q) CHECK(d->be[q]->vec_upload(d->c[q], y.v[q], d->h[0]) == 0); /* the same y on both */
    EACH(q) CHECK(d->be[q]->spmv(d->c[q], A[q], 1, y.v[q], z.v[q]) == 0);
    e = dv_diff(d, &z, &unequal);
    if (d->lanes) check_lanes_exact(d, &h.at, hy, d->h[1], "A'");
    free(hy);
    if (e > 1e-10) fprintf(stderr, "  spmv A', %d x %d, nnz %d: relative difference %.3g\n", m, n, h.a.nnz, e);
    CHECK(e <= 1e-10);
    /* lengths that do not match: an error with a message, nothing written */
    EACH(q) {
        CHECK(d->be[q]->spmv(d->c[q], A[q], 0, y.v[q], x.v[q]) == (m == n ? 0 : SCOPT_EINTERNAL));
        if (m != n) CHECK(strstr(d->be[q]->last_error(d->c[q]), "spmv") != NULL);
    }
    dv_free(d, &x); dv_free(d, &y); dv_free(d, &z);
    fused_steps(d, r, &h, A);
    EACH(q) d->be[q]->mat_free(d->c[q], A[q]);
    free(hx);
    free_csr(&h);
}

static void duo_free(duo *d)
{
    EACH(k) {
        if (d->c[k]) d->be[k]->ctx_free(d->c[k]);
        free(d->h[k]);
    }
}

static int duo_open(duo *d, const scopt_backend *other, int cap)
{
    char msg[256] = "";
    *d = (duo){{scopt_backend_cpu(), other}, {NULL, NULL}, {NULL, NULL}, 0};
    EACH(k) {
        CHECK(d->be[k]->ctx_create(&d->c[k], 1, msg, sizeof msg) == 0);
        d->h[k] = malloc((size_t)cap * sizeof(double));
        if (!d->c[k]) { fprintf(stderr, "  %s: %s\n", d->be[k]->name, msg); duo_free(d); return 1; }
    }
    return 0;
}

static void spmv_shapes(duo *d, lcg *r)
{
    int shapes[][3] = {{1, 1, 1},       {3, 5, 0},         {1, 5000, 2000}, {5000, 1, 1},
                       {257, 65537, 3}, {65537, 257, 3}, {2000, 3000, 20}, {300, 200, 4}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) spmv_shape(d, r, shapes[s][0], shapes[s][1], shapes[s][2]);
}

static void ops_parity(const scopt_backend *other)
{
    duo d;
    if (duo_open(&d, other, 1000003)) return; /* the longest vector */
    lcg r = {777};
    for (int L = 0; L < NLENGTHS; L++) ops_on_length(&d, &r, lengths[L]);
    spmv_shapes(&d, &r);
    /* a length mismatch is an error with a message */
    dvec u = dv_make(&d, 3, NULL), v = dv_make(&d, 4, NULL);
    EACH(k) {
        CHECK(d.be[k]->vec_copy(d.c[k], u.v[k], v.v[k]) == SCOPT_EINTERNAL);
        CHECK(strstr(d.be[k]->last_error(d.c[k]), "vec_copy") != NULL);
    }
    dv_free(&d, &u); dv_free(&d, &v);
    EACH(k) {
        d.be[k]->vec_free(d.c[k], NULL); /* *_free(NULL) does nothing */
        d.be[k]->mat_free(d.c[k], NULL);
    }
    duo_free(&d);
}

/* every SpMV kernel SCOPT_CUDA_SPMV can choose (gpu/cuda/spmv_cuda.cu) against the CPU; the
 * lanes kernels bit for bit against their emulated order; an unknown value is an error */
static void spmv_kernels(const scopt_backend *gpu)
{
    static const char *const modes[] = {"cusparse", "preprocess", "lanes1", "lanes2", "lanes4", "lanes8", "lanes16",
                                        "lanes32"};
    for (size_t q = 0; q < sizeof modes / sizeof modes[0]; q++) {
        duo d;
        setenv("SCOPT_CUDA_SPMV", modes[q], 1);
        if (duo_open(&d, gpu, 200000)) break;
        d.lanes = q < 2 ? 0 : 1 << (q - 2);
        lcg r = {778 + q};
        int before = harness_failed_checks;
        spmv_shapes(&d, &r);
        if (harness_failed_checks != before) fprintf(stderr, "  (SCOPT_CUDA_SPMV=%s)\n", modes[q]);
        duo_free(&d);
    }
    gpu_ctx *c = NULL;
    char msg[256] = "";
    setenv("SCOPT_CUDA_SPMV", "fastest", 1);
    CHECK(gpu->ctx_create(&c, 1, msg, sizeof msg) == SCOPT_EUSAGE && c == NULL && strstr(msg, "SCOPT_CUDA_SPMV") != NULL);
    unsetenv("SCOPT_CUDA_SPMV");
}

TEST(cpu_against_cpu)
{
    ops_parity(scopt_backend_cpu());
}

int main(void)
{
    static const harness_test tests[] = {T(reduction_order_emulated), T(elementwise_grid_covers),
                                         T(lanes_grid_covers), T(lanes_auto_rule), T(lanes_sum_order),
                                         T(cpu_against_cpu)};
    int rc = harness_run(tests, (int)(sizeof tests / sizeof tests[0]), "backend");
    rc = gpu_part_run("backend_cuda_ops", ops_parity) || rc;
    return gpu_part_run("backend_cuda_spmv_kernels", spmv_kernels) || rc;
}
