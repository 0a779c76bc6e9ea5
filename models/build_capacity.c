/* build_capacity.c - resource rows with overtime, and the open/close decision of optional
 * sites (section 2b "Resources", "Optional sites"):
 *   res[r,t]:  sum usage*make[o,t] + sum setup_usage*setup[o,t] - overtime[r,t] <= capacity(t)
 *              0 <= overtime <= overtime_capacity (the calendar does not change it)
 *   open[s,t]: sum of the variable inflows arriving at s in t - M[s,t]*open[s] <= 0,
 *              M[s,t] = the sum of those inflows' upper bounds; fixed_cost * open[s]
 * Initial stock and receipts at a closed site may still be used and shipped out.
 * Strengthening (valid for every feasible plan, docs/formulation.md): when s holds no initial
 * stock and receives no receipts, whatever leaves s came in while it was open, so
 *   openout[l,i,t]: ship[l,i,t] - U*open[s] <= 0,  U = min(lane capacity, sum_{u<=t} M[s,u],
 *                   what the destination can take: a customer without stock takes at most its
 *                   demand of the arrival period, or its cumulative demand in backlog mode)
 * (for facility location this is the classic x_ij <= d_i y_j). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "model.h"

static int resource_period(scopt_model *m, int r, int t, const int *uses, int nuses)
{
    const scopt_network *n = m->net;
    int row = -1;
    for (int k = 0; k < nuses; k++) {
        const net_resource_use *u = &n->use.data[uses[k]];
        const net_operation *op = &n->ops.data[u->operation];
        if (t + op->lead_time > m->T) continue;
        if (row < 0 && (row = model_add_row(m, R_RESOURCE, r, t, -SCOPT_INF, model_res_cap(m, r, t))) < 0) return -1;
        model_add_coef(m, row, m->make_col[u->operation] + t - 1, u->usage);
        if (m->setup_col[u->operation] >= 0) model_add_coef(m, row, m->setup_col[u->operation] + t - 1, u->setup_usage);
    }
    const net_resource *res = &n->res.data[r];
    if (row >= 0 && res->overtime_capacity > 0) {
        int j = model_add_col(m, V_OVERTIME, r, t, 0, res->overtime_capacity, res->overtime_cost, 0);
        if (j < 0) return -1;
        model_add_coef(m, row, j, -1.0);
    }
    return 0;
}

int build_resources(scopt_model *m)
{
    const scopt_network *n = m->net;
    int *keys = malloc((n->use.len + 1) * sizeof *keys), rc = -1;
    csr_index by_res = {0};
    if (!keys) return -1;
    for (size_t k = 0; k < n->use.len; k++) keys[k] = n->use.data[k].resource;
    if (csr_index_build(&by_res, n->res.len, n->use.len, keys)) goto done;
    for (size_t r = 0; r < n->res.len; r++)
        for (int t = 1; t <= m->T; t++)
            if (resource_period(m, (int)r, t, by_res.idx + by_res.start[r], by_res.start[r + 1] - by_res.start[r]))
                goto done;
    rc = m->nomem ? -1 : 0;
done:
    free(keys);
    csr_index_free(&by_res);
    return rc;
}

/* ---- optional sites ---- */
typedef struct { int col; double coef; } inflow;

/* variable inflows of site s arriving in t, with their coefficient (yield for production) */
static int site_inflows(const scopt_model *m, int s, int t, inflow *out, int max)
{
    const scopt_network *n = m->net;
    int k = 0;
    for (size_t o = 0; o < n->supply.len && k < max; o++) {
        const net_supply *p = &n->supply.data[o];
        if (p->supplier == s && t - p->lead_time >= 1 && m->buy_col[o] >= 0)
            out[k++] = (inflow){m->buy_col[o] + t - p->lead_time - 1, 1.0};
    }
    for (size_t o = 0; o < n->ops.len && k < max; o++) {
        const net_operation *op = &n->ops.data[o];
        if (op->site == s && t - op->lead_time >= 1 && m->make_col[o] >= 0)
            out[k++] = (inflow){m->make_col[o] + t - op->lead_time - 1, op->yield};
    }
    for (int li = 0; li < m->nlane_items && k < max; li++) {
        const net_lane *l = &n->lanes.data[m->lane_items[li].lane];
        if (l->to == s && t - l->lead_time >= 1 && m->lane_items[li].ship_col >= 0)
            out[k++] = (inflow){m->lane_items[li].ship_col + t - l->lead_time - 1, 1.0};
    }
    return k;
}

