/* cuts_ls_internal.h - shared between cuts_ls.c (separation) and cuts_ls_bound.c (the outflow
 * bound D of a buffer). */
#ifndef SCOPT_CUTS_LS_INTERNAL_H
#define SCOPT_CUTS_LS_INTERNAL_H

#include "cuts_ls.h"

/* Fill D (T x T doubles, D[(a-1)*T + (l-1)] for a <= l; the rest is left 0) with an upper bound
 * on the total outflow of buffer (site, item) over periods a..l, SCOPT_INF when unbounded.
 * Returns -1 on out of memory. */
int ls_outflow_bounds(const scopt_model *m, int site, int item, double *D);

#endif
