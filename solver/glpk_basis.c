/* glpk_basis.c - the "nothing flows" starting basis of glpk_basis.h: a basic variable for
 * every row, found from the row's meaning (model.h), every other column at its lower bound.
 *   bal[b,t]    -> stock[b,t]   (value initial + receipts up to t; slack when b holds no stock)
 *   demand[k,t] -> lost[k,t]    (value quantity[t]: every unit is lost while nothing flows)
 *   safety[b,t] -> shortfall[b,t] when the stock is below the safety stock, else the slack
 *   other rows  -> their slack (every flow is 0, so each capacity row is slack)
 * Each basic column has its row's entry plus entries only in rows of later periods of the same
 * buffer or in rows whose slack is basic, so the basis matrix is triangular. */
#include <stdlib.h>
#include "glpk_basis.h"

static int demand_lost_col(const scopt_model *m, int k, int t)
{
    const model_demand *d = &m->demands[k];
    int s = d->slot[t - 1];
    return d->lost_col >= 0 && s >= 0 ? d->lost_col + s : -1;
}

/* the column made basic for row i, or -1 for its slack; stock[] holds each buffer's stock */
static int basic_of_row(const scopt_model *m, int i, const double *stock)
{
    const meaning *r = &m->rm[i];
    const model_buffer *b;
    switch ((row_kind)r->kind) {
    case R_BALANCE:
        b = &m->buffers[r->a];
        return b->stock_col >= 0 ? b->stock_col + r->t - 1 : -1;
    case R_DEMAND:
        return demand_lost_col(m, r->a, r->t);
    case R_SAFETY:
        b = &m->buffers[r->a];
        return stock[(size_t)r->a * (size_t)m->T + (size_t)(r->t - 1)] < m->rlo[i] ? b->short_col + r->t - 1 : -1;
    default:
        return -1;
    }
}

/* stock of every buffer and period while nothing flows: initial plus receipts so far */
static double *no_flow_stock(const scopt_model *m)
{
    size_t T = (size_t)m->T;
    double *s = malloc(((size_t)m->nbuffers * T + 1) * sizeof *s);
    if (!s) return NULL;
    for (int b = 0; b < m->nbuffers; b++) {
        double level = 0;
        for (size_t t = 0; t < T; t++) {
            level += m->rlo[m->buffers[b].bal_row + (int)t]; /* bal's right side: receipts (+ initial) */
            s[(size_t)b * T + t] = level;
        }
    }
    return s;
}

int glpk_basis_no_flow(glp_prob *P, const scopt_model *m)
{
    double *stock = no_flow_stock(m);
    char *basic = calloc((size_t)m->ncols + 1, 1);
    if (!stock || !basic) { free(stock); free(basic); return -1; }
    for (int i = 0; i < m->nrows; i++) {
        int j = basic_of_row(m, i, stock);
        if (j >= 0 && !basic[j]) { basic[j] = 1; glp_set_row_stat(P, i + 1, GLP_NL); }
        else glp_set_row_stat(P, i + 1, GLP_BS);
    }
    for (int j = 0; j < m->ncols; j++) glp_set_col_stat(P, j + 1, basic[j] ? GLP_BS : GLP_NL);
    free(stock);
    free(basic);
    return 0;
}
