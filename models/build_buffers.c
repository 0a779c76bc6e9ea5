/* build_buffers.c - which (site, item) buffers exist and which items each lane carries
 * (ARCHITECTURE.md section 2b "Buffers" and "Items a lane without item carries").
 * Items that can be at a site: purchased, produced or received there, held there initially,
 * or arriving by any lane, as a fixed point over the item-less lanes. A lane into a customer
 * carries an item only when that customer demands it or may hold it (inventory row): any
 * other shipment there could only be zero. */
#include <stdlib.h>
#include <string.h>
#include "model.h"

typedef struct {
    keymap at;          /* (site,item) -> 0: the item can be at the site */
    int *queue;
    size_t len, cap, head;
    int nomem;
} item_sites;

static void can_be_at(item_sites *w, int s, int i)
{
    int r = keymap_put(&w->at, s, i, 0, 0, 0);
    if (r == -2) { w->nomem = 1; return; }
    if (r >= 0) return;
    if (vec_grow((void **)&w->queue, &w->cap, w->len + 2, sizeof *w->queue)) { w->nomem = 1; return; }
    w->queue[w->len++] = s;
    w->queue[w->len++] = i;
}

static void seed_sources(const scopt_network *n, int T, item_sites *w)
{
    for (size_t k = 0; k < n->supply.len; k++) can_be_at(w, n->supply.data[k].supplier, n->supply.data[k].item);
    for (size_t k = 0; k < n->ops.len; k++) can_be_at(w, n->ops.data[k].site, n->ops.data[k].item);
    for (size_t k = 0; k < n->receipts.len; k++)
        if (n->receipts.data[k].period <= T && n->receipts.data[k].quantity > 0)
            can_be_at(w, n->receipts.data[k].site, n->receipts.data[k].item);
    for (size_t k = 0; k < n->inventory.len; k++)
        if (n->inventory.data[k].initial > 0) can_be_at(w, n->inventory.data[k].site, n->inventory.data[k].item);
    for (size_t k = 0; k < n->lanes.len; k++)
        if (n->lanes.data[k].item >= 0) can_be_at(w, n->lanes.data[k].to, n->lanes.data[k].item);
}

/* lanes grouped by from-site */
static int lanes_by_from(const scopt_network *n, csr_index *ix)
{
    int *keys = malloc((n->lanes.len + 1) * sizeof *keys);
    if (!keys) return -1;
    for (size_t k = 0; k < n->lanes.len; k++) keys[k] = n->lanes.data[k].from;
    int rc = csr_index_build(ix, n->sites.len, n->lanes.len, keys);
    free(keys);
    return rc;
}

static int add_buffer(scopt_model *m, int s, int i)
{
    int b = m->nbuffers;
    int r = keymap_put(&m->buffer_of, s, i, 0, 0, b);
    if (r == -2) return -1;
    if (r >= 0) return 0;
    if (vec_grow((void **)&m->buffers, &m->buffers_cap, (size_t)b + 1, sizeof *m->buffers)) return -1;
    m->buffers[b] = (model_buffer){s, i, -1, -1, -1, -1, 0};
    m->nbuffers++;
    return 0;
}

static int lane_carries(const scopt_model *m, const keymap *demanded, const net_lane *l, int i)
{
    const scopt_network *n = m->net;
    if (n->sites.data[l->to].kind != KIND_CUSTOMER) return 1;
    return keymap_get(demanded, l->to, i, 0, 0) >= 0;
}

static int push_lane_item(scopt_model *m, const keymap *demanded, int k, int i)
{
    const net_lane *l = &m->net->lanes.data[k];
    if (!lane_carries(m, demanded, l, i)) return 0;
    if (vec_grow((void **)&m->lane_items, &m->lane_items_cap, (size_t)m->nlane_items + 1, sizeof *m->lane_items))
        return -1;
    m->lane_items[m->nlane_items++] = (model_lane_item){k, i, -1};
    return 0;
}

