/* pdlp_spmv.c - SpMV bandwidth of a backend on a dataset's scaled constraint matrix (issue 7's
 * "cuSPARSE SpMV achieved bandwidth against the device's peak"). Usage:
 *   pdlp_spmv DATASET [cpu|gpu] [REPEATS]
 * Prints one line per product (A x and A'y): milliseconds per product and the bandwidth of the
 * minimum traffic, 12 nnz (values + column indices) + 4 (rows+1) (row pointers) + 8 rows
 * (output) + 8 cols (input read once), in GB/s; the CUDA device line names its peak. On the
 * GPU it times each SpMV kernel of SCOPT_CUDA_SPMV named in $PDLP_SPMV_KERNELS (default: auto,
 * cusparse, preprocess and lanes 1 to 8), each in a fresh context, one line per kernel. */
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

static int run(const pdlp_host *h, scopt_device dev, int reps)
{
    gpu_backend_choice ch;
    scopt_error err;
    gpu_ctx *c = NULL;
    gpu_mat *A = NULL;
    if (gpu_backend_open(dev, &ch, &err) != SCOPT_OK) { fprintf(stderr, "pdlp_spmv: %s\n", err.message); return 1; }
    const scopt_backend *be = ch.backend;
    char msg[256] = "";
    gpu_csr a = {h->m, h->n, h->nnz, h->rowptr, h->colind, h->val};
    gpu_csr at = {h->n, h->m, h->nnz, h->trowptr, h->tcolind, h->tval};
    int rc = be->ctx_create(&c, msg, sizeof msg) || be->mat_create(c, &a, &at, &A);
    if (!rc) {
        printf("device: %s (backend %s)\n", be->device_name(c), be->name);
        rc = time_product(be, c, A, 0, h->m, h->n, h->nnz, reps) || time_product(be, c, A, 1, h->n, h->m, h->nnz, reps);
    }
    if (rc) fprintf(stderr, "pdlp_spmv: %s\n", c ? be->last_error(c) : msg);
    if (c) { be->mat_free(c, A); be->ctx_free(c); }
    gpu_backend_close(&ch);
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
    pdlp_host_free(&h);
    model_free(m);
    scopt_network_free(net);
    return rc;
}
