/* gen_write_master.c - `scopt gen`: writes items.csv, sites.csv, supply.csv and settings.csv,
 * and gen_write_all, which writes every table in turn and adds up the model-size estimate
 * (columns per family as ARCHITECTURE.md section 3 creates them; a flow with lead time L
 * has T - L columns). */
#include "gen.h"

static long flow_columns(int T, int lead) { return lead < T ? T - lead : 0; }

static int write_items(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    static const char *const unit[3] = {"kg", "pcs", "pcs"};
    gen_out o;
    char name[32], desc[64];
    GEN_OPEN(&o, "items.csv", "item,description,unit,volume,value")
    for (int i = 0; i < net->nitems; i++) {
        const gen_item *it = &net->items[i];
        const char *kind = it->level == 0 ? "raw material" : it->fg >= 0 ? "finished good" : "component";
        gen_put_str(&o, gen_item_name(net, i, name));
        snprintf(desc, sizeof desc, "%s %s", kind, name);
        gen_put_str(&o, desc);
        gen_put_str(&o, unit[it->level == 0 ? 0 : 1 + (it->fg >= 0)]);
        gen_put_num(&o, it->volume, 3);
        gen_put_num(&o, it->value, 2);
        gen_end_row(&o);
    }
    GEN_CLOSE(&o)
    return 0;
}

static int write_sites(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    static const char *const kind[4] = {"supplier", "plant", "warehouse", "customer"};
    gen_out o;
    char name[32];
    GEN_OPEN(&o, "sites.csv", "site,kind,fixed_cost,optional,storage_capacity")
    for (int s = 0; s < net->nsites; s++) {
        int k = (s >= net->site_plant) + (s >= net->site_wh) + (s >= net->site_cust), w = s - net->site_wh;
        gen_put_str(&o, gen_site_name(net, s, name));
        gen_put_str(&o, kind[k]);
        gen_put_num(&o, k == 2 ? net->wh_fixed_cost[w] : -1, 2);
        if (k == 2) gen_put_int(&o, net->wh_optional[w]); else gen_put_empty(&o);
        gen_put_num(&o, k == 2 ? net->wh_storage[w] : -1, 0);
        gen_end_row(&o);
        c->integers += k == 2 && net->wh_optional[w] && net->wh_fixed_cost[w] > 0;
    }
    GEN_CLOSE(&o)
    c->columns += c->integers;
    return 0;
}

static int write_supply(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o;
    char name[32];
    int T = net->p.periods;
    GEN_OPEN(&o, "supply.csv", "supplier,item,unit_cost,capacity,lead_time,min_order,order_cost")
    for (int k = 0; k < net->noffers; k++) {
        const gen_offer *of = &net->offers[k];
        gen_put_str(&o, gen_site_name(net, of->supplier, name));
        gen_put_str(&o, gen_item_name(net, of->item, name));
        gen_put_num(&o, of->unit_cost, 2);
        gen_put_num(&o, of->capacity, 0);
        gen_put_int(&o, of->lead_time);
        gen_put_num(&o, of->min_order > 0 ? of->min_order : -1, 0);
        gen_put_num(&o, of->order_cost > 0 ? of->order_cost : -1, 2);
        gen_end_row(&o);
        long n = flow_columns(T, of->lead_time), ints = of->order_cost > 0 || of->min_order > 0 ? n : 0;
        c->columns += n + ints + T;   /* buy, order, the supplier's stock */
        c->integers += ints;
    }
    GEN_CLOSE(&o)
    return 0;
}

static int write_settings(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o;
    GEN_OPEN(&o, "settings.csv", "key,value")
    gen_put_str(&o, "periods"); gen_put_int(&o, net->p.periods); gen_end_row(&o);
    gen_put_str(&o, "start_date"); gen_put_str(&o, "2025-01-06"); gen_end_row(&o);
    gen_put_str(&o, "period_days"); gen_put_int(&o, 7); gen_end_row(&o);
    gen_put_str(&o, "currency"); gen_put_str(&o, "EUR"); gen_end_row(&o);
    GEN_CLOSE(&o)
    return 0;
}

int gen_write_items_sites(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    if (write_settings(net, dir, c, failed) || write_items(net, dir, c, failed) ||
        write_sites(net, dir, c, failed) || write_supply(net, dir, c, failed))
        return -1;
    return 0;
}

int gen_write_all(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    if (gen_write_items_sites(net, dir, c, failed) || gen_write_plants(net, dir, c, failed) ||
        gen_write_lanes(net, dir, c, failed) || gen_write_stock(net, dir, c, failed) ||
        gen_write_demand(net, dir, c, failed))
        return -1;
    return 0;
}
