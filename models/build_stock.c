/* build_stock.c - stock columns and balance rows of every buffer, storage rows, and the
 * soft safety stock (section 2b "Buffers", "Storage", "Safety stock"):
 *   bal[b,t]:     stock[b,t] - stock[b,t-1] + outflows - arrivals = receipts[b,t] (+ initial, t = 1)
 *   storage[s,t]: sum_i volume_i * stock[(s,i),t] <= storage_capacity[s]
 *   safety[b,t]:  stock[b,t] + shortfall[b,t] >= safety_stock, 0 <= shortfall <= safety_stock
 * A customer buffer without an inventory row holds no stock (no stock column). A buffer that
 * no flow touches has a fixed stock, so its shortfall is a constant of the objective. */
#include <math.h>
#include <stdlib.h>
#include "model.h"

int build_stock(scopt_model *m)
{
    const scopt_network *n = m->net;
    int T = m->T;
    for (int b = 0; b < m->nbuffers; b++) {
        model_buffer *bf = &m->buffers[b];
        const net_inventory *inv = bf->inv >= 0 ? &n->inventory.data[bf->inv] : NULL;
        int holds = inv || n->sites.data[bf->site].kind != KIND_CUSTOMER;
        double initial = inv ? inv->initial : 0;
        for (int t = 1; t <= T; t++) {
            int r = model_add_row(m, R_BALANCE, b, t, t == 1 ? initial : 0, t == 1 ? initial : 0);
            if (r < 0) return -1;
            if (t == 1) bf->bal_row = r;
        }
        if (!holds) continue;
        for (int t = 1; t <= T; t++) {
            int j = model_add_col(m, V_STOCK, b, t, 0, inv ? inv->max : SCOPT_INF, inv ? inv->holding_cost : 0, 0);
            if (j < 0) return -1;
            if (t == 1) bf->stock_col = j;
            model_add_coef(m, bf->bal_row + t - 1, j, 1.0);
            if (t < T) model_add_coef(m, bf->bal_row + t, j, -1.0);
        }
    }
    for (size_t k = 0; k < n->receipts.len; k++) {
        const net_receipt *rc = &n->receipts.data[k];
        int b = model_buffer_find(m, rc->site, rc->item);
        if (b < 0 || rc->period > T) continue;
        int r = m->buffers[b].bal_row + rc->period - 1;
        m->rlo[r] += rc->quantity;
        m->rhi[r] += rc->quantity;
    }
    return m->nomem ? -1 : 0;
}

static int build_storage(scopt_model *m)
{
    const scopt_network *n = m->net;
    int *first = malloc((n->sites.len + 1) * sizeof *first), *next = malloc(((size_t)m->nbuffers + 1) * sizeof *next);
    if (!first || !next) { free(first); free(next); return -1; }
    for (size_t s = 0; s < n->sites.len; s++) first[s] = -1;
    for (int b = m->nbuffers - 1; b >= 0; b--) { next[b] = first[m->buffers[b].site]; first[m->buffers[b].site] = b; }
    for (size_t s = 0; s < n->sites.len && !m->nomem; s++) {
        double cap = n->sites.data[s].storage_capacity;
        if (is_inf(cap)) continue;
        int any = 0;
        for (int b = first[s]; b >= 0; b = next[b]) any |= m->buffers[b].stock_col >= 0 && n->items.data[m->buffers[b].item].volume > 0;
        if (!any) continue;
        for (int t = 1; t <= m->T; t++) {
            int r = model_add_row(m, R_STORAGE, (int)s, t, -SCOPT_INF, cap);
            for (int b = first[s]; b >= 0; b = next[b])
                if (m->buffers[b].stock_col >= 0)
                    model_add_coef(m, r, m->buffers[b].stock_col + t - 1, n->items.data[m->buffers[b].item].volume);
        }
    }
    free(first);
    free(next);
    return m->nomem ? -1 : 0;
}

/* stock of a buffer no flow touches: initial plus receipts so far */
static double fixed_stock(const scopt_model *m, int b, int t)
{
    double s = m->rlo[m->buffers[b].bal_row];
    for (int u = 2; u <= t; u++) s += m->rlo[m->buffers[b].bal_row + u - 1];
    return s;
}

static int build_safety(scopt_model *m)
{
    const scopt_network *n = m->net;
    for (int b = 0; b < m->nbuffers; b++) {
        model_buffer *bf = &m->buffers[b];
        if (bf->inv < 0) continue;
        const net_inventory *inv = &n->inventory.data[bf->inv];
        if (inv->safety_stock <= 0) continue;
        for (int t = 1; t <= m->T; t++) {
            if (!bf->has_flow || bf->stock_col < 0) {
                double stock = bf->stock_col < 0 ? 0 : fixed_stock(m, b, t);
                m->const_shortfall += inv->shortfall_penalty * fmax(0.0, inv->safety_stock - stock);
                continue;
            }
            int j = model_add_col(m, V_SHORTFALL, b, t, 0, inv->safety_stock, inv->shortfall_penalty, 0);
            int r = model_add_row(m, R_SAFETY, b, t, inv->safety_stock, SCOPT_INF);
            if (j < 0 || r < 0) return -1;
            if (t == 1) bf->short_col = j;
            model_add_coef(m, r, bf->stock_col + t - 1, 1.0);
            model_add_coef(m, r, j, 1.0);
        }
    }
    return m->nomem ? -1 : 0;
}

int build_storage_and_safety(scopt_model *m)
{
    return build_storage(m) || build_safety(m);
}
