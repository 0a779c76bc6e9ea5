/* network_api.c - networks built in memory (include/scopt.h "networks built in memory"):
 * scopt_network_new, the record inits, the scopt_network_add_* calls and
 * scopt_network_finish. Each add locates its record as "CALL #N (KEY)" and hands it to the
 * add that the CSV reader uses too (network_add.c), so both paths check the same rules with
 * the same messages. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "network_add.h"

/* ---- record defaults (ARCHITECTURE.md section 2b) ---- */
void scopt_item_init(scopt_item *r) { memset(r, 0, sizeof *r); r->volume = 1; }
void scopt_site_init(scopt_site *r) { memset(r, 0, sizeof *r); r->storage_capacity = SCOPT_UNLIMITED; }
void scopt_supply_init(scopt_supply *r) { memset(r, 0, sizeof *r); r->capacity = SCOPT_UNLIMITED; }
void scopt_operation_init(scopt_operation *r)
{
    memset(r, 0, sizeof *r);
    r->yield = 1;
    r->max_per_period = SCOPT_UNLIMITED;
}
void scopt_bom_init(scopt_bom *r) { memset(r, 0, sizeof *r); r->quantity = SCOPT_DEFAULT; }
void scopt_resource_init(scopt_resource *r) { memset(r, 0, sizeof *r); r->capacity = SCOPT_DEFAULT; }
void scopt_resource_use_init(scopt_resource_use *r) { memset(r, 0, sizeof *r); r->usage = SCOPT_DEFAULT; }
void scopt_calendar_init(scopt_calendar *r) { memset(r, 0, sizeof *r); r->capacity = SCOPT_DEFAULT; }
void scopt_supply_calendar_init(scopt_supply_calendar *r) { memset(r, 0, sizeof *r); r->capacity = SCOPT_DEFAULT; }
void scopt_lane_init(scopt_lane *r)
{
    memset(r, 0, sizeof *r);
    r->capacity = SCOPT_UNLIMITED;
    r->vehicle_capacity = SCOPT_UNLIMITED;
}
void scopt_inventory_init(scopt_inventory *r) { memset(r, 0, sizeof *r); r->max = SCOPT_UNLIMITED; }
void scopt_receipt_init(scopt_receipt *r) { memset(r, 0, sizeof *r); r->quantity = SCOPT_DEFAULT; }
void scopt_demand_init(scopt_demand *r)
{
    memset(r, 0, sizeof *r);
    r->quantity = SCOPT_DEFAULT;
    r->unmet_penalty = SCOPT_DEFAULT;
}

/* ---- life cycle ---- */
scopt_status scopt_network_new(const scopt_options *opt, scopt_network **out, scopt_error *err)
{
    error_clear(err);
    if (!out) return error_set(err, SCOPT_EUSAGE, "scopt_network_new: out is NULL");
    scopt_network *n = network_new();
    *out = NULL;
    if (!n || network_build_begin(n)) {
        scopt_network_free(n);
        return error_set(err, SCOPT_ENOMEM, "scopt_network_new: out of memory");
    }
    if (opt) n->build->opt = *opt;
    n->api = 1;
    for (int t = 0; t < T_COUNT; t++) {
        snprintf(n->table_path[t], sizeof n->table_path[t], "%s", table_api_names[t]);
        for (int k = 0; k < MAX_TABLE_COLS; k++) n->table_cols[t][k] = k + 1;
    }
    *out = n;
    return SCOPT_OK;
}

/* the tables a network needs at least one record of */
static void check_required(scopt_network *n, diag_sink *d)
{
    static const struct { table_id t; const char *what; } req[] = {
        {T_ITEMS, "items"}, {T_SITES, "sites"}, {T_DEMAND, "demand"}};
    size_t len[] = {n->items.len, n->sites.len, n->demand.len};
    for (size_t k = 0; k < ARRAY_LEN(req); k++)
        if (!len[k])
            net_report(n, d, SCOPT_SEV_ERROR, req[k].t, 0, -1, "no %s; expected at least one call of %s",
                       req[k].what, table_api_names[req[k].t]);
}

