/* embed.c - a host program (an ERP extension, say) using the installed libscopt: it builds a
 * small supply chain in memory, solves it with a progress callback and reads the plan back
 * without any files. With a dataset directory as argument it reads that instead.
 * Build: make (uses `pkg-config --cflags --libs scopt`); see README.md and
 * docs/embedding.md. */
#include <stdio.h>
#include <string.h>
#include <scopt.h>

/* add the network: supplier SUP sells RAW to plant P, which makes FG (2 RAW each) for
 * customer C, who orders 10 FG in period 2 */
static scopt_status build(scopt_network *net, scopt_error *err)
{
    scopt_status s = SCOPT_OK;
    scopt_item item;
    scopt_item_init(&item);
    item.item = "RAW";
    if (!s) s = scopt_network_add_item(net, &item, err);
    item.item = "FG";
    if (!s) s = scopt_network_add_item(net, &item, err);
    static const char *const sites[][2] = {{"SUP", "supplier"}, {"P", "plant"}, {"C", "customer"}};
    for (int k = 0; k < 3 && !s; k++) {
        scopt_site site;
        scopt_site_init(&site);
        site.site = sites[k][0];
        site.kind = sites[k][1];
        s = scopt_network_add_site(net, &site, err);
    }
    scopt_supply offer;
    scopt_supply_init(&offer);
    offer.supplier = "SUP", offer.item = "RAW", offer.unit_cost = 1.0;
    if (!s) s = scopt_network_add_supply(net, &offer, err);
    scopt_operation op;
    scopt_operation_init(&op);
    op.operation = "MAKE", op.site = "P", op.item = "FG", op.unit_cost = 2.0;
    if (!s) s = scopt_network_add_operation(net, &op, err);
    scopt_bom bom;
    scopt_bom_init(&bom);
    bom.operation = "MAKE", bom.item = "RAW", bom.quantity = 2.0;
    if (!s) s = scopt_network_add_bom(net, &bom, err);
    scopt_lane lane;
    scopt_lane_init(&lane);
    lane.from = "SUP", lane.to = "P";
    if (!s) s = scopt_network_add_lane(net, &lane, err);
    lane.from = "P", lane.to = "C", lane.unit_cost = 1.0;
    if (!s) s = scopt_network_add_lane(net, &lane, err);
    scopt_demand d;
    scopt_demand_init(&d);
    d.customer = "C", d.item = "FG", d.period = 2, d.quantity = 10, d.unmet_penalty = 100;
    if (!s) s = scopt_network_add_demand(net, &d, err);
    return s ? s : scopt_network_finish(net, err);
}

static void on_progress(const scopt_progress *p, void *user)
{
    (void)user;
    if (p->has_incumbent) fprintf(stderr, "[%.1fs] %s: cost %.2f, gap %.2g\n", p->elapsed_seconds, p->phase, p->incumbent, p->gap);
}

static void print_plan(const scopt_plan *plan)
{
    scopt_plan_info info;
    scopt_plan_info_get(plan, &info);
    printf("status %s\n", scopt_solve_status_name(info.status));
    printf("total cost %.2f (purchase %.2f, production %.2f, transport %.2f)\n", info.objective,
           info.costs.purchase, info.costs.production, info.costs.transport);
    printf("fill rate %.1f%%\n", 100 * info.fill_rate);
    scopt_purchase_row buy;
    for (long i = 0; scopt_plan_purchase(plan, i, &buy) == SCOPT_OK; i++)
        printf("buy %g %s from %s in period %d\n", buy.quantity, buy.item, buy.supplier, buy.order_period);
    scopt_production_row make;
    for (long i = 0; scopt_plan_production(plan, i, &make) == SCOPT_OK; i++)
        printf("make %g %s with %s in period %d\n", make.output_quantity, make.item, make.operation, make.start_period);
}

int main(int argc, char **argv)
{
    scopt_options opt;
    scopt_error err;
    scopt_network *net = NULL;
    scopt_plan *plan = NULL;
    scopt_options_init(&opt);
    opt.on_progress = on_progress;
    printf("libscopt %s (built against %s)\n", scopt_version(), SCOPT_VERSION_STRING);
    scopt_status s = argc > 1 ? scopt_network_read_dir(argv[1], &opt, &net, &err) : scopt_network_new(&opt, &net, &err);
    if (s == SCOPT_OK && argc <= 1) s = build(net, &err);
    if (s == SCOPT_OK) s = scopt_solve(net, &opt, &plan, &err);
    if (s != SCOPT_OK) {
        fprintf(stderr, "error (%s): %s\n", scopt_status_name(s), err.message);
        scopt_network_free(net);
        return 1;
    }
    print_plan(plan);
    scopt_plan_free(plan); /* the plan before its network */
    scopt_network_free(net);
    return 0;
}
