/* gen_demand.c - `scopt gen`: customers, the finished goods each demands, demand per period
 * (seasonal, noisy, intermittent for small keys) and the warehouses that serve them. All of
 * it is recomputed from the seed on demand; only each customer's warehouses and size, and
 * the mean flow through every (warehouse, finished good), are held. */
#include <stdlib.h>
#include "gen.h"

static int contains(const int *a, int n, int x)
{
    for (int k = 0; k < n; k++)
        if (a[k] == x) return 1;
    return 0;
}

/* the finished goods customer c demands into buf (room for nfg); returns how many. The
 * items f = c, c + C, c + 2C, ... come first, so every finished good has a customer. */
int gen_cust_list(const gen_net *net, int c, int *buf)
{
    const gen_params *p = &net->p;
    int F = net->nfg, C = p->customers, n = 0;
    for (int f = c; f < F; f += C) buf[n++] = f;
    int want = (int)(p->items_per_customer * gen_range(p, TAG_CUST, c, 1, 0, 0.5, 1.5) + 0.5);
    if (want > F) want = F;
    for (int k = 0; n < want && k < 4 * want + 8; k++) {
        double u = gen_u(p, TAG_CUST, c, 2, k);
        int f = (int)(F * u * u);   /* skewed: low numbers are the popular items */
        if (!contains(buf, n, f)) buf[n++] = f;
    }
    return n;
}

double gen_demand_mean(const gen_net *net, int c, int f)
{
    const gen_params *p = &net->p;
    double pop = 0.3 + 1.7 * gen_u(p, TAG_DEMAND, f, 0, 0);
    return net->cust[c].size * pop * gen_range(p, TAG_DEMAND, c, f, 1, 0.5, 1.5);
}

/* seasonal (a yearly cycle of 52 periods, item-specific amplitude and phase) times a
 * triangular noise of +-30%; keys under 5 units a period skip a third of the periods, but
 * never their anchor period, where at least 1 unit is due */
long gen_demand_qty(const gen_net *net, int c, int f, int t)
{
    const gen_params *p = &net->p;
    double mean = gen_demand_mean(net, c, f);
    int anchor = 1 + gen_int(p, TAG_DEMAND, c, f, 6, p->periods);   /* never skipped: every key has a row */
    if (mean < 5 && t != anchor && gen_u(p, TAG_DEMAND, c, f, 1000 + t) < 0.35) return 0;
    double amp = 0.35 * gen_u(p, TAG_DEMAND, f, 1, 0), phase = 52 * gen_u(p, TAG_DEMAND, f, 2, 0);
    double season = 1 + amp * gen_cosine(6.283185307179586 * (t + phase) / 52.0);
    double noise = 1 + 0.3 * (gen_u(p, TAG_DEMAND, c, f, 2000 + t) + gen_u(p, TAG_DEMAND, c, f, 3000 + t) - 1);
    long q = (long)(mean * season * noise + 0.5);
    return q < 1 && t == anchor ? 1 : q;
}

/* the nearest warehouse, and each of the next three nearest with probability lane_density */
static void serve(gen_net *net, int c)
{
    const gen_params *p = &net->p;
    int order[4] = {0}, n = 0;
    double dist[4] = {0};
    for (int w = 0; w < p->warehouses; w++) {   /* insertion into the sorted nearest four */
        double d = gen_dist(net, net->site_cust + c, net->site_wh + w);
        int k = n < 4 ? n++ : 4;
        for (; k > 0 && dist[k - 1] > d; k--)
            if (k < 4) { order[k] = order[k - 1]; dist[k] = dist[k - 1]; }
        if (k < 4) { order[k] = w; dist[k] = d; }
    }
    gen_customer *cu = &net->cust[c];
    cu->wh[0] = order[0];
    cu->nwh = 1;
    for (int k = 1; k < n; k++)
        if (gen_u(p, TAG_CUST, c, 3, k) < p->lane_density) cu->wh[cu->nwh++] = order[k];
}

static void add_flows(gen_net *net, int c, const int *list, int n)
{
    const gen_customer *cu = &net->cust[c];
    for (int k = 0; k < n; k++) {
        double mean = gen_demand_mean(net, c, list[k]);
        for (int j = 0; j < cu->nwh; j++) {
            double share = cu->nwh == 1 ? 1 : j == 0 ? 0.7 : 0.3 / (cu->nwh - 1);
            net->wf_flow[(size_t)cu->wh[j] * net->nfg + list[k]] += (float)(mean * share);
        }
    }
}

int gen_customers_build(gen_net *net)
{
    const gen_params *p = &net->p;
    size_t W = (size_t)p->warehouses, F = (size_t)net->nfg;
    net->cust = calloc((size_t)p->customers, sizeof *net->cust);
    net->wf_flow = calloc(W * F, sizeof *net->wf_flow);
    net->fg_holders = calloc(F, sizeof *net->fg_holders);
    int *list = malloc(F * sizeof *list);
    if (!net->cust || !net->wf_flow || !net->fg_holders || !list) { free(list); return -1; }
    for (int c = 0; c < p->customers; c++) {
        double u = gen_u(p, TAG_CUST, c, 0, 0);
        net->cust[c].size = 1 + 40 * u * u * u;
        net->cust[c].backlog = gen_u(p, TAG_CUST, c, 4, 0) < 0.3;
        serve(net, c);
        add_flows(net, c, list, gen_cust_list(net, c, list));
    }
    for (size_t w = 0; w < W; w++)
        for (size_t f = 0; f < F; f++) net->fg_holders[f] += net->wf_flow[w * F + f] > 0;
    free(list);
    return 0;
}
