/* gen_write_lanes.c - `scopt gen`: writes lanes.csv: the held supplier and component lanes,
 * then the plant -> warehouse lanes of every (finished good, warehouse) and the item-less
 * warehouse -> customer lanes, both streamed; counts ship and vehicle columns. */
#include <stdlib.h>
#include "gen.h"

typedef struct {
    const gen_net *net;
    gen_out *o;
    gen_counts *c;
} lane_writer;

static void put_lane(lane_writer *lw, const gen_lane *l, long items_carried)
{
    gen_out *o = lw->o;
    char name[32];
    int T = lw->net->p.periods;
    gen_put_str(o, gen_site_name(lw->net, l->from, name));
    gen_put_str(o, gen_site_name(lw->net, l->to, name));
    if (l->item >= 0) gen_put_str(o, gen_item_name(lw->net, l->item, name)); else gen_put_empty(o);
    gen_put_str(o, l->mode ? "rail" : "truck");
    gen_put_num(o, l->unit_cost, 2);
    gen_put_int(o, l->lead_time);
    gen_put_num(o, l->capacity, 0);
    gen_put_num(o, l->vehicle_capacity, 0);
    gen_put_num(o, l->vehicle_cost, 2);
    gen_end_row(o);
    long n = l->lead_time < T ? T - l->lead_time : 0, ints = l->vehicle_capacity > 0 ? n : 0;
    lw->c->columns += n * items_carried + ints;
    lw->c->integers += ints;
}

static void emit_fg(void *user, const gen_lane *l) { put_lane(user, l, 1); }

/* item-less lanes from a warehouse to each customer it serves */
static int customer_lanes(lane_writer *lw)
{
    const gen_net *net = lw->net;
    int *list = malloc(((size_t)net->nfg + 1) * sizeof *list);
    if (!list) return -1;
    for (int c = 0; c < net->p.customers; c++) {
        const gen_customer *cu = &net->cust[c];
        int n = gen_cust_list(net, c, list), to = net->site_cust + c;
        for (int j = 0; j < cu->nwh; j++) {
            int from = net->site_wh + cu->wh[j];
            double d = gen_dist(net, from, to);
            gen_lane l = {from, to, -1, d < 0.7 ? 0 : 1, gen_round(0.1 + 1.2 * d, 0.01), -1, -1, -1, 0};
            put_lane(lw, &l, n);
        }
    }
    free(list);
    return 0;
}

int gen_write_lanes(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o;
    lane_writer lw = {net, &o, c};
    int *offers_of = calloc((size_t)net->p.suppliers + 1, sizeof *offers_of);
    if (!offers_of || gen_out_open(&o, dir, "lanes.csv", "from,to,item,mode,unit_cost,lead_time,capacity,vehicle_capacity,vehicle_cost")) {
        free(offers_of);
        *failed = "lanes.csv";
        return -1;
    }
    for (int k = 0; k < net->noffers; k++) offers_of[net->offers[k].supplier]++;
    for (int k = 0; k < net->nlanes; k++) {
        const gen_lane *l = &net->lanes[k];
        put_lane(&lw, l, l->item >= 0 ? 1 : offers_of[l->from]);
    }
    free(offers_of);
    for (int f = 0; f < net->nfg; f++)
        for (int w = 0; w < net->p.warehouses; w++) gen_fg_lanes(net, f, w, emit_fg, &lw);
    int rc = customer_lanes(&lw);
    if (gen_out_close(&o, c) || rc) { *failed = "lanes.csv"; return -1; }
    return 0;
}
