/* cuts_ls.h - (l,S) inequalities of lot sizing, generalised to the network (docs/formulation.md):
 * for an operation o with a setup, output buffer b, yield y, lead time L, and D(a,l) an upper
 * bound on the total outflow of b over periods a..l, every feasible plan satisfies
 *     sum_{t in S} y*make[o,t] - sum_{t in S} D(t+L,l)*setup[o,t] - stock[b,l] <= 0
 * for every l and S subset of {t : t+L <= l}. This module finds, for a vector of column values
 * (an LP point), the most violated S of every (o,l) (exact separation) and hands the rows out.
 * No GLPK here: solver/glpk_driver.c adds the rows (up front and as branch-and-cut cuts). */
#ifndef SCOPT_CUTS_LS_H
#define SCOPT_CUTS_LS_H

#include "model.h"

typedef struct ls_cuts ls_cuts;

/* one inequality: sum_k val[k]*x[ind[k]] <= rhs, ind 0-based model columns */
typedef struct {
    int len;
    const int *ind;
    const double *val;
    double rhs;
    double violation;  /* at the point separated, in units of the output (y*make) */
} ls_row;

/* called for each violated inequality found; return non-zero to stop the separation */
typedef int (*ls_emit_fn)(const ls_row *row, void *user);

/* Prepare the separation for every operation of M with a setup whose outflow bound D is
 * finite somewhere. Returns NULL on out of memory; *count (may be NULL) receives the number of
 * operations that can have cuts (0: separation never finds anything). */
ls_cuts *ls_cuts_new(const scopt_model *m, int *count);
void ls_cuts_free(ls_cuts *c);

/* Separate at x (m->ncols values): emit every inequality violated by more than
 * min_violation (relative to 1 + the left side's make terms). Returns the number emitted. */
int ls_cuts_separate(ls_cuts *c, const double *x, double min_violation, ls_emit_fn emit, void *user);

/* D(a,l) of the k-th prepared operation (tests); SCOPT_INF when unbounded */
double ls_cuts_outflow_bound(const ls_cuts *c, int k, int a, int l);
int ls_cuts_operation(const ls_cuts *c, int k);

#endif
