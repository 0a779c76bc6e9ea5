/* plan_rows.c - the rows of a plan's tables (docs/plan.md), for the API
 * (scopt_plan_row_count, scopt_plan_purchase, ...) and the CSV writer (io/plan_write.c)
 * alike: decode indexes which (entity, period) pairs make a row, each getter computes its
 * row's numbers. One place decides what a row is and what it holds. */
#include <math.h>
#include <stdlib.h>
#include "plan.h"

static int push(plan_row_vec *v, int a, int t)
{
    plan_row_ref *r = VEC_PUSH(*v);
    if (!r) return -1;
    r->a = a;
    r->t = t;
    return 0;
}

static double col(const scopt_plan *p, int first, int t) { return first >= 0 ? p->x[first + t - 1] : 0.0; }

/* purchases: offer and order period with a quantity or an order; production: operation and
 * start period with a quantity or a setup */
/* vehicles paid for on a lane that ships nothing in t (a plan need not be optimal: a heuristic's
 * or a time-limited one) are shown on a row of the lane's first item with quantity 0, so that
 * the plan files account for every cost (lane items are contiguous per lane) */
static int idle_vehicles_row(const scopt_plan *p, int k, int t)
{
    const scopt_model *m = p->model;
    int l = m->lane_items[k].lane;
    if ((k > 0 && m->lane_items[k - 1].lane == l) || m->veh_col[l] < 0 || col(p, m->veh_col[l], t) <= 0) return 0;
    for (int j = k; j < m->nlane_items && m->lane_items[j].lane == l; j++)
        if (m->lane_items[j].ship_col >= 0 && col(p, m->lane_items[j].ship_col, t) > 0) return 0;
    return 1;
}

static int index_flows(scopt_plan *p)
{
    const scopt_model *m = p->model;
    const scopt_network *n = p->net;
    int rc = 0;
    for (size_t k = 0; k < n->supply.len; k++)
        for (int t = 1; t + n->supply.data[k].lead_time <= m->T && m->buy_col[k] >= 0; t++)
            if (col(p, m->buy_col[k], t) > 0 || col(p, m->order_col[k], t) > 0)
                rc |= push(&p->rows[SCOPT_PLAN_PURCHASES], (int)k, t);
    for (size_t o = 0; o < n->ops.len; o++)
        for (int t = 1; t + n->ops.data[o].lead_time <= m->T && m->make_col[o] >= 0; t++)
            if (col(p, m->make_col[o], t) > 0 || col(p, m->setup_col[o], t) > 0)
                rc |= push(&p->rows[SCOPT_PLAN_PRODUCTION], (int)o, t);
    for (int k = 0; k < m->nlane_items; k++) {
        const model_lane_item *li = &m->lane_items[k];
        for (int t = 1; t + n->lanes.data[li->lane].lead_time <= m->T && li->ship_col >= 0; t++)
            if (col(p, li->ship_col, t) > 0 || idle_vehicles_row(p, k, t))
                rc |= push(&p->rows[SCOPT_PLAN_SHIPMENTS], k, t);
    }
    return rc;
}

/* inventory: buffer x period; deliveries: demand key x active period; loads: resource x
 * period; sites: optional sites */
static int index_positions(scopt_plan *p)
{
    const scopt_model *m = p->model;
    int rc = 0;
    for (int b = 0; b < m->nbuffers; b++)
        for (int t = 1; t <= m->T; t++) rc |= push(&p->rows[SCOPT_PLAN_INVENTORY], b, t);
    for (int k = 0; k < m->ndemands; k++)
        for (int t = 1; t <= m->T; t++)
            if (m->demands[k].slot[t - 1] >= 0) rc |= push(&p->rows[SCOPT_PLAN_DELIVERIES], k, t);
    for (size_t r = 0; r < p->net->res.len; r++)
        for (int t = 1; t <= m->T; t++) rc |= push(&p->rows[SCOPT_PLAN_RESOURCE_LOAD], (int)r, t);
    for (size_t s = 0; s < p->net->sites.len; s++)
        if (m->open_col[s] >= 0) rc |= push(&p->rows[SCOPT_PLAN_SITES], (int)s, 0);
    return rc;
}

int plan_rows_index(scopt_plan *p)
{
    if (!p->has_solution || !p->model) return 0;
    return index_flows(p) || index_positions(p) ? -1 : 0;
}

void plan_rows_free(scopt_plan *p)
{
    for (int k = 0; k < PLAN_TABLE_COUNT; k++) VEC_FREE(p->rows[k]);
}

long scopt_plan_row_count(const scopt_plan *p, scopt_plan_table t)
{
    return p && (unsigned)t < PLAN_TABLE_COUNT ? (long)p->rows[t].len : 0;
}

/* the row reference, or NULL (SCOPT_EUSAGE) */
static const plan_row_ref *ref(const scopt_plan *p, scopt_plan_table t, long i, const void *row)
{
    return p && row && i >= 0 && (size_t)i < p->rows[t].len ? &p->rows[t].data[i] : NULL;
}

