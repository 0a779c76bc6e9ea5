/* check_demand_index.c - the demand of every (customer, item) key as ARCHITECTURE.md 2b
 * reads it: rows beyond the horizon ignored, the quantity of each period, the row in
 * effect in each period (that period's row, else the latest earlier one; none before
 * the first row) and whether the key is in backlog mode (some row has a backorder_cost
 * > 0). Result: ix.keys, found by ix.demand. */
#include <stdlib.h>
#include "check.h"

static check_demand_key *key_for(check_ctx *c, int customer, int item)
{
    int k = keymap_get(&c->ix.demand, customer, item, 0, 0);
    if (k >= 0) return &c->ix.keys.data[k];
    size_t stride = (size_t)c->T + 1;
    check_demand_key *d = VEC_PUSH(c->ix.keys);
    if (!d || keymap_put(&c->ix.demand, customer, item, 0, 0, (int)c->ix.keys.len - 1) == -2) {
        c->nomem = 1;
        return NULL;
    }
    d->customer = customer;
    d->item = item;
    d->first = c->T + 1;
    d->quantity = calloc(stride, sizeof *d->quantity);
    d->row = malloc(stride * sizeof *d->row);
    d->in_effect = malloc(stride * sizeof *d->in_effect);
    if (!d->quantity || !d->row || !d->in_effect) { c->nomem = 1; return NULL; }
    for (size_t t = 0; t < stride; t++) d->row[t] = d->in_effect[t] = -1;
    return d;
}

int check_demand_build(check_ctx *c)
{
    const scopt_network *n = c->net;
    for (size_t k = 0; k < n->demand.len && !c->nomem; k++) {
        const net_demand *dm = &n->demand.data[k];
        if (dm->period > c->T) continue;
        check_demand_key *d = key_for(c, dm->customer, dm->item);
        if (!d) break;
        d->quantity[dm->period] += dm->quantity;
        d->row[dm->period] = (int)k;
        if (dm->period < d->first) d->first = dm->period;
        if (dm->backorder_cost > 0) d->backlog_mode = 1;
    }
    for (size_t k = 0; k < c->ix.keys.len && !c->nomem; k++) {
        check_demand_key *d = &c->ix.keys.data[k];
        for (int t = 1, cur = -1; t <= c->T; t++) {
            if (d->row[t] >= 0) cur = d->row[t];
            d->in_effect[t] = cur;
        }
    }
    return c->nomem ? -1 : 0;
}
