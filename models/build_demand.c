/* build_demand.c - demand per (customer, item) key (section 2b "Demand"):
 * lost-sales mode (no row with backorder_cost > 0), each period t with a row:
 *     delivered[t] + lost[t] = quantity[t]
 * backlog mode, every period t from the key's first row to T (quantity 0 without a row):
 *     backlog[t] - backlog[t-1] + delivered[t] + lost[t] = quantity[t]
 * lost costs the unmet_penalty of the row in effect (that period's row, else the latest
 * earlier one), backlog[t] its backorder_cost; delivered leaves the customer's buffer in t. */
#include <stdlib.h>
#include "model.h"

static int alloc_key(model_demand *d, int T)
{
    d->slot = malloc((size_t)T * sizeof *d->slot);
    d->qty = calloc((size_t)T, sizeof *d->qty);
    d->unmet = calloc((size_t)T, sizeof *d->unmet);
    d->backorder = calloc((size_t)T, sizeof *d->backorder);
    d->has_row = calloc((size_t)T, 1);
    return d->slot && d->qty && d->unmet && d->backorder && d->has_row ? 0 : -1;
}

/* group the rows (within the horizon) by key, fill quantities and penalties in effect */
static int collect_keys(scopt_model *m)
{
    const scopt_network *n = m->net;
    keymap *keys = &m->demand_of;
    size_t cap = 0;
    int rc = -1;
    for (size_t k = 0; k < n->demand.len; k++) {
        const net_demand *r = &n->demand.data[k];
        if (r->period > m->T) continue;
        int key = keymap_get(keys, r->customer, r->item, 0, 0);
        if (key < 0) {
            key = m->ndemands;
            if (keymap_put(keys, r->customer, r->item, 0, 0, key) == -2 ||
                vec_grow((void **)&m->demands, &cap, (size_t)key + 1, sizeof *m->demands))
                goto done;
            m->ndemands++;
            m->demands[key] = (model_demand){.customer = r->customer, .item = r->item, .first_period = r->period,
                                             .deliv_col = -1, .lost_col = -1, .backlog_col = -1};
            if (alloc_key(&m->demands[key], m->T)) goto done;
        }
        model_demand *d = &m->demands[key];
        if (r->period < d->first_period) d->first_period = r->period;
        d->has_row[r->period - 1] = 1;
        d->qty[r->period - 1] = r->quantity;
        d->unmet[r->period - 1] = r->unmet_penalty;
        d->backorder[r->period - 1] = r->backorder_cost;
        if (r->backorder_cost > 0) d->backlog_mode = 1;
    }
    for (int k = 0; k < m->ndemands; k++) { /* penalties of the row in effect */
        model_demand *d = &m->demands[k];
        for (int t = d->first_period + 1; t <= m->T; t++)
            if (!d->has_row[t - 1]) { d->unmet[t - 1] = d->unmet[t - 2]; d->backorder[t - 1] = d->backorder[t - 2]; }
    }
    rc = 0;
done:
    return rc;
}

static int add_key(scopt_model *m, int key)
{
    model_demand *d = &m->demands[key];
    int T = m->T, nslots = 0;
    double cum = 0;
    for (int t = 1; t <= T; t++) {
        int active = d->backlog_mode ? t >= d->first_period : d->has_row[t - 1];
        d->slot[t - 1] = active ? nslots++ : -1;
    }
    for (int t = 1; t <= T; t++) { /* delivered, then lost, then backlog: each a block */
        if (d->slot[t - 1] < 0) continue;
        cum = d->backlog_mode ? cum + d->qty[t - 1] : d->qty[t - 1];
        int j = model_add_col(m, V_DELIVERED, key, t, 0, cum, 0, 0);
        if (j < 0) return -1;
        if (d->deliv_col < 0) d->deliv_col = j;
        model_add_balance(m, d->customer, d->item, t, j, 1.0);
    }
    cum = 0;
    for (int t = 1; t <= T; t++) {
        if (d->slot[t - 1] < 0) continue;
        cum = d->backlog_mode ? cum + d->qty[t - 1] : d->qty[t - 1];
        int j = model_add_col(m, V_LOST, key, t, 0, cum, d->unmet[t - 1], 0);
        if (j < 0) return -1;
        if (d->lost_col < 0) d->lost_col = j;
    }
    cum = 0;
    for (int t = 1; t <= T && d->backlog_mode; t++) {
        if (d->slot[t - 1] < 0) continue;
        cum += d->qty[t - 1];
        int j = model_add_col(m, V_BACKLOG, key, t, 0, cum, d->backorder[t - 1], 0);
        if (j < 0) return -1;
        if (d->backlog_col < 0) d->backlog_col = j;
    }
    for (int t = 1; t <= T; t++) {
        int s = d->slot[t - 1];
        if (s < 0) continue;
        int r = model_add_row(m, R_DEMAND, key, t, d->qty[t - 1], d->qty[t - 1]);
        if (r < 0) return -1;
        model_add_coef(m, r, d->deliv_col + s, 1.0);
        model_add_coef(m, r, d->lost_col + s, 1.0);
        if (d->backlog_mode) {
            model_add_coef(m, r, d->backlog_col + s, 1.0);
            if (s > 0) model_add_coef(m, r, d->backlog_col + s - 1, -1.0);
        }
    }
    return m->nomem ? -1 : 0;
}

int build_demand(scopt_model *m)
{
    if (collect_keys(m)) return -1;
    for (int k = 0; k < m->ndemands; k++)
        if (add_key(m, k)) return -1;
    return 0;
}