scopt_status scopt_plan_purchase(const scopt_plan *p, long i, scopt_purchase_row *row)
{
    const plan_row_ref *r = ref(p, SCOPT_PLAN_PURCHASES, i, row);
    if (!r) return SCOPT_EUSAGE;
    const net_supply *s = &p->net->supply.data[r->a];
    double q = col(p, p->model->buy_col[r->a], r->t), o = col(p, p->model->order_col[r->a], r->t);
    *row = (scopt_purchase_row){site_name(p->net, s->supplier), item_name(p->net, s->item), r->t,
                                r->t + s->lead_time, q, o, clean_value(s->unit_cost * q + s->order_cost * o)};
    return SCOPT_OK;
}

scopt_status scopt_plan_production(const scopt_plan *p, long i, scopt_production_row *row)
{
    const plan_row_ref *r = ref(p, SCOPT_PLAN_PRODUCTION, i, row);
    if (!r) return SCOPT_EUSAGE;
    const net_operation *op = &p->net->ops.data[r->a];
    double q = col(p, p->model->make_col[r->a], r->t), s = col(p, p->model->setup_col[r->a], r->t);
    *row = (scopt_production_row){op_name(p->net, r->a), site_name(p->net, op->site), item_name(p->net, op->item),
                                  r->t, r->t + op->lead_time, q, clean_value(op->yield * q), s,
                                  clean_value(op->unit_cost * q + op->setup_cost * s)};
    return SCOPT_OK;
}

scopt_status scopt_plan_shipment(const scopt_plan *p, long i, scopt_shipment_row *row)
{
    const plan_row_ref *r = ref(p, SCOPT_PLAN_SHIPMENTS, i, row);
    if (!r) return SCOPT_EUSAGE;
    const scopt_network *n = p->net;
    const model_lane_item *li = &p->model->lane_items[r->a];
    const net_lane *l = &n->lanes.data[li->lane];
    double q = col(p, li->ship_col, r->t);
    *row = (scopt_shipment_row){site_name(n, l->from), site_name(n, l->to), item_name(n, li->item),
                                mode_name(n, l->mode), item_name(n, l->item), r->t, r->t + l->lead_time, q,
                                col(p, p->model->veh_col[li->lane], r->t), clean_value(l->unit_cost * q),
                                l->parallel};
    return SCOPT_OK;
}

scopt_status scopt_plan_inventory(const scopt_plan *p, long i, scopt_inventory_row *row)
{
    const plan_row_ref *r = ref(p, SCOPT_PLAN_INVENTORY, i, row);
    if (!r) return SCOPT_EUSAGE;
    const model_buffer *b = &p->model->buffers[r->a];
    const net_inventory *inv = b->inv >= 0 ? &p->net->inventory.data[b->inv] : NULL;
    double ss = inv ? inv->safety_stock : 0, s = col(p, b->stock_col, r->t);
    double sh = b->short_col >= 0 ? col(p, b->short_col, r->t) : clean_value(fmax(0.0, ss - s));
    *row = (scopt_inventory_row){site_name(p->net, b->site), item_name(p->net, b->item), r->t, s, ss, sh};
    return SCOPT_OK;
}

scopt_status scopt_plan_delivery(const scopt_plan *p, long i, scopt_delivery_row *row)
{
    const plan_row_ref *r = ref(p, SCOPT_PLAN_DELIVERIES, i, row);
    if (!r) return SCOPT_EUSAGE;
    const model_demand *d = &p->model->demands[r->a];
    int s = d->slot[r->t - 1];
    *row = (scopt_delivery_row){site_name(p->net, d->customer), item_name(p->net, d->item), r->t,
                                clean_value(d->qty[r->t - 1]), p->x[d->deliv_col + s],
                                d->backlog_col >= 0 ? p->x[d->backlog_col + s] : 0, p->x[d->lost_col + s]};
    return SCOPT_OK;
}

scopt_status scopt_plan_resource_load(const scopt_plan *p, long i, scopt_resource_load_row *row)
{
    const plan_row_ref *r = ref(p, SCOPT_PLAN_RESOURCE_LOAD, i, row);
    if (!r) return SCOPT_EUSAGE;
    size_t T = (size_t)p->model->T, at = (size_t)r->a * T + (size_t)r->t - 1;
    double run = p->res_run[at], setup = p->res_setup[at], cap = model_res_cap(p->model, r->a, r->t);
    *row = (scopt_resource_load_row){res_name(p->net, r->a), r->t, clean_value(run + setup), clean_value(run),
                                     clean_value(setup), cap, p->res_overtime[at],
                                     cap > 0 ? (run + setup) / cap : NAN};
    return SCOPT_OK;
}

scopt_status scopt_plan_site(const scopt_plan *p, long i, scopt_site_row *row)
{
    const plan_row_ref *r = ref(p, SCOPT_PLAN_SITES, i, row);
    if (!r) return SCOPT_EUSAGE;
    *row = (scopt_site_row){site_name(p->net, r->a), (int)nearbyint(p->x[p->model->open_col[r->a]])};
    return SCOPT_OK;
}
