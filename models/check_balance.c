/* check_balance.c - the stock rules of ARCHITECTURE.md 2b, per buffer and period:
 *   stock[t-1] (initial at t=1) + receipts[t] + arrivals[t]
 *       = stock[t] + consumption[t] + shipped out[t] + delivered[t]
 *   stock >= 0; a customer holds stock only with an inventory.csv row; stock <= max;
 *   sum over items of volume * stock <= storage_capacity of the site;
 *   stock + shortfall >= safety_stock, 0 <= shortfall <= safety_stock. */
#include <stdlib.h>
#include "check_buffers.h"

#define AT(B, b, t) ((size_t)(b) * (B)->stride + (size_t)(t))

static void check_one_balance(check_ctx *c, const check_buffers *B, size_t b, int t)
{
    const scopt_network *n = c->net;
    double in = B->stock[AT(B, b, t - 1)] + B->in[AT(B, b, t)];
    double out = B->stock[AT(B, b, t)] + B->out[AT(B, b, t)];
    double mag = B->mag[AT(B, b, t)] + fabs(B->stock[AT(B, b, t - 1)]) + fabs(B->stock[AT(B, b, t)]);
    if (check_ne(in, out, mag))
        check_report(c, PF_INVENTORY, B->line[AT(B, b, t)], STK_ON_HAND,
                     "balance of (%s, %s) in period %d is off by %.9g (in %.9g, out %.9g)",
                     site_name(n, B->site[b]), item_name(n, B->item[b]), t, fabs(in - out), in, out);
}

static void check_stock_bounds(check_ctx *c, const check_buffers *B, size_t b, int t, const net_inventory *inv)
{
    const scopt_network *n = c->net;
    const char *s = site_name(n, B->site[b]), *i = item_name(n, B->item[b]);
    double stock = B->stock[AT(B, b, t)];
    long line = B->line[AT(B, b, t)];
    if (check_negative(stock))
        check_report(c, PF_INVENTORY, line, STK_ON_HAND, "stock of (%s, %s) in period %d is negative (%.9g)", s, i, t,
                     stock);
    else if (!inv && n->sites.data[B->site[b]].kind == KIND_CUSTOMER && check_gt(stock, 0))
        check_report(c, PF_INVENTORY, line, STK_ON_HAND, "customer %s holds %.9g %s in period %d without an "
                     "inventory.csv row for (%s, %s); expected 0", s, stock, i, t, s, i);
    else if (inv && check_gt(stock, inv->max))
        check_report(c, PF_INVENTORY, line, STK_ON_HAND, "stock of (%s, %s) in period %d is %.9g, above its max "
                     "%.9g", s, i, t, stock, inv->max);
}

static void check_safety(check_ctx *c, const check_buffers *B, size_t b, int t, const net_inventory *inv)
{
    const scopt_network *n = c->net;
    const char *s = site_name(n, B->site[b]), *i = item_name(n, B->item[b]);
    double ss = inv ? inv->safety_stock : 0, stock = B->stock[AT(B, b, t)], sf = B->shortfall[AT(B, b, t)];
    long line = B->line[AT(B, b, t)];
    if (check_negative(sf) || check_gt(sf, ss))
        check_report(c, PF_INVENTORY, line, STK_SHORTFALL, "shortfall of (%s, %s) in period %d is %.9g; expected "
                     "between 0 and the safety stock %.9g", s, i, t, sf, ss);
    else if (check_gt(ss, stock + sf))
        check_report(c, PF_INVENTORY, line, STK_SHORTFALL, "stock %.9g + shortfall %.9g of (%s, %s) in period %d "
                     "is below the safety stock %.9g by %.9g", stock, sf, s, i, t, ss, ss - stock - sf);
}

static void check_storage(check_ctx *c, const check_buffers *B)
{
    const scopt_network *n = c->net;
    size_t stride = B->stride;
    double *used = calloc(n->sites.len * stride + 1, sizeof *used);
    if (!used) { c->nomem = 1; return; }
    for (size_t b = 0; b < B->n; b++)
        for (int t = 1; t <= c->T; t++)
            used[(size_t)B->site[b] * stride + (size_t)t] += n->items.data[B->item[b]].volume * B->stock[AT(B, b, t)];
    for (size_t s = 0; s < n->sites.len; s++)
        for (int t = 1; t <= c->T; t++) {
            double cap = n->sites.data[s].storage_capacity, u = used[s * stride + (size_t)t];
            if (check_gt(u, cap))
                check_report(c, PF_INVENTORY, 0, -1, "stock at %s in period %d takes volume %.9g, above its "
                             "storage_capacity %.9g", site_name(n, (int)s), t, u, cap);
        }
    free(used);
}

static void check_stock_rows(check_ctx *c)
{
    const plan_data *p = c->plan;
    const scopt_network *n = c->net;
    for (size_t k = 0; k < p->stock.len; k++) {
        const plan_stock *s = &p->stock.data[k];
        const net_inventory *inv = check_inventory(c, s->site, s->item);
        double ss = inv ? inv->safety_stock : 0;
        if (!check_period_ok(c, s->period))
            check_report(c, PF_INVENTORY, s->line, STK_PERIOD, "stock of (%s, %s) in period %d, outside the horizon "
                         "1..%d", site_name(n, s->site), item_name(n, s->item), s->period, c->T);
        else if (s->has_safety_stock && check_ne(s->safety_stock, ss, ss))
            check_report(c, PF_INVENTORY, s->line, STK_SAFETY, "safety_stock of (%s, %s) is %.9g, expected %.9g",
                         site_name(n, s->site), item_name(n, s->item), s->safety_stock, ss);
    }
}

void check_balances(check_ctx *c)
{
    check_buffers B;
    if (buffers_build(&B, c)) {
        c->nomem = 1;
        buffers_free(&B);
        return;
    }
    for (size_t b = 0; b < B.n; b++) {
        const net_inventory *inv = check_inventory(c, B.site[b], B.item[b]);
        for (int t = 1; t <= c->T; t++) {
            check_one_balance(c, &B, b, t);
            check_stock_bounds(c, &B, b, t, inv);
            check_safety(c, &B, b, t, inv);
        }
    }
    check_storage(c, &B);
    check_stock_rows(c);
    buffers_free(&B);
}
