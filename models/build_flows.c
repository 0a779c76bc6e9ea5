/* build_flows.c - purchases, production and transport columns with their links into the
 * balance rows, and the order/setup/vehicle rows (section 2b):
 *   buy[k,t] in [0, capacity(t)]; arrives at the supplier's buffer in t+L
 *   order[k,t] binary:  buy - capacity(t)*order <= 0,  buy - min_order*order >= 0
 *   capacity(t) = supply_calendar's override for (k, t), else supply.csv's capacity
 *   make[o,t] in [0, M[o,t]]: consumes quantity*make of BOM inputs in t, adds yield*make in t+L
 *   setup[o,t] binary:  make - M*setup <= 0,  make - min_lot*setup >= 0
 *   M[o,t] = min(max_per_period, min over o's resources with usage > 0 of
 *            (capacity(t) + overtime_capacity - setup_usage) / usage), floored at 0
 *   ship[l,i,t] in [0, lane capacity]; sum_i ship <= capacity when the lane carries several items
 *   vehicles[l,t] integer: sum_i volume_i*ship - vehicle_capacity*vehicles <= 0 */
#include <math.h>
#include <stdlib.h>
#include "model.h"

/* order[k,t] and its rows, after all of the offer's buy columns (columns of a kind are
 * contiguous per entity: buy_col[k] + t - 1) */
static int add_order(scopt_model *m, const net_supply *s, int k, int t)
{
    int j = m->buy_col[k] + t - 1;
    int o = model_add_col(m, V_ORDER, k, t, 0, 1, s->order_cost, 1);
    int r = model_add_row(m, R_ORDER_MAX, k, t, -SCOPT_INF, 0);
    if (o < 0 || r < 0) return -1;
    if (t == 1) m->order_col[k] = o;
    model_add_coef(m, r, j, 1.0);
    model_add_coef(m, r, o, -model_sup_cap(m, k, t));
    if (s->min_order > 0) {
        r = model_add_row(m, R_ORDER_MIN, k, t, 0, SCOPT_INF);
        if (r < 0) return -1;
        model_add_coef(m, r, j, 1.0);
        model_add_coef(m, r, o, -s->min_order);
    }
    return 0;
}

int build_purchases(scopt_model *m)
{
    const scopt_network *n = m->net;
    for (size_t k = 0; k < n->supply.len; k++) {
        const net_supply *s = &n->supply.data[k];
        for (int t = 1; t + s->lead_time <= m->T; t++) {
            int j = model_add_col(m, V_BUY, (int)k, t, 0, model_sup_cap(m, (int)k, t), s->unit_cost, 0);
            if (j < 0) return -1;
            if (t == 1) m->buy_col[k] = j;
            model_add_balance(m, s->supplier, s->item, t + s->lead_time, j, -1.0);
        }
        if (s->min_order > 0 || s->order_cost > 0)
            for (int t = 1; t + s->lead_time <= m->T; t++)
                if (add_order(m, s, (int)k, t)) return -1;
    }
    return m->nomem ? -1 : 0;
}

/* operations with a setup, and M[o,t] for every operation */
static int compute_make_bounds(scopt_model *m, char *has_setup)
{
    const scopt_network *n = m->net;
    size_t T = (size_t)m->T;
    m->make_ub = malloc((n->ops.len * T + 1) * sizeof *m->make_ub);
    if (!m->make_ub) return -1;
    for (size_t o = 0; o < n->ops.len; o++) {
        const net_operation *op = &n->ops.data[o];
        has_setup[o] = op->min_lot > 0 || op->setup_cost > 0;
        for (size_t t = 0; t < T; t++) m->make_ub[o * T + t] = op->max_per_period;
    }
    for (size_t k = 0; k < n->use.len; k++) {
        const net_resource_use *u = &n->use.data[k];
        const net_resource *r = &n->res.data[u->resource];
        if (u->setup_usage > 0) has_setup[u->operation] = 1;
        if (u->usage <= 0) continue;
        for (size_t t = 0; t < T; t++) {
            double M = (model_res_cap(m, u->resource, (int)t + 1) + r->overtime_capacity - u->setup_usage) / u->usage;
            double *ub = &m->make_ub[(size_t)u->operation * T + t];
            *ub = fmax(0.0, fmin(*ub, M));
        }
    }
    return 0;
}

