/* pdlp_step.c - the device side of PDLP: the context, the matrix and the vectors uploaded once,
 * the constant step size eta = 0.99/|A~|_2 from a power iteration on A~'A~, and one iteration of
 * restarted Halpern PDHG with reflection (cuPDLPx's r2HPDHG):
 *   T(z):  xp = proj(x - tau (c - A'y)),  xbar = 2xp - x,  yp = dual prox of y - sigma A xbar
 *   z+  =  w ((1+rho) T(z) - rho z) + (1-w) z0,   w = (k+1)/(k+2), k = iterations since restart
 * Two passes per iteration, each a product fused with the step that uses it (gpu/backend.h):
 * A'y inside the primal step, A xbar inside the dual step. T(z) itself (xp, yp) and A'y are
 * written only on a full step, the one a check follows; the iterations between checks do not
 * need them (docs/pdlp.md "Fused steps"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pdlp_internal.h"

int pdlp_backend_fail(pdlp_work *w, int code)
{
    const char *e = w->ctx ? w->be->last_error(w->ctx) : "";
    if (!w->error[0]) snprintf(w->error, sizeof w->error, "%s", e && e[0] ? e : "backend failure");
    return code;
}

#define NCOLVECS 14
#define NROWVECS 12

/* every vector of the workspace: NCOLVECS of length n, then NROWVECS of length m */
static void vec_slots(pdlp_vecs *v, gpu_vec **s[NCOLVECS + NROWVECS])
{
    gpu_vec **all[NCOLVECS + NROWVECS] = {
        &v->c, &v->lb, &v->ub, &v->cs, &v->x, &v->xn, &v->xp, &v->xbar, &v->x0, &v->aty, &v->atyp,
        &v->xray, &v->atyray, &v->ones_n,
        &v->rl, &v->ru, &v->rs, &v->y, &v->yn, &v->yp, &v->y0, &v->axbar, &v->axp, &v->yray, &v->axray, &v->ones_m};
    memcpy(s, all, sizeof all);
}

static int make_vecs(pdlp_work *w)
{
    gpu_vec **s[NCOLVECS + NROWVECS];
    vec_slots(&w->v, s);
    for (int k = 0; k < NCOLVECS + NROWVECS; k++)
        PDLP_TRY(w, w->be->vec_create(w->ctx, k < NCOLVECS ? w->h.n : w->h.m, s[k]));
    return 0;
}

static int upload(pdlp_work *w)
{
    const scopt_backend *be = w->be;
    gpu_ctx *c = w->ctx;
    pdlp_vecs *v = &w->v;
    PDLP_TRY(w, be->vec_upload(c, v->c, w->h.c));
    PDLP_TRY(w, be->vec_upload(c, v->lb, w->h.lb));
    PDLP_TRY(w, be->vec_upload(c, v->ub, w->h.ub));
    PDLP_TRY(w, be->vec_upload(c, v->cs, w->h.cs));
    PDLP_TRY(w, be->vec_upload(c, v->rl, w->h.rl));
    PDLP_TRY(w, be->vec_upload(c, v->ru, w->h.ru));
    PDLP_TRY(w, be->vec_upload(c, v->rs, w->h.rs));
    PDLP_TRY(w, be->vec_fill(c, v->ones_n, 1.0));
    PDLP_TRY(w, be->vec_fill(c, v->ones_m, 1.0));
    /* start: x = the point of the box nearest 0, y = 0 (so A'y = 0) */
    PDLP_TRY(w, be->project(c, v->x, v->lb, v->ub));
    PDLP_TRY(w, be->vec_copy(c, v->x0, v->x));
    return 0;
}

int pdlp_host_matrix(const pdlp_host *h, const scopt_backend *be, gpu_ctx *c, gpu_mat **out)
{
    gpu_csr a = {h->m, h->n, h->nnz, h->rowptr, h->colind, h->val};
    gpu_csr at = {h->n, h->m, h->nnz, h->trowptr, h->tcolind, h->tval};
    return be->mat_create(c, &a, &at, out);
}

int pdlp_device_setup(pdlp_work *w)
{
    char msg[512] = "";
    int rc = w->be->ctx_create(&w->ctx, w->prm->threads, msg, sizeof msg);
    if (rc) {
        snprintf(w->error, sizeof w->error, "%s", msg[0] ? msg : "cannot create the backend context");
        return rc;
    }
    PDLP_TRY(w, pdlp_host_matrix(&w->h, w->be, w->ctx, &w->A));
    rc = make_vecs(w);
    return rc ? rc : upload(w);
}

