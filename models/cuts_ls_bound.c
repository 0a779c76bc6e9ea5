/* cuts_ls_bound.c - D(a,l): an upper bound on the total outflow of a buffer b = (site, item)
 * over periods a..l that holds for every feasible plan (section 2b), for the (l,S)
 * inequalities of cuts_ls.c. The outflows of b (its balance row) are shipments on lanes out of
 * the site, BOM consumption at the site and deliveries (customers only; operations sit at
 * plants). D sums, per outflow ("channel"), the smaller of two bounds:
 *   - the sum of the channel's column upper bounds over the periods (lane capacity, for BOM
 *     consumption quantity * M[o2,u]);
 *   - for a lane into a customer c: what c can absorb over the arrival periods a'..l', i.e.
 *     deliveries + stock[c,l'] (customers neither ship out nor consume):
 *     lost sales: sum_{u=a'..l'} quantity[u]; backlog: sum_{u<=l'} quantity[u] (backlog >= 0);
 *     plus the upper bound of stock[c,l'] (0 without stock, unbounded without a max).
 * Anything unbounded makes D = SCOPT_INF. */
#include <stdlib.h>
#include "cuts_ls_internal.h"

static double sat_add(double a, double b) { return is_inf(a) || is_inf(b) ? SCOPT_INF : a + b; }

/* prefix sums of per-period bounds p[1..T]; infinite entries counted apart */
typedef struct { double *sum; int *ninf; } prefix;

static void prefix_fill(prefix *pf, const double *p, int T)
{
    pf->sum[0] = 0;
    pf->ninf[0] = 0;
    for (int u = 1; u <= T; u++) {
        pf->sum[u] = pf->sum[u - 1] + (is_inf(p[u]) ? 0 : p[u]);
        pf->ninf[u] = pf->ninf[u - 1] + (is_inf(p[u]) != 0);
    }
}

static double prefix_range(const prefix *pf, int a, int l)
{
    if (a > l) return 0;
    return pf->ninf[l] - pf->ninf[a - 1] > 0 ? SCOPT_INF : pf->sum[l] - pf->sum[a - 1];
}

/* what customer buffer (c, item) can absorb of arrivals over a..l (1 <= a <= l <= T) */
static double customer_absorbs(const scopt_model *m, int c, int item, int a, int l)
{
    if (m->net->sites.data[c].kind != KIND_CUSTOMER) return SCOPT_INF;
    double cap = 0;
    int b = model_buffer_find(m, c, item);
    if (b >= 0 && m->buffers[b].stock_col >= 0) cap = m->ub[m->buffers[b].stock_col + l - 1];
    int k = keymap_get(&m->demand_of, c, item, 0, 0);
    if (k < 0 || is_inf(cap)) return cap;
    const model_demand *d = &m->demands[k];
    for (int u = d->backlog_mode ? 1 : a; u <= l; u++)
        if (d->backlog_mode || d->has_row[u - 1]) cap += d->qty[u - 1];
    return cap;
}

/* add channel bounds to D (T x T, D[(a-1)*T + l-1]): per-period bounds p[1..T] (0 where the
 * column does not exist); lane into dest site `to` with lead time L (to < 0: no destination) */
static void add_channel(const scopt_model *m, double *D, prefix *pf, const double *p, int to, int item, int L)
{
    int T = m->T;
    prefix_fill(pf, p, T);
    for (int a = 1; a <= T; a++)
        for (int l = a; l <= T; l++) {
            double *d = &D[(size_t)(a - 1) * (size_t)T + (size_t)(l - 1)];
            if (is_inf(*d)) continue;
            int hi = l + L <= T ? l : T - L;   /* a flow started in u exists only if u+L <= T */
            double v = prefix_range(pf, a, hi);
            if (to >= 0 && a <= hi) {
                double w = customer_absorbs(m, to, item, a + L, hi + L);
                if (w < v) v = w;
            }
            *d = sat_add(*d, v);
        }
}

static void lane_channels(const scopt_model *m, int site, int item, double *D, prefix *pf, double *p)
{
    const scopt_network *n = m->net;
    for (int k = 0; k < m->nlane_items; k++) {
        const model_lane_item *li = &m->lane_items[k];
        const net_lane *ln = &n->lanes.data[li->lane];
        if (ln->from != site || li->item != item || li->ship_col < 0) continue;
        for (int u = 1; u <= m->T; u++) p[u] = u + ln->lead_time <= m->T ? m->ub[li->ship_col + u - 1] : 0;
        add_channel(m, D, pf, p, ln->to, item, ln->lead_time);
    }
}

static void bom_channels(const scopt_model *m, int site, int item, double *D, prefix *pf, double *p)
{
    const scopt_network *n = m->net;
    for (size_t k = 0; k < n->bom.len; k++) {
        const net_bom *r = &n->bom.data[k];
        const net_operation *op = &n->ops.data[r->operation];
        int j = m->make_col[r->operation];
        if (r->item != item || op->site != site || j < 0 || r->quantity <= 0) continue;
        for (int u = 1; u <= m->T; u++) {
            double ub = u + op->lead_time <= m->T ? m->ub[j + u - 1] : 0;
            p[u] = is_inf(ub) ? SCOPT_INF : r->quantity * ub;
        }
        add_channel(m, D, pf, p, -1, item, 0);
    }
}

/* deliveries out of a customer buffer: at most what its demand asks (stock aside) */
static void delivery_channel(const scopt_model *m, int site, int item, double *D)
{
    int k = keymap_get(&m->demand_of, site, item, 0, 0), T = m->T;
    if (k < 0) return;
    const model_demand *dm = &m->demands[k];
    for (int a = 1; a <= T; a++)
        for (int l = a; l <= T; l++) {
            double v = 0;
            for (int u = dm->backlog_mode ? 1 : a; u <= l; u++)
                if (dm->backlog_mode || dm->has_row[u - 1]) v += dm->qty[u - 1];
            double *d = &D[(size_t)(a - 1) * (size_t)T + (size_t)(l - 1)];
            *d = sat_add(*d, v);
        }
}

int ls_outflow_bounds(const scopt_model *m, int site, int item, double *D)
{
    int T = m->T;
    prefix pf = {malloc(((size_t)T + 1) * sizeof *pf.sum), malloc(((size_t)T + 1) * sizeof *pf.ninf)};
    double *p = malloc(((size_t)T + 1) * sizeof *p);
    if (!pf.sum || !pf.ninf || !p) { free(pf.sum); free(pf.ninf); free(p); return -1; }
    for (size_t k = 0; k < (size_t)T * (size_t)T; k++) D[k] = 0;
    lane_channels(m, site, item, D, &pf, p);
    bom_channels(m, site, item, D, &pf, p);
    delivery_channel(m, site, item, D);
    free(pf.sum);
    free(pf.ninf);
    free(p);
    return 0;
}
