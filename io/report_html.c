/* report_html.c - scopt_report_write_html: one self-contained HTML page (inline style and
 * SVG, no script, nothing fetched) about one or more written plans: the runs, their KPIs
 * side by side, the cost breakdown, fill rate per region, inventory per warehouse,
 * resource utilisation and what changed against the first run. Written to PATH.tmp and
 * renamed into place. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

static const char *const style =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px 32px;color:#222;"
    "max-width:1400px}h1{font-size:24px}h2{font-size:19px;border-bottom:1px solid #ddd;padding-bottom:4px;"
    "margin-top:32px}h3{font-size:16px}h4{font-size:14px;margin:14px 0 6px}table{border-collapse:collapse;"
    "font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:left}td.num,th.num{"
    "text-align:right;font-variant-numeric:tabular-nums}.delta-pos{color:#b3261e}.delta-neg{color:#2e7d32}"
    "small{color:#777}svg text{fill:#333;font-family:inherit}line.grid{stroke:#e4e4e4}line.axis{stroke:#888}"
    ".grid{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #eee;padding:4px}"
    "p.scale span{padding:1px 8px;margin-right:2px;font-size:12px}tr.added td:nth-child(2){color:#2e7d32}"
    "tr.removed td:nth-child(2){color:#b3261e}li.opened{color:#2e7d32}li.closed{color:#b3261e}.meta{color:#666}";

typedef struct kpi_row { const char *label; int what; } kpi_row;

/* value of KPI row WHAT (0 objective, 1..12 a cost, 13 fill rate, 14 lost, 15 late, 16 inventory value) */
static double kpi_value(const rep_run *run, int what)
{
    const scopt_plan_kpis *k = &run->kpis;
    if (what == 0) return k->objective;
    if (what <= COST_COUNT) return run->plan.summary.costs[what - 1];
    return what == 13 ? k->fill_rate : what == 14 ? k->lost : what == 15 ? k->late : k->inventory_value;
}

static void kpi_cells(rep *r, const char *label, int what)
{
    fprintf(r->f, "<tr><td>%s</td>", label);
    for (int k = 0; k < r->n; k++) {
        const rep_run *run = &r->runs[k], *base = &r->runs[0];
        if (!run->has_plan) { fputs("<td class=\"num\">-</td>", r->f); continue; }
        double v = kpi_value(run, what), d = base->has_plan ? v - kpi_value(base, what) : 0;
        double scale = what == 13 ? 100 : 1;
        fprintf(r->f, "<td class=\"num\">%.2f%s", scale * v, what == 13 ? "%" : "");
        if (k > 0 && base->has_plan && fabs(scale * d) >= 0.005)
            fprintf(r->f, " <small class=\"%s\">(%+.2f%s)</small>", (d > 0) == (what != 13) ? "delta-pos" : "delta-neg",
                    scale * d, what == 13 ? " pp" : "");
        fputs("</td>", r->f);
    }
    fputs("</tr>\n", r->f);
}

static void kpi_text_row(rep *r, const char *label, int what)
{
    fprintf(r->f, "<tr><td>%s</td>", label);
    for (int k = 0; k < r->n; k++) {
        const rep_run *run = &r->runs[k];
        const scopt_plan_kpis *p = &run->kpis;
        fputs("<td class=\"num\">", r->f);
        if (what == 0) rep_esc(r->f, run->status);
        else if (!run->has_plan) fputs("-", r->f);
        else if (what == 1) fprintf(r->f, "%d of %d%s", p->open_sites, p->optional_sites, p->closed_sites[0] ? "<br><small>closed: " : "");
        if (what == 1 && run->has_plan && p->closed_sites[0]) { rep_esc(r->f, p->closed_sites); fputs("</small>", r->f); }
        for (int b = 0; what == 2 && run->has_plan && b < p->nbusiest; b++) {
            rep_esc(r->f, p->busiest[b].resource);
            if (isfinite(p->busiest[b].utilization) && p->busiest[b].utilization < 1e6)
                fprintf(r->f, " %.0f%%", 100 * p->busiest[b].utilization);
            else fputs(" <small>load on zero capacity</small>", r->f);
            fprintf(r->f, " <small>p%d</small><br>", p->busiest[b].period);
        }
        fputs("</td>", r->f);
    }
    fputs("</tr>\n", r->f);
}

