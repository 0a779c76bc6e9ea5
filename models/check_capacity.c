/* check_capacity.c - the capacity rules of ARCHITECTURE.md 2b per period:
 *   resources: sum usage*make + sum setup_usage*setup <= capacity(t) + overtime[t],
 *              0 <= overtime <= overtime_capacity (capacity(t): calendar, else resources.csv);
 *              resource_load.csv's load, run_load, setup_load and capacity as recomputed;
 *   lanes:     sum over the lane's items of the quantity shipped in t <= capacity;
 *   vehicles:  where vehicle_capacity and vehicle_cost are both > 0, vehicles integer >= 0
 *              (one number per lane and period) and sum volume*ship <= vehicle_capacity *
 *              vehicles; elsewhere vehicles = 0. */
#include <stdlib.h>
#include "check.h"

typedef struct { double run, setup, overtime; long line; } res_period;

static void add_usage(check_ctx *c, res_period *rp, const plan_production *r)
{
    if (!check_period_ok(c, r->start)) return;
    for (int p = c->ix.use_start[r->op]; p < c->ix.use_start[r->op + 1]; p++) {
        const net_resource_use *u = &c->net->use.data[c->ix.use_idx[p]];
        res_period *x = &rp[(size_t)u->resource * ((size_t)c->T + 1) + (size_t)r->start];
        x->run += u->usage * r->quantity;
        x->setup += u->setup_usage * r->setup;
    }
}

static void check_load_row(check_ctx *c, const plan_load *l, const res_period *x)
{
    const char *r = res_name(c->net, l->resource);
    double cap = check_capacity_of(c, l->resource, l->period), load = x->run + x->setup;
    if (l->has_run_load && check_ne(l->run_load, x->run, x->run))
        check_report(c, PF_RESOURCE_LOAD, l->line, LOD_RUN, "run_load of %s in period %d is %.9g, expected %.9g",
                     r, l->period, l->run_load, x->run);
    if (l->has_setup_load && check_ne(l->setup_load, x->setup, x->setup))
        check_report(c, PF_RESOURCE_LOAD, l->line, LOD_SETUP, "setup_load of %s in period %d is %.9g, expected %.9g",
                     r, l->period, l->setup_load, x->setup);
    if (l->has_load && check_ne(l->load, load, load))
        check_report(c, PF_RESOURCE_LOAD, l->line, LOD_LOAD, "load of %s in period %d is %.9g, expected %.9g", r,
                     l->period, l->load, load);
    if (l->has_capacity && check_ne(l->capacity, cap, cap))
        check_report(c, PF_RESOURCE_LOAD, l->line, LOD_CAPACITY, "capacity of %s in period %d is %.9g, expected "
                     "%.9g", r, l->period, l->capacity, cap);
}

static void check_resource_period(check_ctx *c, int r, int t, const res_period *x)
{
    const net_resource *res = &c->net->res.data[r];
    double cap = check_capacity_of(c, r, t), load = x->run + x->setup;
    if (check_negative(x->overtime) || check_gt(x->overtime, res->overtime_capacity))
        check_report(c, PF_RESOURCE_LOAD, x->line, LOD_OVERTIME, "overtime of %s in period %d is %.9g; expected "
                     "between 0 and overtime_capacity %.9g", res_name(c->net, r), t, x->overtime, res->overtime_capacity);
    else if (check_gt(load, cap + x->overtime))
        check_report(c, PF_RESOURCE_LOAD, x->line, LOD_LOAD, "load of %s in period %d is %.9g, above capacity %.9g "
                     "+ overtime %.9g by %.9g", res_name(c->net, r), t, load, cap, x->overtime, load - cap - x->overtime);
}

static void check_resources(check_ctx *c)
{
    const plan_data *p = c->plan;
    size_t stride = (size_t)c->T + 1, nr = c->net->res.len;
    res_period *rp = calloc(nr * stride + 1, sizeof *rp);
    if (!rp) { c->nomem = 1; return; }
    for (size_t k = 0; k < p->production.len; k++) add_usage(c, rp, &p->production.data[k]);
    for (size_t k = 0; k < p->loads.len; k++) {
        const plan_load *l = &p->loads.data[k];
        if (!check_period_ok(c, l->period)) {
            check_report(c, PF_RESOURCE_LOAD, l->line, LOD_PERIOD, "load of %s in period %d, outside the horizon "
                         "1..%d", res_name(c->net, l->resource), l->period, c->T);
            continue;
        }
        res_period *x = &rp[(size_t)l->resource * stride + (size_t)l->period];
        x->overtime = l->overtime;
        x->line = l->line;
        check_load_row(c, l, x);
    }
    for (size_t r = 0; r < nr; r++)
        for (int t = 1; t <= c->T; t++) check_resource_period(c, (int)r, t, &rp[r * stride + (size_t)t]);
    free(rp);
}

