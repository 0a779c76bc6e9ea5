/* lotsize_net.h - test helper: a capacitated multi-item lot-sizing chain built through the
 * in-memory API (no files): supplier SUP sells RAW to plant P, where NITEMS operations share
 * one line with setup times and setup costs, feeding customer C over NPERIODS periods.
 * The numbers come from a small deterministic generator seeded by SEED, so every seed is
 * another network. Few items and periods solve in milliseconds; 12 items over 20 periods
 * keep GLPK's branch and cut busy for minutes (a long MIP for the cancel test). */
#ifndef SCOPT_TEST_LOTSIZE_NET_H
#define SCOPT_TEST_LOTSIZE_NET_H

#include <stdio.h>
#include "scopt.h"

static unsigned lotsize_rand(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7fff;
}

static int lotsize_sites_items(scopt_network *n, int nitems)
{
    static const char *const sites[][2] = {{"SUP", "supplier"}, {"P", "plant"}, {"C", "customer"}};
    char name[32];
    int bad = 0;
    scopt_item it;
    scopt_item_init(&it);
    it.item = "RAW";
    bad |= scopt_network_add_item(n, &it, NULL);
    for (int i = 0; i < nitems; i++) {
        snprintf(name, sizeof name, "FG%02d", i);
        it.item = name;
        bad |= scopt_network_add_item(n, &it, NULL);
    }
    for (int k = 0; k < 3; k++) {
        scopt_site st;
        scopt_site_init(&st);
        st.site = sites[k][0], st.kind = sites[k][1];
        bad |= scopt_network_add_site(n, &st, NULL);
    }
    scopt_supply s;
    scopt_supply_init(&s);
    s.supplier = "SUP", s.item = "RAW", s.unit_cost = 1;
    return bad | scopt_network_add_supply(n, &s, NULL);
}

/* operation, bom and resource use of item i */
static int lotsize_item_ops(scopt_network *n, int i, unsigned *seed)
{
    char op[32], fg[32];
    snprintf(op, sizeof op, "MAKE%02d", i);
    snprintf(fg, sizeof fg, "FG%02d", i);
    scopt_operation o;
    scopt_operation_init(&o);
    o.operation = op, o.site = "P", o.item = fg, o.unit_cost = 1 + lotsize_rand(seed) % 4;
    o.setup_cost = 50 + lotsize_rand(seed) % 150;
    int bad = scopt_network_add_operation(n, &o, NULL);
    scopt_bom b;
    scopt_bom_init(&b);
    b.operation = op, b.item = "RAW", b.quantity = 1;
    bad |= scopt_network_add_bom(n, &b, NULL);
    scopt_resource_use u;
    scopt_resource_use_init(&u);
    u.operation = op, u.resource = "LINE", u.usage = 1, u.setup_usage = 5 + lotsize_rand(seed) % 15;
    return bad | scopt_network_add_resource_use(n, &u, NULL);
}

/* the rest of item i: stock at P, the lane's demand at C */
static int lotsize_item_demand(scopt_network *n, int i, int nperiods, unsigned *seed)
{
    char fg[32];
    snprintf(fg, sizeof fg, "FG%02d", i);
    scopt_inventory v;
    scopt_inventory_init(&v);
    v.site = "P", v.item = fg, v.holding_cost = 0.5 + (lotsize_rand(seed) % 10) / 10.0;
    int bad = scopt_network_add_inventory(n, &v, NULL);
    for (int t = 1; t <= nperiods; t++) {
        scopt_demand d;
        scopt_demand_init(&d);
        d.customer = "C", d.item = fg, d.period = t, d.quantity = 5 + lotsize_rand(seed) % 25;
        d.unmet_penalty = 40;
        bad |= scopt_network_add_demand(n, &d, NULL);
    }
    return bad;
}

/* the network, finished; NULL on failure */
static scopt_network *lotsize_network(int nitems, int nperiods, unsigned seed)
{
    scopt_network *n = NULL;
    if (scopt_network_new(NULL, &n, NULL)) return NULL;
    int bad = lotsize_sites_items(n, nitems);
    scopt_resource r;
    scopt_resource_init(&r);
    r.resource = "LINE", r.site = "P", r.capacity = 14.0 * nitems + 20; /* tight: about 80% of demand + setups */
    bad |= scopt_network_add_resource(n, &r, NULL);
    for (int i = 0; i < nitems; i++) bad |= lotsize_item_ops(n, i, &seed);
    scopt_lane l;
    scopt_lane_init(&l);
    l.from = "SUP", l.to = "P";
    bad |= scopt_network_add_lane(n, &l, NULL);
    l.from = "P", l.to = "C", l.unit_cost = 0.5;
    bad |= scopt_network_add_lane(n, &l, NULL);
    for (int i = 0; i < nitems; i++) bad |= lotsize_item_demand(n, i, nperiods, &seed);
    if (bad || scopt_network_finish(n, NULL)) {
        scopt_network_free(n);
        return NULL;
    }
    return n;
}

#endif
