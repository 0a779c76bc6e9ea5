/* report_diff.c - the "what changed" section of the HTML report: for every run against the
 * first one, the lanes whose total shipped quantity changed (used only by one of them:
 * added or removed), the optional sites opened or closed, and the supply offers whose total
 * purchased quantity changed; each row with a small bar of its change. Compared by names. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

#define MAX_ROWS 25

typedef struct agg {
    strmap keys;
    VEC(double) q[2];     /* total per key in the first run (0) and the other (1) */
} agg;

static int agg_add(agg *a, int side, const char *key, double q)
{
    int id = strmap_intern(&a->keys, key, NULL);
    if (id < 0) return -1;
    while (a->q[0].len <= (size_t)id) {
        double *x = VEC_PUSH(a->q[0]), *y = x ? VEC_PUSH(a->q[1]) : NULL;
        if (!y) return -1;
    }
    a->q[side].data[id] += q;
    return 0;
}

static void lane_totals(const rep_run *run, agg *a, int side)
{
    char key[600];
    for (size_t i = 0; i < run->plan.shipments.len; i++) {
        const plan_shipment *s = &run->plan.shipments.data[i];
        const char *mode = s->mode >= 0 ? mode_name(run->net, s->mode) : "";
        snprintf(key, sizeof key, "%s \xe2\x86\x92 %s  %s%s%s%s", site_name(run->net, s->from), site_name(run->net, s->to),
                 item_name(run->net, s->item), mode[0] ? " (" : "", mode, mode[0] ? ")" : "");
        agg_add(a, side, key, s->quantity);
    }
}

static void supply_totals(const rep_run *run, agg *a, int side)
{
    char key[600];
    for (size_t i = 0; i < run->plan.purchases.len; i++) {
        const plan_purchase *p = &run->plan.purchases.data[i];
        snprintf(key, sizeof key, "%s  %s", site_name(run->net, p->supplier), item_name(run->net, p->item));
        agg_add(a, side, key, p->quantity);
    }
}

typedef struct change { int id; double size; } change;

static int by_size(const void *x, const void *y)
{
    double a = ((const change *)x)->size, b = ((const change *)y)->size;
    return (a < b) - (a > b);
}

static void diff_row(rep *r, const agg *a, int id, double biggest)
{
    double q0 = a->q[0].data[id], q1 = a->q[1].data[id], d = q1 - q0;
    const char *what = q0 <= 1e-9 ? "added" : q1 <= 1e-9 ? "removed" : "changed";
    fprintf(r->f, "<tr class=\"%s\"><td>", what);
    rep_esc(r->f, strmap_name(&a->keys, id));
    fprintf(r->f, "</td><td>%s</td><td class=\"num\">%.6g</td><td class=\"num\">%.6g</td><td class=\"num\">%+.6g</td>"
                  "<td><svg class=\"delta\" width=\"120\" height=\"12\"><rect x=\"%.1f\" y=\"1\" width=\"%.1f\" "
                  "height=\"10\" fill=\"%s\"/></svg></td></tr>\n", what, q0, q1, d, d < 0 ? 60 - 60 * fabs(d) / biggest : 60,
            60 * fabs(d) / biggest, d < 0 ? "#e15759" : "#59a14f");
}

/* the rows of A whose totals differ, largest change first */
static void diff_table(rep *r, const agg *a, const char *what, const char *base, const char *other)
{
    int n = 0;
    change *c = malloc((size_t)(a->keys.count + 1) * sizeof *c);
    double biggest = 0;
    for (int id = 0; c && id < a->keys.count; id++) {
        double q0 = a->q[0].data[id], q1 = a->q[1].data[id];
        if (fabs(q1 - q0) > 1e-6 * fmax(1, fmax(fabs(q0), fabs(q1)))) {
            c[n++] = (change){id, fabs(q1 - q0)};
            biggest = fmax(biggest, fabs(q1 - q0));
        }
    }
    fprintf(r->f, "<h4>%s: %d changed</h4>\n", what, n);
    if (n) {
        qsort(c, (size_t)n, sizeof *c, by_size);
        fputs("<table class=\"diff\"><tr><th></th><th></th><th>", r->f);
        rep_esc(r->f, base);
        fputs("</th><th>", r->f);
        rep_esc(r->f, other);
        fputs("</th><th>change</th><th></th></tr>\n", r->f);
        for (int i = 0; i < n && i < MAX_ROWS; i++) diff_row(r, a, c[i].id, biggest);
        fputs("</table>\n", r->f);
        if (n > MAX_ROWS) fprintf(r->f, "<p class=\"more\">and %d more with smaller changes</p>\n", n - MAX_ROWS);
    }
    free(c);
}

static void site_changes(rep *r, const rep_run *b, const rep_run *o)
{
    int n = 0;
    fputs("<h4>Sites</h4><ul class=\"sites\">\n", r->f);
    for (size_t i = 0; i < o->plan.sites.len; i++) {
        const char *name = site_name(o->net, o->plan.sites.data[i].site);
        int open = o->plan.sites.data[i].open > 0.5, s = strmap_find(&b->net->site_names, name), was = -1;
        for (size_t j = 0; s >= 0 && j < b->plan.sites.len; j++)
            if (b->plan.sites.data[j].site == s) was = b->plan.sites.data[j].open > 0.5;
        if (was == open) continue;
        fprintf(r->f, "<li class=\"%s\">", open ? "opened" : "closed");
        rep_esc(r->f, name);
        fprintf(r->f, ": %s%s</li>\n", open ? "opened" : "closed", was < 0 ? " (no open/close decision in the first run)" : "");
        n++;
    }
    fprintf(r->f, "%s</ul>\n", n ? "" : "<li>no optional site opened or closed</li>");
}

static void run_changes(rep *r, const rep_run *b, const rep_run *o)
{
    agg lanes = {0}, supply = {0};
    strmap_init(&lanes.keys);
    strmap_init(&supply.keys);
    lane_totals(b, &lanes, 0);
    lane_totals(o, &lanes, 1);
    supply_totals(b, &supply, 0);
    supply_totals(o, &supply, 1);
    fputs("<h3>", r->f);
    rep_esc(r->f, o->name);
    fputs(" against ", r->f);
    rep_esc(r->f, b->name);
    fputs("</h3>\n", r->f);
    site_changes(r, b, o);
    diff_table(r, &lanes, "Lanes (units shipped over the horizon)", b->name, o->name);
    diff_table(r, &supply, "Suppliers (units bought over the horizon)", b->name, o->name);
    strmap_free(&lanes.keys);
    strmap_free(&supply.keys);
    VEC_FREE(lanes.q[0]); VEC_FREE(lanes.q[1]); VEC_FREE(supply.q[0]); VEC_FREE(supply.q[1]);
}

void rep_differences(rep *r)
{
    if (r->n < 2) { fputs("<p>One plan: nothing to compare it with.</p>\n", r->f); return; }
    if (!r->runs[0].has_plan) { fputs("<p>The first run has no plan to compare with.</p>\n", r->f); return; }
    for (int k = 1; k < r->n; k++)
        if (r->runs[k].has_plan) run_changes(r, &r->runs[0], &r->runs[k]);
}
