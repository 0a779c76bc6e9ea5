/* gen_items.c - `scopt gen`: items on BOM levels and their bills of materials. Each item of
 * level L >= 1 takes one input from level L-1 (so the BOM has the requested depth) and up to
 * two more from lower levels, mostly raw; an item no bill uses is then added to a bill one
 * level up, so that everything bought or made serves some finished good. */
#include <stdlib.h>
#include "gen.h"

static int split_levels(gen_net *net)
{
    const gen_params *p = &net->p;
    int N = p->items, D = p->bom_depth;
    net->level_start = malloc((size_t)(D + 2) * sizeof *net->level_start);
    if (!net->level_start) return -1;
    int nraw = D == 1 ? (N * 45 + 50) / 100 : (N * 35 + 50) / 100;
    int nfg = D == 1 ? N - nraw : (N * 35 + 50) / 100;
    if (nraw < 1) nraw = 1;
    if (nfg < 1) nfg = 1;
    while (nraw + nfg > N - (D - 1)) { if (nraw > nfg) nraw--; else nfg--; }
    int ncomp = N - nraw - nfg;
    net->level_start[0] = 0;
    net->level_start[1] = nraw;
    for (int L = 1; L < D; L++)   /* components spread evenly over levels 1..D-1 */
        net->level_start[L + 1] = net->level_start[L] + ncomp / (D - 1) + (L <= ncomp % (D - 1));
    net->level_start[D + 1] = N;
    net->nraw = nraw;
    net->nfg = nfg;
    return 0;
}

static void init_items(gen_net *net)
{
    const gen_params *p = &net->p;
    for (int L = 0; L <= p->bom_depth; L++)
        for (int i = net->level_start[L]; i < net->level_start[L + 1]; i++) {
            gen_item *it = &net->items[i];
            it->level = L;
            it->number = i - net->level_start[L] + 1;
            it->fg = L == p->bom_depth ? it->number - 1 : -1;
            double u = gen_u(p, TAG_ITEM, i, 0, 0);
            it->volume = L == 0 ? 0.1 + 1.9 * u : 0.2 * (L + 1) + 2.0 * u * u;
            if (it->fg >= 0) net->fg_item[it->fg] = i;
        }
}

typedef struct { int parent, input; double quantity; } edge;

static double bom_quantity(const gen_params *p, int item, int k)
{
    static const double q[8] = {1, 1, 1, 2, 2, 3, 0.5, 4};
    return q[gen_int(p, TAG_BOM, item, k, 1, 8)];
}

static int has_edge(const edge *e, int n, int parent, int input)
{
    for (int k = n - 1; k >= 0 && e[k].parent == parent; k--)
        if (e[k].input == input) return 1;
    return 0;
}

/* random bills: one input from level L-1, up to two from any lower level (mostly raw) */
static int random_bills(gen_net *net, edge *e, char *used)
{
    const gen_params *p = &net->p;
    int n = 0;
    for (int i = net->level_start[1]; i < net->nitems; i++) {
        int L = net->items[i].level, extra = gen_int(p, TAG_BOM, i, 0, 0, 3);
        for (int k = 0; k <= extra; k++) {
            int lv = k == 0 ? L - 1 : gen_u(p, TAG_BOM, i, k, 2) < 0.6 ? 0 : gen_int(p, TAG_BOM, i, k, 3, L);
            int lo = net->level_start[lv], size = net->level_start[lv + 1] - lo;
            int in = lo + gen_int(p, TAG_BOM, i, k, 4, size);
            if (has_edge(e, n, i, in)) continue;
            e[n++] = (edge){i, in, bom_quantity(p, i, k)};
            used[in] = 1;
        }
    }
    return n;
}

/* every unused item of level L < D goes into the bill of a random item of level L+1 */
static int cover_unused(gen_net *net, edge *e, int n, const char *used)
{
    const gen_params *p = &net->p;
    for (int i = 0; i < net->level_start[p->bom_depth]; i++) {
        if (used[i]) continue;
        int L = net->items[i].level, lo = net->level_start[L + 1];
        int parent = lo + gen_int(p, TAG_BOM, i, 0, 5, net->level_start[L + 2] - lo);
        e[n++] = (edge){parent, i, bom_quantity(p, i, 7)};
    }
    return n;
}

/* edges grouped by parent (counting sort, stable) into net->bom */
static int store_bills(gen_net *net, const edge *e, int n)
{
    net->bom = malloc((size_t)(n + 1) * sizeof *net->bom);
    if (!net->bom) return -1;
    for (int k = 0; k < n; k++) net->items[e[k].parent].bom_len++;
    int pos = 0;
    for (int i = 0; i < net->nitems; i++) {
        net->items[i].bom_start = pos;
        pos += net->items[i].bom_len;
        net->items[i].bom_len = 0;
    }
    for (int k = 0; k < n; k++) {
        gen_item *it = &net->items[e[k].parent];
        net->bom[it->bom_start + it->bom_len++] = (gen_bom){e[k].input, e[k].quantity};
    }
    net->nbom = n;
    return 0;
}

int gen_items_build(gen_net *net)
{
    net->nitems = net->p.items;
    if (split_levels(net)) return -1;
    net->items = calloc((size_t)net->nitems, sizeof *net->items);
    net->fg_item = malloc((size_t)net->nfg * sizeof *net->fg_item);
    edge *e = malloc((size_t)net->nitems * 4 * sizeof *e);
    char *used = calloc((size_t)net->nitems, 1);
    int rc = -1;
    if (net->items && net->fg_item && e && used) {
        init_items(net);
        int n = random_bills(net, e, used);
        n = cover_unused(net, e, n, used);
        rc = store_bills(net, e, n);
    }
    free(e);
    free(used);
    return rc;
}
