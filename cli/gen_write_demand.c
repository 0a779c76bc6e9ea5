/* gen_write_demand.c - `scopt gen`: streams demand.csv, customer by customer: the
 * customer's finished goods, one row per period with demand, an unmet penalty of 2.5-5
 * times the item's value and, for backlog customers, a backorder cost of 25-60% of the value
 * per period. Counts delivered/lost (and backlog) columns. */
#include <stdlib.h>
#include "gen.h"

static void demand_rows(const gen_net *net, gen_out *o, gen_counts *c, int cu, int f)
{
    const gen_params *p = &net->p;
    int item = net->fg_item[f], T = p->periods, first = 0;
    double value = net->items[item].value;
    double unmet = gen_round(value * gen_range(p, TAG_DEMAND, cu, f, 4, 2.5, 5.0), 0.01);
    double backorder = net->cust[cu].backlog ? gen_round(value * gen_range(p, TAG_DEMAND, cu, f, 5, 0.25, 0.6), 0.01) : -1;
    if (backorder == 0) backorder = 0.01;
    char cname[32], iname[32];
    gen_site_name(net, net->site_cust + cu, cname);
    gen_item_name(net, item, iname);
    for (int t = 1; t <= T; t++) {
        long q = gen_demand_qty(net, cu, f, t);
        if (q <= 0) continue;
        if (!first) first = t;
        gen_put_str(o, cname);
        gen_put_str(o, iname);
        gen_put_int(o, t);
        gen_put_int(o, q);
        gen_put_num(o, unmet, 2);
        gen_put_num(o, backorder, 2);
        gen_end_row(o);
        if (backorder < 0) c->columns += 2;
    }
    if (backorder > 0 && first) c->columns += 3L * (T - first + 1);
}

int gen_write_demand(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o;
    int *list = malloc(((size_t)net->nfg + 1) * sizeof *list);
    if (!list || gen_out_open(&o, dir, "demand.csv", "customer,item,period,quantity,unmet_penalty,backorder_cost")) {
        free(list);
        *failed = "demand.csv";
        return -1;
    }
    for (int cu = 0; cu < net->p.customers; cu++) {
        int n = gen_cust_list(net, cu, list);
        for (int k = 0; k < n; k++) demand_rows(net, &o, c, cu, list[k]);
    }
    free(list);
    if (gen_out_close(&o, c)) { *failed = "demand.csv"; return -1; }
    return 0;
}
