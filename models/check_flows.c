/* check_flows.c - every flow of the plan exists only where ARCHITECTURE.md 2b allows it:
 *   purchases: an offer (supplier, item); orders: min_order*order <= buy <= capacity(t)*order
 *              with order in {0,1} where the offer has an order decision, else buy <= capacity(t)
 *              (capacity(t): supply_calendar's override of the order period, else supply.csv);
 *   production: a known operation at its own site and output item; min_lot*setup <= make,
 *              make > 0 only with setup = 1 (setup in {0,1}) where it has a setup,
 *              make <= max_per_period, output = yield * make;
 *   shipments: a lane (from, to, item or item-less, mode) that carries the item;
 *   all: started in t in 1..T, arriving in t + lead time <= T, quantities >= 0, and each
 *   row's cost column = its unit cost times its quantity (+ order/setup cost). */
#include <stdio.h>
#include "check.h"

/* Periods of a flow started in START, said to arrive in ARRIVAL, with lead time LEAD
 * (-1 = unknown): at most one violation. */
static void check_arrival(check_ctx *c, plan_file f, long line, const int cols[2], int start, int arrival,
                          int lead, const char *what)
{
    int due = start + lead;
    if (!check_period_ok(c, start))
        check_report(c, f, line, cols[0], "%s starts in period %d, outside the horizon 1..%d", what, start, c->T);
    else if (lead >= 0 && due > c->T)
        check_report(c, f, line, cols[0], "%s starts in period %d with lead time %d and would arrive in period "
                     "%d, beyond the horizon of %d periods: such a flow does not exist", what, start, lead, due, c->T);
    else if (lead >= 0 && arrival != due)
        check_report(c, f, line, cols[1], "%s starts in period %d with lead time %d and arrives in period %d, "
                     "not %d", what, start, lead, due, arrival);
    else if (lead < 0 && (arrival < start || arrival > c->T))
        check_report(c, f, line, cols[1], "%s starts in period %d and cannot arrive in period %d", what, start,
                     arrival);
}

static void check_row_cost(check_ctx *c, plan_file f, long line, int col, double cost, double expected,
                           double mag, const char *what)
{
    if (check_ne(cost, expected, mag))
        check_report(c, f, line, col, "cost of %s is %.9g, expected %.9g", what, cost, expected);
}

/* " in period 6 (supply_calendar.csv)" when the calendar overrides the offer's capacity */
static const char *cap_source(const net_supply *o, double cap, int t, char *buf, size_t n)
{
    if (cap == o->capacity || (is_inf(cap) && is_inf(o->capacity))) return "";
    snprintf(buf, n, " in period %d (%s)", t, table_file_names[T_SUPPLY_CALENDAR]);
    return buf;
}

static void check_order(check_ctx *c, const plan_purchase *p, const net_supply *o, const char *what)
{
    const long ln = p->line;
    double cap = check_supply_capacity_of(c, o, p->order_period);
    char src[80];
    const char *in = cap_source(o, cap, p->order_period, src, sizeof src);
    if (o->min_order <= 0 && o->order_cost <= 0) {
        if (check_ne(p->order, 0, 0))
            check_report(c, PF_PURCHASES, ln, PUR_ORDER, "%s has order %.9g but the offer has no order decision "
                         "(no min_order or order_cost); expected 0", what, p->order);
        if (check_gt(p->quantity, cap))
            check_report(c, PF_PURCHASES, ln, PUR_QUANTITY, "%s exceeds the offer's capacity%s %.9g by %.9g", what,
                         in, cap, p->quantity - cap);
        return;
    }
    if (check_not_integer(p->order) || check_negative(p->order) || check_gt(p->order, 1))
        check_report(c, PF_PURCHASES, ln, PUR_ORDER, "%s has order %.9g; expected 0 or 1", what, p->order);
    else if (check_gt(o->min_order * p->order, p->quantity))
        check_report(c, PF_PURCHASES, ln, PUR_QUANTITY, "%s is below the offer's min_order %.9g", what, o->min_order);
    if (check_gt(p->quantity, cap * p->order))
        check_report(c, PF_PURCHASES, ln, PUR_QUANTITY, "%s exceeds capacity%s * order = %.9g * %.9g by %.9g", what,
                     in, cap, p->order, p->quantity - cap * p->order);
}