void pdlp_device_free(pdlp_work *w)
{
    if (!w->ctx) return;
    gpu_vec **s[NCOLVECS + NROWVECS];
    vec_slots(&w->v, s);
    for (int k = 0; k < NCOLVECS + NROWVECS; k++) {
        w->be->vec_free(w->ctx, *s[k]);
        *s[k] = NULL;
    }
    w->be->mat_free(w->ctx, w->A);
    w->A = NULL;
    w->be->ctx_free(w->ctx);
    w->ctx = NULL;
}

/* |A~|_2 by power iteration on A~'A~ from a fixed start (deterministic); xbar and axbar are
 * free scratch vectors before the first iteration */
int pdlp_step_size(pdlp_work *w)
{
    const scopt_backend *be = w->be;
    gpu_ctx *c = w->ctx;
    gpu_vec *v = w->v.xbar, *u = w->v.axbar;
    double lam = 0, prev = 0, nv;
    PDLP_TRY(w, be->vec_fill(c, v, 1.0 / sqrt((double)w->h.n)));
    for (int it = 0; it < 500; it++) {
        PDLP_TRY(w, be->spmv(c, w->A, 0, v, u));
        PDLP_TRY(w, be->spmv(c, w->A, 1, u, v));
        PDLP_TRY(w, be->nrm2(c, v, &nv));
        if (!(nv > 0) || !isfinite(nv)) break;
        PDLP_TRY(w, be->scal(c, 1.0 / nv, v));
        lam = nv;
        if (it > 10 && fabs(lam - prev) <= 1e-7 * lam) break;
        if (pdlp_limit_hit(w) >= 0) break; /* the first check then ends the solve */
        prev = lam;
    }
    w->norm_a = lam > 0 ? sqrt(lam) : 1.0;
    w->eta = 0.99 / w->norm_a;
    return 0;
}

int pdlp_step(pdlp_work *w, int full)
{
    const scopt_backend *be = w->be;
    pdlp_vecs *v = &w->v;
    double tau = w->eta / w->omega, sigma = w->eta * w->omega;
    double wt = (double)(w->k + 1) / (double)(w->k + 2), rho = w->prm->reflection;
    gpu_primal_args pa = {tau, wt, rho, full, v->x, v->y, v->c, v->lb, v->ub, v->x0, v->aty, v->xp, v->xbar, v->xn};
    PDLP_TRY(w, be->pdhg_primal(w->ctx, w->A, &pa));
    gpu_dual_args da = {sigma, wt, rho, full, v->y, v->xbar, v->rl, v->ru, v->y0, v->axbar, v->yp, v->yn};
    PDLP_TRY(w, be->pdhg_dual(w->ctx, w->A, &da));
    w->iter++;
    return 0;
}

int pdlp_put_point(pdlp_work *w, const gpu_vec *x, const gpu_vec *y)
{
    const scopt_backend *be = w->be;
    PDLP_TRY(w, be->vec_copy(w->ctx, w->v.xp, x));
    PDLP_TRY(w, be->vec_copy(w->ctx, w->v.yp, y));
    PDLP_TRY(w, be->spmv(w->ctx, w->A, 0, w->v.xp, w->v.axp));
    PDLP_TRY(w, be->spmv(w->ctx, w->A, 1, w->v.yp, w->v.atyp));
    return 0;
}

int pdlp_steps_to_check(pdlp_work *w, long until)
{
    int every = w->prm->check_every > 0 ? w->prm->check_every : 64;
    for (;;) {
        /* whether a check follows this step, decided before it (a full step writes what the
         * check reads). The limits are also looked at between checks: one iteration of preset
         * XL on the CPU takes seconds, 64 of them overran a 60 s limit by nine minutes */
        int full = (w->iter + 1) % every == 0 || pdlp_limit_hit(w) >= 0 || (until > 0 && w->iter + 1 >= until);
        int rc = pdlp_step(w, full);
        if (rc || full) return rc;
        pdlp_advance(w);
    }
}

void pdlp_advance(pdlp_work *w)
{
    pdlp_vecs *v = &w->v;
    gpu_vec *t = v->x;
    v->x = v->xn;
    v->xn = t;
    t = v->y;
    v->y = v->yn;
    v->yn = t;
    w->k++;
}
