/* decode.c - from column values to the numbers of the plan: cost by component (section 2b
 * "Costs"), delivered/lost/fill rate and per-resource loads. */
#include <math.h>
#include <stdlib.h>
#include "plan.h"

const char *const cost_kind_names[COST_COUNT] = {
    "purchase", "order", "production", "setup", "transport", "vehicles",
    "holding", "overtime", "fixed", "lost", "backorder", "shortfall"};

static const signed char cost_of_kind[V_KIND_COUNT] = {
    [V_BUY] = COST_PURCHASE, [V_ORDER] = COST_ORDER, [V_MAKE] = COST_PRODUCTION,
    [V_SETUP] = COST_SETUP, [V_SHIP] = COST_TRANSPORT, [V_VEHICLES] = COST_VEHICLES,
    [V_STOCK] = COST_HOLDING, [V_SHORTFALL] = COST_SHORTFALL, [V_OVERTIME] = COST_OVERTIME,
    [V_DELIVERED] = -1, [V_LOST] = COST_LOST, [V_BACKLOG] = COST_BACKORDER, [V_OPEN] = COST_FIXED, [V_SLACK] = -1};

double clean_value(double v)
{
    if (fabs(v) < 1e-9) return 0.0;
    double r = nearbyint(v);
    if (fabs(v - r) <= 1e-9 * fmax(1.0, fabs(v))) return r;
    return v;
}

static void add_loads(scopt_plan *p, size_t T)
{
    const scopt_model *m = p->model;
    const scopt_network *n = p->net;
    for (size_t k = 0; k < n->use.len; k++) {
        const net_resource_use *u = &n->use.data[k];
        int mc = m->make_col[u->operation], sc = m->setup_col[u->operation];
        int L = n->ops.data[u->operation].lead_time;
        for (size_t t = 1; t + (size_t)L <= T && mc >= 0; t++) {
            p->res_run[(size_t)u->resource * T + t - 1] += u->usage * p->x[mc + (int)t - 1];
            if (sc >= 0) p->res_setup[(size_t)u->resource * T + t - 1] += u->setup_usage * p->x[sc + (int)t - 1];
        }
    }
}

int decode_plan(scopt_plan *p)
{
    const scopt_model *m = p->model;
    size_t T = (size_t)m->T, nr = p->net->res.len;
    p->res_run = calloc(nr * T + 1, sizeof *p->res_run);
    p->res_setup = calloc(nr * T + 1, sizeof *p->res_setup);
    p->res_overtime = calloc(nr * T + 1, sizeof *p->res_overtime);
    if (!p->res_run || !p->res_setup || !p->res_overtime) return -1;
    for (int j = 0; j < m->ncols; j++) {
        double v = m->is_int[j] ? nearbyint(p->x[j]) : clean_value(p->x[j]);
        p->x[j] = v;
        int c = cost_of_kind[m->cm[j].kind];
        if (c >= 0) p->costs[c] += m->cost[j] * v;
        if (m->cm[j].kind == V_OVERTIME) p->res_overtime[(size_t)m->cm[j].a * T + (size_t)m->cm[j].t - 1] = v;
        if (m->cm[j].kind == V_DELIVERED) p->delivered += v;
        if (m->cm[j].kind == V_LOST) p->lost += v;
    }
    p->costs[COST_FIXED] += m->const_fixed;
    p->costs[COST_SHORTFALL] += m->const_shortfall;
    for (int k = 0; k < m->ndemands; k++)
        for (size_t t = 0; t < T; t++) p->ordered += m->demands[k].qty[t];
    p->fill_rate = p->ordered > 0 ? p->delivered / p->ordered : 1.0;
    add_loads(p, T);
    return plan_rows_index(p);
}