static void describe_col(const scopt_model *m, int j, char *buf, size_t len)
{
    model_col_name(m, j, buf, len);
}

/* at most what customer c can take of item i arriving in t (SCOPT_INF when it may hold stock) */
static double destination_bound(const scopt_model *m, int c, int i, int t)
{
    const scopt_network *n = m->net;
    if (n->sites.data[c].kind != KIND_CUSTOMER) return SCOPT_INF;
    int b = model_buffer_find(m, c, i);
    if (b >= 0 && m->buffers[b].stock_col >= 0) return SCOPT_INF;
    int k = keymap_get(&m->demand_of, c, i, 0, 0);
    if (k < 0) return 0;
    const model_demand *d = &m->demands[k];
    if (!d->backlog_mode) return d->qty[t - 1];
    double cum = 0;
    for (int u = 1; u <= t; u++) cum += d->qty[u - 1];
    return cum;
}

static int has_own_stock(const scopt_model *m, int s)
{
    for (int b = 0; b < m->nbuffers; b++)
        if (m->buffers[b].site == s)
            for (int t = 1; t <= m->T; t++)
                if (m->rhi[m->buffers[b].bal_row + t - 1] > 0) return 1;
    return 0;
}

static int link_outflows(scopt_model *m, int s, int open, const double *cumM)
{
    const scopt_network *n = m->net;
    if (has_own_stock(m, s)) return 0;
    for (int k = 0; k < m->nlane_items; k++) {
        const model_lane_item *li = &m->lane_items[k];
        const net_lane *l = &n->lanes.data[li->lane];
        if (l->from != s || li->ship_col < 0) continue;
        for (int t = 1; t + l->lead_time <= m->T; t++) {
            double U = fmin(fmin(l->capacity, cumM[t - 1]), destination_bound(m, l->to, li->item, t + l->lead_time));
            if (is_inf(U)) continue;
            int r = model_add_row(m, R_OPEN_OUT, k, t, -SCOPT_INF, 0);
            if (r < 0) return -1;
            model_add_coef(m, r, li->ship_col + t - 1, 1.0);
            model_add_coef(m, r, open, -U);
        }
    }
    return 0;
}

static int open_site(scopt_model *m, int s, diag_sink *d, inflow *in, int max)
{
    const scopt_network *n = m->net;
    const net_site *st = &n->sites.data[s];
    int open = model_add_col(m, V_OPEN, s, 0, 0, 1, st->fixed_cost, 1);
    if (open < 0) return -1;
    m->open_col[s] = open;
    double *cumM = calloc((size_t)m->T + 1, sizeof *cumM);
    if (!cumM) return -1;
    for (int t = 1; t <= m->T; t++) {
        int k = site_inflows(m, s, t, in, max);
        double M = 0;
        for (int q = 0; q < k; q++) {
            double ub = m->ub[in[q].col] * in[q].coef;
            if (is_inf(m->ub[in[q].col])) {
                char what[300];
                describe_col(m, in[q].col, what, sizeof what);
                net_report(n, d, SCOPT_SEV_ERROR, T_SITES, st->line, 3,
                           "optional site '%s' has an inflow without an upper bound (%s); expected a "
                           "capacity on every supply, operation (max_per_period or resource) and lane "
                           "into an optional site", site_name(n, s), what);
                free(cumM);
                return 0;
            }
            M += ub;
        }
        cumM[t - 1] = (t > 1 ? cumM[t - 2] : 0) + M;
        if (k == 0 || M <= 0) continue;
        int r = model_add_row(m, R_OPEN_LINK, s, t, -SCOPT_INF, 0);
        if (r < 0) { free(cumM); return -1; }
        for (int q = 0; q < k; q++) model_add_coef(m, r, in[q].col, in[q].coef);
        model_add_coef(m, r, open, -M);
    }
    int rc = link_outflows(m, s, open, cumM);
    free(cumM);
    return rc;
}

int build_open_sites(scopt_model *m, diag_sink *d)
{
    const scopt_network *n = m->net;
    int max = (int)(n->supply.len + n->ops.len) + m->nlane_items + 1;
    inflow *in = malloc((size_t)max * sizeof *in);
    if (!in) return -1;
    int rc = 0;
    for (size_t s = 0; s < n->sites.len && !rc; s++)
        if (n->sites.data[s].optional) rc = open_site(m, (int)s, d, in, max);
    free(in);
    return rc || m->nomem ? -1 : 0;
}
