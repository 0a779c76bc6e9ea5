/* network_add_calendar.c - the adds of the per-period capacity overrides (see network_add.h):
 * capacity_calendar.csv, a resource's capacity in one period (ARCHITECTURE.md section 2), and
 * supply_calendar.csv, an offer's capacity in one period (an extension of the contract,
 * docs/dataset.md). Same rules for both: the key (resource | supplier and item, period) once,
 * the resource or offer must exist ("did you mean"), period >= 1, capacity >= 0. Rows beyond
 * the horizon are reported by network_validate, which knows T. */
#include <stdio.h>
#include <string.h>
#include "network_add.h"

static int nomem(row_src *s) { s->d->nomem = 1; return -1; }

int net_add_calendar(scopt_network *n, row_src *s, const scopt_calendar *r)
{
    net_calendar row = {.line = (int)s->line};
    if (chk_text(s, 0, r->resource) | chk_int(s, 1, r->period, &row.period) |
        chk_num(s, 2, r->capacity, 0, &row.capacity))
        return 0;
    row.resource = add_lookup(n, s, 0, &n->res_names, "resource", T_RESOURCES, r->resource);
    if (row.resource < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(resource, period) = (%s, %d)", r->resource, row.period);
    int dup = add_duplicate(n, s, row.resource, row.period, 0, 0, key);
    if (dup) return dup == -2 ? -1 : 0;
    net_calendar *k = VEC_PUSH(n->calendar);
    if (!k) return nomem(s);
    *k = row;
    return 0;
}

/* no offer (SUPPLIER, ITEM): "did you mean" the closest item SUPPLIER offers, else the list of
 * what it offers (only on the error path: a scan of the offers) */
static int offer_error(scopt_network *n, row_src *s, int supplier, const char *sname, const char *iname)
{
    strmap offered;
    char items[300] = "";
    int count = 0, added;
    strmap_init(&offered);
    for (size_t k = 0; k < n->supply.len; k++) {
        if (n->supply.data[k].supplier != supplier) continue;
        const char *name = item_name(n, n->supply.data[k].item);
        if (strmap_intern(&offered, name, &added) < 0) { strmap_free(&offered); return nomem(s); }
        size_t len = strlen(items);
        if (count++ < 5) snprintf(items + len, sizeof items - len, "%s%s", count > 1 ? ", " : "", name);
        else if (count == 6) snprintf(items + len, sizeof items - len, ", ...");
    }
    const char *sug = strmap_suggest(&offered, iname);
    const char *where = s->api ? "added with scopt_network_add_supply" : "of supply.csv";
    if (sug)
        src_error(s, 1, "no offer (%s, %s); expected an offer %s (did you mean (%s, %s)?)", sname, iname, where,
                  sname, sug);
    else if (count)
        src_error(s, 1, "no offer (%s, %s); expected an offer %s (supplier '%s' offers %s)", sname, iname, where,
                  sname, items);
    else
        src_error(s, 1, "no offer (%s, %s); expected an offer %s (supplier '%s' has none)", sname, iname, where,
                  sname);
    strmap_free(&offered);
    return 0;
}

int net_add_supply_calendar(scopt_network *n, row_src *s, const scopt_supply_calendar *r)
{
    net_supply_calendar row = {.line = (int)s->line};
    if (chk_text(s, 0, r->supplier) | chk_text(s, 1, r->item) | chk_int(s, 2, r->period, &row.period) |
        chk_num(s, 3, r->capacity, 0, &row.capacity))
        return 0;
    int supplier = add_site_of_kind(n, s, 0, KIND_SUPPLIER, "supplier", r->supplier);
    int item = add_lookup(n, s, 1, &n->item_names, "item", T_ITEMS, r->item);
    if (supplier < 0 || item < 0) return 0;
    row.offer = keymap_get(&n->build->offers, supplier, item, 0, 0);
    if (row.offer < 0) {
        return offer_error(n, s, supplier, r->supplier, r->item);
    }
    char key[300];
    snprintf(key, sizeof key, "(supplier, item, period) = (%s, %s, %d)", r->supplier, r->item, row.period);
    int dup = add_duplicate(n, s, supplier, item, row.period, 0, key);
    if (dup) return dup == -2 ? -1 : 0;
    net_supply_calendar *k = VEC_PUSH(n->supply_calendar);
    if (!k) return nomem(s);
    *k = row;
    return 0;
}
