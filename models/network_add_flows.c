/* network_add_flows.c - the adds of the flow tables (lanes, inventory, receipts, demand):
 * kind rules, parallel lanes, summed receipts and demand (ARCHITECTURE.md section 2b).
 * See network_add.h. */
#include <stdio.h>
#include <string.h>
#include "network_add.h"

static int nomem(row_src *s) { s->d->nomem = 1; return -1; }

static const char *text_or_empty(const char *t) { return t ? t : ""; }

/* kinds at the two ends of a lane; 0 when they may be linked */
static int lane_ends_bad(const scopt_network *n, row_src *s, int f, int t, const scopt_lane *r)
{
    if (n->sites.data[f].kind == KIND_CUSTOMER) {
        src_error(s, 0, "lane starts at customer '%s'; expected a supplier, plant or warehouse", r->from);
        return 1;
    }
    if (n->sites.data[t].kind == KIND_SUPPLIER) {
        src_error(s, 1, "lane ends at supplier '%s'; expected a plant, warehouse or customer", r->to);
        return 1;
    }
    if (f == t) {
        src_error(s, 1, "lane from '%s' to itself; expected two different sites", r->from);
        return 1;
    }
    return 0;
}

/* A repeated (from, to, item, mode) is a parallel lane with its own cost and capacity: the
 * conformance answer key reads section 2b this way (docs/decisions.md). Sets row->parallel,
 * the lane's ordinal among the rows of its key (repeats are rare: they are counted by a scan). */
static int lane_repeat(scopt_network *n, row_src *s, net_lane *row, const scopt_lane *r)
{
    char ref[40];
    int first = keymap_put(&n->build->keys[T_LANES], row->from, row->to, row->item, row->mode, (int)s->line);
    if (first == -2) return nomem(s);
    row->parallel = 1;
    if (first >= 0) {
        for (size_t k = 0; k < n->lanes.len; k++) row->parallel += lane_same_key(&n->lanes.data[k], row);
        src_warning(s, 0, "lane (%s, %s, %s, %s) repeats %s; the two rows are parallel lanes with their own "
                    "capacities and costs", r->from, r->to, text_or_empty(r->item), text_or_empty(r->mode),
                    src_ref(s, first, ref, sizeof ref));
    }
    return 0;
}

static void vehicle_warning(row_src *s, const net_lane *row, const scopt_lane *r)
{
    int given = !is_inf(row->vehicle_capacity);
    int has_cap = given && row->vehicle_capacity > 0, has_cost = row->vehicle_cost > 0;
    if (has_cap != has_cost && (given || has_cost))
        src_warning(s, has_cap ? 8 : 7, "lane %s -> %s has %s but no %s: no vehicles are modelled", r->from, r->to,
                    has_cap ? "vehicle_capacity" : "vehicle_cost", has_cap ? "vehicle_cost" : "vehicle_capacity");
}

int net_add_lane(scopt_network *n, row_src *s, const scopt_lane *r)
{
    net_lane row = {.line = (int)s->line, .item = -1};
    if (chk_text(s, 0, r->from) | chk_text(s, 1, r->to) | chk_text(s, 2, r->item) | chk_text(s, 3, r->mode) |
        chk_num(s, 4, r->unit_cost, 0, &row.unit_cost) | chk_int(s, 5, r->lead_time, &row.lead_time) |
        chk_num(s, 6, r->capacity, SCOPT_INF, &row.capacity) |
        chk_num(s, 7, r->vehicle_capacity, SCOPT_INF, &row.vehicle_capacity) |
        chk_num(s, 8, r->vehicle_cost, 0, &row.vehicle_cost))
        return 0;
    int has_item = r->item && r->item[0];
    row.from = add_lookup(n, s, 0, &n->site_names, "site", T_SITES, r->from);
    row.to = add_lookup(n, s, 1, &n->site_names, "site", T_SITES, r->to);
    if (has_item) row.item = add_lookup(n, s, 2, &n->item_names, "item", T_ITEMS, r->item);
    if (row.from < 0 || row.to < 0 || (has_item && row.item < 0)) return 0;
    if (lane_ends_bad(n, s, row.from, row.to, r)) return 0;
    row.mode = strmap_intern(&n->mode_names, text_or_empty(r->mode), NULL);
    if (row.mode < 0 || lane_repeat(n, s, &row, r)) return nomem(s);
    vehicle_warning(s, &row, r);
    net_lane *l = VEC_PUSH(n->lanes);
    if (!l) return nomem(s);
    *l = row;
    return 0;
}

