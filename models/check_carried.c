/* check_carried.c - which items a lane without item may carry (ARCHITECTURE.md 2b):
 * every item that can be at its from-site, found as a fixed point: items purchased there,
 * produced there, received there (receipts in the horizon), held there initially, or
 * arriving by any lane (a lane with an item brings that item; an item-less lane brings
 * whatever can be at its own from-site). Result: ix.carried holds (site, item). */
#include <stdlib.h>
#include "check.h"

typedef struct {
    check_ctx *c;
    int *queue;         /* pairs (site, item) not yet propagated */
    size_t len, cap;
} carry_walk;

static void reach(carry_walk *w, int site, int item)
{
    int r = keymap_put(&w->c->ix.carried, site, item, 0, 0, 0);
    if (r == -2) { w->c->nomem = 1; return; }
    if (r >= 0) return; /* already known */
    if (vec_grow((void **)&w->queue, &w->cap, w->len + 2, sizeof *w->queue)) { w->c->nomem = 1; return; }
    w->queue[w->len++] = site;
    w->queue[w->len++] = item;
}

static void seed(carry_walk *w)
{
    const scopt_network *n = w->c->net;
    for (size_t k = 0; k < n->supply.len; k++) reach(w, n->supply.data[k].supplier, n->supply.data[k].item);
    for (size_t k = 0; k < n->ops.len; k++) reach(w, n->ops.data[k].site, n->ops.data[k].item);
    for (size_t k = 0; k < n->receipts.len; k++)
        if (n->receipts.data[k].period <= w->c->T) reach(w, n->receipts.data[k].site, n->receipts.data[k].item);
    for (size_t k = 0; k < n->inventory.len; k++)
        if (n->inventory.data[k].initial > 0) reach(w, n->inventory.data[k].site, n->inventory.data[k].item);
    for (size_t k = 0; k < n->lanes.len; k++)
        if (n->lanes.data[k].item >= 0) reach(w, n->lanes.data[k].to, n->lanes.data[k].item);
}

int check_carried_build(check_ctx *c)
{
    const scopt_network *n = c->net;
    carry_walk w = {.c = c};
    int *lstart = NULL, *lidx = NULL, nl = 0;
    int *from = malloc((n->lanes.len + 1) * sizeof *from), *which = malloc((n->lanes.len + 1) * sizeof *which);
    if (!from || !which) c->nomem = 1;
    for (size_t k = 0; !c->nomem && k < n->lanes.len; k++)
        if (n->lanes.data[k].item < 0) { which[nl] = (int)k; from[nl++] = n->lanes.data[k].from; }
    if (!c->nomem) {
        /* CSR of the item-less lanes by from-site, as positions into which[] */
        lstart = calloc(n->sites.len + 2, sizeof *lstart);
        lidx = malloc(((size_t)nl + 1) * sizeof *lidx);
        int *fill = calloc(n->sites.len + 1, sizeof *fill);
        if (!lstart || !lidx || !fill) c->nomem = 1;
        else {
            for (int k = 0; k < nl; k++) lstart[from[k] + 1]++;
            for (size_t s = 0; s < n->sites.len; s++) lstart[s + 1] += lstart[s];
            for (int k = 0; k < nl; k++) lidx[lstart[from[k]] + fill[from[k]]++] = which[k];
        }
        free(fill);
    }
    if (!c->nomem) seed(&w);
    while (w.len > 0 && !c->nomem) {
        int item = w.queue[--w.len], site = w.queue[--w.len];
        for (int p = lstart[site]; p < lstart[site + 1]; p++) reach(&w, n->lanes.data[lidx[p]].to, item);
    }
    free(w.queue); free(from); free(which); free(lstart); free(lidx);
    return c->nomem ? -1 : 0;
}
