/* pdlp_spmv.c - SpMV bandwidth of a backend on a dataset's scaled constraint matrix (issue 7's
 * "cuSPARSE SpMV achieved bandwidth against the device's peak"). Usage:
 *   pdlp_spmv DATASET [cpu|gpu] [REPEATS]
 * Prints one line per product (A x and A'y): milliseconds per product and the bandwidth of the
 * minimum traffic, 12 nnz (values + column indices) + 4 (rows+1) (row pointers) + 8 rows
 * (output) + 8 cols (input read once), in GB/s; the CUDA device line names its peak. On the
 * GPU it times each SpMV kernel of SCOPT_CUDA_SPMV named in $PDLP_SPMV_KERNELS (default: auto,
 * cusparse, preprocess and lanes 1 to 8), each in a fresh context, one line per kernel.
 * Then one PDHG iteration (solver/pdlp_step.c: the primal step with A'y, the dual step with
 * A xbar) as PDLP runs it between checks (products fused into the steps, T(z) not written)
 * and on a full step; on the GPU also as it ran before the fusion (SCOPT_CUDA_FUSE=0: the
 * products through memory, T(z) written every iteration), with the ratio. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader.h"
#include "model.h"
#include "pdlp_internal.h"
#include "util.h"

static int time_product(const scopt_backend *be, gpu_ctx *c, gpu_mat *A, int transpose, int rows, int cols,
                        long nnz, int reps)
{
    gpu_vec *x = NULL, *y = NULL;
    double s;
    if (be->vec_create(c, cols, &x) || be->vec_create(c, rows, &y) || be->vec_fill(c, x, 1.0)) return -1;
    be->spmv(c, A, transpose, x, y); /* warm-up */
    be->nrm2(c, y, &s);
    double t0 = now_seconds();
    for (int r = 0; r < reps; r++) be->spmv(c, A, transpose, x, y);
    if (be->nrm2(c, y, &s)) return -1; /* waits for the device */
    double ms = (now_seconds() - t0) * 1e3 / reps;
    double bytes = 12.0 * (double)nnz + 4.0 * (rows + 1) + 8.0 * rows + 8.0 * cols;
    const char *kernel = getenv("SCOPT_CUDA_SPMV");
    printf("spmv %-3s rows %d cols %d nnz %ld: %.4f ms, %.1f GB/s%s%s\n", transpose ? "A'y" : "Ax", rows, cols, nnz, ms,
           bytes / (ms * 1e-3) / 1e9, kernel ? ", kernel " : "", kernel ? kernel : "");
    be->vec_free(c, x);
    be->vec_free(c, y);
    return 0;
}

/* milliseconds per PDHG iteration (both steps) on constant vectors; full as pdlp_step's */
static double time_iteration(const scopt_backend *be, gpu_ctx *c, gpu_mat *A, int m, int n, int full, int reps)
{
    enum { X, C, LB, UB, X0, ATY, XP, XBAR, XN, NCOL };
    enum { Y, RL, RU, Y0, AXBAR, YP, YN, NROW };
    static const double col_fill[NCOL] = {0.5, 1.0, 0.0, 2.0, 0.5, 0, 0, 0, 0};
    static const double row_fill[NROW] = {0.1, -1.0, 1.0, 0.1, 0, 0, 0};
    gpu_vec *cv[NCOL] = {0}, *rv[NROW] = {0};
    double ms = -1, s;
    int rc = 0;
    for (int k = 0; k < NCOL && !rc; k++) rc = be->vec_create(c, n, &cv[k]) || be->vec_fill(c, cv[k], col_fill[k]);
    for (int k = 0; k < NROW && !rc; k++) rc = be->vec_create(c, m, &rv[k]) || be->vec_fill(c, rv[k], row_fill[k]);
    gpu_primal_args pa = {0.1, 0.5, 1.0, full, cv[X], rv[Y], cv[C], cv[LB], cv[UB], cv[X0], cv[ATY], cv[XP], cv[XBAR], cv[XN]};
    gpu_dual_args da = {0.1, 0.5, 1.0, full, rv[Y], cv[XBAR], rv[RL], rv[RU], rv[Y0], rv[AXBAR], rv[YP], rv[YN]};
    if (!rc) rc = be->pdhg_primal(c, A, &pa) || be->pdhg_dual(c, A, &da) || be->nrm2(c, rv[YN], &s); /* warm-up */
    double t0 = now_seconds();
    for (int r = 0; r < reps && !rc; r++) rc = be->pdhg_primal(c, A, &pa) || be->pdhg_dual(c, A, &da);
    if (!rc && !be->nrm2(c, rv[YN], &s)) ms = (now_seconds() - t0) * 1e3 / reps; /* nrm2 waits for the device */
    for (int k = 0; k < NCOL; k++) be->vec_free(c, cv[k]);
    for (int k = 0; k < NROW; k++) be->vec_free(c, rv[k]);
    return ms;
}

/* a backend with a context and the scaled matrix on it; 0, or 1 after saying why */
typedef struct bench_dev {
    gpu_backend_choice ch;
    const scopt_backend *be;
    gpu_ctx *c;
    gpu_mat *A;
} bench_dev;

static void dev_close(bench_dev *d)
{
    if (d->c) { d->be->mat_free(d->c, d->A); d->be->ctx_free(d->c); }
    gpu_backend_close(&d->ch);
}