static void kpi_table(rep *r)
{
    static const char *const cost_labels[COST_COUNT] = {"purchase", "order", "production", "setup", "transport",
                                                        "vehicles", "holding", "overtime", "fixed", "lost sales",
                                                        "backorder", "shortfall"};
    char label[64];
    fputs("<table id=\"kpis\"><tr><th></th>", r->f);
    for (int k = 0; k < r->n; k++) { fputs("<th class=\"num\">", r->f); rep_esc(r->f, r->runs[k].name); fputs("</th>", r->f); }
    fputs("</tr>\n", r->f);
    kpi_text_row(r, "status", 0);
    kpi_cells(r, "<b>total cost</b>", 0);
    for (int c = 0; c < COST_COUNT; c++) {
        int used = 0;
        for (int k = 0; k < r->n; k++) used |= r->runs[k].has_plan && fabs(r->runs[k].plan.summary.costs[c]) > 1e-9;
        snprintf(label, sizeof label, "&nbsp;&nbsp;%s", cost_labels[c]);
        if (used) kpi_cells(r, label, c + 1);
    }
    kpi_cells(r, "fill rate", 13);
    kpi_cells(r, "units lost", 14);
    kpi_cells(r, "units late", 15);
    kpi_cells(r, "inventory value (average)", 16);
    kpi_text_row(r, "open sites", 1);
    kpi_text_row(r, "busiest resources", 2);
    fputs("</table>\n", r->f);
}

static void page(rep *r)
{
    FILE *f = r->f;
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>%s</title>\n<style>%s</style>"
               "</head>\n<body>\n<h1>%s</h1>\n<p class=\"meta\">scopt %s &middot; %d run%s &middot; %d periods</p>\n",
            r->n > 1 ? "scopt scenario comparison" : "scopt plan report", style,
            r->n > 1 ? "Scenario comparison" : "Plan report", scopt_version(), r->n, r->n == 1 ? "" : "s", r->T);
    fputs("<section id=\"summary\"><h2>Key figures</h2>\n", f);
    kpi_table(r);
    fputs("</section>\n<section id=\"costs\"><h2>Cost breakdown</h2>\n", f);
    rep_cost_chart(r);
    fputs("</section>\n<section id=\"fill\"><h2>Fill rate per customer region</h2>\n", f);
    rep_fill_chart(r);
    fputs("</section>\n<section id=\"inventory\"><h2>Inventory over time per warehouse</h2>\n"
          "<p class=\"meta\">units on hand at the end of each period, all items</p>\n", f);
    rep_inventory_charts(r);
    fputs("</section>\n<section id=\"utilisation\"><h2>Resource utilisation</h2>\n", f);
    rep_heatmaps(r);
    fputs("</section>\n<section id=\"differences\"><h2>What changed</h2>\n", f);
    rep_differences(r);
    fputs("</section>\n</body></html>\n", f);
}

static scopt_status load_runs(rep *r, const scopt_report_run *runs, scopt_error *err)
{
    for (int k = 0; k < r->n; k++) {
        rep_run *run = &r->runs[k];
        run->name = runs[k].name ? runs[k].name : "plan";
        run->net = runs[k].net;
        run->status = runs[k].status ? runs[k].status : "";
        if (!runs[k].net || !runs[k].plandir) continue;
        scopt_status s = plan_load_dir(runs[k].net, runs[k].plandir, &run->plan, err);
        if (s == SCOPT_OK) s = plan_kpis_compute(runs[k].net, &run->plan, &run->kpis);
        if (s != SCOPT_OK) return s;
        run->has_plan = 1;
        if (!runs[k].status) run->status = run->kpis.status;
        if (runs[k].net->T > r->T) r->T = runs[k].net->T;
    }
    return SCOPT_OK;
}

scopt_status scopt_report_write_html(const char *path, const scopt_report_run *runs, int nruns, scopt_error *err)
{
    char tmp[4200];
    error_clear(err);
    if (!path || !runs || nruns < 1) return error_set(err, SCOPT_EUSAGE, "scopt_report_write_html: path and runs needed");
    rep r = {.runs = calloc((size_t)nruns, sizeof(rep_run)), .n = nruns};
    if (!r.runs) return error_set(err, SCOPT_ENOMEM, "out of memory");
    scopt_status s = load_runs(&r, runs, err);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (s == SCOPT_OK && !(r.f = fopen(tmp, "w")))
        s = error_set(err, SCOPT_EIO, "cannot write %s: %s", tmp, strerror(errno));
    if (s == SCOPT_OK) {
        page(&r);
        int bad = ferror(r.f) | (fclose(r.f) != 0);
        if (bad || rename(tmp, path)) {
            s = error_set(err, SCOPT_EIO, "cannot write %s: %s", path, strerror(errno));
            remove(tmp);
        }
    }
    for (int k = 0; k < nruns; k++) plan_free(&r.runs[k].plan);
    free(r.runs);
    return s;
}
