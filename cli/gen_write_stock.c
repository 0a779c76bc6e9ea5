/* gen_write_stock.c - `scopt gen`: writes inventory.csv (one row per supplier, plant and
 * warehouse buffer: holding cost, initial, safety and max stock) and receipts.csv (open
 * orders due in periods 1-2, never at customers); counts stock and shortfall columns. */
#include <stdlib.h>
#include "gen.h"

typedef struct {
    const gen_net *net;
    gen_out inv, rec;
    gen_counts *c;
} stock_writer;

static void put_stock(stock_writer *sw, int site, int item, const gen_stock *s)
{
    char name[32];
    const char *site_name = gen_site_name(sw->net, site, name);
    gen_put_str(&sw->inv, site_name);
    if (s->receipt > 0) gen_put_str(&sw->rec, site_name);
    gen_put_str(&sw->inv, gen_item_name(sw->net, item, name));
    gen_put_num(&sw->inv, s->initial > 0 ? s->initial : -1, 0);
    gen_put_num(&sw->inv, s->holding, 4);
    gen_put_num(&sw->inv, s->safety > 0 ? s->safety : -1, 0);
    gen_put_num(&sw->inv, s->max, 0);
    gen_put_num(&sw->inv, s->safety > 0 ? s->shortfall_penalty : -1, 2);
    gen_end_row(&sw->inv);
    sw->c->columns += s->safety > 0 ? sw->net->p.periods : 0;
    if (s->receipt <= 0) return;
    gen_put_str(&sw->rec, name);
    gen_put_int(&sw->rec, s->receipt_period);
    gen_put_int(&sw->rec, s->receipt);
    gen_end_row(&sw->rec);
}

static void supplier_rows(stock_writer *sw)
{
    const gen_net *net = sw->net;
    for (int k = 0; k < net->noffers; k++) {
        const gen_offer *of = &net->offers[k];
        gen_stock s = {0, 0, -1, 0, 0, 0, 1};
        s.holding = gen_round(net->items[of->item].value * 0.002, 0.0001);
        if (s.holding < 0.0001) s.holding = 0.0001;
        put_stock(sw, of->supplier, of->item, &s);
    }
}

static int arrives(const gen_net *n, int q, int i)
{
    size_t b = (size_t)q * (size_t)n->nitems + (size_t)i;
    return (n->arrive[b >> 3] >> (b & 7)) & 1;
}

static void plant_rows(stock_writer *sw)
{
    const gen_net *net = sw->net;
    for (int q = 0; q < net->p.plants; q++)
        for (int i = 0; i < net->nitems; i++) {
            if (!gen_needs(net, q, i) && !arrives(net, q, i) && !gen_makes(net, q, i)) continue;
            gen_stock s;
            gen_plant_stock(net, q, i, &s);
            put_stock(sw, net->site_plant + q, i, &s);
            sw->c->columns += net->p.periods;
        }
}

static void warehouse_rows(stock_writer *sw)
{
    const gen_net *net = sw->net;
    for (int w = 0; w < net->p.warehouses; w++)
        for (int f = 0; f < net->nfg; f++) {
            if (!(net->wf_flow[(size_t)w * net->nfg + f] > 0)) continue;
            gen_stock s;
            gen_wh_stock(net, w, f, &s);
            put_stock(sw, net->site_wh + w, net->fg_item[f], &s);
            sw->c->columns += net->p.periods;
        }
}

int gen_write_stock(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    stock_writer sw = {.net = net, .c = c};
    if (gen_out_open(&sw.inv, dir, "inventory.csv", "site,item,initial,holding_cost,safety_stock,max,shortfall_penalty")) {
        *failed = "inventory.csv";
        return -1;
    }
    if (gen_out_open(&sw.rec, dir, "receipts.csv", "site,item,period,quantity")) {
        gen_out_close(&sw.inv, NULL);
        *failed = "receipts.csv";
        return -1;
    }
    supplier_rows(&sw);
    plant_rows(&sw);
    warehouse_rows(&sw);
    int bad_inv = gen_out_close(&sw.inv, c), bad_rec = gen_out_close(&sw.rec, c);
    if (bad_inv || bad_rec) { *failed = bad_inv ? "inventory.csv" : "receipts.csv"; return -1; }
    return 0;
}
