/* gen_supply.c - `scopt gen`: mean requirements (finished goods from the customers' demand,
 * then down the bills), the raw items' supplier offers sized against them, and the
 * supplier -> plant lanes: one item-less lane when the plant needs at least half of what the
 * supplier offers, else one lane per needed item. */
#include <stdlib.h>
#include "gen.h"

void gen_requirements(gen_net *net)
{
    size_t F = (size_t)net->nfg;
    for (int f = 0; f < net->nfg; f++) {
        double sum = 0;
        for (int w = 0; w < net->p.warehouses; w++) sum += net->wf_flow[(size_t)w * F + (size_t)f];
        net->items[net->fg_item[f]].requirement = sum;
    }
    for (int i = net->nitems - 1; i >= net->nraw; i--) {   /* levels are stored bottom-up */
        gen_item *it = &net->items[i];
        for (int k = 0; k < it->nplants; k++) {
            gen_op *op = &net->ops[it->first_op + k];
            double share = it->nplants == 1 ? 1 : k == 0 ? 0.65 : 0.35;
            op->mean_make = it->requirement * share / op->yield;
            for (int b = 0; b < it->bom_len; b++) {
                const gen_bom *e = &net->bom[it->bom_start + b];
                net->items[e->input].requirement += op->mean_make * e->quantity;
            }
        }
    }
}

static void make_offer(gen_net *net, int r, int k, int supplier, double base)
{
    const gen_params *p = &net->p;
    int o = net->noffers++;
    gen_offer *of = &net->offers[o];
    of->supplier = supplier;
    of->item = r;
    of->unit_cost = gen_round(base * gen_range(p, TAG_OFFER, r, k, 0, 0.9, 1.3), 0.01);
    of->capacity = gen_ceil(net->items[r].requirement * gen_range(p, TAG_OFFER, r, k, 1, 0.55, 1.0));
    if (of->capacity < 1) of->capacity = 1;
    double u = gen_u(p, TAG_OFFER, r, k, 2);
    of->lead_time = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
    of->min_order = of->order_cost = 0;
    if ((p->mip & GEN_MIP_ORDERS) && gen_u(p, TAG_MIP, r, k, 0) < 0.5) {
        double tbo = gen_range(p, TAG_MIP, r, k, 1, 1.5, 4.0);   /* EOQ, as for setups (gen_costs.c) */
        of->order_cost = gen_round(of->capacity * of->unit_cost * 0.002 * tbo * tbo, 0.01);
        if (of->order_cost < 1) of->order_cost = 1;
        if (gen_u(p, TAG_MIP, r, k, 2) < 0.6)
            of->min_order = gen_ceil(of->capacity * gen_range(p, TAG_MIP, r, k, 3, 0.1, 0.4));
    }
}

/* two or three distinct suppliers per raw item, around a base price */
static void make_offers(gen_net *net)
{
    const gen_params *p = &net->p;
    int S = p->suppliers;
    for (int r = 0; r < net->nraw; r++) {
        gen_item *it = &net->items[r];
        int n = 2 + (gen_u(p, TAG_OFFER, r, 0, 9) < 0.4), chosen[3];
        if (n > S) n = S;
        double base = gen_round(gen_range(p, TAG_ITEM, r, 1, 0, 1, 20), 0.01);
        it->value = base;
        it->offer_start = net->noffers;
        it->offer_len = n;
        chosen[0] = gen_int(p, TAG_OFFER, r, 0, 8, S);
        for (int k = 1; k < n; k++) {
            int s = gen_int(p, TAG_OFFER, r, k, 8, S), fresh;
            do {
                fresh = 1;
                for (int j = 0; j < k; j++) fresh &= chosen[j] != s;
                if (!fresh) s = (s + 1) % S;
            } while (!fresh);
            chosen[k] = s;
        }
        for (int k = 0; k < n; k++) make_offer(net, r, k, chosen[k], base);
    }
}

static int plants_needing(const gen_net *net, int r)
{
    int n = 0;
    for (int q = 0; q < net->p.plants; q++) n += gen_needs(net, q, r);
    return n ? n : 1;
}

