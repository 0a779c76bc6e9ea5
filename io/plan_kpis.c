/* plan_kpis.c - scopt_plan_kpis_read: the KPIs of a written plan (docs/scenarios.md
 * "compare"), from its summary.json (status, objective, costs) and its files, read with
 * the plan reader against the network the plan was solved for: units ordered, delivered,
 * lost and late, the average inventory value, open sites and the busiest resources. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plan_kpis.h"

static void copy_costs(const plan_summary *s, scopt_plan_costs *c)
{
    double *dst[COST_COUNT] = {&c->purchase, &c->order,    &c->production, &c->setup,
                               &c->transport, &c->vehicles, &c->holding,   &c->overtime,
                               &c->fixed,    &c->lost,     &c->backorder,  &c->shortfall};
    for (int k = 0; k < COST_COUNT; k++) *dst[k] = s->costs[k];
}

static int by_key_period(const void *a, const void *b)
{
    const plan_delivery *x = a, *y = b;
    if (x->customer != y->customer) return x->customer < y->customer ? -1 : 1;
    if (x->item != y->item) return x->item < y->item ? -1 : 1;
    return (x->period > y->period) - (x->period < y->period);
}

/* units delivered after the period they were ordered for: in each period the backlog
 * carried in is served first, so min(delivered[t], backlog[t-1]) of them are late */
static int delivery_kpis(const plan_data *p, scopt_plan_kpis *k)
{
    size_t n = p->deliveries.len;
    plan_delivery *d = malloc((n + 1) * sizeof *d);
    if (!d) return -1;
    memcpy(d, p->deliveries.data, n * sizeof *d);
    qsort(d, n, sizeof *d, by_key_period);
    for (size_t i = 0; i < n; i++) {
        k->ordered += d[i].ordered;
        k->delivered += d[i].delivered;
        k->lost += d[i].lost;
        if (i > 0 && d[i - 1].customer == d[i].customer && d[i - 1].item == d[i].item && d[i - 1].backlog > 0)
            k->late += fmin(d[i].delivered, d[i - 1].backlog);
    }
    k->fill_rate = k->ordered > 0 ? k->delivered / k->ordered : 1;
    free(d);
    return 0;
}

static void stock_kpis(const scopt_network *net, const plan_data *p, scopt_plan_kpis *k)
{
    double total = 0;
    for (size_t i = 0; i < p->stock.len; i++) {
        const plan_stock *s = &p->stock.data[i];
        if (s->item >= 0 && (size_t)s->item < net->items.len) total += s->on_hand * net->items.data[s->item].value;
    }
    k->inventory_value = net->T > 0 ? total / net->T : 0;
}

static void site_kpis(const scopt_network *net, const plan_data *p, scopt_plan_kpis *k)
{
    for (size_t s = 0; s < net->sites.len; s++) k->optional_sites += net->sites.data[s].optional != 0;
    for (size_t i = 0; i < p->sites.len; i++) {
        if (p->sites.data[i].open > 0.5) { k->open_sites++; continue; }
        size_t len = strlen(k->closed_sites);
        const char *name = site_name(net, p->sites.data[i].site);
        if (len + strlen(name) + 5 < sizeof k->closed_sites)
            snprintf(k->closed_sites + len, sizeof k->closed_sites - len, "%s%s", len ? " " : "", name);
        else if (len + 4 < sizeof k->closed_sites && !strstr(k->closed_sites, "..."))
            strcat(k->closed_sites, " ...");
    }
}

/* the resources with the highest peak utilization (load / capacity over the periods) */
static void resource_kpis(const scopt_network *net, const plan_data *p, scopt_plan_kpis *k)
{
    int n = SCOPT_KPI_BUSIEST;
    for (size_t r = 0; r < net->res.len; r++) {
        double peak = -1;
        int at = 0;
        for (size_t i = 0; i < p->loads.len; i++) {
            const plan_load *l = &p->loads.data[i];
            double u = l->capacity > 0 ? l->load / l->capacity : l->load > 0 ? HUGE_VAL : 0;
            if (l->resource == (int)r && u > peak) { peak = u; at = l->period; }
        }
        if (at == 0 || (k->nbusiest == n && peak <= k->busiest[n - 1].utilization)) continue;
        int j = k->nbusiest < n ? k->nbusiest++ : n - 1;
        for (; j > 0 && k->busiest[j - 1].utilization < peak; j--) k->busiest[j] = k->busiest[j - 1];
        snprintf(k->busiest[j].resource, sizeof k->busiest[j].resource, "%s", res_name(net, (int)r));
        k->busiest[j].period = at;
        k->busiest[j].utilization = peak;
    }
}

scopt_status plan_kpis_compute(const scopt_network *net, const plan_data *p, scopt_plan_kpis *k)
{
    memset(k, 0, sizeof *k);
    snprintf(k->status, sizeof k->status, "%s", p->summary.status);
    k->objective = p->summary.objective;
    copy_costs(&p->summary, &k->costs);
    if (delivery_kpis(p, k)) return SCOPT_ENOMEM;
    stock_kpis(net, p, k);
    site_kpis(net, p, k);
    resource_kpis(net, p, k);
    return SCOPT_OK;
}

scopt_status plan_load_dir(const scopt_network *net, const char *plandir, plan_data *plan, scopt_error *err)
{
    diag_sink in, quiet;
    violation_sink v = {{0}, 0};
    diag_init(&in, NULL, err);
    diag_init(&quiet, NULL, NULL);
    v.diag = quiet;
    scopt_status s = plan_read_dir(net, plandir, plan, &in, &v);
    if (s == SCOPT_OK && v.count)
        s = error_set(err, SCOPT_EINPUT, "%s: the plan names %ld thing%s the dataset lacks (scopt check %s lists "
                      "them); expected the plan of this dataset", plandir, v.count, v.count == 1 ? "" : "s", plandir);
    else if (s == SCOPT_ENOMEM) error_set(err, SCOPT_ENOMEM, "out of memory while reading %s", plandir);
    return s;
}

scopt_status scopt_plan_kpis_read(const scopt_network *net, const char *plandir, scopt_plan_kpis *out,
                                  scopt_error *err)
{
    plan_data plan;
    error_clear(err);
    if (!net || !plandir || !out) return error_set(err, SCOPT_EUSAGE, "scopt_plan_kpis_read: NULL argument");
    scopt_status s = plan_load_dir(net, plandir, &plan, err);
    if (s == SCOPT_OK) s = plan_kpis_compute(net, &plan, out);
    if (s == SCOPT_ENOMEM) error_set(err, SCOPT_ENOMEM, "out of memory");
    plan_free(&plan);
    return s;
}
