/* read_tables.c - row handlers of the dataset tables: each turns its typed cells into the
 * record of the in-memory API (an empty cell becomes SCOPT_DEFAULT) and hands it to the
 * add of models/network_add.c, which the API uses too: one set of rules and messages. */
#include "network_add.h"
#include "read_tables.h"

#define NET(ctx) ((scopt_network *)(ctx)->user)

static double num(const cell *c) { return c->present ? c->num : SCOPT_DEFAULT; }
static int whole(const cell *c) { return (int)c->ival; } /* empty = 0, the default of lead times */

/* run ADD on the record, located at the current CSV row; stop reading when out of memory */
#define ADD(ctx, table, fn, ...)                                                  \
    do {                                                                            \
        row_src src_;                                                               \
        row_src_csv(&src_, (ctx)->diag, table, (ctx)->path, (ctx)->line, (ctx)->colno); \
        return fn(NET(ctx), &src_, __VA_ARGS__) ? 1 : 0;                           \
    } while (0)

static int on_settings(csv_row_ctx *ctx, const cell *c)
{
    ADD(ctx, T_SETTINGS, net_add_setting, c[0].text, c[1].text);
}

static int on_item(csv_row_ctx *ctx, const cell *c)
{
    scopt_item r = {.item = c[0].text, .description = c[1].text, .unit = c[2].text, .volume = num(&c[3]),
                    .value = num(&c[4])};
    ADD(ctx, T_ITEMS, net_add_item, &r);
}

static int on_site(csv_row_ctx *ctx, const cell *c)
{
    scopt_site r = {.site = c[0].text, .kind = c[1].text, .fixed_cost = num(&c[2]), .optional = whole(&c[3]),
                    .storage_capacity = num(&c[4])};
    ADD(ctx, T_SITES, net_add_site, &r);
}

static int on_supply(csv_row_ctx *ctx, const cell *c)
{
    scopt_supply r = {.supplier = c[0].text, .item = c[1].text, .unit_cost = num(&c[2]), .capacity = num(&c[3]),
                      .lead_time = whole(&c[4]), .min_order = num(&c[5]), .order_cost = num(&c[6])};
    ADD(ctx, T_SUPPLY, net_add_supply, &r);
}

static int on_operation(csv_row_ctx *ctx, const cell *c)
{
    scopt_operation r = {.operation = c[0].text, .site = c[1].text, .item = c[2].text, .yield = num(&c[3]),
                         .unit_cost = num(&c[4]), .lead_time = whole(&c[5]), .min_lot = num(&c[6]),
                         .setup_cost = num(&c[7]), .max_per_period = num(&c[8])};
    ADD(ctx, T_OPERATIONS, net_add_operation, &r);
}

static int on_bom(csv_row_ctx *ctx, const cell *c)
{
    scopt_bom r = {.operation = c[0].text, .item = c[1].text, .quantity = num(&c[2])};
    ADD(ctx, T_BOM, net_add_bom, &r);
}

static int on_resource(csv_row_ctx *ctx, const cell *c)
{
    scopt_resource r = {.resource = c[0].text, .site = c[1].text, .capacity = num(&c[2]),
                        .overtime_capacity = num(&c[3]), .overtime_cost = num(&c[4])};
    ADD(ctx, T_RESOURCES, net_add_resource, &r);
}

static int on_resource_use(csv_row_ctx *ctx, const cell *c)
{
    scopt_resource_use r = {.operation = c[0].text, .resource = c[1].text, .usage = num(&c[2]),
                            .setup_usage = num(&c[3])};
    ADD(ctx, T_RESOURCE_USE, net_add_resource_use, &r);
}

static int on_calendar(csv_row_ctx *ctx, const cell *c)
{
    scopt_calendar r = {.resource = c[0].text, .period = whole(&c[1]), .capacity = num(&c[2])};
    ADD(ctx, T_CALENDAR, net_add_calendar, &r);
}

static int on_supply_calendar(csv_row_ctx *ctx, const cell *c)
{
    scopt_supply_calendar r = {.supplier = c[0].text, .item = c[1].text, .period = whole(&c[2]),
                               .capacity = num(&c[3])};
    ADD(ctx, T_SUPPLY_CALENDAR, net_add_supply_calendar, &r);
}

static int on_lane(csv_row_ctx *ctx, const cell *c)
{
    scopt_lane r = {.from = c[0].text, .to = c[1].text, .item = c[2].text, .mode = c[3].text,
                    .unit_cost = num(&c[4]), .lead_time = whole(&c[5]), .capacity = num(&c[6]),
                    .vehicle_capacity = num(&c[7]), .vehicle_cost = num(&c[8])};
    ADD(ctx, T_LANES, net_add_lane, &r);
}

static int on_inventory(csv_row_ctx *ctx, const cell *c)
{
    scopt_inventory r = {.site = c[0].text, .item = c[1].text, .initial = num(&c[2]), .holding_cost = num(&c[3]),
                         .safety_stock = num(&c[4]), .max = num(&c[5]), .shortfall_penalty = num(&c[6])};
    ADD(ctx, T_INVENTORY, net_add_inventory, &r);
}

static int on_receipt(csv_row_ctx *ctx, const cell *c)
{
    scopt_receipt r = {.site = c[0].text, .item = c[1].text, .period = whole(&c[2]), .quantity = num(&c[3])};
    ADD(ctx, T_RECEIPTS, net_add_receipt, &r);
}

static int on_demand(csv_row_ctx *ctx, const cell *c)
{
    scopt_demand r = {.customer = c[0].text, .item = c[1].text, .period = whole(&c[2]), .quantity = num(&c[3]),
                      .unmet_penalty = num(&c[4]), .backorder_cost = num(&c[5])};
    ADD(ctx, T_DEMAND, net_add_demand, &r);
}

static const csv_row_fn handlers[T_COUNT] = {
    on_settings,  on_item,  on_site,     on_supply,       on_operation,  on_bom,   on_resource,
    on_resource_use, on_calendar, on_supply_calendar, on_lane, on_inventory, on_receipt, on_demand};

csv_row_fn dataset_row_handler(table_id t) { return handlers[t]; }