/* ---- inventory, receipts ---- */
int net_add_inventory(scopt_network *n, row_src *s, const scopt_inventory *r)
{
    net_inventory row = {.line = (int)s->line};
    if (chk_text(s, 0, r->site) | chk_text(s, 1, r->item) | chk_num(s, 2, r->initial, 0, &row.initial) |
        chk_num(s, 3, r->holding_cost, 0, &row.holding_cost) | chk_num(s, 4, r->safety_stock, 0, &row.safety_stock) |
        chk_num(s, 5, r->max, SCOPT_INF, &row.max) | chk_num(s, 6, r->shortfall_penalty, 0, &row.shortfall_penalty))
        return 0;
    row.site = add_lookup(n, s, 0, &n->site_names, "site", T_SITES, r->site);
    row.item = add_lookup(n, s, 1, &n->item_names, "item", T_ITEMS, r->item);
    if (row.site < 0 || row.item < 0) return 0;
    char key[300];
    snprintf(key, sizeof key, "(site, item) = (%s, %s)", r->site, r->item);
    int dup = add_duplicate(n, s, row.site, row.item, 0, 0, key);
    if (dup) return dup == -2 ? -1 : 0;
    net_inventory *v = VEC_PUSH(n->inventory);
    if (!v) return nomem(s);
    *v = row;
    return 0;
}

int net_add_receipt(scopt_network *n, row_src *s, const scopt_receipt *r)
{
    net_receipt row = {.line = (int)s->line};
    if (chk_text(s, 0, r->site) | chk_text(s, 1, r->item) | chk_int(s, 2, r->period, &row.period) |
        chk_num(s, 3, r->quantity, 0, &row.quantity))
        return 0;
    row.site = add_lookup(n, s, 0, &n->site_names, "site", T_SITES, r->site);
    row.item = add_lookup(n, s, 1, &n->item_names, "item", T_ITEMS, r->item);
    if (row.site < 0 || row.item < 0) return 0;
    int prev = keymap_put(&n->build->keys[T_RECEIPTS], row.site, row.item, row.period, 0, (int)n->receipts.len);
    if (prev == -2) return nomem(s);
    if (prev >= 0) { n->receipts.data[prev].quantity += row.quantity; return 0; }
    net_receipt *p = VEC_PUSH(n->receipts);
    if (!p) return nomem(s);
    *p = row;
    return 0;
}

/* ---- demand ---- */

/* unmet_penalty: the record's, else the settings' default, else an error (-1) */
static int demand_unmet(const scopt_network *n, row_src *s, const scopt_demand *r, double *out)
{
    if (r->unmet_penalty != SCOPT_DEFAULT) { *out = r->unmet_penalty; return 0; } /* checked before */
    if (n->settings.has_default_unmet_penalty) { *out = n->settings.default_unmet_penalty; return 0; }
    src_error(s, 4, "%s unmet_penalty; expected a number >= 0 here or a default_unmet_penalty %s",
              s->api ? "no" : "empty", s->api ? "added with scopt_network_add_setting" : "in settings.csv");
    return -1;
}

/* a repeated key sums into row PREV when the penalties agree */
static int demand_sum(scopt_network *n, row_src *s, net_demand *d, const net_demand *row, const scopt_demand *r)
{
    if (d->unmet_penalty != row->unmet_penalty || d->backorder_cost != row->backorder_cost) {
        char ref[40];
        src_error(s, d->unmet_penalty != row->unmet_penalty ? 4 : 5,
                  "demand (%s, %s, period %d) repeats %s with other penalties; expected the same unmet_penalty "
                  "and backorder_cost on rows that are summed", r->customer, r->item, row->period,
                  src_ref(s, d->line, ref, sizeof ref));
        return 0;
    }
    (void)n;
    d->quantity += row->quantity;
    return 0;
}

int net_add_demand(scopt_network *n, row_src *s, const scopt_demand *r)
{
    net_demand row = {.line = (int)s->line};
    double ignored;
    if (chk_text(s, 0, r->customer) | chk_text(s, 1, r->item) | chk_int(s, 2, r->period, &row.period) |
        chk_num(s, 3, r->quantity, 0, &row.quantity) |
        (r->unmet_penalty != SCOPT_DEFAULT && chk_num(s, 4, r->unmet_penalty, 0, &ignored)) |
        chk_num(s, 5, r->backorder_cost, 0, &row.backorder_cost))
        return 0;
    row.customer = add_site_of_kind(n, s, 0, KIND_CUSTOMER, "customer", r->customer);
    row.item = add_lookup(n, s, 1, &n->item_names, "item", T_ITEMS, r->item);
    if (row.customer < 0 || row.item < 0) return 0;
    if (demand_unmet(n, s, r, &row.unmet_penalty)) return 0;
    row.has_unmet_penalty = r->unmet_penalty != SCOPT_DEFAULT;
    row.has_backorder_cost = r->backorder_cost != SCOPT_DEFAULT;
    int prev = keymap_put(&n->build->keys[T_DEMAND], row.customer, row.item, row.period, 0, (int)n->demand.len);
    if (prev == -2) return nomem(s);
    if (prev >= 0) return demand_sum(n, s, &n->demand.data[prev], &row, r);
    net_demand *d = VEC_PUSH(n->demand);
    if (!d) return nomem(s);
    *d = row;
    return 0;
}
