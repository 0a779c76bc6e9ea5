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

/* each writer prints the rows of its table as the API gives them (models/plan_rows.c) */
static void write_purchases(FILE *f, const writer *w)
{
    static const char *const cols[] = {"supplier", "item", "order_period", "arrival_period", "quantity", "order", "cost", NULL};
    scopt_purchase_row r;
    header(f, w, cols);
    for (long i = 0; scopt_plan_purchase(w->p, i, &r) == SCOPT_OK; i++) {
        csv_text(f, r.supplier); csv_sep(f); csv_text(f, r.item);
        period(f, w, r.order_period); period(f, w, r.arrival_period);
        csv_sep(f); csv_num(f, r.quantity); csv_sep(f); csv_num(f, r.order); csv_sep(f); csv_num(f, r.cost); csv_end(f);
    }
}

static void write_production(FILE *f, const writer *w)
{
    static const char *const cols[] = {"operation", "site", "item", "start_period", "finish_period", "quantity",
                                       "output_quantity", "setup", "cost", NULL};
    scopt_production_row r;
    header(f, w, cols);
    for (long i = 0; scopt_plan_production(w->p, i, &r) == SCOPT_OK; i++) {
        csv_text(f, r.operation); csv_sep(f); csv_text(f, r.site); csv_sep(f); csv_text(f, r.item);
        period(f, w, r.start_period); period(f, w, r.finish_period);
        csv_sep(f); csv_num(f, r.quantity); csv_sep(f); csv_num(f, r.output_quantity); csv_sep(f); csv_num(f, r.setup);
        csv_sep(f); csv_num(f, r.cost); csv_end(f);
    }
}

static void write_shipments(FILE *f, const writer *w)
{
    static const char *const cols[] = {"from", "to", "item", "mode", "lane_item", "ship_period", "arrival_period",
                                       "quantity", "vehicles", "cost", "lane_no", NULL};
    scopt_shipment_row r;
    header(f, w, cols);
    for (long i = 0; scopt_plan_shipment(w->p, i, &r) == SCOPT_OK; i++) {
        csv_text(f, r.from); csv_sep(f); csv_text(f, r.to); csv_sep(f); csv_text(f, r.item); csv_sep(f);
        csv_text(f, r.mode); csv_sep(f); csv_text(f, r.lane_item);
        period(f, w, r.ship_period); period(f, w, r.arrival_period);
        csv_sep(f); csv_num(f, r.quantity); csv_sep(f); csv_num(f, r.vehicles); csv_sep(f); csv_num(f, r.cost);
        csv_sep(f); fprintf(f, "%d", r.lane_no); csv_end(f);
    }
}

static void write_inventory(FILE *f, const writer *w)
{
    static const char *const cols[] = {"site", "item", "period", "on_hand", "safety_stock", "shortfall", NULL};
    scopt_inventory_row r;
    header(f, w, cols);
    for (long i = 0; scopt_plan_inventory(w->p, i, &r) == SCOPT_OK; i++) {
        csv_text(f, r.site); csv_sep(f); csv_text(f, r.item); period(f, w, r.period);
        csv_sep(f); csv_num(f, r.on_hand); csv_sep(f); csv_num(f, r.safety_stock); csv_sep(f); csv_num(f, r.shortfall);
        csv_end(f);
    }
}

static void write_deliveries(FILE *f, const writer *w)
{
    static const char *const cols[] = {"customer", "item", "period", "ordered", "delivered", "backlog", "lost", NULL};
    scopt_delivery_row r;
    header(f, w, cols);
    for (long i = 0; scopt_plan_delivery(w->p, i, &r) == SCOPT_OK; i++) {
        csv_text(f, r.customer); csv_sep(f); csv_text(f, r.item); period(f, w, r.period);
        csv_sep(f); csv_num(f, r.ordered); csv_sep(f); csv_num(f, r.delivered);
        csv_sep(f); csv_num(f, r.backlog); csv_sep(f); csv_num(f, r.lost); csv_end(f);
    }
}

static void write_resources(FILE *f, const writer *w)
{
    static const char *const cols[] = {"resource", "period", "load", "run_load", "setup_load", "capacity",
                                       "overtime", "utilization", NULL};
    scopt_resource_load_row r;
    header(f, w, cols);
    for (long i = 0; scopt_plan_resource_load(w->p, i, &r) == SCOPT_OK; i++) {
        csv_text(f, r.resource); period(f, w, r.period);
        csv_sep(f); csv_num(f, r.load); csv_sep(f); csv_num(f, r.run_load); csv_sep(f); csv_num(f, r.setup_load);
        csv_sep(f); csv_num(f, r.capacity); csv_sep(f); csv_num(f, r.overtime); csv_sep(f);
        if (!isnan(r.utilization)) fprintf(f, "%.4f", r.utilization);
        csv_end(f);
    }
}

static void write_sites(FILE *f, const writer *w)
{
    scopt_site_row r;
    fputs("site,open\n", f);
    for (long i = 0; scopt_plan_site(w->p, i, &r) == SCOPT_OK; i++) {
        csv_text(f, r.site);
        fprintf(f, ",%d\n", r.open);
    }
}

static const struct { const char *name; void (*fn)(FILE *, const writer *); } files[] = {
    {"purchases.csv", write_purchases},   {"production.csv", write_production},
    {"shipments.csv", write_shipments},   {"inventory_plan.csv", write_inventory},
    {"deliveries.csv", write_deliveries}, {"resource_load.csv", write_resources},
    {"sites.csv", write_sites}};

scopt_status plan_write_files(const scopt_plan *p, atomic_dir *a, scopt_error *err)
{
    writer w = {p, p->net, p->net->settings.start_date[0] && p->net->settings.period_days > 0};
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        FILE *f = atomic_dir_open(a, files[k].name, err);
        if (!f) return SCOPT_EIO;
        if (p->has_solution) files[k].fn(f, &w);
        scopt_status s = atomic_dir_close_file(a, f, files[k].name, err);
        if (s != SCOPT_OK) return s;
    }
    return SCOPT_OK;
}
