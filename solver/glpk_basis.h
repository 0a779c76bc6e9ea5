/* glpk_basis.h - a primal feasible starting basis for GLPK's simplex from the model's meaning. */
#ifndef SCOPT_GLPK_BASIS_H
#define SCOPT_GLPK_BASIS_H

#include <glpk.h>
#include "model.h"

/* Set the statuses of every row and column of P (loaded from m by glpk_load) to the "nothing
 * flows" basis: every flow at 0, each balance row's stock basic (the stock is initial stock
 * plus receipts so far), each demand row's lost sales basic, every other row's slack basic
 * (a safety row's shortfall where the stock is below the safety stock). The basis is
 * triangular, so never singular, and primal feasible unless initial stock and receipts exceed
 * a stock max or land at a site that cannot hold them. Returns 0, or -1 out of memory. */
int glpk_basis_no_flow(glp_prob *P, const scopt_model *m);

#endif
