/* report_costs.c - two bar charts of the HTML report: the cost breakdown of every run (one
 * stacked bar per run, one segment per cost component, <g class="bar"> each) and the fill
 * rate per customer region (customers grouped by the part of their name before the first
 * '_' when several share it, else one group per customer; one <rect class="bar"> per
 * region and run). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

#define PLOT_X 70
#define PLOT_Y 40
#define PLOT_H 220

/* the cost components some run has */
static int used_costs(const rep *r, int *idx)
{
    int n = 0;
    for (int c = 0; c < COST_COUNT; c++) {
        int used = 0;
        for (int k = 0; k < r->n; k++) used |= r->runs[k].has_plan && fabs(r->runs[k].plan.summary.costs[c]) > 1e-9;
        if (used) idx[n++] = c;
    }
    return n;
}

static void cost_bar(rep *r, const rep_run *run, int x, int w, double ymax, const int *idx, int nc)
{
    const double *costs = run->plan.summary.costs;
    double y = PLOT_Y + PLOT_H;
    char label[64];
    fputs("<g class=\"bar\" data-run=\"", r->f);
    rep_esc(r->f, run->name);
    fputs("\">\n", r->f);
    for (int i = 0; i < nc; i++) {
        double h = fmax(costs[idx[i]], 0) / ymax * PLOT_H;
        y -= h;
        fprintf(r->f, "<rect class=\"seg\" data-cost=\"%s\" x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\">"
                      "<title>", plan_cost_names[idx[i]], x, y, w, h, rep_color(i));
        rep_esc(r->f, run->name);
        fprintf(r->f, " %s: %.2f</title></rect>\n", plan_cost_names[idx[i]], costs[idx[i]]);
    }
    rep_num(run->kpis.objective, label, sizeof label);
    rep_text(r, x + w / 2.0, y - 5, "middle", 11, label);
    fputs("</g>\n", r->f);
}

void rep_cost_chart(rep *r)
{
    int idx[COST_COUNT], nc = used_costs(r, idx), slot = 110;
    double top = 0;
    const char *names[COST_COUNT];
    for (int i = 0; i < nc; i++) names[i] = plan_cost_names[idx[i]];
    for (int k = 0; k < r->n; k++)
        if (r->runs[k].has_plan) top = fmax(top, r->runs[k].kpis.objective);
    double ymax = rep_nice_max(top * 1.08);
    int w = PLOT_X + slot * r->n + 20, width = w < 640 ? 640 : w, rows = rep_legend_rows(names, nc, width - PLOT_X);
    rep_svg_open(r, "chart-costs", "chart", width, PLOT_Y + PLOT_H + 44 + 18 * rows, "Cost breakdown per run");
    rep_axis_y(r, PLOT_X, PLOT_Y, slot * r->n, PLOT_H, ymax, 0);
    for (int k = 0; k < r->n; k++) {
        int x = PLOT_X + slot * k + 25;
        if (r->runs[k].has_plan) cost_bar(r, &r->runs[k], x, slot - 50, ymax, idx, nc);
        else rep_text(r, x + (slot - 50) / 2.0, PLOT_Y + PLOT_H - 8, "middle", 11, "no plan");
        rep_text(r, x + (slot - 50) / 2.0, PLOT_Y + PLOT_H + 16, "middle", 12, r->runs[k].name);
    }
    rep_legend(r, PLOT_X, PLOT_Y + PLOT_H + 44, width - PLOT_X, names, nc, 0);
    rep_text(r, 8, 20, "start", 12, "total cost by component");
    rep_svg_close(r);
}

/* ---- fill rate per region ---- */

typedef struct groups {
    strmap names;       /* region names, in order of first appearance */
    double *ordered, *delivered; /* [run * cap + group] */
    int cap;
} groups;

static const char *prefix_of(const char *name, char *buf, size_t n)
{
    const char *u = strchr(name, '_');
    if (!u || u == name) return NULL;
    snprintf(buf, n, "%.*s", (int)(u - name), name);
    return buf;
}

/* region of each customer name: its prefix when two or more customers share it */
static const char *region_of(const strmap *prefix_count, const int *count, const char *name, char *buf, size_t n)
{
    const char *p = prefix_of(name, buf, n);
    int id = p ? strmap_find(prefix_count, p) : -1;
    return id >= 0 && count[id] >= 2 ? p : name;
}

static int count_prefixes(const rep *r, strmap *pm, int **count)
{
    strmap seen;
    char buf[256];
    size_t cap = 0;
    int rc = 0;
    strmap_init(&seen);
    for (int k = 0; k < r->n && !rc; k++) {
        const scopt_network *net = r->runs[k].net;
        for (size_t s = 0; net && s < net->sites.len && !rc; s++) {
            int added, id;
            if (net->sites.data[s].kind != KIND_CUSTOMER || strmap_intern(&seen, site_name(net, (int)s), &added) < 0 || !added) continue;
            const char *p = prefix_of(site_name(net, (int)s), buf, sizeof buf);
            if (!p) continue;
            if ((id = strmap_intern(pm, p, NULL)) < 0 || vec_grow((void **)count, &cap, (size_t)id + 1, sizeof **count)) rc = -1;
            else (*count)[id]++;
        }
    }
    strmap_free(&seen);
    return rc;
}