scopt_status scopt_network_finish(scopt_network *n, scopt_error *err)
{
    diag_sink d;
    error_clear(err);
    if (!n) return error_set(err, SCOPT_EUSAGE, "scopt_network_finish: net is NULL");
    net_build *b = n->build;
    if (!b || !n->api)
        return error_set(err, SCOPT_EUSAGE, "scopt_network_finish: the network is complete already (finished, or "
                         "read from a directory)");
    if (b->broken)
        return error_set(err, SCOPT_ENOMEM, "scopt_network_finish: an add call ran out of memory; free the network");
    if (b->rejected)
        return error_set(err, SCOPT_EINPUT, "scopt_network_finish: %ld record%s rejected (the first: %s); expected "
                         "a network whose every record was added", b->rejected, b->rejected > 1 ? "s were" : " was",
                         b->first_error);
    diag_init(&d, &b->opt, err);
    check_required(n, &d);
    if (!d.errors) network_validate(n, &d);
    n->warnings = b->warnings + d.warnings;
    if (d.nomem) return error_set(err, SCOPT_ENOMEM, "scopt_network_finish: out of memory");
    if (d.errors) return SCOPT_EINPUT; /* *err holds the first error; records may still be added */
    network_build_end(n);
    return SCOPT_OK;
}

scopt_status network_check_ready(const scopt_network *n, const char *call, scopt_error *err)
{
    if (!n) return error_set(err, SCOPT_EUSAGE, "%s: the network is NULL", call);
    if (n->build)
        return error_set(err, SCOPT_EUSAGE, "%s: the network is not finished; call scopt_network_finish first", call);
    return SCOPT_OK;
}

/* ---- one add call ---- */
typedef struct api_call {
    scopt_network *n;
    row_src src;
    diag_sink d;
    scopt_error local;   /* the call's first error, also when the caller passes no err */
    scopt_error *err;
} api_call;

/* append "LABEL NAME" to KEY, NAME cut to 60 bytes of whole UTF-8 characters */
static void key_add(char *key, size_t n, const char *label, const char *name)
{
    if (name && !utf8_valid(name, strlen(name))) name = "(invalid UTF-8)"; /* messages stay UTF-8 */
    size_t used = strlen(key), len = name ? strlen(name) : 0, cut = len > 60 ? 57 : len;
    while (cut > 0 && cut < len && ((unsigned char)name[cut] & 0xC0) == 0x80) cut--;
    snprintf(key + used, n - used, "%s%s %.*s%s", used ? ", " : "", label, (int)cut, name ? name : "",
             cut < len ? "..." : "");
}

/* Start the call; 1 (with *status set) when it cannot go on. The variable arguments are
 * NPAIRS label, name pairs (a NULL label is left out): the record's key in its location
 * "CALL #N (KEY): ". */
static int api_begin(api_call *c, scopt_network *n, table_id t, const void *row, scopt_error *err,
                     scopt_status *status, int npairs, ...)
{
    const char *call = table_api_names[t];
    error_clear(err);
    memset(c, 0, sizeof *c);
    c->n = n;
    c->err = err;
    if (!n || !row) *status = error_set(err, SCOPT_EUSAGE, "%s: the network and the record are required", call);
    else if (!n->build || !n->api)
        *status = error_set(err, SCOPT_EUSAGE, "%s: the network is complete (finished, or read from a directory); "
                            "expected records before scopt_network_finish", call);
    else if (n->build->broken) *status = error_set(err, SCOPT_ENOMEM, "%s: an earlier call ran out of memory", call);
    else *status = SCOPT_OK;
    if (*status != SCOPT_OK) return 1;
    char key[400] = "";
    va_list ap;
    va_start(ap, npairs);
    for (int k = 0; k < npairs; k++) {
        const char *label = va_arg(ap, const char *), *name = va_arg(ap, const char *);
        if (label) key_add(key, sizeof key, label, name);
    }
    va_end(ap);
    diag_init(&c->d, &n->build->opt, &c->local);
    long rec = ++n->build->records[t];
    row_src_csv(&c->src, &c->d, t, call, rec, NULL);
    c->src.api = 1;
    snprintf(c->src.prefix, sizeof c->src.prefix, "%s #%ld (%s): ", call, rec, key);
    return 0;
}

static scopt_status api_end(api_call *c, int rc)
{
    net_build *b = c->n->build;
    b->warnings += c->d.warnings;
    if (c->err) *c->err = c->local;
    if (rc < 0 || c->d.nomem) {
        b->broken = 1;
        return error_set(c->err, SCOPT_ENOMEM, "%s: out of memory; the network can only be freed now", c->src.file);
    }
    if (!c->d.errors) return SCOPT_OK;
    if (!b->rejected++) snprintf(b->first_error, sizeof b->first_error, "%s", c->local.message);
    return SCOPT_EINPUT;
}

/* ---- the add calls: locate the record, then the add shared with the CSV reader ---- */
#define BEGIN(t, row, npairs, ...)                                               \
    api_call c;                                                                 \
    scopt_status st;                                                            \
    if (api_begin(&c, n, t, row, err, &st, npairs, __VA_ARGS__)) return st

scopt_status scopt_network_add_setting(scopt_network *n, const char *key, const char *value, scopt_error *err)
{
    BEGIN(T_SETTINGS, key ? key : "", 1, "key", key);
    return api_end(&c, net_add_setting(n, &c.src, key, value));
}

