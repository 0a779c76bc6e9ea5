/* gen_warehouses.c - `scopt gen`: the warehouse side. Stock policies of warehouse and plant
 * buffers (holding cost rising with value, initial stock, safety stock, max, open receipts),
 * the plant -> warehouse lanes of each finished good (from the nearest producer, from others
 * with probability lane_density, a rail alternative on long hauls; capacities on every lane
 * into an optional warehouse), and each warehouse's fixed cost, optional flag and storage
 * capacity, which always holds its initial stock plus its receipts. */
#include <stdlib.h>
#include "gen.h"

static double holding(const gen_params *p, double value, long a, long b)
{
    double h = gen_round(value * gen_range(p, TAG_INV, a, b, 0, 0.003, 0.006), 0.0001);
    return h < 0.0001 ? 0.0001 : h;
}

void gen_wh_stock(const gen_net *net, int w, int f, gen_stock *s)
{
    const gen_params *p = &net->p;
    double flow = net->wf_flow[(size_t)w * net->nfg + f], value = net->items[net->fg_item[f]].value;
    long a = net->site_wh + w;
    s->holding = holding(p, value, a, f);
    s->initial = gen_u(p, TAG_INV, a, f, 1) < 0.85 ? gen_round(flow * gen_range(p, TAG_INV, a, f, 2, 1.0, 3.0), 1) : 0;
    s->safety = s->shortfall_penalty = 0;
    if (gen_u(p, TAG_INV, a, f, 3) < 0.4) {
        s->safety = gen_ceil(flow * gen_range(p, TAG_INV, a, f, 4, 0.3, 1.0));
        s->shortfall_penalty = gen_round(value * gen_range(p, TAG_INV, a, f, 5, 0.05, 0.2), 0.01);
    }
    s->receipt = 0;
    s->receipt_period = 1 + gen_int(p, TAG_RECEIPT, a, f, 0, p->periods < 2 ? 1 : 2);
    if (gen_u(p, TAG_RECEIPT, a, f, 1) < 0.05) s->receipt = (long)gen_ceil(flow * gen_range(p, TAG_RECEIPT, a, f, 2, 0.5, 1.5));
    s->max = -1;
    if (gen_u(p, TAG_INV, a, f, 6) < 0.15) {
        s->max = gen_ceil(flow * gen_range(p, TAG_INV, a, f, 7, 3, 6));
        if (s->max < s->initial + (double)s->receipt) s->max = s->initial + (double)s->receipt;
    }
}

/* plant buffers of inputs and outputs: half start with stock, some receive open orders or
 * keep safety stock */
void gen_plant_stock(const gen_net *net, int q, int i, gen_stock *s)
{
    const gen_params *p = &net->p;
    const gen_item *it = &net->items[i];
    long a = net->site_plant + q;
    s->holding = holding(p, it->value, a, i);
    s->initial = s->safety = s->shortfall_penalty = 0;
    s->max = -1;
    s->receipt = 0;
    s->receipt_period = 1 + gen_int(p, TAG_RECEIPT, a, i, 0, p->periods < 2 ? 1 : 2);
    if (!gen_needs(net, q, i) && !gen_makes(net, q, i)) return;
    double req = it->requirement / (it->nplants > 1 ? 2 : 1);
    if (gen_u(p, TAG_INV, a, i, 1) < 0.5) s->initial = gen_round(req * gen_range(p, TAG_INV, a, i, 2, 0.5, 2.0), 1);
    if (gen_u(p, TAG_RECEIPT, a, i, 1) < 0.1) s->receipt = (long)gen_ceil(req * gen_range(p, TAG_RECEIPT, a, i, 2, 0.3, 1.0));
    if (gen_u(p, TAG_INV, a, i, 3) < 0.15) {
        s->safety = gen_ceil(req * gen_range(p, TAG_INV, a, i, 4, 0.1, 0.3));
        s->shortfall_penalty = gen_round(it->value * gen_range(p, TAG_INV, a, i, 5, 0.05, 0.2), 0.01);
    }
}

static void fg_lane(const gen_net *net, int f, int w, int plant, int mode, gen_lane *l)
{
    const gen_params *p = &net->p;
    int i = net->fg_item[f], to = net->site_wh + w;
    double flow = net->wf_flow[(size_t)w * net->nfg + f], vol = net->items[i].volume;
    double d = gen_dist(net, net->site_plant + plant, to), per_volume = (0.05 + 0.6 * d) * (mode ? 0.6 : 1);
    *l = (gen_lane){net->site_plant + plant, to, i, (d < 0.5 ? 0 : d < 0.9 ? 1 : 2) + mode,
                    gen_round(vol * per_volume, 0.01), -1, -1, -1, mode};
    if (l->unit_cost < 0.01) l->unit_cost = 0.01;
    long key = (long)plant * 2 + mode;
    if (net->wh_optional[w] || gen_u(p, TAG_LANE, to, i, key) < 0.2)
        l->capacity = gen_ceil(flow * gen_range(p, TAG_LANE, to, i, key + 100, 1.3, 3.0) + 1);
    if ((p->mip & GEN_MIP_VEHICLES) && gen_u(p, TAG_MIP, to, i, key) < 0.3) {
        l->vehicle_capacity = gen_ceil(flow * vol * gen_range(p, TAG_MIP, to, i, key + 100, 0.5, 1.5));
        l->vehicle_cost = gen_round(l->vehicle_capacity * per_volume * gen_range(p, TAG_MIP, to, i, key + 200, 0.5, 1.0), 0.01);
        if (l->vehicle_cost < 0.01) l->vehicle_cost = 0.01;
    }
}

void gen_fg_lanes(const gen_net *net, int f, int w, gen_lane_fn emit, void *user)
{
    const gen_item *it = &net->items[net->fg_item[f]];
    if (!(net->wf_flow[(size_t)w * net->nfg + f] > 0)) return;
    int near = 0;
    if (it->nplants > 1 && gen_dist(net, net->site_plant + it->plant[1], net->site_wh + w) <
                               gen_dist(net, net->site_plant + it->plant[0], net->site_wh + w))
        near = 1;
    for (int j = 0; j < it->nplants; j++) {
        int q = it->plant[j];
        if (j != near && net->fg_home[f * 2 + j] != w &&
            gen_u(&net->p, TAG_LANE, net->site_wh + w, net->fg_item[f], 7 + j) >= net->p.lane_density)
            continue;
        gen_lane l;
        fg_lane(net, f, w, q, 0, &l);
        emit(user, &l);
        if (gen_dist(net, net->site_plant + q, net->site_wh + w) > 0.5 &&
            gen_u(&net->p, TAG_LANE, net->site_wh + w, net->fg_item[f], 20 + j) < 0.3) {
            fg_lane(net, f, w, q, 1, &l);
            emit(user, &l);
        }
    }
}
