/* pdlp_checkpoint.c - PDLP's point kept in a file between runs (pdlp_params.checkpoint,
 * `--pdlp-checkpoint FILE`), so that a run stopped by a limit loses nothing: the next run on the
 * same LP starts where it stopped, as at a restart (docs/pdlp.md, "Checkpoints").
 *
 * The file: a header (magic, format version, the LP's fingerprint, its sizes, the iteration
 * count and restart count, the primal weight and its controller's state), then x~ (n doubles)
 * and y~ (m doubles) in PDLP's scaled units, then a checksum of the whole. The fingerprint hashes
 * the LP as given (costs, bounds, matrix) and the scaling settings, so the scaled units of the
 * file are those of this run. A file that is missing, for another LP, truncated or damaged is
 * not used (the log and summary.json say why) and is replaced at the end. Written to a
 * temporary file beside it, synced, then renamed over FILE: a crash leaves the old file or the
 * new one, never half of one. pdlp_start_load: a point given by the caller (pdlp_params.start_x,
 * start_y) becomes the restart point the same way. */
#define _POSIX_C_SOURCE 200809L /* fileno, fsync */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pdlp_internal.h"

#define CKPT_MAGIC "scopt-pdlp-ckpt"
#define CKPT_VERSION 1

typedef struct ckpt_header {
    char magic[16];
    uint32_t version, restarts;
    uint64_t fingerprint;
    int64_t m, n, nnz, iter;
    double omega, pw_best, pw_best_balance, pw_err_sum;
} ckpt_header;

/* FNV-1a over 64-bit words */
static uint64_t mix(uint64_t h, uint64_t v)
{
    return (h ^ v) * 0x100000001b3ull;
}

static uint64_t mix_doubles(uint64_t h, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t u;
        memcpy(&u, &v[i], sizeof u);
        h = mix(h, u);
    }
    return h;
}

static uint64_t mix_ints(uint64_t h, const int *v, size_t n)
{
    for (size_t i = 0; i < n; i++) h = mix(h, (uint64_t)(uint32_t)v[i]);
    return h;
}

uint64_t pdlp_fingerprint(const pdlp_problem *p, const pdlp_params *prm)
{
    uint64_t h = 0xcbf29ce484222325ull;
    h = mix(mix(mix(h, (uint64_t)p->nrows), (uint64_t)p->ncols), (uint64_t)p->nnz);
    h = mix(mix(mix(h, (uint64_t)prm->ruiz_passes), (uint64_t)prm->pock_chambolle), (uint64_t)prm->bound_obj_scaling);
    h = mix_doubles(h, p->cost, (size_t)p->ncols);
    h = mix_doubles(h, p->lb, (size_t)p->ncols);
    h = mix_doubles(h, p->ub, (size_t)p->ncols);
    h = mix_doubles(h, p->rlo, (size_t)p->nrows);
    h = mix_doubles(h, p->rhi, (size_t)p->nrows);
    h = mix_ints(h, p->ai, p->nnz);
    h = mix_ints(h, p->aj, p->nnz);
    return mix_doubles(h, p->av, p->nnz);
}

/* a log line; `note` also keeps the reason (b) for the result */
/* the checksum: the header's bytes, then x and y */
static uint64_t checksum(const ckpt_header *hd, const double *x, size_t n, const double *y, size_t m)
{
    unsigned char b[sizeof *hd];
    uint64_t h = 0xcbf29ce484222325ull;
    memcpy(b, hd, sizeof b);
    for (size_t k = 0; k + 8 <= sizeof b; k += 8) {
        uint64_t u;
        memcpy(&u, b + k, 8);
        h = mix(h, u);
    }
    return mix_doubles(mix_doubles(h, x, n), y, m);
}

static void say(pdlp_work *w, const char *fmt, const char *a, const char *b, int note)
{
    char line[1200];
    if (note) snprintf(w->checkpoint_note, sizeof w->checkpoint_note, "%s", b);
    if (!w->prm->on_log) return;
    snprintf(line, sizeof line, fmt, a, b);
    w->prm->on_log(line, w->prm->log_user);
}

