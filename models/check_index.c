/* check_index.c - the look-ups `scopt check` needs from the dataset, built once from
 * ARCHITECTURE.md section 2b: offers, lanes and inventory rows by key, resource and offer
 * capacity per period (capacity_calendar, supply_calendar), resource uses and BOM lines per operation, which
 * operations have a setup decision, which items an item-less lane may carry (the fixed
 * point of 2b) and the demand of every (customer, item) per period with the row in
 * effect. Also the violation reporter of the check. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

void check_report(check_ctx *c, plan_file f, long line, int col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long field = (col >= 0 && col < PLAN_MAX_COLS && line > 0) ? c->plan->cols[f][col] : 0;
    violation_report(c->v, c->plan->path[f], line, field, "%s", msg);
}

static int put(check_ctx *c, keymap *m, int a, int b, int d, int e, int value)
{
    if (keymap_put(m, a, b, d, e, value) == -2) c->nomem = 1;
    return c->nomem ? -1 : 0;
}

/* CSR of N rows by KEY(row) over NKEYS keys */
static int csr_build(int **start, int **idx, int nkeys, int n, const int *key)
{
    *start = calloc((size_t)nkeys + 2, sizeof **start);
    *idx = malloc(((size_t)n + 1) * sizeof **idx);
    int *fill = calloc((size_t)nkeys + 1, sizeof *fill);
    int rc = (!*start || !*idx || !fill) ? -1 : 0;
    if (!rc) {
        for (int r = 0; r < n; r++) (*start)[key[r] + 1]++;
        for (int k = 0; k < nkeys; k++) (*start)[k + 1] += (*start)[k];
        for (int r = 0; r < n; r++) (*idx)[(*start)[key[r]] + fill[key[r]]++] = r;
    }
    free(fill);
    return rc;
}

static int index_operations(check_ctx *c)
{
    const scopt_network *n = c->net;
    int no = (int)n->ops.len, nu = (int)n->use.len, nb = (int)n->bom.len;
    int *key = malloc(((size_t)(nu > nb ? nu : nb) + 1) * sizeof *key);
    c->ix.has_setup = calloc((size_t)no + 1, 1);
    if (!key || !c->ix.has_setup) { free(key); return -1; }
    for (int k = 0; k < nu; k++) key[k] = n->use.data[k].operation;
    int rc = csr_build(&c->ix.use_start, &c->ix.use_idx, no, nu, key);
    for (int k = 0; k < nb; k++) key[k] = n->bom.data[k].operation;
    rc |= csr_build(&c->ix.bom_start, &c->ix.bom_idx, no, nb, key);
    free(key);
    for (int o = 0; o < no; o++)
        c->ix.has_setup[o] = n->ops.data[o].min_lot > 0 || n->ops.data[o].setup_cost > 0;
    for (int k = 0; k < nu; k++)
        if (n->use.data[k].setup_usage > 0) c->ix.has_setup[n->use.data[k].operation] = 1;
    return rc;
}

static int index_capacity(check_ctx *c)
{
    c->ix.capacity = network_capacity_table(c->net, T_RESOURCES, c->T);
    c->ix.supply_capacity = network_capacity_table(c->net, T_SUPPLY, c->T);
    return c->ix.capacity && c->ix.supply_capacity ? 0 : -1;
}

static int index_keys(check_ctx *c)
{
    const scopt_network *n = c->net;
    for (size_t k = 0; k < n->supply.len; k++)
        if (put(c, &c->ix.offer, n->supply.data[k].supplier, n->supply.data[k].item, 0, 0, (int)k)) return -1;
    for (size_t k = 0; k < n->lanes.len; k++) {
        const net_lane *l = &n->lanes.data[k];
        if (put(c, &c->ix.lane, l->from, l->to, l->item, l->mode, (int)k)) return -1;
    }
    for (size_t k = 0; k < n->inventory.len; k++)
        if (put(c, &c->ix.inventory, n->inventory.data[k].site, n->inventory.data[k].item, 0, 0, (int)k)) return -1;
    return 0;
}

int check_carried_build(check_ctx *c);  /* check_carried.c */
int check_demand_build(check_ctx *c);   /* check_demand_index.c */

int check_index_build(check_ctx *c)
{
    memset(&c->ix, 0, sizeof c->ix);
    keymap_init(&c->ix.offer);
    keymap_init(&c->ix.lane);
    keymap_init(&c->ix.inventory);
    keymap_init(&c->ix.carried);
    keymap_init(&c->ix.demand);
    if (index_keys(c) || index_operations(c) || index_capacity(c) || check_carried_build(c) ||
        check_demand_build(c))
        c->nomem = 1;
    return c->nomem ? -1 : 0;
}

void check_index_free(check_index *ix)
{
    keymap_free(&ix->offer);
    keymap_free(&ix->lane);
    keymap_free(&ix->inventory);
    keymap_free(&ix->carried);
    keymap_free(&ix->demand);
    for (size_t k = 0; k < ix->keys.len; k++) {
        free(ix->keys.data[k].quantity);
        free(ix->keys.data[k].row);
        free(ix->keys.data[k].in_effect);
    }
    VEC_FREE(ix->keys);
    free(ix->capacity);
    free(ix->supply_capacity);
    free(ix->use_start);
    free(ix->use_idx);
    free(ix->bom_start);
    free(ix->bom_idx);
    free(ix->has_setup);
}

/* ---- look-ups ---- */
const net_supply *check_offer(const check_ctx *c, int supplier, int item)
{
    int k = keymap_get(&c->ix.offer, supplier, item, 0, 0);
    return k < 0 ? NULL : &c->net->supply.data[k];
}

const net_inventory *check_inventory(const check_ctx *c, int site, int item)
{
    int k = keymap_get(&c->ix.inventory, site, item, 0, 0);
    return k < 0 ? NULL : &c->net->inventory.data[k];
}

/* the lane a shipment row travels on: by its lane_item column, or (without that column)
 * the lane of its own item, else the item-less lane; its lane_no-th row of that key (parallel
 * lanes are rare: the later rows are found by a scan from the first) */
const net_lane *check_lane_of(const check_ctx *c, const plan_shipment *s)
{
    int k;
    if (s->mode < 0) return NULL;
    if (s->has_lane_item) k = keymap_get(&c->ix.lane, s->from, s->to, s->lane_item, s->mode);
    else if ((k = keymap_get(&c->ix.lane, s->from, s->to, s->item, s->mode)) < 0)
        k = keymap_get(&c->ix.lane, s->from, s->to, -1, s->mode);
    if (k < 0) return NULL;
    const net_lane *first = &c->net->lanes.data[k];
    for (size_t j = (size_t)k; j < c->net->lanes.len; j++) {
        const net_lane *l = &c->net->lanes.data[j];
        if (lane_same_key(l, first) && l->parallel == s->lane_no) return l;
    }
    return NULL;
}

const check_demand_key *check_demand_of(const check_ctx *c, int customer, int item)
{
    int k = keymap_get(&c->ix.demand, customer, item, 0, 0);
    return k < 0 ? NULL : &c->ix.keys.data[k];
}

double check_capacity_of(const check_ctx *c, int resource, int t)
{
    if (!check_period_ok(c, t)) return c->net->res.data[resource].capacity;
    return c->ix.capacity[(size_t)resource * (size_t)c->T + (size_t)(t - 1)];
}

double check_supply_capacity_of(const check_ctx *c, const net_supply *offer, int t)
{
    if (!check_period_ok(c, t)) return offer->capacity;
    return c->ix.supply_capacity[(size_t)(offer - c->net->supply.data) * (size_t)c->T + (size_t)(t - 1)];
}
