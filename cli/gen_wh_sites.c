/* gen_wh_sites.c - `scopt gen`: per-warehouse decisions made once the flows are known:
 * which warehouses are optional (MIP), their fixed costs, storage capacities that always
 * hold the initial stock plus receipts, and for every producer of a finished good the
 * nearest warehouse stocking it (so that every operation's output has a lane out). */
#include <stdlib.h>
#include "gen.h"

static void size_warehouse(gen_net *net, int w)
{
    const gen_params *p = &net->p;
    double handled = 0, volume = 0, fixed_volume = 0;
    for (int f = 0; f < net->nfg; f++) {
        double flow = net->wf_flow[(size_t)w * net->nfg + f];
        if (!(flow > 0)) continue;
        const gen_item *it = &net->items[net->fg_item[f]];
        gen_stock s;
        gen_wh_stock(net, w, f, &s);
        handled += flow * it->value;
        volume += flow * it->volume;
        fixed_volume += (s.initial + (double)s.receipt) * it->volume;
    }
    long a = net->site_wh + w;
    net->wh_fixed_cost[w] = gen_round(handled * p->periods * gen_range(p, TAG_SITE, a, 2, 0, 0.005, 0.02), 0.01);
    net->wh_storage[w] = -1;
    if (gen_u(p, TAG_SITE, a, 3, 0) < 0.8) {
        double cap = gen_ceil(volume * gen_range(p, TAG_SITE, a, 4, 0, 1.5, 3.0));
        double least = gen_ceil(fixed_volume * 1.1 + 1);
        net->wh_storage[w] = cap > least ? cap : least;
    }
}

static void choose_optional(gen_net *net)
{
    const gen_params *p = &net->p;
    int W = p->warehouses, any = 0;
    if (!(p->mip & GEN_MIP_OPTIONAL) || W < 2) return;
    for (int w = 0; w < W; w++) any += net->wh_optional[w] = gen_u(p, TAG_SITE, net->site_wh + w, 5, 0) < 0.35;
    if (!any) net->wh_optional[gen_int(p, TAG_SITE, 0, 6, 0, W)] = 1;
}

static void find_homes(gen_net *net)
{
    for (int f = 0; f < net->nfg; f++) {
        const gen_item *it = &net->items[net->fg_item[f]];
        for (int j = 0; j < 2; j++) {
            int best = -1;
            for (int w = 0; j < it->nplants && w < net->p.warehouses; w++) {
                if (!(net->wf_flow[(size_t)w * net->nfg + f] > 0)) continue;
                int q = net->site_plant + it->plant[j];
                if (best < 0 || gen_dist(net, q, net->site_wh + w) < gen_dist(net, q, net->site_wh + best)) best = w;
            }
            net->fg_home[f * 2 + j] = best;
        }
    }
}

int gen_warehouses_finish(gen_net *net)
{
    int W = net->p.warehouses;
    net->wh_optional = calloc((size_t)W + 1, sizeof *net->wh_optional);
    net->wh_fixed_cost = calloc((size_t)W + 1, sizeof *net->wh_fixed_cost);
    net->wh_storage = calloc((size_t)W + 1, sizeof *net->wh_storage);
    net->fg_home = malloc(((size_t)net->nfg * 2 + 1) * sizeof *net->fg_home);
    if (!net->wh_optional || !net->wh_fixed_cost || !net->wh_storage || !net->fg_home) return -1;
    choose_optional(net);
    for (int w = 0; w < W; w++) size_warehouse(net, w);
    find_homes(net);
    return 0;
}
