/* gen_write_plants.c - `scopt gen`: writes operations.csv, bom.csv, resources.csv,
 * resource_use.csv and capacity_calendar.csv, counting make/setup/overtime columns. */
#include "gen.h"

static int write_operations(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o;
    char name[72];
    int T = net->p.periods;
    GEN_OPEN(&o, "operations.csv", "operation,site,item,yield,unit_cost,lead_time,min_lot,setup_cost,max_per_period")
    for (int k = 0; k < net->nops; k++) {
        const gen_op *op = &net->ops[k];
        gen_put_str(&o, gen_op_name(net, k, name));
        gen_put_str(&o, gen_site_name(net, net->site_plant + op->plant, name));
        gen_put_str(&o, gen_item_name(net, op->item, name));
        gen_put_num(&o, op->yield, 3);
        gen_put_num(&o, op->unit_cost, 2);
        gen_put_int(&o, op->lead_time);
        gen_put_num(&o, op->min_lot > 0 ? op->min_lot : -1, 0);
        gen_put_num(&o, op->setup_cost > 0 ? op->setup_cost : -1, 2);
        gen_put_num(&o, op->max_per_period, 0);
        gen_end_row(&o);
        long n = op->lead_time < T ? T - op->lead_time : 0;
        long ints = op->min_lot > 0 || op->setup_cost > 0 || op->setup_usage > 0 ? n : 0;
        c->columns += n + ints;
        c->integers += ints;
    }
    GEN_CLOSE(&o)
    return 0;
}

static int write_bom(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o;
    char name[72];
    GEN_OPEN(&o, "bom.csv", "operation,item,quantity")
    for (int k = 0; k < net->nops; k++) {
        const gen_item *it = &net->items[net->ops[k].item];
        for (int b = 0; b < it->bom_len; b++) {
            gen_put_str(&o, gen_op_name(net, k, name));
            gen_put_str(&o, gen_item_name(net, net->bom[it->bom_start + b].input, name));
            gen_put_num(&o, net->bom[it->bom_start + b].quantity, 3);
            gen_end_row(&o);
        }
    }
    GEN_CLOSE(&o)
    return 0;
}

static int write_resources(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o, cal;
    char name[48];
    GEN_OPEN(&o, "resources.csv", "resource,site,capacity,overtime_capacity,overtime_cost")
    GEN_OPEN(&cal, "capacity_calendar.csv", "resource,period,capacity")
    for (int r = 0; r < net->nres; r++) {
        const gen_resource *rs = &net->res[r];
        gen_put_str(&o, gen_res_name(net, r, name));
        gen_put_str(&o, gen_site_name(net, net->site_plant + rs->plant, name));
        gen_put_num(&o, rs->capacity, 0);
        gen_put_num(&o, rs->overtime_capacity > 0 ? rs->overtime_capacity : -1, 0);
        gen_put_num(&o, rs->overtime_capacity > 0 ? rs->overtime_cost : -1, 2);
        gen_end_row(&o);
        c->columns += rs->overtime_capacity > 0 ? net->p.periods - rs->min_lead : 0;   /* where make exists */
        double capacity;
        int t = gen_calendar(net, r, &capacity);
        if (!t) continue;
        gen_put_str(&cal, gen_res_name(net, r, name));
        gen_put_int(&cal, t);
        gen_put_num(&cal, capacity, 0);
        gen_end_row(&cal);
    }
    GEN_CLOSE(&o)
    GEN_CLOSE(&cal)
    return 0;
}

static int write_use(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    gen_out o;
    char name[72];
    GEN_OPEN(&o, "resource_use.csv", "operation,resource,usage,setup_usage")
    for (int k = 0; k < net->nops; k++) {
        const gen_op *op = &net->ops[k];
        for (int j = 0; j < op->nres; j++) {
            gen_put_str(&o, gen_op_name(net, k, name));
            gen_put_str(&o, gen_res_name(net, op->res[j], name));
            gen_put_num(&o, op->usage[j], 3);
            gen_put_num(&o, j == 0 && op->setup_usage > 0 ? op->setup_usage : -1, 2);
            gen_end_row(&o);
        }
    }
    GEN_CLOSE(&o)
    return 0;
}

int gen_write_plants(const gen_net *net, const char *dir, gen_counts *c, const char **failed)
{
    if (write_operations(net, dir, c, failed) || write_bom(net, dir, c, failed) ||
        write_resources(net, dir, c, failed) || write_use(net, dir, c, failed))
        return -1;
    return 0;
}
