/* gen_plants.c - `scopt gen`: which plants make each item, the operations that do it, and the
 * plant -> plant lanes that bring components to the plants whose bills need them. Items are
 * placed top-down: a finished good goes to one or two random plants; a component to a plant
 * that needs it (and sometimes to a second plant), so every operation's output serves a
 * bill or a warehouse. */
#include <stdlib.h>
#include "gen.h"

static void set_need(gen_net *net, int plant, int item)
{
    size_t b = (size_t)plant * (size_t)net->nitems + (size_t)item;
    net->need[b >> 3] |= (uint8_t)(1u << (b & 7));
}

static void choose_plants(gen_net *net, int i, const int *needing, int nneed)
{
    const gen_params *p = &net->p;
    gen_item *it = &net->items[i];
    int P = p->plants;
    it->plant[0] = nneed ? needing[gen_int(p, TAG_PLANT_OF, i, 0, 0, nneed)] : gen_int(p, TAG_PLANT_OF, i, 1, 0, P);
    it->nplants = 1;
    double second = it->fg >= 0 ? 0.3 : 0.25;
    if (P > 1 && gen_u(p, TAG_PLANT_OF, i, 2, 0) < second)
        it->plant[it->nplants++] = (it->plant[0] + 1 + gen_int(p, TAG_PLANT_OF, i, 3, 0, P - 1)) % P;
}

static void make_ops(gen_net *net, int i)
{
    const gen_params *p = &net->p;
    gen_item *it = &net->items[i];
    it->first_op = net->nops;
    for (int k = 0; k < it->nplants; k++) {
        int o = net->nops++;
        gen_op *op = &net->ops[o];
        op->item = i;
        op->plant = it->plant[k];
        op->yield = gen_u(p, TAG_OP, o, 0, 0) < 0.7 ? 1 : gen_round(gen_range(p, TAG_OP, o, 1, 0, 0.9, 0.99), 0.001);
        op->lead_time = gen_u(p, TAG_OP, o, 2, 0) < 0.3;
        int R = p->resources_per_plant, first = op->plant * R;
        op->nres = R > 0 ? 1 + (R > 1 && gen_u(p, TAG_OP, o, 3, 0) < 0.3) : 0;
        int r0 = gen_int(p, TAG_OP, o, 4, 0, R > 0 ? R : 1);
        for (int k2 = 0; k2 < op->nres; k2++) {
            op->res[k2] = first + (r0 + k2) % R;
            op->usage[k2] = gen_round(gen_range(p, TAG_OP, o, 5, k2, 0.2, 1.5), 0.001);
        }
    }
}

static gen_lane plant_lane(const gen_net *net, int from, int to, int item)
{
    double d = gen_dist(net, net->site_plant + from, net->site_plant + to);
    gen_lane l = {net->site_plant + from, net->site_plant + to, item, d < 0.5 ? 0 : d < 0.9 ? 1 : 2,
                  gen_round(net->items[item].volume * (0.05 + 0.6 * d), 0.01), -1, -1, -1, 0};
    return l;
}

static int nearest_producer(const gen_net *net, int i, int to)
{
    const gen_item *it = &net->items[i];
    if (it->nplants == 1) return 0;
    return gen_dist(net, net->site_plant + it->plant[1], net->site_plant + to) <
           gen_dist(net, net->site_plant + it->plant[0], net->site_plant + to);
}

/* lanes bring component i from its producers to every plant that needs it */
static int component_lanes(gen_net *net, int i, const int *needing, int nneed)
{
    const gen_item *it = &net->items[i];
    int shipped[2] = {0, 0}, rc = 0;
    for (int k = 0; k < nneed; k++) {
        int q = needing[k];
        if (gen_makes(net, q, i)) continue;
        int near = nearest_producer(net, i, q);
        for (int j = 0; j < it->nplants; j++) {
            if (j != near && gen_u(&net->p, TAG_LANE, i, q, 1) >= net->p.lane_density) continue;
            gen_lane l = plant_lane(net, it->plant[j], q, i);
            rc |= gen_lane_add(net, &l);
            shipped[j] = 1;
        }
    }
    for (int j = 0; j < it->nplants; j++) {   /* a producer no plant draws from ships to the nearest */
        if (shipped[j] || gen_needs(net, it->plant[j], i)) continue;
        int best = needing[0];
        for (int k = 1; k < nneed; k++)
            if (gen_dist(net, net->site_plant + needing[k], net->site_plant + it->plant[j]) <
                gen_dist(net, net->site_plant + best, net->site_plant + it->plant[j]))
                best = needing[k];
        gen_lane l = plant_lane(net, it->plant[j], best, i);
        rc |= gen_lane_add(net, &l);
    }
    return rc;
}

static int place_item(gen_net *net, int i, int *needing)
{
    int nneed = 0;
    if (net->items[i].fg < 0)
        for (int q = 0; q < net->p.plants; q++)
            if (gen_needs(net, q, i)) needing[nneed++] = q;
    choose_plants(net, i, needing, nneed);
    make_ops(net, i);
    const gen_item *it = &net->items[i];
    for (int k = 0; k < it->bom_len; k++)
        for (int j = 0; j < it->nplants; j++) set_need(net, it->plant[j], net->bom[it->bom_start + k].input);
    return nneed ? component_lanes(net, i, needing, nneed) : 0;
}

int gen_plants_assign(gen_net *net)
{
    size_t bits = (size_t)net->p.plants * (size_t)net->nitems;
    net->need = calloc(bits / 8 + 1, 1);
    net->ops = calloc((size_t)(net->nitems - net->nraw) * 2 + 1, sizeof *net->ops);
    int *needing = malloc((size_t)net->p.plants * sizeof *needing);
    int rc = !net->need || !net->ops || !needing;
    for (int L = net->p.bom_depth; L >= 1 && !rc; L--)
        for (int i = net->level_start[L]; i < net->level_start[L + 1] && !rc; i++) rc = place_item(net, i, needing);
    free(needing);
    return rc ? -1 : 0;
}
