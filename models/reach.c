/* reach.c - which (site, item) pairs a flow can reach, forward from purchases, stock,
 * receipts and production, and backward from demand. Used to warn about demand no
 * chain can meet (naming the missing link) and operations whose output serves nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "network.h"

typedef struct {
    const scopt_network *n;
    keymap mark;              /* (site,item) -> 0 once reached */
    int *queue;               /* pairs (site,item) */
    size_t qlen, qcap, qhead;
    int nomem;
} walk;

static void push(walk *w, int s, int i)
{
    int r = keymap_put(&w->mark, s, i, 0, 0, 0);
    if (r == -2) { w->nomem = 1; return; }
    if (r >= 0) return;
    if (vec_grow((void **)&w->queue, &w->qcap, w->qlen + 2, sizeof *w->queue)) { w->nomem = 1; return; }
    w->queue[w->qlen++] = s;
    w->queue[w->qlen++] = i;
}

/* CSR index of rows by an int field */
typedef struct { int *start, *idx; } index_t;
static int index_by(index_t *ix, size_t nkeys, size_t nrows, const int *keys_of_rows)
{
    ix->start = calloc(nkeys + 2, sizeof *ix->start);
    ix->idx = malloc((nrows + 1) * sizeof *ix->idx);
    if (!ix->start || !ix->idx) return -1;
    for (size_t r = 0; r < nrows; r++) ix->start[keys_of_rows[r] + 1]++;
    for (size_t k = 0; k < nkeys; k++) ix->start[k + 1] += ix->start[k];
    int *fill = calloc(nkeys + 1, sizeof *fill);
    if (!fill) return -1;
    for (size_t r = 0; r < nrows; r++) ix->idx[ix->start[keys_of_rows[r]] + fill[keys_of_rows[r]]++] = (int)r;
    free(fill);
    return 0;
}
static void index_free(index_t *ix) { free(ix->start); free(ix->idx); }

typedef struct {
    index_t lanes_from, lanes_to, bom_by_item, bom_by_op, ops_by_item;
} net_index;

static int build_index(const scopt_network *n, net_index *x)
{
    size_t nl = n->lanes.len, nb = n->bom.len, no = n->ops.len;
    int *k = calloc(nl + nb + no + 1, sizeof *k);
    int rc = !k;
    if (!rc) {
        for (size_t r = 0; r < nl; r++) k[r] = n->lanes.data[r].from;
        rc |= index_by(&x->lanes_from, n->sites.len, nl, k);
        for (size_t r = 0; r < nl; r++) k[r] = n->lanes.data[r].to;
        rc |= index_by(&x->lanes_to, n->sites.len, nl, k);
        for (size_t r = 0; r < nb; r++) k[r] = n->bom.data[r].item;
        rc |= index_by(&x->bom_by_item, n->items.len, nb, k);
        for (size_t r = 0; r < nb; r++) k[r] = n->bom.data[r].operation;
        rc |= index_by(&x->bom_by_op, no, nb, k);
        for (size_t r = 0; r < no; r++) k[r] = n->ops.data[r].item;
        rc |= index_by(&x->ops_by_item, n->items.len, no, k);
    }
    free(k);
    return rc ? -1 : 0;
}

static void free_index(net_index *x)
{
    index_free(&x->lanes_from); index_free(&x->lanes_to); index_free(&x->bom_by_item);
    index_free(&x->bom_by_op); index_free(&x->ops_by_item);
}

#define FOR_IX(ix, key, var) for (int _p = (ix).start[key], var; _p < (ix).start[(key) + 1] && ((var = (ix).idx[_p]), 1); _p++)

/* forward: what can be at (site,item) */
static void forward(walk *w, const net_index *x)
{
    const scopt_network *n = w->n;
    int *missing = calloc(n->ops.len + 1, sizeof *missing);
    if (!missing) { w->nomem = 1; return; }
    for (size_t k = 0; k < n->supply.len; k++) push(w, n->supply.data[k].supplier, n->supply.data[k].item);
    for (size_t k = 0; k < n->inventory.len; k++)
        if (n->inventory.data[k].initial > 0) push(w, n->inventory.data[k].site, n->inventory.data[k].item);
    for (size_t k = 0; k < n->receipts.len; k++)
        if (n->receipts.data[k].quantity > 0 && n->receipts.data[k].period <= n->T)
            push(w, n->receipts.data[k].site, n->receipts.data[k].item);
    for (size_t o = 0; o < n->ops.len; o++) {
        missing[o] = x->bom_by_op.start[o + 1] - x->bom_by_op.start[o];
        if (!missing[o]) push(w, n->ops.data[o].site, n->ops.data[o].item);
    }
    while (w->qhead < w->qlen && !w->nomem) {
        int s = w->queue[w->qhead++], i = w->queue[w->qhead++];
        FOR_IX(x->lanes_from, s, l) {
            const net_lane *ln = &n->lanes.data[l];
            if (ln->item < 0 || ln->item == i) push(w, ln->to, i);
        }
        FOR_IX(x->bom_by_item, i, b) {
            int o = n->bom.data[b].operation;
            if (n->ops.data[o].site == s && --missing[o] == 0) push(w, s, n->ops.data[o].item);
        }
    }
    free(missing);
}

