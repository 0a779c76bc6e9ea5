/* glpk_load.c - copy a scopt_model into a glp_prob (bounds, costs, integrality, the
 * matrix by triplets, the objective constant) and optionally its safe names. */
#include <stdlib.h>
#include "glpk_load.h"

static int bound_type(double lo, double hi)
{
    int has_lo = lo > -SCOPT_INF, has_hi = hi < SCOPT_INF;
    if (has_lo && has_hi) return lo == hi ? GLP_FX : GLP_DB;
    if (has_lo) return GLP_LO;
    if (has_hi) return GLP_UP;
    return GLP_FR;
}

static void set_bounds(glp_prob *P, int is_row, int k, double lo, double hi)
{
    int type = bound_type(lo, hi);
    double l = lo > -SCOPT_INF ? lo : 0, u = hi < SCOPT_INF ? hi : 0;
    if (type == GLP_DB && l > u) type = GLP_FX, u = l; /* empty range: infeasible at lo; reported by the solve */
    if (is_row) glp_set_row_bnds(P, k, type, l, u);
    else glp_set_col_bnds(P, k, type, l, u);
}

int glpk_load(glp_prob *P, const scopt_model *m, const char *const *row_names, const char *const *col_names)
{
    glp_set_obj_dir(P, GLP_MIN);
    glp_set_obj_name(P, "total_cost");
    glp_set_obj_coef(P, 0, m->obj_constant);
    if (m->nrows) glp_add_rows(P, m->nrows);
    if (m->ncols) glp_add_cols(P, m->ncols);
    for (int i = 0; i < m->nrows; i++) {
        set_bounds(P, 1, i + 1, m->rlo[i], m->rhi[i]);
        if (row_names) glp_set_row_name(P, i + 1, row_names[i]);
    }
    for (int j = 0; j < m->ncols; j++) {
        double ub = m->ub[j];
        if (m->is_int[j]) glp_set_col_kind(P, j + 1, GLP_IV);
        set_bounds(P, 0, j + 1, m->lb[j], ub);
        glp_set_obj_coef(P, j + 1, m->cost[j]);
        if (col_names) glp_set_col_name(P, j + 1, col_names[j]);
    }
    if (!m->nnz) return 0;
    int *ia = malloc((m->nnz + 1) * sizeof *ia), *ja = malloc((m->nnz + 1) * sizeof *ja);
    double *ar = malloc((m->nnz + 1) * sizeof *ar);
    if (!ia || !ja || !ar) { free(ia); free(ja); free(ar); return -1; }
    for (size_t k = 0; k < m->nnz; k++) {
        ia[k + 1] = m->ai[k] + 1;
        ja[k + 1] = m->aj[k] + 1;
        ar[k + 1] = m->av[k];
    }
    glp_load_matrix(P, (int)m->nnz, ia, ja, ar);
    free(ia); free(ja); free(ar);
    return 0;
}