scopt_status scopt_network_add_item(scopt_network *n, const scopt_item *r, scopt_error *err)
{
    BEGIN(T_ITEMS, r, 1, "item", r ? r->item : NULL);
    return api_end(&c, net_add_item(n, &c.src, r));
}

scopt_status scopt_network_add_site(scopt_network *n, const scopt_site *r, scopt_error *err)
{
    BEGIN(T_SITES, r, 1, "site", r ? r->site : NULL);
    return api_end(&c, net_add_site(n, &c.src, r));
}

scopt_status scopt_network_add_supply(scopt_network *n, const scopt_supply *r, scopt_error *err)
{
    BEGIN(T_SUPPLY, r, 2, "supplier", r ? r->supplier : NULL, "item", r ? r->item : NULL);
    return api_end(&c, net_add_supply(n, &c.src, r));
}

scopt_status scopt_network_add_operation(scopt_network *n, const scopt_operation *r, scopt_error *err)
{
    BEGIN(T_OPERATIONS, r, 1, "operation", r ? r->operation : NULL);
    return api_end(&c, net_add_operation(n, &c.src, r));
}

scopt_status scopt_network_add_bom(scopt_network *n, const scopt_bom *r, scopt_error *err)
{
    BEGIN(T_BOM, r, 2, "operation", r ? r->operation : NULL, "item", r ? r->item : NULL);
    return api_end(&c, net_add_bom(n, &c.src, r));
}

scopt_status scopt_network_add_resource(scopt_network *n, const scopt_resource *r, scopt_error *err)
{
    BEGIN(T_RESOURCES, r, 1, "resource", r ? r->resource : NULL);
    return api_end(&c, net_add_resource(n, &c.src, r));
}

scopt_status scopt_network_add_resource_use(scopt_network *n, const scopt_resource_use *r, scopt_error *err)
{
    BEGIN(T_RESOURCE_USE, r, 2, "operation", r ? r->operation : NULL, "resource", r ? r->resource : NULL);
    return api_end(&c, net_add_resource_use(n, &c.src, r));
}

scopt_status scopt_network_add_calendar(scopt_network *n, const scopt_calendar *r, scopt_error *err)
{
    char period[24];
    snprintf(period, sizeof period, "%d", r ? r->period : 0);
    BEGIN(T_CALENDAR, r, 2, "resource", r ? r->resource : NULL, "period", period);
    return api_end(&c, net_add_calendar(n, &c.src, r));
}

scopt_status scopt_network_add_supply_calendar(scopt_network *n, const scopt_supply_calendar *r, scopt_error *err)
{
    char period[24];
    snprintf(period, sizeof period, "%d", r ? r->period : 0);
    BEGIN(T_SUPPLY_CALENDAR, r, 3, "supplier", r ? r->supplier : NULL, "item", r ? r->item : NULL, "period", period);
    return api_end(&c, net_add_supply_calendar(n, &c.src, r));
}

scopt_status scopt_network_add_lane(scopt_network *n, const scopt_lane *r, scopt_error *err)
{
    int item = r && r->item && r->item[0], mode = r && r->mode && r->mode[0];
    BEGIN(T_LANES, r, 4, "from", r ? r->from : NULL, "to", r ? r->to : NULL, item ? "item" : NULL,
          item ? r->item : NULL, mode ? "mode" : NULL, mode ? r->mode : NULL);
    return api_end(&c, net_add_lane(n, &c.src, r));
}

scopt_status scopt_network_add_inventory(scopt_network *n, const scopt_inventory *r, scopt_error *err)
{
    BEGIN(T_INVENTORY, r, 2, "site", r ? r->site : NULL, "item", r ? r->item : NULL);
    return api_end(&c, net_add_inventory(n, &c.src, r));
}

scopt_status scopt_network_add_receipt(scopt_network *n, const scopt_receipt *r, scopt_error *err)
{
    char period[24];
    snprintf(period, sizeof period, "%d", r ? r->period : 0);
    BEGIN(T_RECEIPTS, r, 3, "site", r ? r->site : NULL, "item", r ? r->item : NULL, "period", period);
    return api_end(&c, net_add_receipt(n, &c.src, r));
}

scopt_status scopt_network_add_demand(scopt_network *n, const scopt_demand *r, scopt_error *err)
{
    char period[24];
    snprintf(period, sizeof period, "%d", r ? r->period : 0);
    BEGIN(T_DEMAND, r, 3, "customer", r ? r->customer : NULL, "item", r ? r->item : NULL, "period", period);
    return api_end(&c, net_add_demand(n, &c.src, r));
}
