/* plan_write.c - the plan's CSV schedules (docs/plan.md): purchases, production, shipments,
 * inventory_plan, deliveries, resource_load, sites; then summary.json; all published at
 * once through atomic_dir. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "atomic_dir.h"
#include "csv_out.h"
#include "plan.h"
#include "plan_write.h"

typedef struct writer {
    const scopt_plan *p;
    const scopt_network *n;
    const scopt_model *m;
    int dates;
} writer;

static void header(FILE *f, const writer *w, const char *const *cols)
{
    for (int k = 0; cols[k]; k++) {
        if (k) csv_sep(f);
        fputs(cols[k], f);
        size_t len = strlen(cols[k]);
        if (w->dates && !strcmp(cols[k], "period")) fputs(",date", f);
        else if (w->dates && len > 7 && !strcmp(cols[k] + len - 7, "_period"))
            fprintf(f, ",%.*s_date", (int)(len - 7), cols[k]);
    }
    csv_end(f);
}

static void period(FILE *f, const writer *w, int t)
{
    fprintf(f, ",%d", t);
    if (w->dates) {
        char d[16];
        period_date(w->n->settings.start_date, w->n->settings.period_days, t, d);
        fprintf(f, ",%s", d);
    }
}

static void write_purchases(FILE *f, const writer *w)
{
    static const char *const cols[] = {"supplier", "item", "order_period", "arrival_period", "quantity", "order", "cost", NULL};
    header(f, w, cols);
    for (size_t k = 0; k < w->n->supply.len; k++) {
        const net_supply *s = &w->n->supply.data[k];
        for (int t = 1; t + s->lead_time <= w->m->T && w->m->buy_col[k] >= 0; t++) {
            double q = w->p->x[w->m->buy_col[k] + t - 1];
            double o = w->m->order_col[k] >= 0 ? w->p->x[w->m->order_col[k] + t - 1] : 0;
            if (q <= 0 && o <= 0) continue;
            csv_text(f, site_name(w->n, s->supplier)); csv_sep(f); csv_text(f, item_name(w->n, s->item));
            period(f, w, t); period(f, w, t + s->lead_time);
            csv_sep(f); csv_num(f, q); csv_sep(f); csv_num(f, o);
            csv_sep(f); csv_num(f, s->unit_cost * q + s->order_cost * o); csv_end(f);
        }
    }
}

static void write_production(FILE *f, const writer *w)
{
    static const char *const cols[] = {"operation", "site", "item", "start_period", "finish_period", "quantity",
                                       "output_quantity", "setup", "cost", NULL};
    header(f, w, cols);
    for (size_t o = 0; o < w->n->ops.len; o++) {
        const net_operation *op = &w->n->ops.data[o];
        for (int t = 1; t + op->lead_time <= w->m->T && w->m->make_col[o] >= 0; t++) {
            double q = w->p->x[w->m->make_col[o] + t - 1];
            double s = w->m->setup_col[o] >= 0 ? w->p->x[w->m->setup_col[o] + t - 1] : 0;
            if (q <= 0 && s <= 0) continue;
            csv_text(f, op_name(w->n, (int)o)); csv_sep(f); csv_text(f, site_name(w->n, op->site));
            csv_sep(f); csv_text(f, item_name(w->n, op->item));
            period(f, w, t); period(f, w, t + op->lead_time);
            csv_sep(f); csv_num(f, q); csv_sep(f); csv_num(f, op->yield * q); csv_sep(f); csv_num(f, s);
            csv_sep(f); csv_num(f, op->unit_cost * q + op->setup_cost * s); csv_end(f);
        }
    }
}

static void write_shipments(FILE *f, const writer *w)
{
    static const char *const cols[] = {"from", "to", "item", "mode", "lane_item", "ship_period", "arrival_period",
                                       "quantity", "vehicles", "cost", NULL};
    header(f, w, cols);
    for (int k = 0; k < w->m->nlane_items; k++) {
        const model_lane_item *li = &w->m->lane_items[k];
        const net_lane *l = &w->n->lanes.data[li->lane];
        for (int t = 1; t + l->lead_time <= w->m->T && li->ship_col >= 0; t++) {
            double q = w->p->x[li->ship_col + t - 1];
            double v = w->m->veh_col[li->lane] >= 0 ? w->p->x[w->m->veh_col[li->lane] + t - 1] : 0;
            if (q <= 0) continue;
            csv_text(f, site_name(w->n, l->from)); csv_sep(f); csv_text(f, site_name(w->n, l->to));
            csv_sep(f); csv_text(f, item_name(w->n, li->item)); csv_sep(f); csv_text(f, mode_name(w->n, l->mode));
            csv_sep(f); csv_text(f, item_name(w->n, l->item));
            period(f, w, t); period(f, w, t + l->lead_time);
            csv_sep(f); csv_num(f, q); csv_sep(f); csv_num(f, v); csv_sep(f); csv_num(f, l->unit_cost * q); csv_end(f);
        }
    }
}

static void write_inventory(FILE *f, const writer *w)
{
    static const char *const cols[] = {"site", "item", "period", "on_hand", "safety_stock", "shortfall", NULL};
    header(f, w, cols);
    for (int b = 0; b < w->m->nbuffers; b++) {
        const model_buffer *bf = &w->m->buffers[b];
        const net_inventory *inv = bf->inv >= 0 ? &w->n->inventory.data[bf->inv] : NULL;
        double ss = inv ? inv->safety_stock : 0;
        for (int t = 1; t <= w->m->T; t++) {
            double s = bf->stock_col >= 0 ? w->p->x[bf->stock_col + t - 1] : 0;
            double sh = bf->short_col >= 0 ? w->p->x[bf->short_col + t - 1] : fmax(0.0, ss - s);
            csv_text(f, site_name(w->n, bf->site)); csv_sep(f); csv_text(f, item_name(w->n, bf->item));
            period(f, w, t); csv_sep(f); csv_num(f, s); csv_sep(f); csv_num(f, ss); csv_sep(f); csv_num(f, sh);
            csv_end(f);
        }
    }
}

static void write_deliveries(FILE *f, const writer *w)
{
    static const char *const cols[] = {"customer", "item", "period", "ordered", "delivered", "backlog", "lost", NULL};
    header(f, w, cols);
    for (int k = 0; k < w->m->ndemands; k++) {
        const model_demand *d = &w->m->demands[k];
        for (int t = 1; t <= w->m->T; t++) {
            int s = d->slot[t - 1];
            if (s < 0) continue;
            csv_text(f, site_name(w->n, d->customer)); csv_sep(f); csv_text(f, item_name(w->n, d->item));
            period(f, w, t); csv_sep(f); csv_num(f, d->qty[t - 1]);
            csv_sep(f); csv_num(f, w->p->x[d->deliv_col + s]);
            csv_sep(f); csv_num(f, d->backlog_col >= 0 ? w->p->x[d->backlog_col + s] : 0);
            csv_sep(f); csv_num(f, w->p->x[d->lost_col + s]); csv_end(f);
        }
    }
}

static void write_resources(FILE *f, const writer *w)
{
    static const char *const cols[] = {"resource", "period", "load", "run_load", "setup_load", "capacity",
                                       "overtime", "utilization", NULL};
    header(f, w, cols);
    size_t T = (size_t)w->m->T;
    for (size_t r = 0; r < w->n->res.len; r++)
        for (size_t t = 1; t <= T; t++) {
            double run = w->p->res_run[r * T + t - 1], setup = w->p->res_setup[r * T + t - 1];
            double cap = model_res_cap(w->m, (int)r, (int)t);
            csv_text(f, res_name(w->n, (int)r)); period(f, w, (int)t);
            csv_sep(f); csv_num(f, run + setup); csv_sep(f); csv_num(f, run); csv_sep(f); csv_num(f, setup);
            csv_sep(f); csv_num(f, cap); csv_sep(f); csv_num(f, w->p->res_overtime[r * T + t - 1]); csv_sep(f);
            if (cap > 0) fprintf(f, "%.4f", (run + setup) / cap);
            csv_end(f);
        }
}

static void write_sites(FILE *f, const writer *w)
{
    fputs("site,open\n", f);
    for (size_t s = 0; s < w->n->sites.len; s++) {
        if (w->m->open_col[s] < 0) continue;
        csv_text(f, site_name(w->n, (int)s));
        fprintf(f, ",%d\n", (int)nearbyint(w->p->x[w->m->open_col[s]]));
    }
}

static const struct { const char *name; void (*fn)(FILE *, const writer *); } files[] = {
    {"purchases.csv", write_purchases},   {"production.csv", write_production},
    {"shipments.csv", write_shipments},   {"inventory_plan.csv", write_inventory},
    {"deliveries.csv", write_deliveries}, {"resource_load.csv", write_resources},
    {"sites.csv", write_sites}};

scopt_status plan_write_files(const scopt_plan *p, atomic_dir *a, scopt_error *err)
{
    writer w = {p, p->net, p->model, p->net->settings.start_date[0] && p->net->settings.period_days > 0};
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        FILE *f = atomic_dir_open(a, files[k].name, err);
        if (!f) return SCOPT_EIO;
        if (p->has_solution) files[k].fn(f, &w);
        scopt_status s = atomic_dir_close_file(a, f, files[k].name, err);
        if (s != SCOPT_OK) return s;
    }
    return SCOPT_OK;
}