static int build_groups(const rep *r, groups *g)
{
    strmap pm;
    int *count = NULL, rc;
    char buf[256];
    strmap_init(&pm);
    strmap_init(&g->names);
    rc = count_prefixes(r, &pm, &count);
    for (int k = 0; k < r->n && !rc; k++) {
        const rep_run *run = &r->runs[k];
        for (size_t i = 0; run->has_plan && i < run->plan.deliveries.len && !rc; i++)
            if (strmap_intern(&g->names, region_of(&pm, count, site_name(run->net, run->plan.deliveries.data[i].customer),
                                                   buf, sizeof buf), NULL) < 0)
                rc = -1;
    }
    g->cap = g->names.count;
    g->ordered = calloc((size_t)(r->n * g->cap + 1), sizeof(double));
    g->delivered = calloc((size_t)(r->n * g->cap + 1), sizeof(double));
    if (!g->ordered || !g->delivered) rc = -1;
    for (int k = 0; k < r->n && !rc; k++) {
        const rep_run *run = &r->runs[k];
        for (size_t i = 0; run->has_plan && i < run->plan.deliveries.len; i++) {
            const plan_delivery *d = &run->plan.deliveries.data[i];
            int id = strmap_find(&g->names, region_of(&pm, count, site_name(run->net, d->customer), buf, sizeof buf));
            g->ordered[k * g->cap + id] += d->ordered;
            g->delivered[k * g->cap + id] += d->delivered;
        }
    }
    strmap_free(&pm);
    free(count);
    return rc;
}

static void fill_bar(rep *r, const groups *g, int k, int id, double x, double w, int color)
{
    double o = g->ordered[k * g->cap + id], d = g->delivered[k * g->cap + id], rate = o > 0 ? d / o : 1;
    double h = rate * PLOT_H;
    fputs("<rect class=\"bar\" data-group=\"", r->f);
    rep_esc(r->f, strmap_name(&g->names, id));
    fputs("\" data-run=\"", r->f);
    rep_esc(r->f, r->runs[k].name);
    fprintf(r->f, "\" x=\"%.1f\" y=\"%.2f\" width=\"%.1f\" height=\"%.2f\" fill=\"%s\"><title>", x,
            PLOT_Y + PLOT_H - h, w, h, rep_color(color));
    rep_esc(r->f, strmap_name(&g->names, id));
    fputs(" / ", r->f);
    rep_esc(r->f, r->runs[k].name);
    fprintf(r->f, ": %.1f%% (%.6g of %.6g)</title></rect>\n", 100 * rate, d, o);
}

/* the bars of every region, run by run, squeezed to at most 980 pixels */
static void fill_bars(rep *r, const groups *g, int nplans, double per)
{
    double bar = fmin(11, (per - 6) / nplans);
    for (int id = 0; id < g->cap; id++) {
        double x = PLOT_X + id * per + 4;
        for (int k = 0, j = 0; k < r->n; k++)
            if (r->runs[k].has_plan) { fill_bar(r, g, k, id, x + (bar + 1) * j, bar, j); j++; }
        fprintf(r->f, "<text class=\"group\" transform=\"translate(%.1f,%d) rotate(-45)\" text-anchor=\"end\" "
                      "font-size=\"11\">", x + nplans * (bar + 1) / 2, PLOT_Y + PLOT_H + 12);
        rep_esc(r->f, strmap_name(&g->names, id));
        fputs("</text>\n", r->f);
    }
}

void rep_fill_chart(rep *r)
{
    groups g = {0};
    const char *names[64];
    int nplans = 0, nn = 0, ok = build_groups(r, &g) == 0;
    for (int k = 0; k < r->n; k++) {
        nplans += r->runs[k].has_plan;
        if (r->runs[k].has_plan && nn < 64) names[nn++] = r->runs[k].name;
    }
    int groups_n = ok ? g.cap : 0;
    double per = groups_n ? fmin(nplans * 12 + 14, 980.0 / groups_n) : 0;
    int plot_w = (int)(groups_n * per) + 10, width = PLOT_X + (plot_w > 200 ? plot_w : 200) + 20;
    if (width < 640) width = 640;
    int rows = rep_legend_rows(names, nn, width - PLOT_X);
    rep_svg_open(r, "chart-fill", "chart", width, PLOT_Y + PLOT_H + 100 + 18 * rows, "Fill rate per region");
    rep_axis_y(r, PLOT_X, PLOT_Y, plot_w > 200 ? plot_w : 200, PLOT_H, 100, 1);
    if (nplans) fill_bars(r, &g, nplans, per);
    rep_legend(r, PLOT_X, PLOT_Y + PLOT_H + 100, width - PLOT_X, names, nn, 0);
    rep_text(r, 8, 20, "start", 12, "delivered / ordered over the horizon");
    rep_svg_close(r);
    strmap_free(&g.names);
    free(g.ordered);
    free(g.delivered);
}