/* backward: from which (site,item) some demand can be served */
static void backward(walk *w, const net_index *x)
{
    const scopt_network *n = w->n;
    for (size_t k = 0; k < n->demand.len; k++) push(w, n->demand.data[k].customer, n->demand.data[k].item);
    while (w->qhead < w->qlen && !w->nomem) {
        int s = w->queue[w->qhead++], i = w->queue[w->qhead++];
        FOR_IX(x->lanes_to, s, l) {
            const net_lane *ln = &n->lanes.data[l];
            if (ln->item < 0 || ln->item == i) push(w, ln->from, i);
        }
        FOR_IX(x->ops_by_item, i, o) {
            if (n->ops.data[o].site != s) continue;
            FOR_IX(x->bom_by_op, o, b) push(w, s, n->bom.data[b].item);
        }
    }
}

static void explain_unreached(const scopt_network *n, const walk *fw, const net_index *x, diag_sink *d,
                              const net_demand *dm)
{
    int c = dm->customer, i = dm->item, lanes_in = 0;
    char from[400] = "";
    FOR_IX(x->lanes_to, c, l) {
        const net_lane *ln = &n->lanes.data[l];
        if (ln->item >= 0 && ln->item != i) continue;
        lanes_in++;
        size_t len = strlen(from); /* bounded: a site name may be 64 KB long */
        if (len < 300)
            snprintf(from + len, sizeof from - len, "%s%s", lanes_in > 1 ? ", " : "", site_name(n, ln->from));
    }
    int anywhere = 0;
    for (size_t k = 0; k < fw->qlen && !anywhere; k += 2) anywhere = fw->queue[k + 1] == i;
    if (!anywhere)
        net_report(n, d, SCOPT_SEV_WARNING, T_DEMAND, dm->line, 1,
                   "demand of customer '%s' for item '%s' cannot be met: no supplier, operation, receipt "
                   "or initial stock provides '%s' anywhere", site_name(n, c), item_name(n, i), item_name(n, i));
    else if (!lanes_in)
        net_report(n, d, SCOPT_SEV_WARNING, T_DEMAND, dm->line, 1,
                   "demand of customer '%s' for item '%s' cannot be met: no lane into '%s' carries '%s'",
                   site_name(n, c), item_name(n, i), site_name(n, c), item_name(n, i));
    else
        net_report(n, d, SCOPT_SEV_WARNING, T_DEMAND, dm->line, 1,
                   "demand of customer '%s' for item '%s' cannot be met: '%s' never reaches the sites its "
                   "lanes come from (%s)", site_name(n, c), item_name(n, i), item_name(n, i), from);
}

int reachability_check(scopt_network *n, diag_sink *d)
{
    net_index x;
    memset(&x, 0, sizeof x);
    walk fw = {.n = n}, bw = {.n = n};
    keymap warned;
    keymap_init(&warned);
    keymap_init(&fw.mark);
    keymap_init(&bw.mark);
    if (build_index(n, &x)) { d->nomem = 1; goto done; }
    forward(&fw, &x);
    backward(&bw, &x);
    if (fw.nomem || bw.nomem) { d->nomem = 1; goto done; }
    for (size_t k = 0; k < n->demand.len; k++) {
        const net_demand *dm = &n->demand.data[k];
        if (dm->period > n->T || dm->quantity <= 0) continue;
        if (keymap_get(&fw.mark, dm->customer, dm->item, 0, 0) >= 0) continue;
        if (keymap_put(&warned, dm->customer, dm->item, 0, 0, 0) != -1) continue;
        explain_unreached(n, &fw, &x, d, dm);
    }
    for (size_t o = 0; o < n->ops.len; o++) {
        const net_operation *op = &n->ops.data[o];
        if (keymap_get(&bw.mark, op->site, op->item, 0, 0) < 0)
            net_report(n, d, SCOPT_SEV_WARNING, T_OPERATIONS, op->line, 0,
                       "the output '%s' of operation '%s' can never reach a customer's demand",
                       item_name(n, op->item), op_name(n, (int)o));
    }
done:
    free_index(&x);
    keymap_free(&warned);
    keymap_free(&fw.mark);
    keymap_free(&bw.mark);
    free(fw.queue);
    free(bw.queue);
    return 0;
}
