/* names.c - readable names of the model's columns and rows, built from their meaning:
 * "make[SMT1,3]", "bal[DC_Seoul,PCB,7]". Names are made on demand (a 2M-column model does
 * not keep 2M strings); io/ makes them safe for MPS/LP readers when exporting. */
#include <stdio.h>
#include "model.h"

static const char *const var_names[V_KIND_COUNT] = {
    "buy", "order", "make", "setup", "ship", "vehicles", "stock", "shortfall", "overtime",
    "delivered", "lost", "backlog", "open", "slack"};
static const char *const row_names[R_KIND_COUNT] = {
    "bal", "demand", "res", "lanecap", "vehcap", "storage", "safety", "ordmax", "ordmin",
    "setupmax", "setupmin", "openlink", "stockmax", "openout"};

const char *var_kind_name(var_kind k) { return k < V_KIND_COUNT ? var_names[k] : "?"; }

static void lane_label(const scopt_model *m, int l, char *buf, size_t n)
{
    const net_lane *ln = &m->net->lanes.data[l];
    const scopt_network *net = m->net;
    const char *mode = mode_name(net, ln->mode);
    snprintf(buf, n, "%s,%s,%s%s%s", site_name(net, ln->from), site_name(net, ln->to),
             ln->item >= 0 ? item_name(net, ln->item) : "*", mode[0] ? "," : "", mode);
}

void model_col_name(const scopt_model *m, int j, char *buf, size_t n)
{
    const scopt_network *net = m->net;
    meaning c = m->cm[j];
    const char *k = var_kind_name((var_kind)c.kind);
    char lane[600];
    switch ((var_kind)c.kind) {
    case V_BUY: case V_ORDER: {
        const net_supply *s = &net->supply.data[c.a];
        snprintf(buf, n, "%s[%s,%s,%d]", k, site_name(net, s->supplier), item_name(net, s->item), c.t);
        break;
    }
    case V_MAKE: case V_SETUP: snprintf(buf, n, "%s[%s,%d]", k, op_name(net, c.a), c.t); break;
    case V_SHIP: {
        const model_lane_item *li = &m->lane_items[c.a];
        lane_label(m, li->lane, lane, sizeof lane);
        snprintf(buf, n, "%s[%s,%s,%d]", k, lane, item_name(net, li->item), c.t);
        break;
    }
    case V_VEHICLES: lane_label(m, c.a, lane, sizeof lane); snprintf(buf, n, "%s[%s,%d]", k, lane, c.t); break;
    case V_STOCK: case V_SHORTFALL: {
        const model_buffer *b = &m->buffers[c.a];
        snprintf(buf, n, "%s[%s,%s,%d]", k, site_name(net, b->site), item_name(net, b->item), c.t);
        break;
    }
    case V_OVERTIME: snprintf(buf, n, "%s[%s,%d]", k, res_name(net, c.a), c.t); break;
    case V_DELIVERED: case V_LOST: case V_BACKLOG: {
        const model_demand *d = &m->demands[c.a];
        snprintf(buf, n, "%s[%s,%s,%d]", k, site_name(net, d->customer), item_name(net, d->item), c.t);
        break;
    }
    case V_OPEN: snprintf(buf, n, "%s[%s]", k, site_name(net, c.a)); break;
    default: snprintf(buf, n, "x%d", j + 1); break;
    }
}

void model_row_name(const scopt_model *m, int i, char *buf, size_t n)
{
    const scopt_network *net = m->net;
    meaning r = m->rm[i];
    const char *k = r.kind < R_KIND_COUNT ? row_names[r.kind] : "?";
    char lane[600];
    switch ((row_kind)r.kind) {
    case R_BALANCE: case R_SAFETY: case R_STOCK_MAX: {
        const model_buffer *b = &m->buffers[r.a];
        snprintf(buf, n, "%s[%s,%s,%d]", k, site_name(net, b->site), item_name(net, b->item), r.t);
        break;
    }
    case R_DEMAND: {
        const model_demand *d = &m->demands[r.a];
        snprintf(buf, n, "%s[%s,%s,%d]", k, site_name(net, d->customer), item_name(net, d->item), r.t);
        break;
    }
    case R_RESOURCE: snprintf(buf, n, "%s[%s,%d]", k, res_name(net, r.a), r.t); break;
    case R_OPEN_OUT: {
        const model_lane_item *li = &m->lane_items[r.a];
        lane_label(m, li->lane, lane, sizeof lane);
        snprintf(buf, n, "%s[%s,%s,%d]", k, lane, item_name(net, li->item), r.t);
        break;
    }
    case R_LANE_CAP: case R_VEHICLES: lane_label(m, r.a, lane, sizeof lane); snprintf(buf, n, "%s[%s,%d]", k, lane, r.t); break;
    case R_STORAGE: case R_OPEN_LINK: snprintf(buf, n, "%s[%s,%d]", k, site_name(net, r.a), r.t); break;
    case R_ORDER_MAX: case R_ORDER_MIN: {
        const net_supply *s = &net->supply.data[r.a];
        snprintf(buf, n, "%s[%s,%s,%d]", k, site_name(net, s->supplier), item_name(net, s->item), r.t);
        break;
    }
    case R_SETUP_MAX: case R_SETUP_MIN: snprintf(buf, n, "%s[%s,%d]", k, op_name(net, r.a), r.t); break;
    default: snprintf(buf, n, "r%d", i + 1); break;
    }
}