static gen_lane supplier_lane(const gen_net *net, int s, int q, int item, double flow, double volume)
{
    const gen_params *p = &net->p;
    double d = gen_dist(net, s, net->site_plant + q);
    double per_volume = 0.05 + 0.8 * d;
    gen_lane l = {s, net->site_plant + q, item, d < 0.5 ? 0 : d < 0.9 ? 1 : 2,
                  gen_round((item < 0 ? 1 : volume) * per_volume, 0.01), -1, -1, -1, 0};
    if (l.unit_cost < 0.01) l.unit_cost = 0.01;
    if (gen_u(p, TAG_LANE, s, q, item + 2) < 0.2) l.capacity = gen_ceil(flow * gen_range(p, TAG_LANE, s, q, 7, 1.3, 2.5));
    if ((p->mip & GEN_MIP_VEHICLES) && gen_u(p, TAG_MIP, s, q, item + 2) < 0.3) {
        l.vehicle_capacity = gen_ceil(flow * volume * gen_range(p, TAG_MIP, s, q, 7, 0.3, 1.0));
        l.vehicle_cost = gen_round(l.vehicle_capacity * per_volume * gen_range(p, TAG_MIP, s, q, 8, 0.5, 1.0), 0.01);
        if (l.vehicle_cost < 0.01) l.vehicle_cost = 0.01;
    }
    return l;
}

static void mark_arrive(gen_net *net, int q, int r)
{
    size_t b = (size_t)q * (size_t)net->nitems + (size_t)r;
    net->arrive[b >> 3] |= (uint8_t)(1u << (b & 7));
}

/* lanes from supplier s (offers by_sup[0..n-1]) to plant q */
static int lanes_from(gen_net *net, int s, int q, const int *by_sup, int n)
{
    int needed = 0, rc = 0;
    double flow = 0, volume = 0;
    for (int k = 0; k < n; k++) {
        int r = net->offers[by_sup[k]].item;
        if (!gen_needs(net, q, r)) continue;
        needed++;
        flow += net->items[r].requirement / net->items[r].offer_len / plants_needing(net, r);
        volume += net->items[r].volume;
    }
    if (!needed) return 0;
    if (2 * needed >= n) {
        gen_lane l = supplier_lane(net, s, q, -1, flow, volume / needed);
        for (int k = 0; k < n; k++) mark_arrive(net, q, net->offers[by_sup[k]].item);
        return gen_lane_add(net, &l);
    }
    for (int k = 0; k < n; k++) {
        int r = net->offers[by_sup[k]].item;
        if (!gen_needs(net, q, r)) continue;
        double f = net->items[r].requirement / net->items[r].offer_len / plants_needing(net, r);
        gen_lane l = supplier_lane(net, s, q, r, f, net->items[r].volume);
        mark_arrive(net, q, r);
        rc |= gen_lane_add(net, &l);
    }
    return rc;
}

int gen_supply_build(gen_net *net)
{
    int S = net->p.suppliers, rc = 0;
    size_t bits = (size_t)net->p.plants * (size_t)net->nitems;
    net->offers = malloc((size_t)net->nraw * 3 * sizeof *net->offers);
    net->arrive = calloc(bits / 8 + 1, 1);
    int *start = calloc((size_t)S + 1, sizeof *start), *by_sup = malloc((size_t)net->nraw * 3 * sizeof *by_sup);
    if (!net->offers || !net->arrive || !start || !by_sup) rc = -1;
    if (!rc) {
        make_offers(net);
        for (int k = 0; k < net->noffers; k++) start[net->offers[k].supplier + 1]++;
        for (int s = 0; s < S; s++) start[s + 1] += start[s];
        int *fill = calloc((size_t)S, sizeof *fill);
        if (!fill) rc = -1;
        for (int k = 0; k < net->noffers && !rc; k++) by_sup[start[net->offers[k].supplier] + fill[net->offers[k].supplier]++] = k;
        free(fill);
    }
    for (int s = 0; s < S && !rc; s++)
        for (int q = 0; q < net->p.plants && !rc; q++) rc = lanes_from(net, s, q, by_sup + start[s], start[s + 1] - start[s]);
    free(start);
    free(by_sup);
    return rc;
}