/* ---- lanes and vehicles ---- */
typedef struct { double quantity, volume, vehicles; long line; int seen; } lane_period;

static int has_vehicles(const net_lane *l)
{
    return l->vehicle_capacity > 0 && !is_inf(l->vehicle_capacity) && l->vehicle_cost > 0;
}

static void add_shipment(check_ctx *c, lane_period *lp, const plan_shipment *s)
{
    const net_lane *l = check_lane_of(c, s);
    if (!l || !check_period_ok(c, s->ship)) return;
    const char *f = site_name(c->net, l->from), *to = site_name(c->net, l->to);
    lane_period *x = &lp[(size_t)(l - c->net->lanes.data) * ((size_t)c->T + 1) + (size_t)s->ship];
    x->quantity += s->quantity;
    x->volume += c->net->items.data[s->item].volume * s->quantity;
    if (!has_vehicles(l) && check_ne(s->vehicles, 0, 0))
        check_report(c, PF_SHIPMENTS, s->line, SHP_VEHICLES, "lane %s -> %s has no vehicles (vehicle_capacity and "
                     "vehicle_cost both > 0); expected vehicles 0, not %.9g", f, to, s->vehicles);
    else if (has_vehicles(l) && (check_not_integer(s->vehicles) || check_negative(s->vehicles)))
        check_report(c, PF_SHIPMENTS, s->line, SHP_VEHICLES, "vehicles on lane %s -> %s in period %d is %.9g; "
                     "expected a whole number >= 0", f, to, s->ship, s->vehicles);
    else if (x->seen && check_ne(s->vehicles, x->vehicles, x->vehicles))
        check_report(c, PF_SHIPMENTS, s->line, SHP_VEHICLES, "vehicles on lane %s -> %s in period %d is %.9g, but "
                     "line %ld says %.9g; expected one number per lane and period", f, to, s->ship, s->vehicles,
                     x->line, x->vehicles);
    if (!x->seen || s->vehicles > x->vehicles) x->vehicles = s->vehicles;
    if (!x->seen) x->line = s->line;
    x->seen = 1;
}

static void check_lane_period(check_ctx *c, const net_lane *l, int t, const lane_period *x)
{
    const char *f = site_name(c->net, l->from), *to = site_name(c->net, l->to);
    if (check_gt(x->quantity, l->capacity))
        check_report(c, PF_SHIPMENTS, x->line, SHP_QUANTITY, "lane %s -> %s ships %.9g in period %d, above its "
                     "capacity %.9g by %.9g", f, to, x->quantity, t, l->capacity, x->quantity - l->capacity);
    if (has_vehicles(l) && check_gt(x->volume, l->vehicle_capacity * x->vehicles))
        check_report(c, PF_SHIPMENTS, x->line, SHP_VEHICLES, "lane %s -> %s ships volume %.9g in period %d, above "
                     "vehicle_capacity %.9g * vehicles %.9g", f, to, x->volume, t, l->vehicle_capacity, x->vehicles);
}

static void check_lanes(check_ctx *c)
{
    const plan_data *p = c->plan;
    size_t stride = (size_t)c->T + 1, nl = c->net->lanes.len;
    lane_period *lp = calloc(nl * stride + 1, sizeof *lp);
    if (!lp) { c->nomem = 1; return; }
    for (size_t k = 0; k < p->shipments.len; k++) add_shipment(c, lp, &p->shipments.data[k]);
    for (size_t l = 0; l < nl; l++)
        for (int t = 1; t <= c->T; t++)
            if (lp[l * stride + (size_t)t].seen) check_lane_period(c, &c->net->lanes.data[l], t, &lp[l * stride + (size_t)t]);
    free(lp);
}

void check_capacities(check_ctx *c)
{
    check_resources(c);
    check_lanes(c);
}