static void check_purchase(check_ctx *c, const plan_purchase *p)
{
    const scopt_network *n = c->net;
    const net_supply *o = check_offer(c, p->supplier, p->item);
    char what[300];
    snprintf(what, sizeof what, "purchase of %.9g %s from %s in period %d", p->quantity, item_name(n, p->item),
             site_name(n, p->supplier), p->order_period);
    static const int cols[2] = {PUR_ORDER_PERIOD, PUR_ARRIVAL_PERIOD};
    check_arrival(c, PF_PURCHASES, p->line, cols, p->order_period, p->arrival_period, o ? o->lead_time : -1, what);
    if (check_negative(p->quantity))
        check_report(c, PF_PURCHASES, p->line, PUR_QUANTITY, "%s: negative quantity", what);
    if (!o) {
        check_report(c, PF_PURCHASES, p->line, PUR_SUPPLIER, "%s: no offer (%s, %s) in supply.csv", what,
                     site_name(n, p->supplier), item_name(n, p->item));
        return;
    }
    check_order(c, p, o, what);
    if (p->has_cost)
        check_row_cost(c, PF_PURCHASES, p->line, PUR_COST, p->cost, o->unit_cost * p->quantity + o->order_cost * p->order,
                       fabs(o->unit_cost * p->quantity) + fabs(o->order_cost * p->order), what);
}

static void check_setup(check_ctx *c, const plan_production *r, const net_operation *op, const char *what)
{
    if (!c->ix.has_setup[r->op]) {
        if (check_ne(r->setup, 0, 0))
            check_report(c, PF_PRODUCTION, r->line, PRO_SETUP, "%s has setup %.9g but the operation has no setup "
                         "(no min_lot, setup_cost or setup_usage); expected 0", what, r->setup);
        return;
    }
    if (check_not_integer(r->setup) || check_negative(r->setup) || check_gt(r->setup, 1))
        check_report(c, PF_PRODUCTION, r->line, PRO_SETUP, "%s has setup %.9g; expected 0 or 1", what, r->setup);
    else if (round(r->setup) == 0 && check_gt(r->quantity, 0))
        check_report(c, PF_PRODUCTION, r->line, PRO_SETUP, "%s runs without a setup; expected setup 1", what);
    else if (check_gt(op->min_lot * r->setup, r->quantity))
        check_report(c, PF_PRODUCTION, r->line, PRO_QUANTITY, "%s is below the operation's min_lot %.9g", what,
                     op->min_lot);
}

static void check_op_identity(check_ctx *c, const plan_production *r, const net_operation *op, const char *what)
{
    const scopt_network *n = c->net;
    if (r->has_site && r->site != op->site)
        check_report(c, PF_PRODUCTION, r->line, PRO_SITE, "%s: the operation runs at %s, not %s", what,
                     site_name(n, op->site), site_name(n, r->site));
    if (r->has_item && r->item != op->item)
        check_report(c, PF_PRODUCTION, r->line, PRO_ITEM, "%s: the operation makes %s, not %s", what,
                     item_name(n, op->item), item_name(n, r->item));
}

