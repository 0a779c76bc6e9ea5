/* gen_network.c - `scopt gen`: builds the held structure of a generated network in the
 * order its parts depend on each other (design note in gen.h), places the sites, and frees
 * it all. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gen.h"

double gen_dist(const gen_net *net, int s1, int s2)
{
    double dx = net->at[s1].x - net->at[s2].x, dy = net->at[s1].y - net->at[s2].y;
    return sqrt(dx * dx + dy * dy);
}

int gen_lane_add(gen_net *net, const gen_lane *l)
{
    if (net->nlanes == net->lanes_cap) {
        int cap = net->lanes_cap ? 2 * net->lanes_cap : 64;
        gen_lane *nl = realloc(net->lanes, (size_t)cap * sizeof *nl);
        if (!nl) return -1;
        net->lanes = nl;
        net->lanes_cap = cap;
    }
    net->lanes[net->nlanes++] = *l;
    return 0;
}

/* sites in the unit square: suppliers and customers anywhere, plants and warehouses
 * spread over a coarse grid so that regions have their own warehouse */
static int place_sites(gen_net *net)
{
    const gen_params *p = &net->p;
    net->site_plant = p->suppliers;
    net->site_wh = net->site_plant + p->plants;
    net->site_cust = net->site_wh + p->warehouses;
    net->nsites = net->site_cust + p->customers;
    net->at = malloc((size_t)net->nsites * sizeof *net->at);
    if (!net->at) return -1;
    for (int s = 0; s < net->nsites; s++) {
        net->at[s].x = gen_u(p, TAG_SITE, s, 0, 0);
        net->at[s].y = gen_u(p, TAG_SITE, s, 1, 0);
    }
    return 0;
}

int gen_net_build(const gen_params *p, gen_net *net, char *err, size_t errlen)
{
    memset(net, 0, sizeof *net);
    net->p = *p;
    if (p->items < p->bom_depth + 1) {
        snprintf(err, errlen, "--items %d is too few for --bom-depth %d; expected at least %d", p->items,
                 p->bom_depth, p->bom_depth + 1);
        return 1;
    }
    if ((double)p->warehouses * p->items > 4e8) {
        snprintf(err, errlen, "--warehouses x --items is too large (at most 4e8)");
        return 1;
    }
    int rc = place_sites(net) || gen_items_build(net) || gen_customers_build(net) || gen_plants_assign(net);
    if (!rc) {
        gen_requirements(net);
        rc = gen_supply_build(net);
    }
    if (!rc) {
        gen_values(net);
        rc = gen_resources_build(net);
    }
    if (!rc) {
        gen_setups(net);
        gen_plant_lanes_finish(net);
        rc = gen_warehouses_finish(net);
    }
    if (rc) snprintf(err, errlen, "out of memory");
    return rc ? -1 : 0;
}

void gen_net_free(gen_net *net)
{
    free(net->level_start); free(net->items); free(net->fg_item); free(net->bom); free(net->ops);
    free(net->offers); free(net->res); free(net->lanes); free(net->cust); free(net->at);
    free(net->wh_optional); free(net->wh_fixed_cost); free(net->wh_storage); free(net->wf_flow);
    free(net->fg_holders); free(net->need); free(net->arrive); free(net->fg_home);
    memset(net, 0, sizeof *net);
}
