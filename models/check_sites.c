/* check_sites.c - optional sites (ARCHITECTURE.md 2b): every site with optional = 1 has
 * an open/close decision in sites.csv, open in {0,1}; a site that is not optional is
 * always open; a closed site receives no variable inflow (purchases, production output
 * or inbound shipments arriving there); its initial stock and receipts may still be used. */
#include <stdlib.h>
#include "check.h"

/* open[s] from sites.csv: 1 for sites that are not optional and for optional sites
 * without a row (reported) */
static double *read_open(check_ctx *c)
{
    const scopt_network *n = c->net;
    double *open = malloc((n->sites.len + 1) * sizeof *open);
    char *seen = calloc(n->sites.len + 1, 1);
    if (!open || !seen) { free(open); free(seen); c->nomem = 1; return NULL; }
    for (size_t s = 0; s < n->sites.len; s++) open[s] = 1;
    for (size_t k = 0; k < c->plan->sites.len; k++) {
        const plan_site_row *r = &c->plan->sites.data[k];
        const char *name = site_name(n, r->site);
        seen[r->site] = 1;
        if (!n->sites.data[r->site].optional && check_ne(r->open, 1, 1))
            check_report(c, PF_SITES, r->line, SIT_OPEN, "site %s is not optional and is always open; expected open "
                         "1, not %.9g", name, r->open);
        else if (check_not_integer(r->open) || check_negative(r->open) || check_gt(r->open, 1))
            check_report(c, PF_SITES, r->line, SIT_OPEN, "open of %s is %.9g; expected 0 or 1", name, r->open);
        else if (n->sites.data[r->site].optional)
            open[r->site] = round(r->open);
    }
    for (size_t s = 0; s < n->sites.len; s++)
        if (n->sites.data[s].optional && !seen[s])
            check_report(c, PF_SITES, 0, -1, "optional site %s has no row; expected its open/close decision",
                         site_name(n, (int)s));
    free(seen);
    return open;
}

static void inflow(check_ctx *c, const double *open, int site, double q, plan_file f, long line, int col,
                   const char *what)
{
    if (open[site] == 0 && check_gt(q, 0))
        check_report(c, f, line, col, "%s %.9g into %s, which is closed (open 0)", what, q, site_name(c->net, site));
}

void check_sites(check_ctx *c)
{
    const plan_data *p = c->plan;
    double *open = read_open(c);
    if (!open) return;
    for (size_t k = 0; k < p->purchases.len; k++) {
        const plan_purchase *r = &p->purchases.data[k];
        inflow(c, open, r->supplier, r->quantity, PF_PURCHASES, r->line, PUR_QUANTITY, "purchase of");
    }
    for (size_t k = 0; k < p->production.len; k++) {
        const plan_production *r = &p->production.data[k];
        inflow(c, open, c->net->ops.data[r->op].site, r->quantity, PF_PRODUCTION, r->line, PRO_QUANTITY,
               "production of");
    }
    for (size_t k = 0; k < p->shipments.len; k++) {
        const plan_shipment *s = &p->shipments.data[k];
        inflow(c, open, s->to, s->quantity, PF_SHIPMENTS, s->line, SHP_QUANTITY, "shipment of");
    }
    free(open);
}