/* read the file into hd, x, y; NULL on success, else why it cannot be used */
static const char *read_file(FILE *f, const pdlp_work *w, uint64_t fp, ckpt_header *hd, double *x, double *y)
{
    if (fread(hd, sizeof *hd, 1, f) != 1) return "it is shorter than a checkpoint's header";
    if (memcmp(hd->magic, CKPT_MAGIC, sizeof CKPT_MAGIC) != 0) return "it is not a PDLP checkpoint";
    if (hd->version != CKPT_VERSION) return "it was written by another version of scopt";
    if (hd->fingerprint != fp || hd->m != w->h.m || hd->n != w->h.n || hd->nnz != w->h.nnz)
        return "it was written for another LP (the model, the presolve or the scaling settings differ)";
    if (hd->iter < 0 || !(hd->omega > 0) || !isfinite(hd->omega)) return "its header is damaged";
    uint64_t sum;
    if (fread(x, sizeof *x, (size_t)w->h.n, f) != (size_t)w->h.n || fread(y, sizeof *y, (size_t)w->h.m, f) != (size_t)w->h.m ||
        fread(&sum, sizeof sum, 1, f) != 1)
        return "it is truncated";
    if (sum != checksum(hd, x, (size_t)w->h.n, y, (size_t)w->h.m)) return "its checksum does not match (damaged)";
    for (int j = 0; j < w->h.n; j++) if (!isfinite(x[j])) return "it holds a point that is not finite";
    for (int i = 0; i < w->h.m; i++) if (!isfinite(y[i])) return "it holds a point that is not finite";
    return NULL;
}

int pdlp_checkpoint_load(pdlp_work *w, uint64_t fp)
{
    const char *path = w->prm->checkpoint;
    if (!path || !*path) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno != ENOENT) say(w, "pdlp: checkpoint %s not read: %s; starting from zero", path, strerror(errno), 1);
        return 0;
    }
    double *x = malloc(((size_t)w->h.n + 1) * sizeof *x), *y = malloc(((size_t)w->h.m + 1) * sizeof *y);
    ckpt_header hd;
    const char *why = x && y ? read_file(f, w, fp, &hd, x, y) : "no memory to read it";
    fclose(f);
    int rc = 0;
    if (why) say(w, "pdlp: checkpoint %s not used: %s; starting from zero", path, why, 1);
    else { /* the file's point becomes the restart point, x = x0 = x~, y = y0 = y~ */
        const scopt_backend *be = w->be;
        pdlp_vecs *v = &w->v;
        if (!(rc = be->vec_upload(w->ctx, v->x, x)) && !(rc = be->vec_upload(w->ctx, v->y, y)) &&
            !(rc = be->vec_copy(w->ctx, v->x0, v->x)))
            rc = be->vec_copy(w->ctx, v->y0, v->y);
        if (rc) rc = pdlp_backend_fail(w, rc);
        else {
            w->iter = w->resumed_from = (long)hd.iter;
            w->restarts = (int)hd.restarts;
            w->omega = hd.omega;
            w->pw_best = hd.pw_best > 0 && isfinite(hd.pw_best) ? hd.pw_best : hd.omega;
            w->pw_best_balance = hd.pw_best_balance;
            w->pw_err_sum = isfinite(hd.pw_err_sum) ? hd.pw_err_sum : 0;
            char it[32];
            snprintf(it, sizeof it, "%ld", w->resumed_from);
            say(w, "pdlp: resuming from checkpoint %s at iteration %s", path, it, 0);
        }
    }
    free(x);
    free(y);
    return rc;
}