static int dev_open(const pdlp_host *h, scopt_device dev, bench_dev *d)
{
    scopt_error err;
    char msg[256] = "";
    d->c = NULL;
    d->A = NULL;
    if (gpu_backend_open(dev, &d->ch, &err) != SCOPT_OK) { fprintf(stderr, "pdlp_spmv: %s\n", err.message); return 1; }
    d->be = d->ch.backend;
    if (d->be->ctx_create(&d->c, 1, msg, sizeof msg) || pdlp_host_matrix(h, d->be, d->c, &d->A)) {
        fprintf(stderr, "pdlp_spmv: %s\n", d->c ? d->be->last_error(d->c) : msg);
        dev_close(d);
        return 1;
    }
    return 0;
}

/* the iteration fused (between checks, and full), and on the GPU unfused as before */
static int run_iteration(const pdlp_host *h, scopt_device dev, int reps)
{
    double ms[3] = {-1, -1, -1};
    for (int pass = 0; pass < (dev == SCOPT_DEVICE_GPU ? 2 : 1); pass++) {
        bench_dev d;
        if (pass) setenv("SCOPT_CUDA_FUSE", "0", 1);
        int rc = dev_open(h, dev, &d);
        unsetenv("SCOPT_CUDA_FUSE");
        if (rc) return 1;
        if (pass) ms[2] = time_iteration(d.be, d.c, d.A, h->m, h->n, 1, reps);
        else {
            ms[0] = time_iteration(d.be, d.c, d.A, h->m, h->n, 0, reps);
            ms[1] = time_iteration(d.be, d.c, d.A, h->m, h->n, 1, reps);
        }
        dev_close(&d);
    }
    if (ms[0] < 0 || ms[1] < 0) { fprintf(stderr, "pdlp_spmv: the iteration could not be timed\n"); return 1; }
    printf("iteration (%s): fused %.4f ms between checks, %.4f ms on a full step", dev == SCOPT_DEVICE_GPU ? "gpu" : "cpu",
           ms[0], ms[1]);
    if (ms[2] > 0) printf("; unfused as before %.4f ms (%.2fx)", ms[2], ms[2] / ms[0]);
    printf("\n");
    return 0;
}

static int run(const pdlp_host *h, scopt_device dev, int reps)
{
    bench_dev d;
    if (dev_open(h, dev, &d)) return 1;
    printf("device: %s (backend %s)\n", d.be->device_name(d.c), d.be->name);
    int rc = time_product(d.be, d.c, d.A, 0, h->m, h->n, h->nnz, reps) ||
             time_product(d.be, d.c, d.A, 1, h->n, h->m, h->nnz, reps);
    if (rc) fprintf(stderr, "pdlp_spmv: %s\n", d.be->last_error(d.c));
    dev_close(&d);
    return rc ? 1 : 0;
}

/* rows per length: mean and longest, of A and of A' */
static void row_lengths(const char *what, int rows, const int *rowptr)
{
    int longest = 0;
    for (int i = 0; i < rows; i++)
        if (rowptr[i + 1] - rowptr[i] > longest) longest = rowptr[i + 1] - rowptr[i];
    printf("%s: %d rows, %.2f nonzeros a row on average, %d at most\n", what, rows,
           rows ? (double)rowptr[rows] / rows : 0.0, longest);
}

static int run_kernels(const pdlp_host *h, int reps)
{
    const char *list = getenv("PDLP_SPMV_KERNELS");
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list && *list ? list : "auto cusparse preprocess lanes1 lanes2 lanes4 lanes8");
    int rc = 0;
    for (char *save = NULL, *k = strtok_r(buf, " ,", &save); k; k = strtok_r(NULL, " ,", &save)) {
        setenv("SCOPT_CUDA_SPMV", k, 1);
        rc |= run(h, SCOPT_DEVICE_GPU, reps);
    }
    unsetenv("SCOPT_CUDA_SPMV");
    return rc;
}

int main(int argc, char **argv)
{
    scopt_network *net = NULL;
    scopt_model *m = NULL;
    diag_sink d;
    pdlp_host h;
    pdlp_params prm;
    if (argc < 2) { fprintf(stderr, "usage: pdlp_spmv DATASET [cpu|gpu] [REPEATS]\n"); return 1; }
    scopt_device dev = argc > 2 && !strcmp(argv[2], "gpu") ? SCOPT_DEVICE_GPU : SCOPT_DEVICE_CPU;
    int reps = argc > 3 ? atoi(argv[3]) : 50;
    diag_init(&d, NULL, NULL);
    if (scopt_network_read_dir(argv[1], NULL, &net, NULL) != SCOPT_OK || model_build(net, &d, &m) != SCOPT_OK) {
        fprintf(stderr, "pdlp_spmv: cannot read or build %s\n", argv[1]);
        return 1;
    }
    pdlp_params_init(&prm);
    pdlp_problem p = pdlp_problem_of(m);
    if (pdlp_host_build(&p, &prm, &h)) { fprintf(stderr, "pdlp_spmv: out of memory\n"); return 1; }
    row_lengths("A", h.m, h.rowptr);
    row_lengths("A'", h.n, h.trowptr);
    int rc = dev == SCOPT_DEVICE_GPU ? run_kernels(&h, reps > 0 ? reps : 50) : run(&h, dev, reps > 0 ? reps : 50);
    rc |= run_iteration(&h, dev, reps > 0 ? reps : 50);
    pdlp_host_free(&h);
    model_free(m);
    scopt_network_free(net);
    return rc;
}
