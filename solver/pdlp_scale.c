/* pdlp_scale.c - the scaled problem PDHG works on (pdlp_internal.h): CSR of A from the
 * triplets, Ruiz equilibration (rows and columns divided by the square root of their largest
 * |a_ij|, repeated), Pock-Chambolle scaling with alpha = 1 (rows by 1/sqrt(sum_j |a_ij|),
 * columns by 1/sqrt(sum_i |a_ij|)), then bound scaling 1/(1+|b~|_2) folded into rs and cs and
 * objective scaling 1/(1+|c~|_2) (cuPDLPx's defaults); finally the CSR of A~^T. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "pdlp_internal.h"
#include "util.h"

/* multiply a_ij by fr[i] * fc[j] and fold fr, fc into the scales */
static void apply_scales(pdlp_host *h, const double *fr, const double *fc)
{
    for (int i = 0; i < h->m; i++)
        for (int k = h->rowptr[i]; k < h->rowptr[i + 1]; k++) h->val[k] *= fr[i] * fc[h->colind[k]];
    for (int i = 0; i < h->m; i++) h->rs[i] *= fr[i];
    for (int j = 0; j < h->n; j++) h->cs[j] *= fc[j];
}

/* one equilibration pass: p = 0 Ruiz (max |a|), p = 1 Pock-Chambolle alpha=1 (sum |a|) */
static void equilibrate(pdlp_host *h, int p, double *fr, double *fc)
{
    for (int i = 0; i < h->m; i++) fr[i] = 0;
    for (int j = 0; j < h->n; j++) fc[j] = 0;
    for (int i = 0; i < h->m; i++)
        for (int k = h->rowptr[i]; k < h->rowptr[i + 1]; k++) {
            double a = fabs(h->val[k]);
            int j = h->colind[k];
            if (p == 0) { fr[i] = fmax(fr[i], a); fc[j] = fmax(fc[j], a); }
            else { fr[i] += a; fc[j] += a; }
        }
    for (int i = 0; i < h->m; i++) fr[i] = fr[i] > 0 ? 1.0 / sqrt(fr[i]) : 1.0;
    for (int j = 0; j < h->n; j++) fc[j] = fc[j] > 0 ? 1.0 / sqrt(fc[j]) : 1.0;
    apply_scales(h, fr, fc);
}

/* the row's bound magnitude for |b|: the larger finite one, 0 when free */
static double row_bound(double lo, double hi)
{
    double b = 0;
    if (isfinite(lo)) b = fabs(lo);
    if (isfinite(hi)) b = fmax(b, fabs(hi));
    return b;
}

static double norm2(const double *v, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++) s += v[i] * v[i];
    return sqrt(s);
}

static int host_alloc(pdlp_host *h)
{
    size_t n = (size_t)h->n, m = (size_t)h->m;
    h->c = malloc(n * sizeof(double));
    h->lb = malloc(n * sizeof(double));
    h->ub = malloc(n * sizeof(double));
    h->cs = malloc(n * sizeof(double));
    h->rl = malloc(m * sizeof(double));
    h->ru = malloc(m * sizeof(double));
    h->rs = malloc(m * sizeof(double));
    return h->c && h->lb && h->ub && h->cs && h->rl && h->ru && h->rs ? 0 : -1;
}

/* scaled bounds and costs from the original problem and the final scales */
static void scale_vectors(const pdlp_problem *p, pdlp_host *h)
{
    double bsum = 0;
    for (int i = 0; i < h->m; i++) {
        h->rl[i] = pdlp_to_inf(p->rlo[i]) * h->rs[i];
        h->ru[i] = pdlp_to_inf(p->rhi[i]) * h->rs[i];
        if (pdlp_to_inf(p->rlo[i]) > pdlp_to_inf(p->rhi[i])) h->trivially_infeasible = 1;
        double b = row_bound(pdlp_to_inf(p->rlo[i]), pdlp_to_inf(p->rhi[i]));
        bsum += b * b;
    }
    h->bnorm = sqrt(bsum);
    for (int j = 0; j < h->n; j++) {
        h->lb[j] = pdlp_to_inf(p->lb[j]) / h->cs[j];
        h->ub[j] = pdlp_to_inf(p->ub[j]) / h->cs[j];
        if (pdlp_to_inf(p->lb[j]) > pdlp_to_inf(p->ub[j])) h->trivially_infeasible = 1;
        h->c[j] = p->cost[j] * h->cs[j] * h->obj_scale;
    }
    h->cnorm = norm2(p->cost, h->n);
}

/* theta_b = 1/(1+|b~|) folded into rs and cs; theta_c = 1/(1+|c~|) times theta_b into obj_scale */
static void bound_objective_scaling(const pdlp_problem *p, pdlp_host *h)
{
    double bs = 0, cs2 = 0;
    for (int i = 0; i < h->m; i++) {
        double b = row_bound(pdlp_to_inf(p->rlo[i]), pdlp_to_inf(p->rhi[i])) * h->rs[i];
        bs += b * b;
    }
    for (int j = 0; j < h->n; j++) cs2 += (p->cost[j] * h->cs[j]) * (p->cost[j] * h->cs[j]);
    double tb = 1.0 / (1.0 + sqrt(bs)), tc = 1.0 / (1.0 + sqrt(cs2));
    for (int i = 0; i < h->m; i++) h->rs[i] *= tb;
    for (int j = 0; j < h->n; j++) h->cs[j] /= tb;
    h->obj_scale = tc * tb;
}

static int transpose(pdlp_host *h)
{
    int *ti = malloc(((size_t)h->nnz ? (size_t)h->nnz : 1) * sizeof(int));
    if (!ti) return -1;
    for (int i = 0; i < h->m; i++)
        for (int k = h->rowptr[i]; k < h->rowptr[i + 1]; k++) ti[k] = i;
    int rc = csr_from_triplets(h->n, (size_t)h->nnz, h->colind, ti, h->val, &h->trowptr, &h->tcolind, &h->tval);
    free(ti);
    return rc;
}

int pdlp_host_build(const pdlp_problem *p, const pdlp_params *prm, pdlp_host *h)
{
    memset(h, 0, sizeof *h);
    h->m = p->nrows;
    h->n = p->ncols;
    h->nnz = (int)p->nnz;
    h->obj_scale = 1.0;
    if (host_alloc(h) || csr_from_triplets(h->m, p->nnz, p->ai, p->aj, p->av, &h->rowptr, &h->colind, &h->val))
        return -1;
    for (int i = 0; i < h->m; i++) h->rs[i] = 1.0;
    for (int j = 0; j < h->n; j++) h->cs[j] = 1.0;
    double *fr = malloc(((size_t)h->m + 1) * sizeof(double)), *fc = malloc(((size_t)h->n + 1) * sizeof(double));
    if (!fr || !fc) { free(fr); free(fc); return -1; }
    for (int pass = 0; pass < prm->ruiz_passes; pass++) equilibrate(h, 0, fr, fc);
    if (prm->pock_chambolle) equilibrate(h, 1, fr, fc);
    free(fr);
    free(fc);
    if (prm->bound_obj_scaling) bound_objective_scaling(p, h);
    scale_vectors(p, h);
    return transpose(h);
}

void pdlp_host_free(pdlp_host *h)
{
    free(h->c); free(h->lb); free(h->ub); free(h->rl); free(h->ru); free(h->rs); free(h->cs);
    free(h->rowptr); free(h->colind); free(h->val);
    free(h->trowptr); free(h->tcolind); free(h->tval);
    memset(h, 0, sizeof *h);
}