static int write_all(FILE *f, const ckpt_header *hd, const double *x, const double *y, const pdlp_work *w)
{
    uint64_t sum = checksum(hd, x, (size_t)w->h.n, y, (size_t)w->h.m);
    return fwrite(hd, sizeof *hd, 1, f) == 1 && fwrite(x, sizeof *x, (size_t)w->h.n, f) == (size_t)w->h.n &&
           fwrite(y, sizeof *y, (size_t)w->h.m, f) == (size_t)w->h.m && fwrite(&sum, sizeof sum, 1, f) == 1 &&
           fflush(f) == 0 && fsync(fileno(f)) == 0;
}

int pdlp_checkpoint_save(pdlp_work *w, uint64_t fp)
{
    const char *path = w->prm->checkpoint;
    if (!path || !*path) return 0;
    size_t len = strlen(path) + 64;
    char *tmp = malloc(len);
    double *x = malloc(((size_t)w->h.n + 1) * sizeof *x), *y = malloc(((size_t)w->h.m + 1) * sizeof *y);
    const char *why = NULL;
    if (!tmp || !x || !y) why = "no memory";
    else if (w->be->vec_download(w->ctx, w->v.xp, x) || w->be->vec_download(w->ctx, w->v.yp, y))
        why = w->be->last_error(w->ctx);
    else {
        ckpt_header hd;
        memset(&hd, 0, sizeof hd);
        memcpy(hd.magic, CKPT_MAGIC, sizeof CKPT_MAGIC);
        hd.version = CKPT_VERSION;
        hd.restarts = (uint32_t)w->restarts;
        hd.fingerprint = fp;
        hd.m = w->h.m, hd.n = w->h.n, hd.nnz = w->h.nnz, hd.iter = w->iter;
        hd.omega = w->omega, hd.pw_best = w->pw_best, hd.pw_best_balance = w->pw_best_balance;
        hd.pw_err_sum = w->pw_err_sum;
        /* a name of this process and this solve: two solves writing the same file at once each
         * write their own and the last rename wins, whole */
        snprintf(tmp, len, "%s.%ld.%lx.tmp", path, (long)getpid(), (unsigned long)(uintptr_t)w);
        FILE *f = fopen(tmp, "wb");
        int ok = f && write_all(f, &hd, x, y, w);
        if (f && fclose(f) != 0) ok = 0;
        if (!ok || rename(tmp, path) != 0) {
            why = strerror(errno ? errno : EIO);
            remove(tmp);
        }
    }
    if (why) say(w, "pdlp: checkpoint %s not written: %s", path, why, 1);
    else w->checkpoint_saved = 1;
    free(tmp);
    free(x);
    free(y);
    return 0;
}

int pdlp_start_load(pdlp_work *w)
{
    const pdlp_host *h = &w->h;
    const double *sx = w->prm->start_x, *sy = w->prm->start_y;
    if (w->resumed_from || (!sx && !sy)) return 0;
    double *x = calloc((size_t)h->n + 1, sizeof *x), *y = calloc((size_t)h->m + 1, sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        return SCOPT_ENOMEM;
    }
    /* PDLP's units (unscale in pdlp.c inverted): x~ = x / cs within the scaled bounds, y~ = y obj_scale / rs */
    for (int j = 0; sx && j < h->n; j++)
        x[j] = isfinite(sx[j]) ? fmin(fmax(sx[j] / h->cs[j], h->lb[j]), h->ub[j]) : 0;
    for (int i = 0; sy && i < h->m; i++) y[i] = isfinite(sy[i]) ? sy[i] * h->obj_scale / h->rs[i] : 0;
    const scopt_backend *be = w->be;
    pdlp_vecs *v = &w->v;
    int rc;
    if (!(rc = be->vec_upload(w->ctx, v->x, x)) && !(rc = be->vec_upload(w->ctx, v->y, y)) &&
        !(rc = be->vec_copy(w->ctx, v->x0, v->x)))
        rc = be->vec_copy(w->ctx, v->y0, v->y);
    free(x);
    free(y);
    return rc ? pdlp_backend_fail(w, rc) : 0;
}