static int add_setup(scopt_model *m, const net_operation *op, int o, int t, int make, double M)
{
    int s = model_add_col(m, V_SETUP, o, t, 0, M > 0 ? 1 : 0, op->setup_cost, 1);
    int r = model_add_row(m, R_SETUP_MAX, o, t, -SCOPT_INF, 0);
    if (s < 0 || r < 0) return -1;
    if (t == 1) m->setup_col[o] = s;
    model_add_coef(m, r, make, 1.0);
    model_add_coef(m, r, s, -M);
    if (op->min_lot > 0) {
        r = model_add_row(m, R_SETUP_MIN, o, t, 0, SCOPT_INF);
        if (r < 0) return -1;
        model_add_coef(m, r, make, 1.0);
        model_add_coef(m, r, s, -op->min_lot);
    }
    return 0;
}

int build_production(scopt_model *m)
{
    const scopt_network *n = m->net;
    char *has_setup = calloc(n->ops.len + 1, 1);
    int *keys = malloc((n->bom.len + 1) * sizeof *keys);
    csr_index bom = {0};
    int rc = -1;
    if (!has_setup || !keys || compute_make_bounds(m, has_setup)) goto done;
    for (size_t k = 0; k < n->bom.len; k++) keys[k] = n->bom.data[k].operation;
    if (csr_index_build(&bom, n->ops.len, n->bom.len, keys)) goto done;
    for (size_t o = 0; o < n->ops.len; o++) {
        const net_operation *op = &n->ops.data[o];
        for (int t = 1; t + op->lead_time <= m->T; t++) {
            double M = m->make_ub[o * (size_t)m->T + (size_t)(t - 1)];
            int j = model_add_col(m, V_MAKE, (int)o, t, 0, M, op->unit_cost, 0);
            if (j < 0) goto done;
            if (t == 1) m->make_col[o] = j;
            model_add_balance(m, op->site, op->item, t + op->lead_time, j, -op->yield);
            for (int p = bom.start[o]; p < bom.start[o + 1]; p++)
                model_add_balance(m, op->site, n->bom.data[bom.idx[p]].item, t, j, n->bom.data[bom.idx[p]].quantity);
        }
        for (int t = 1; t + op->lead_time <= m->T && has_setup[o]; t++)
            if (add_setup(m, op, (int)o, t, m->make_col[o] + t - 1, m->make_ub[o * (size_t)m->T + (size_t)(t - 1)]))
                goto done;
    }
    rc = m->nomem ? -1 : 0;
done:
    free(has_setup);
    free(keys);
    csr_index_free(&bom);
    return rc;
}

/* rows shared by the items of lane l in period t: capacity and vehicles */
static int lane_rows(scopt_model *m, int l, int first, int last, int t)
{
    const scopt_network *n = m->net;
    const net_lane *ln = &n->lanes.data[l];
    if (last - first > 1 && !is_inf(ln->capacity)) {
        int r = model_add_row(m, R_LANE_CAP, l, t, -SCOPT_INF, ln->capacity);
        if (r < 0) return -1;
        for (int k = first; k < last; k++) model_add_coef(m, r, m->lane_items[k].ship_col + t - 1, 1.0);
    }
    if (ln->vehicle_capacity > 0 && !is_inf(ln->vehicle_capacity) && ln->vehicle_cost > 0) {
        int v = model_add_col(m, V_VEHICLES, l, t, 0, SCOPT_INF, ln->vehicle_cost, 1);
        int r = model_add_row(m, R_VEHICLES, l, t, -SCOPT_INF, 0);
        if (v < 0 || r < 0) return -1;
        if (t == 1) m->veh_col[l] = v;
        for (int k = first; k < last; k++)
            model_add_coef(m, r, m->lane_items[k].ship_col + t - 1, n->items.data[m->lane_items[k].item].volume);
        model_add_coef(m, r, v, -ln->vehicle_capacity);
    }
    return 0;
}

int build_transport(scopt_model *m)
{
    const scopt_network *n = m->net;
    for (int first = 0, last; first < m->nlane_items; first = last) {
        int l = m->lane_items[first].lane;
        const net_lane *ln = &n->lanes.data[l];
        for (last = first; last < m->nlane_items && m->lane_items[last].lane == l; last++) {
            model_lane_item *li = &m->lane_items[last];
            for (int t = 1; t + ln->lead_time <= m->T; t++) {
                int j = model_add_col(m, V_SHIP, last, t, 0, ln->capacity, ln->unit_cost, 0);
                if (j < 0) return -1;
                if (t == 1) li->ship_col = j;
                model_add_balance(m, ln->from, li->item, t, j, 1.0);
                model_add_balance(m, ln->to, li->item, t + ln->lead_time, j, -1.0);
            }
        }
        for (int t = 1; t + ln->lead_time <= m->T; t++)
            if (lane_rows(m, l, first, last, t)) return -1;
    }
    return m->nomem ? -1 : 0;
}
