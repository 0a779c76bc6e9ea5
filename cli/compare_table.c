/* compare_table.c - the side-by-side KPI table of `scopt compare` on stdout: one column per
 * run, one row per KPI (cost components only where some run has them), the other runs'
 * numbers followed by their delta against the first run. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "compare.h"

#define OFF(m) offsetof(scopt_plan_kpis, m)
const cmp_kpi cmp_kpis[] = {
    {"objective", "total cost", OFF(objective), 0, 0},
    {"purchase", "  purchase", OFF(costs.purchase), 0, 1},
    {"order", "  order", OFF(costs.order), 0, 1},
    {"production", "  production", OFF(costs.production), 0, 1},
    {"setup", "  setup", OFF(costs.setup), 0, 1},
    {"transport", "  transport", OFF(costs.transport), 0, 1},
    {"vehicles", "  vehicles", OFF(costs.vehicles), 0, 1},
    {"holding", "  holding", OFF(costs.holding), 0, 1},
    {"overtime", "  overtime", OFF(costs.overtime), 0, 1},
    {"fixed", "  fixed", OFF(costs.fixed), 0, 1},
    {"lost", "  lost sales", OFF(costs.lost), 0, 1},
    {"backorder", "  backorder", OFF(costs.backorder), 0, 1},
    {"shortfall", "  shortfall", OFF(costs.shortfall), 0, 1},
    {"fill_rate", "fill rate", OFF(fill_rate), 1, 0},
    {"ordered", "units ordered", OFF(ordered), 0, 0},
    {"delivered", "units delivered", OFF(delivered), 0, 0},
    {"lost_units", "units lost", OFF(lost), 0, 0},
    {"late_units", "units late", OFF(late), 0, 0},
    {"inventory_value", "inventory value", OFF(inventory_value), 0, 0},
};
const int cmp_nkpis = (int)(sizeof cmp_kpis / sizeof cmp_kpis[0]);

double cmp_kpi_value(const cmp_run *r, const cmp_kpi *k)
{
    return *(const double *)((const char *)&r->kpis + k->offset);
}

#define LABEL_W 18

static int col_width(const cmp_run *runs, int n)
{
    int w = 24;
    for (int k = 0; k < n; k++)
        if ((int)strlen(runs[k].name) + 2 > w) w = (int)strlen(runs[k].name) + 2;
    return w;
}

static void number_row(const cmp_run *runs, int n, const cmp_kpi *kp, int w)
{
    char cell[96];
    printf("%-*s", LABEL_W, kp->label);
    for (int k = 0; k < n; k++) {
        const cmp_run *r = &runs[k];
        double v = r->has_kpis ? cmp_kpi_value(r, kp) : NAN, d = runs[0].has_kpis ? v - cmp_kpi_value(&runs[0], kp) : NAN;
        if (!r->has_kpis) snprintf(cell, sizeof cell, "-");
        else if (kp->percent && k > 0 && !isnan(d) && fabs(100 * d) >= 0.005) snprintf(cell, sizeof cell, "%.2f%% (%+.2f pp)", 100 * v, 100 * d);
        else if (kp->percent) snprintf(cell, sizeof cell, "%.2f%%", 100 * v);
        else if (k > 0 && !isnan(d) && fabs(d) >= 0.005) snprintf(cell, sizeof cell, "%.2f (%+.2f)", v, d);
        else snprintf(cell, sizeof cell, "%.2f", v);
        printf("  %*s", w, cell);
    }
    printf("\n");
}

/* a cost component is shown when some run has it */
static int shown(const cmp_run *runs, int n, const cmp_kpi *kp)
{
    for (int k = 0; k < n && kp->cost; k++)
        if (runs[k].has_kpis && fabs(cmp_kpi_value(&runs[k], kp)) > 1e-9) return 1;
    return !kp->cost;
}

static void text_row(const cmp_run *runs, int n, const char *label, int w, int what)
{
    char cell[300];
    printf("%-*s", LABEL_W, label);
    for (int k = 0; k < n; k++) {
        const cmp_run *r = &runs[k];
        const scopt_plan_kpis *p = &r->kpis;
        if (what == 0) snprintf(cell, sizeof cell, "%s", r->status);
        else if (!r->has_kpis) snprintf(cell, sizeof cell, "-");
        else if (what == 1) snprintf(cell, sizeof cell, "%d of %d", p->open_sites, p->optional_sites);
        else if (what == 2) snprintf(cell, sizeof cell, "%.*s", w, p->closed_sites[0] ? p->closed_sites : "-");
        else if (what - 3 < p->nbusiest && p->busiest[what - 3].utilization < 1e6)
            snprintf(cell, sizeof cell, "%.*s %.0f%% p%d", w - 12, p->busiest[what - 3].resource,
                     100 * p->busiest[what - 3].utilization, p->busiest[what - 3].period);
        else if (what - 3 < p->nbusiest) /* load where the capacity is 0 (overtime in a shutdown) */
            snprintf(cell, sizeof cell, "%.*s 0-cap p%d", w - 12, p->busiest[what - 3].resource, p->busiest[what - 3].period);
        else snprintf(cell, sizeof cell, "-");
        printf("  %*s", w, cell);
    }
    printf("\n");
}

void cmp_print_table(const cmp_run *runs, int n)
{
    int w = col_width(runs, n);
    printf("%-*s", LABEL_W, "");
    for (int k = 0; k < n; k++) printf("  %*s", w, runs[k].name);
    printf("\n");
    text_row(runs, n, "status", w, 0);
    for (int i = 0; i < cmp_nkpis; i++)
        if (shown(runs, n, &cmp_kpis[i])) number_row(runs, n, &cmp_kpis[i], w);
    text_row(runs, n, "open sites", w, 1);
    text_row(runs, n, "closed sites", w, 2);
    for (int b = 0; b < SCOPT_KPI_BUSIEST; b++) {
        int any = 0;
        for (int k = 0; k < n; k++) any |= runs[k].has_kpis && b < runs[k].kpis.nbusiest;
        if (any) text_row(runs, n, b ? "" : "busiest resources", w, 3 + b);
    }
}
