/* check_demand.c - the demand accounting of ARCHITECTURE.md 2b, per (customer, item):
 *   lost-sales mode (no row with backorder_cost > 0): in each period with a row,
 *     delivered + lost = quantity; nothing delivered or lost in other periods; backlog 0;
 *   backlog mode, from the first row's period on:
 *     backlog[t] = backlog[t-1] + quantity[t] - delivered[t] - lost[t] (quantity 0 in
 *     periods without a row, backlog 0 before the first row), backlog >= 0;
 *   delivered, lost >= 0; ordered = the period's summed quantity. */
#include <stdio.h>
#include "check.h"

typedef struct { double delivered, lost, backlog; long line; const plan_delivery *row; } dl_vals;

static dl_vals values_at(const check_ctx *c, const keymap *rows, int customer, int item, int t)
{
    dl_vals v = {0, 0, 0, 0, NULL};
    int k = keymap_get(rows, customer, item, t, 0);
    if (k >= 0) {
        v.row = &c->plan->deliveries.data[k];
        v.delivered = v.row->delivered;
        v.lost = v.row->lost;
        v.backlog = v.row->backlog;
        v.line = v.row->line;
    }
    return v;
}

static void check_ordered(check_ctx *c, const dl_vals *v, const check_demand_key *d, int t)
{
    if (v->row && v->row->has_ordered && check_ne(v->row->ordered, d->quantity[t], d->quantity[t]))
        check_report(c, PF_DELIVERIES, v->line, DLV_ORDERED, "ordered of (%s, %s) in period %d is %.9g, expected "
                     "%.9g", site_name(c->net, d->customer), item_name(c->net, d->item), t, v->row->ordered,
                     d->quantity[t]);
}

static void check_key(check_ctx *c, const keymap *rows, const check_demand_key *d)
{
    const char *cu = site_name(c->net, d->customer), *it = item_name(c->net, d->item);
    double prev = 0;
    for (int t = d->first; t <= c->T; t++) {
        if (!d->backlog_mode && d->row[t] < 0) continue;
        dl_vals v = values_at(c, rows, d->customer, d->item, t);
        double q = d->quantity[t];
        check_ordered(c, &v, d, t);
        if (!d->backlog_mode) {
            if (check_ne(v.delivered + v.lost, q, fabs(v.delivered) + fabs(v.lost) + q))
                check_report(c, PF_DELIVERIES, v.line, DLV_DELIVERED, "demand of (%s, %s) in period %d: delivered "
                             "%.9g + lost %.9g = %.9g, expected the %.9g ordered", cu, it, t, v.delivered, v.lost,
                             v.delivered + v.lost, q);
            continue;
        }
        double expect = prev + q - v.delivered - v.lost;
        if (check_ne(v.backlog, expect, fabs(prev) + q + fabs(v.delivered) + fabs(v.lost) + fabs(v.backlog)))
            check_report(c, PF_DELIVERIES, v.line, DLV_BACKLOG, "backlog of (%s, %s) in period %d is %.9g, expected "
                         "%.9g (backlog %.9g + ordered %.9g - delivered %.9g - lost %.9g)", cu, it, t, v.backlog,
                         expect, prev, q, v.delivered, v.lost);
        prev = v.backlog;
    }
}

/* a row where no delivery, loss or backlog can be: all three must be 0 */
static void check_idle_row(check_ctx *c, const plan_delivery *r, const char *why)
{
    if (check_ne(r->delivered, 0, 0) || check_ne(r->lost, 0, 0) || check_ne(r->backlog, 0, 0))
        check_report(c, PF_DELIVERIES, r->line, DLV_DELIVERED, "(%s, %s) in period %d delivers %.9g, loses %.9g "
                     "and backlogs %.9g, but %s", site_name(c->net, r->customer), item_name(c->net, r->item),
                     r->period, r->delivered, r->lost, r->backlog, why);
}

static void check_row(check_ctx *c, const plan_delivery *r)
{
    const check_demand_key *d = check_demand_of(c, r->customer, r->item);
    const char *cu = site_name(c->net, r->customer), *it = item_name(c->net, r->item);
    if (check_negative(r->delivered) || check_negative(r->lost) || check_negative(r->backlog))
        check_report(c, PF_DELIVERIES, r->line, DLV_DELIVERED, "(%s, %s) in period %d has a negative delivered, "
                     "lost or backlog", cu, it, r->period);
    if (!check_period_ok(c, r->period))
        check_report(c, PF_DELIVERIES, r->line, DLV_PERIOD, "(%s, %s) in period %d, outside the horizon 1..%d", cu,
                     it, r->period, c->T);
    else if (!d)
        check_idle_row(c, r, "demand.csv has no demand for this pair in the horizon");
    else if (r->period < d->first)
        check_idle_row(c, r, "its demand starts later");
    else if (!d->backlog_mode && d->row[r->period] < 0)
        check_idle_row(c, r, "demand.csv has no row for this period (lost-sales mode)");
    else if (!d->backlog_mode && check_ne(r->backlog, 0, 0))
        check_report(c, PF_DELIVERIES, r->line, DLV_BACKLOG, "(%s, %s) in period %d has backlog %.9g, but no row "
                     "of its demand has a backorder_cost (lost-sales mode); expected 0", cu, it, r->period, r->backlog);
}

void check_demand(check_ctx *c)
{
    const plan_data *p = c->plan;
    keymap rows;
    keymap_init(&rows);
    for (size_t k = 0; k < p->deliveries.len; k++) {
        const plan_delivery *r = &p->deliveries.data[k];
        if (keymap_put(&rows, r->customer, r->item, r->period, 0, (int)k) == -2) { c->nomem = 1; break; }
    }
    for (size_t k = 0; k < p->deliveries.len && !c->nomem; k++) check_row(c, &p->deliveries.data[k]);
    for (size_t k = 0; k < c->ix.keys.len && !c->nomem; k++) check_key(c, &rows, &c->ix.keys.data[k]);
    keymap_free(&rows);
}
