/* check_buffers.c - gathers, for every (site, item) buffer and period 1..T, the terms of
 * the balance of ARCHITECTURE.md 2b from the plan as written:
 *   in[t]  = receipts[t] + purchases, production output (yield * make) and inbound
 *            shipments whose arrival period is t
 *   out[t] = BOM consumption (quantity * make at the operation's site in its start
 *            period) + shipped out in t + delivered in t
 *   stock[t] = on_hand of inventory_plan.csv (0 without a row), stock[0] = initial.
 * Buffers are every pair the dataset or the plan names; check_balance.c checks them. */
#include <stdlib.h>
#include <string.h>
#include "check_buffers.h"

static int grow(check_buffers *B, size_t need)
{
    if (need <= B->cap) return 0;
    size_t cap = B->cap ? B->cap * 2 : 64, stride = B->stride;
    while (cap < need) cap *= 2;
    double **arrays[] = {&B->in, &B->out, &B->mag, &B->stock, &B->shortfall};
    for (size_t k = 0; k < ARRAY_LEN(arrays); k++) {
        double *p = realloc(*arrays[k], cap * stride * sizeof *p);
        if (!p) return -1;
        memset(p + B->cap * stride, 0, (cap - B->cap) * stride * sizeof *p);
        *arrays[k] = p;
    }
    int **ints[] = {&B->line, &B->site, &B->item};
    for (size_t k = 0; k < ARRAY_LEN(ints); k++) {
        size_t per = k == 0 ? stride : 1;
        int *p = realloc(*ints[k], cap * per * sizeof *p);
        if (!p) return -1;
        memset(p + B->cap * per, 0, (cap - B->cap) * per * sizeof *p);
        *ints[k] = p;
    }
    B->cap = cap;
    return 0;
}

int buffers_find(check_buffers *B, int site, int item)
{
    int b = keymap_get(&B->ix, site, item, 0, 0);
    if (b >= 0) return b;
    if (grow(B, B->n + 1) || keymap_put(&B->ix, site, item, 0, 0, (int)B->n) == -2) { B->nomem = 1; return -1; }
    B->site[B->n] = site;
    B->item[B->n] = item;
    return (int)B->n++;
}

/* add X to IN (or OUT) of (site, item) in period t; periods outside 1..T are left out */
static void term(check_buffers *B, int site, int item, int t, double x, int inflow)
{
    if (t < 1 || t > B->T) return;
    int b = buffers_find(B, site, item);
    if (b < 0) return;
    size_t at = (size_t)b * B->stride + (size_t)t;
    (inflow ? B->in : B->out)[at] += x;
    B->mag[at] += fabs(x);
}

static void add_dataset(check_buffers *B, const scopt_network *n)
{
    for (size_t k = 0; k < n->inventory.len; k++) {
        const net_inventory *v = &n->inventory.data[k];
        int b = buffers_find(B, v->site, v->item);
        if (b >= 0) B->stock[(size_t)b * B->stride] = v->initial;
    }
    for (size_t k = 0; k < n->receipts.len; k++) {
        const net_receipt *r = &n->receipts.data[k];
        term(B, r->site, r->item, r->period, r->quantity, 1);
    }
    for (size_t k = 0; k < n->demand.len; k++) buffers_find(B, n->demand.data[k].customer, n->demand.data[k].item);
}

static void add_production(check_buffers *B, const check_ctx *c, const plan_production *r)
{
    const scopt_network *n = c->net;
    const net_operation *op = &n->ops.data[r->op];
    term(B, op->site, op->item, r->finish, r->has_output ? r->output : op->yield * r->quantity, 1);
    for (int p = c->ix.bom_start[r->op]; p < c->ix.bom_start[r->op + 1]; p++) {
        const net_bom *bom = &n->bom.data[c->ix.bom_idx[p]];
        term(B, op->site, bom->item, r->start, bom->quantity * r->quantity, 0);
    }
}

static void add_plan(check_buffers *B, const check_ctx *c)
{
    const plan_data *p = c->plan;
    for (size_t k = 0; k < p->purchases.len; k++) {
        const plan_purchase *r = &p->purchases.data[k];
        term(B, r->supplier, r->item, r->arrival_period, r->quantity, 1);
    }
    for (size_t k = 0; k < p->production.len; k++) add_production(B, c, &p->production.data[k]);
    for (size_t k = 0; k < p->shipments.len; k++) {
        const plan_shipment *s = &p->shipments.data[k];
        term(B, s->from, s->item, s->ship, s->quantity, 0);
        term(B, s->to, s->item, s->arrival, s->quantity, 1);
    }
    for (size_t k = 0; k < p->deliveries.len; k++) {
        const plan_delivery *d = &p->deliveries.data[k];
        term(B, d->customer, d->item, d->period, d->delivered, 0);
    }
    for (size_t k = 0; k < p->stock.len; k++) {
        const plan_stock *s = &p->stock.data[k];
        int b = buffers_find(B, s->site, s->item);
        if (b < 0 || s->period < 1 || s->period > B->T) continue;
        size_t at = (size_t)b * B->stride + (size_t)s->period;
        B->stock[at] = s->on_hand;
        B->shortfall[at] = s->shortfall;
        B->line[at] = s->line;
    }
}

int buffers_build(check_buffers *B, const check_ctx *c)
{
    memset(B, 0, sizeof *B);
    keymap_init(&B->ix);
    B->T = c->T;
    B->stride = (size_t)c->T + 1;
    add_dataset(B, c->net);
    add_plan(B, c);
    return B->nomem ? -1 : 0;
}

void buffers_free(check_buffers *B)
{
    keymap_free(&B->ix);
    free(B->in); free(B->out); free(B->mag); free(B->stock); free(B->shortfall);
    free(B->line); free(B->site); free(B->item);
    memset(B, 0, sizeof *B);
}
