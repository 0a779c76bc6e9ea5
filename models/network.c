/* network.c - life cycle and queries of scopt_network, the in-memory dataset. */
#include <stdlib.h>
#include <string.h>
#include "network_add.h"

const char *const site_kind_names[KIND_COUNT] = {"supplier", "plant", "warehouse", "customer"};

scopt_network *network_new(void)
{
    scopt_network *n = calloc(1, sizeof *n);
    if (!n) return NULL;
    strmap_init(&n->item_names);
    strmap_init(&n->site_names);
    strmap_init(&n->op_names);
    strmap_init(&n->res_names);
    strmap_init(&n->mode_names);
    strmap_init(&n->text);
    return n;
}

void scopt_network_free(scopt_network *n)
{
    if (!n) return;
    network_build_end(n);
    strmap_free(&n->item_names);
    strmap_free(&n->site_names);
    strmap_free(&n->op_names);
    strmap_free(&n->res_names);
    strmap_free(&n->mode_names);
    strmap_free(&n->text);
    VEC_FREE(n->items);
    VEC_FREE(n->sites);
    VEC_FREE(n->supply);
    VEC_FREE(n->ops);
    VEC_FREE(n->bom);
    VEC_FREE(n->res);
    VEC_FREE(n->use);
    VEC_FREE(n->calendar);
    VEC_FREE(n->supply_calendar);
    VEC_FREE(n->lanes);
    VEC_FREE(n->inventory);
    VEC_FREE(n->receipts);
    VEC_FREE(n->demand);
    free(n);
}

const char *site_name(const scopt_network *n, int s) { return strmap_name(&n->site_names, s); }
const char *item_name(const scopt_network *n, int i) { return i < 0 ? "" : strmap_name(&n->item_names, i); }
const char *op_name(const scopt_network *n, int o) { return strmap_name(&n->op_names, o); }
const char *res_name(const scopt_network *n, int r) { return strmap_name(&n->res_names, r); }
const char *mode_name(const scopt_network *n, int m) { return strmap_name(&n->mode_names, m); }

scopt_status scopt_network_info_get(const scopt_network *n, scopt_network_info *info)
{
    if (!n || !info) return SCOPT_EUSAGE;
    memset(info, 0, sizeof *info);
    info->periods = n->T;
    info->items = (int)n->items.len;
    info->sites = (int)n->sites.len;
    for (size_t s = 0; s < n->sites.len; s++) {
        switch (n->sites.data[s].kind) {
        case KIND_SUPPLIER: info->suppliers++; break;
        case KIND_PLANT: info->plants++; break;
        case KIND_WAREHOUSE: info->warehouses++; break;
        default: info->customers++; break;
        }
    }
    info->supply = (long)n->supply.len;
    info->operations = (long)n->ops.len;
    info->bom = (long)n->bom.len;
    info->resources = (long)n->res.len;
    info->resource_use = (long)n->use.len;
    info->calendar = (long)n->calendar.len;
    info->supply_calendar = (long)n->supply_calendar.len;
    info->lanes = (long)n->lanes.len;
    info->inventory = (long)n->inventory.len;
    info->receipts = (long)n->receipts.len;
    info->demand = (long)n->demand.len;
    info->warnings = n->warnings;
    for (size_t k = 0; k < n->demand.len; k++)
        if (n->demand.data[k].period <= n->T) info->total_demand += n->demand.data[k].quantity;
    return SCOPT_OK;
}

double *network_capacity_table(const scopt_network *n, table_id table, int T)
{
    int supply = table == T_SUPPLY;
    size_t count = supply ? n->supply.len : n->res.len, nT = T > 0 ? (size_t)T : 0;
    double *cap = malloc((count * nT + 1) * sizeof *cap);
    if (!cap) return NULL;
    for (size_t k = 0; k < count; k++)
        for (size_t t = 0; t < nT; t++) cap[k * nT + t] = supply ? n->supply.data[k].capacity : n->res.data[k].capacity;
    for (size_t k = 0; !supply && k < n->calendar.len; k++) {
        const net_calendar *c = &n->calendar.data[k];
        if (c->period <= T) cap[(size_t)c->resource * nT + (size_t)(c->period - 1)] = c->capacity;
    }
    for (size_t k = 0; supply && k < n->supply_calendar.len; k++) {
        const net_supply_calendar *c = &n->supply_calendar.data[k];
        if (c->period <= T) cap[(size_t)c->offer * nT + (size_t)(c->period - 1)] = c->capacity;
    }
    return cap;
}