/* lane-item pairs in lane order; items of an item-less lane in the order they reached its site */
static int collect_lane_items(scopt_model *m, const item_sites *w, const keymap *demanded)
{
    const scopt_network *n = m->net;
    size_t npairs = w->len / 2;
    int *keys = malloc((npairs + 1) * sizeof *keys), rc = -1;
    csr_index at = {0};
    if (!keys) return -1;
    for (size_t q = 0; q < npairs; q++) keys[q] = w->queue[2 * q];
    if (csr_index_build(&at, n->sites.len, npairs, keys)) goto done;
    for (size_t k = 0; k < n->lanes.len; k++) {
        const net_lane *l = &n->lanes.data[k];
        if (l->item >= 0) { if (push_lane_item(m, demanded, (int)k, l->item)) goto done; continue; }
        for (int p = at.start[l->from]; p < at.start[l->from + 1]; p++)
            if (push_lane_item(m, demanded, (int)k, w->queue[2 * at.idx[p] + 1])) goto done;
    }
    rc = 0;
done:
    free(keys);
    csr_index_free(&at);
    return rc;
}

/* an item that can be at site s reaches a buffer there unless s is a customer that does not take it */
static int reaches(const scopt_network *n, const keymap *demanded, int s, int i)
{
    return n->sites.data[s].kind != KIND_CUSTOMER || keymap_get(demanded, s, i, 0, 0) >= 0;
}

int build_buffers(scopt_model *m, diag_sink *d)
{
    const scopt_network *n = m->net;
    item_sites w = {0};
    keymap demanded;
    csr_index from = {0};
    int rc = -1;
    (void)d;
    keymap_init(&w.at);
    keymap_init(&demanded);
    seed_sources(n, m->T, &w);
    if (lanes_by_from(n, &from)) goto done;
    while (w.head < w.len && !w.nomem) { /* the fixed point over lanes without item */
        int s = w.queue[w.head++], i = w.queue[w.head++];
        for (int p = from.start[s]; p < from.start[s + 1]; p++)
            if (n->lanes.data[from.idx[p]].item < 0) can_be_at(&w, n->lanes.data[from.idx[p]].to, i);
    }
    if (w.nomem) goto done;
    for (size_t k = 0; k < n->demand.len; k++)
        if (keymap_put(&demanded, n->demand.data[k].customer, n->demand.data[k].item, 0, 0, 0) == -2) goto done;
    for (size_t k = 0; k < n->inventory.len; k++)
        if (keymap_put(&demanded, n->inventory.data[k].site, n->inventory.data[k].item, 0, 0, 0) == -2) goto done;
    if (collect_lane_items(m, &w, &demanded)) goto done;
    /* buffers: every pair that can hold an item, BOM inputs, lane ends, demand, inventory rows,
     * receipts; a customer's item that no lane carries there (it neither demands nor may hold
     * it) gets no buffer: nothing flows into it, so its balance would be an empty row 0 = 0 */
    for (size_t q = 0; q < w.len; q += 2)
        if (reaches(n, &demanded, w.queue[q], w.queue[q + 1]) && add_buffer(m, w.queue[q], w.queue[q + 1])) goto done;
    for (size_t k = 0; k < n->receipts.len; k++) /* a receipt at such a customer still needs a balance */
        if (n->receipts.data[k].period <= m->T && n->receipts.data[k].quantity > 0)
            if (add_buffer(m, n->receipts.data[k].site, n->receipts.data[k].item)) goto done;
    for (size_t k = 0; k < n->bom.len; k++)
        if (add_buffer(m, n->ops.data[n->bom.data[k].operation].site, n->bom.data[k].item)) goto done;
    for (int k = 0; k < m->nlane_items; k++) {
        const net_lane *l = &n->lanes.data[m->lane_items[k].lane];
        if (add_buffer(m, l->from, m->lane_items[k].item) || add_buffer(m, l->to, m->lane_items[k].item)) goto done;
    }
    for (size_t k = 0; k < n->demand.len; k++)
        if (add_buffer(m, n->demand.data[k].customer, n->demand.data[k].item)) goto done;
    for (size_t k = 0; k < n->inventory.len; k++) {
        const net_inventory *v = &n->inventory.data[k];
        if (add_buffer(m, v->site, v->item)) goto done;
        m->buffers[model_buffer_find(m, v->site, v->item)].inv = (int)k;
    }
    rc = 0;
done:
    if (rc) m->nomem = 1;
    keymap_free(&w.at);
    keymap_free(&demanded);
    free(w.queue);
    csr_index_free(&from);
    return rc;
}
