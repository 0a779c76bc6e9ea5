/* check_costs.c - the total cost recomputed from the plan and the dataset (ARCHITECTURE.md
 * 2b "Costs") and compared with summary.json, component by component and in total, to a
 * relative 1e-6:
 *   purchase  unit_cost * bought          order     order_cost * order
 *   production unit_cost * make           setup     setup_cost * setup
 *   transport lane unit_cost * shipped    vehicles  vehicle_cost * vehicles per lane-period
 *   holding   holding_cost * closing stock, per period
 *   overtime  overtime_cost * overtime    fixed     fixed_cost of every site that is not
 *             optional (a constant) + fixed_cost * open of the optional ones
 *   lost      unmet_penalty of the row in effect * lost
 *   backorder backorder_cost of the row in effect * backlog, every period up to T
 *   shortfall shortfall_penalty * shortfall, per period */
#include <stdlib.h>
#include "check.h"

static void flow_costs(check_ctx *c, double *cost)
{
    const plan_data *p = c->plan;
    const scopt_network *n = c->net;
    for (size_t k = 0; k < p->purchases.len; k++) {
        const plan_purchase *r = &p->purchases.data[k];
        const net_supply *o = check_offer(c, r->supplier, r->item);
        if (!o) continue;
        cost[COST_PURCHASE] += o->unit_cost * r->quantity;
        cost[COST_ORDER] += o->order_cost * r->order;
    }
    for (size_t k = 0; k < p->production.len; k++) {
        const plan_production *r = &p->production.data[k];
        cost[COST_PRODUCTION] += n->ops.data[r->op].unit_cost * r->quantity;
        cost[COST_SETUP] += n->ops.data[r->op].setup_cost * r->setup;
    }
    for (size_t k = 0; k < p->shipments.len; k++) {
        const net_lane *l = check_lane_of(c, &p->shipments.data[k]);
        if (l) cost[COST_TRANSPORT] += l->unit_cost * p->shipments.data[k].quantity;
    }
}

/* vehicles per lane and ship period: the largest number on its rows */
static void vehicle_costs(check_ctx *c, double *cost)
{
    const plan_data *p = c->plan;
    size_t stride = (size_t)c->T + 1, nl = c->net->lanes.len;
    double *veh = calloc(nl * stride + 1, sizeof *veh);
    if (!veh) { c->nomem = 1; return; }
    for (size_t k = 0; k < p->shipments.len; k++) {
        const plan_shipment *s = &p->shipments.data[k];
        const net_lane *l = check_lane_of(c, s);
        if (!l || !check_period_ok(c, s->ship) || l->vehicle_cost <= 0 || is_inf(l->vehicle_capacity) ||
            l->vehicle_capacity <= 0)
            continue;
        double *v = &veh[(size_t)(l - c->net->lanes.data) * stride + (size_t)s->ship];
        if (s->vehicles > *v) *v = s->vehicles;
    }
    for (size_t l = 0; l < nl; l++)
        for (size_t t = 1; t < stride; t++) cost[COST_VEHICLES] += c->net->lanes.data[l].vehicle_cost * veh[l * stride + t];
    free(veh);
}

static void state_costs(check_ctx *c, double *cost)
{
    const plan_data *p = c->plan;
    for (size_t k = 0; k < p->stock.len; k++) {
        const plan_stock *s = &p->stock.data[k];
        const net_inventory *inv = check_inventory(c, s->site, s->item);
        if (!inv || !check_period_ok(c, s->period)) continue;
        cost[COST_HOLDING] += inv->holding_cost * s->on_hand;
        cost[COST_SHORTFALL] += inv->shortfall_penalty * s->shortfall;
    }
    for (size_t k = 0; k < p->loads.len; k++) {
        const plan_load *l = &p->loads.data[k];
        if (check_period_ok(c, l->period)) cost[COST_OVERTIME] += c->net->res.data[l->resource].overtime_cost * l->overtime;
    }
    for (size_t k = 0; k < p->deliveries.len; k++) {
        const plan_delivery *d = &p->deliveries.data[k];
        const check_demand_key *key = check_demand_of(c, d->customer, d->item);
        if (!key || !check_period_ok(c, d->period) || key->in_effect[d->period] < 0) continue;
        const net_demand *row = &c->net->demand.data[key->in_effect[d->period]];
        cost[COST_LOST] += row->unmet_penalty * d->lost;
        if (key->backlog_mode) cost[COST_BACKORDER] += row->backorder_cost * d->backlog;
    }
}

static void fixed_costs(check_ctx *c, double *cost)
{
    const scopt_network *n = c->net;
    char *decided = calloc(n->sites.len + 1, 1);
    if (!decided) { c->nomem = 1; return; }
    for (size_t k = 0; k < c->plan->sites.len; k++) {
        const plan_site_row *r = &c->plan->sites.data[k];
        if (!n->sites.data[r->site].optional) continue;
        decided[r->site] = 1;
        cost[COST_FIXED] += n->sites.data[r->site].fixed_cost * r->open;
    }
    for (size_t s = 0; s < n->sites.len; s++)
        if (!decided[s]) cost[COST_FIXED] += n->sites.data[s].fixed_cost; /* constant, or undecided: open */
    free(decided);
}

static int differs(double a, double b)
{
    return check_ne(a, b, fmax(fabs(a), fabs(b)));
}

void check_costs(check_ctx *c)
{
    double cost[COST_COUNT] = {0}, total = 0;
    const plan_summary *s = &c->plan->summary;
    flow_costs(c, cost);
    vehicle_costs(c, cost);
    state_costs(c, cost);
    fixed_costs(c, cost);
    for (int k = 0; k < COST_COUNT; k++) {
        total += cost[k];
        if (differs(s->costs[k], cost[k]))
            violation_report(c->v, s->path, 0, 0, "costs.%s is %.9g, but the plan's %s cost is %.9g (off by %.9g)",
                             plan_cost_names[k], s->costs[k], plan_cost_names[k], cost[k], fabs(s->costs[k] - cost[k]));
    }
    if (differs(s->objective, total))
        violation_report(c->v, s->path, 0, 0, "objective is %.9g, but the plan's total cost is %.9g (off by %.9g)",
                         s->objective, total, fabs(s->objective - total));
}
