/* report.h - internal to the HTML report (io/report*.c, scopt_report_write_html): one
 * self-contained page, no script and nothing fetched, whose charts are inline SVG drawn
 * from the written plans. Each run's plan is read back with the plan reader against the
 * network it was solved for; runs are compared by names, never by ids (a scenario may add
 * sites or items).
 *
 *   report_html.c    the page: head, style, run list, KPI table, sections
 *   report_svg.c     SVG and HTML primitives: escaping, palette, axes, legend
 *   report_costs.c   cost breakdown per run (stacked bars) and fill rate per region
 *   report_time.c    inventory over time per warehouse (lines), resource utilisation heat map
 *   report_diff.c    what changed against the first run: lanes, sites, suppliers
 */
#ifndef SCOPT_REPORT_H
#define SCOPT_REPORT_H

#include <stdio.h>
#include "plan_kpis.h"

typedef struct rep_run {
    const char *name;
    const scopt_network *net;  /* NULL when the run has no dataset */
    const char *status;
    int has_plan;              /* plan and kpis are filled */
    plan_data plan;
    scopt_plan_kpis kpis;
} rep_run;

typedef struct rep {
    FILE *f;
    rep_run *runs;
    int n;
    int T;                     /* the longest horizon of the runs */
} rep;

/* report_svg.c */
void rep_esc(FILE *f, const char *s);                      /* HTML/XML text */
const char *rep_color(int k);                              /* a palette colour (k >= 0) */
void rep_svg_open(rep *r, const char *id, const char *cls, int w, int h, const char *title);
void rep_svg_close(rep *r);
/* a y axis from 0 to YMAX on [x0, x0+w] x [y0, y0+h] with 4 grid lines, labelled as
 * percentages (YMAX 100) or numbers */
void rep_axis_y(rep *r, int x0, int y0, int w, int h, double ymax, int percent);
/* a number for a label: 950, 12.5k, 1.06M */
void rep_num(double v, char *buf, size_t n);
void rep_text(rep *r, double x, double y, const char *anchor, int size, const char *text);
/* a legend of swatches from (x, y), wrapped into rows of at most WIDTH pixels */
void rep_legend(rep *r, int x, int y, int width, const char *const *names, int n, int first_color);
/* the number of rows rep_legend takes */
int rep_legend_rows(const char *const *names, int n, int width);
/* a "nice" upper bound >= v for an axis */
double rep_nice_max(double v);

/* report_costs.c */
void rep_cost_chart(rep *r);
void rep_fill_chart(rep *r);
/* report_time.c */
void rep_inventory_charts(rep *r);
void rep_heatmaps(rep *r);
/* report_diff.c */
void rep_differences(rep *r);

#endif
