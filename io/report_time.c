/* report_time.c - the charts of the HTML report over periods: inventory over time per
 * warehouse (one small chart per warehouse, class "chart-inventory", one
 * <polyline class="series"> per run: units on hand at the end of each period, all items)
 * and the resource utilisation heat map (one per run, class "heatmap": a
 * <rect class="cell"> per resource and period, load / capacity). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

#define INV_W 380
#define INV_H 210
#define INV_X 60
#define INV_Y 30
#define INV_PH 130

/* units on hand at SITE (a name) per period 1..T of run K into out[1..T]; 0 when absent */
static int stock_of(const rep *r, int k, const char *site, double *out)
{
    const rep_run *run = &r->runs[k];
    int s = run->has_plan ? strmap_find(&run->net->site_names, site) : -1;
    for (int t = 0; t <= r->T; t++) out[t] = 0;
    if (s < 0) return 0;
    for (size_t i = 0; i < run->plan.stock.len; i++) {
        const plan_stock *st = &run->plan.stock.data[i];
        if (st->site == s && st->period >= 1 && st->period <= r->T) out[st->period] += st->on_hand;
    }
    return 1;
}

static double px(const rep *r, int t) { return INV_X + (r->T > 1 ? (t - 1) * (double)(INV_W - INV_X - 20) / (r->T - 1) : 0); }

static void inventory_chart(rep *r, const char *site, double *buf)
{
    double top = 0;
    const char *names[64];
    int nn = 0;
    for (int k = 0; k < r->n; k++)
        if (stock_of(r, k, site, buf))
            for (int t = 1; t <= r->T; t++) top = fmax(top, buf[t]);
    double ymax = rep_nice_max(top * 1.05);
    fputs("<figure>", r->f);
    for (int k = 0; k < r->n && nn < 64; k++)
        if (r->runs[k].has_plan) names[nn++] = r->runs[k].name;
    int rows = rep_legend_rows(names, nn, INV_W - INV_X);
    rep_svg_open(r, "", "chart-inventory", INV_W, INV_H + 18 * (rows - 1), site);
    rep_axis_y(r, INV_X, INV_Y, INV_W - INV_X - 20, INV_PH, ymax, 0);
    for (int k = 0, j = 0; k < r->n; k++) {
        if (!r->runs[k].has_plan) continue;
        int present = stock_of(r, k, site, buf);
        fputs("<polyline class=\"series\" data-run=\"", r->f);
        rep_esc(r->f, r->runs[k].name);
        fprintf(r->f, "\" fill=\"none\" stroke-width=\"2\" stroke=\"%s\"%s points=\"", rep_color(j),
                present ? "" : " stroke-dasharray=\"3 3\"");
        for (int t = 1; t <= r->T; t++) fprintf(r->f, "%s%.1f,%.1f", t > 1 ? " " : "", px(r, t), INV_Y + INV_PH - buf[t] / ymax * INV_PH);
        if (r->T == 1) fprintf(r->f, " %.1f,%.1f", px(r, 1) + 4, INV_Y + INV_PH - buf[1] / ymax * INV_PH);
        fputs("\"/>\n", r->f);
        j++;
    }
    for (int t = 1; t <= r->T; t += r->T > 13 ? (r->T + 12) / 13 : 1) {
        char label[16];
        snprintf(label, sizeof label, "%d", t);
        rep_text(r, px(r, t), INV_Y + INV_PH + 14, "middle", 10, label);
    }
    rep_text(r, 8, 16, "start", 13, site);
    rep_legend(r, INV_X, INV_H - 12, INV_W - INV_X, names, nn, 0);
    rep_svg_close(r);
    fputs("</figure>\n", r->f);
}

/* the warehouses of every run, by name, in order of first appearance */
void rep_inventory_charts(rep *r)
{
    strmap seen;
    double *buf = malloc((size_t)(r->T + 2) * sizeof *buf);
    strmap_init(&seen);
    fputs("<div class=\"grid\">\n", r->f);
    for (int k = 0; buf && k < r->n; k++) {
        const scopt_network *net = r->runs[k].net;
        for (size_t s = 0; net && r->runs[k].has_plan && s < net->sites.len; s++) {
            int added = 0;
            if (net->sites.data[s].kind != KIND_WAREHOUSE || strmap_intern(&seen, site_name(net, (int)s), &added) < 0 || !added)
                continue;
            inventory_chart(r, site_name(net, (int)s), buf);
        }
    }
    if (!seen.count) fputs("<p>No warehouse in these datasets.</p>\n", r->f);
    fputs("</div>\n", r->f);
    strmap_free(&seen);
    free(buf);
}