static void check_production(check_ctx *c, const plan_production *r)
{
    const net_operation *op = &c->net->ops.data[r->op];
    char what[300];
    snprintf(what, sizeof what, "production of %.9g by %s in period %d", r->quantity, op_name(c->net, r->op), r->start);
    static const int cols[2] = {PRO_START, PRO_FINISH};
    check_op_identity(c, r, op, what);
    check_arrival(c, PF_PRODUCTION, r->line, cols, r->start, r->finish, op->lead_time, what);
    if (check_negative(r->quantity))
        check_report(c, PF_PRODUCTION, r->line, PRO_QUANTITY, "%s: negative quantity", what);
    if (check_gt(r->quantity, op->max_per_period))
        check_report(c, PF_PRODUCTION, r->line, PRO_QUANTITY, "%s exceeds max_per_period %.9g by %.9g", what,
                     op->max_per_period, r->quantity - op->max_per_period);
    check_setup(c, r, op, what);
    if (r->has_output && check_ne(r->output, op->yield * r->quantity, fabs(op->yield * r->quantity)))
        check_report(c, PF_PRODUCTION, r->line, PRO_OUTPUT, "%s: output_quantity is %.9g, expected yield * "
                     "quantity = %.9g", what, r->output, op->yield * r->quantity);
    if (r->has_cost)
        check_row_cost(c, PF_PRODUCTION, r->line, PRO_COST, r->cost, op->unit_cost * r->quantity + op->setup_cost * r->setup,
                       fabs(op->unit_cost * r->quantity) + fabs(op->setup_cost * r->setup), what);
}

static void check_lane_item(check_ctx *c, const plan_shipment *s, const net_lane *l, const char *what)
{
    const scopt_network *n = c->net;
    if (l->item >= 0 && l->item != s->item)
        check_report(c, PF_SHIPMENTS, s->line, SHP_ITEM, "%s: the lane carries only %s", what, item_name(n, l->item));
    else if (l->item < 0 && check_gt(s->quantity, 0) && keymap_get(&c->ix.carried, s->from, s->item, 0, 0) < 0)
        check_report(c, PF_SHIPMENTS, s->line, SHP_ITEM, "%s: the item-less lane cannot carry %s, which can never "
                     "be at %s", what, item_name(n, s->item), site_name(n, s->from));
}

static void check_shipment(check_ctx *c, const plan_shipment *s)
{
    const scopt_network *n = c->net;
    const net_lane *l = check_lane_of(c, s);
    char what[400];
    snprintf(what, sizeof what, "shipment of %.9g %s from %s to %s in period %d", s->quantity, item_name(n, s->item),
             site_name(n, s->from), site_name(n, s->to), s->ship);
    static const int cols[2] = {SHP_SHIP, SHP_ARRIVAL};
    check_arrival(c, PF_SHIPMENTS, s->line, cols, s->ship, s->arrival, l ? l->lead_time : -1, what);
    if (check_negative(s->quantity))
        check_report(c, PF_SHIPMENTS, s->line, SHP_QUANTITY, "%s: negative quantity", what);
    if (!l) {
        char nth[48] = "";
        if (s->lane_no > 1) snprintf(nth, sizeof nth, ", parallel lane %d", s->lane_no);
        check_report(c, PF_SHIPMENTS, s->line, SHP_FROM, "%s: no such lane in lanes.csv (from %s, to %s, item %s, "
                     "mode '%s'%s)", what, site_name(n, s->from), site_name(n, s->to),
                     !s->has_lane_item ? item_name(n, s->item) : s->lane_item >= 0 ? item_name(n, s->lane_item) : "(none)",
                     s->mode >= 0 ? mode_name(n, s->mode) : strmap_name(&c->plan->unknown_modes, s->unknown_mode), nth);
        return;
    }
    check_lane_item(c, s, l, what);
    if (s->has_cost)
        check_row_cost(c, PF_SHIPMENTS, s->line, SHP_COST, s->cost, l->unit_cost * s->quantity,
                       fabs(l->unit_cost * s->quantity), what);
}

void check_flows(check_ctx *c)
{
    const plan_data *p = c->plan;
    for (size_t k = 0; k < p->purchases.len; k++) check_purchase(c, &p->purchases.data[k]);
    for (size_t k = 0; k < p->production.len; k++) check_production(c, &p->production.data[k]);
    for (size_t k = 0; k < p->shipments.len; k++) check_shipment(c, &p->shipments.data[k]);
}