/* ---- utilisation heat map ---- */

/* white-green (idle) through yellow (70%) to red (full); dark red above capacity */
static void heat_color(double u, char *buf, size_t n)
{
    static const double stop[3][4] = {{0, 240, 249, 232}, {0.7, 254, 224, 139}, {1, 215, 48, 31}};
    if (!(u <= 1.0 + 1e-9)) { snprintf(buf, n, "#7f0000"); return; }
    int k = u <= 0.7 ? 0 : 1;
    double a = (u - stop[k][0]) / (stop[k + 1][0] - stop[k][0]);
    a = a < 0 ? 0 : a > 1 ? 1 : a;
    snprintf(buf, n, "rgb(%d,%d,%d)", (int)(stop[k][1] + a * (stop[k + 1][1] - stop[k][1])),
             (int)(stop[k][2] + a * (stop[k + 1][2] - stop[k][2])), (int)(stop[k][3] + a * (stop[k + 1][3] - stop[k][3])));
}

static void heat_cell(rep *r, const rep_run *run, const plan_load *l, int row)
{
    double u = l->capacity > 0 ? l->load / l->capacity : l->load > 0 ? INFINITY : 0;
    char color[32];
    heat_color(u, color, sizeof color);
    fprintf(r->f, "<rect class=\"cell\" x=\"%d\" y=\"%d\" width=\"23\" height=\"17\" fill=\"%s\"><title>", 140 + 24 * (l->period - 1),
            30 + 18 * row, color);
    rep_esc(r->f, res_name(run->net, l->resource));
    if (isfinite(u)) fprintf(r->f, " period %d: %.0f%% (%.6g of %.6g)</title></rect>\n", l->period, 100 * u, l->load, l->capacity);
    else fprintf(r->f, " period %d: load %.6g on no capacity</title></rect>\n", l->period, l->load);
}

static void heatmap(rep *r, const rep_run *run)
{
    const scopt_network *net = run->net;
    int nres = (int)net->res.len, w = 160 + 24 * r->T, h = 70 + 18 * nres;
    char title[200], label[16];
    snprintf(title, sizeof title, "Resource utilisation: %s", run->name);
    fputs("<figure>", r->f);
    rep_svg_open(r, "", "heatmap", w < 420 ? 420 : w, h, title);
    fputs("<g data-run=\"", r->f);
    rep_esc(r->f, run->name);
    fputs("\">\n", r->f);
    rep_text(r, 8, 16, "start", 13, run->name);
    for (int i = 0; i < nres; i++) rep_text(r, 134, 30 + 18 * i + 13, "end", 11, res_name(net, i));
    for (size_t i = 0; i < run->plan.loads.len; i++) {
        const plan_load *l = &run->plan.loads.data[i];
        if (l->resource >= 0 && l->resource < nres && l->period >= 1 && l->period <= r->T) heat_cell(r, run, l, l->resource);
    }
    for (int t = 1; t <= r->T; t++) {
        snprintf(label, sizeof label, "%d", t);
        rep_text(r, 140 + 24 * (t - 1) + 11.5, 30 + 18 * nres + 14, "middle", 10, label);
    }
    fputs("</g>\n", r->f);
    rep_svg_close(r);
    fputs("</figure>\n", r->f);
}

void rep_heatmaps(rep *r)
{
    int any = 0;
    fputs("<p class=\"scale\">load / capacity per period: <span style=\"background:rgb(240,249,232)\">0%</span>"
          "<span style=\"background:rgb(254,224,139)\">70%</span><span style=\"background:rgb(215,48,31);color:#fff\">"
          "100%</span><span style=\"background:#7f0000;color:#fff\">over</span></p>\n<div class=\"grid\">\n", r->f);
    for (int k = 0; k < r->n; k++)
        if (r->runs[k].has_plan && r->runs[k].net->res.len) { heatmap(r, &r->runs[k]); any = 1; }
    if (!any) fputs("<p>No resources in these datasets.</p>\n", r->f);
    fputs("</div>\n", r->f);
}
