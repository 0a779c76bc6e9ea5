/* gen_costs.c - `scopt gen`: the plant side's numbers once the requirements are known:
 * operation costs and item values (bottom-up, so value rises with depth), resources sized
 * from the mean load (factor 0.85..1.4, so some bind in seasonal peaks, with overtime on
 * most), setups when the MIP features ask for them, and the component lanes' capacities and
 * vehicles. */
#include <stdlib.h>
#include "gen.h"

void gen_values(gen_net *net)
{
    const gen_params *p = &net->p;
    for (int i = net->nraw; i < net->nitems; i++) {
        gen_item *it = &net->items[i];
        double inputs = 0;
        for (int b = 0; b < it->bom_len; b++)
            inputs += net->bom[it->bom_start + b].quantity * net->items[net->bom[it->bom_start + b].input].value;
        for (int k = 0; k < it->nplants; k++) {
            int o = it->first_op + k;
            gen_op *op = &net->ops[o];
            op->unit_cost = gen_round(inputs * gen_range(p, TAG_OP, o, 6, 0, 0.05, 0.2) + gen_range(p, TAG_OP, o, 7, 0, 0.2, 1.5), 0.01);
            op->max_per_period = gen_u(p, TAG_OP, o, 8, 0) < 0.2 ? gen_ceil(op->mean_make * gen_range(p, TAG_OP, o, 9, 0, 1.3, 2.5)) : -1;
        }
        const gen_op *op = &net->ops[it->first_op];
        it->value = gen_round((inputs + op->unit_cost) / op->yield, 0.01);
    }
}

static void size_resource(gen_net *net, int r, double cost)
{
    const gen_params *p = &net->p;
    gen_resource *rs = &net->res[r];
    rs->capacity = rs->load > 0 ? gen_ceil(rs->load * gen_range(p, TAG_RES, r, 0, 0, 0.85, 1.4))
                                : gen_round(gen_range(p, TAG_RES, r, 0, 0, 50, 200), 1);
    if (rs->capacity < 1) rs->capacity = 1;
    rs->overtime_capacity = rs->overtime_cost = 0;
    if (rs->load > 0 && gen_u(p, TAG_RES, r, 1, 0) < 0.6) {   /* no overtime on an idle resource */
        rs->overtime_capacity = gen_ceil(rs->capacity * gen_range(p, TAG_RES, r, 2, 0, 0.1, 0.3));
        double per_unit = rs->load > 0 ? cost / rs->load : 1;
        rs->overtime_cost = gen_round(per_unit * gen_range(p, TAG_RES, r, 3, 0, 0.3, 1.0), 0.01);
        if (rs->overtime_cost < 0.01) rs->overtime_cost = 0.01;
    }
}

int gen_resources_build(gen_net *net)
{
    int R = net->p.resources_per_plant * net->p.plants;
    net->nres = R;
    net->res = calloc((size_t)R + 1, sizeof *net->res);
    double *cost = calloc((size_t)R + 1, sizeof *cost);
    if (!net->res || !cost) { free(cost); return -1; }
    for (int r = 0; r < R; r++) {
        net->res[r].plant = r / net->p.resources_per_plant;
        net->res[r].min_lead = net->p.periods;
    }
    for (int o = 0; o < net->nops; o++) {
        const gen_op *op = &net->ops[o];
        for (int k = 0; k < op->nres; k++) {
            net->res[op->res[k]].load += op->usage[k] * op->mean_make;
            cost[op->res[k]] += op->unit_cost * op->mean_make;
            if (op->lead_time < net->res[op->res[k]].min_lead) net->res[op->res[k]].min_lead = op->lead_time;
        }
    }
    for (int r = 0; r < R; r++) size_resource(net, r, cost[r]);
    free(cost);
    return 0;
}

/* a maintenance period at 30..70% capacity for a quarter of the resources; 0 when none */
int gen_calendar(const gen_net *net, int r, double *capacity)
{
    const gen_params *p = &net->p;
    if (gen_u(p, TAG_CAL, r, 0, 0) >= 0.25) return 0;
    *capacity = gen_round(net->res[r].capacity * gen_range(p, TAG_CAL, r, 1, 0, 0.3, 0.7), 1);
    return 1 + gen_int(p, TAG_CAL, r, 2, 0, p->periods);
}

/* setups on half the operations: a setup cost, often a minimum lot and a setup time */
void gen_setups(gen_net *net)
{
    const gen_params *p = &net->p;
    for (int o = 0; o < net->nops; o++) {
        gen_op *op = &net->ops[o];
        op->min_lot = op->setup_cost = op->setup_usage = 0;
        if (!(p->mip & GEN_MIP_SETUPS) || gen_u(p, TAG_MIP, o, 10, 0) >= 0.5) continue;
        /* EOQ: setup = holding (about 0.45% of value a period) * demand * TBO^2 / 2, so that lots
         * cover 1.5-4 periods */
        double tbo = gen_range(p, TAG_MIP, o, 11, 0, 1.5, 4.0), value = net->items[op->item].value;
        op->setup_cost = gen_round(op->mean_make * value * 0.0045 * tbo * tbo / 2, 0.01);
        if (op->setup_cost < 1) op->setup_cost = 1;
        if (gen_u(p, TAG_MIP, o, 12, 0) < 0.5) op->min_lot = gen_ceil(op->mean_make * gen_range(p, TAG_MIP, o, 13, 0, 0.3, 0.8));
        if (op->nres && gen_u(p, TAG_MIP, o, 14, 0) < 0.4)
            op->setup_usage = gen_round(op->usage[0] * op->mean_make * gen_range(p, TAG_MIP, o, 15, 0, 0.05, 0.2), 0.01);
        if (!op->nres && op->max_per_period < 0) op->max_per_period = gen_ceil(op->mean_make * 2.5 + 1);
    }
}

/* component lanes: a fifth get a capacity, and with vehicles on, a third get vehicles */
void gen_plant_lanes_finish(gen_net *net)
{
    const gen_params *p = &net->p;
    for (int k = 0; k < net->nlanes; k++) {
        gen_lane *l = &net->lanes[k];
        if (l->from < net->site_plant) continue;   /* supplier lanes are sized where made */
        const gen_item *it = &net->items[l->item];
        double flow = it->requirement / (it->nplants + 1);
        if (gen_u(p, TAG_LANE, l->from, l->to, l->item) < 0.2)
            l->capacity = gen_ceil(flow * gen_range(p, TAG_LANE, l->from, l->to, l->item + 1000003L, 1.3, 2.5));
        if ((p->mip & GEN_MIP_VEHICLES) && gen_u(p, TAG_MIP, l->from, l->to, l->item) < 0.3) {
            l->vehicle_capacity = gen_ceil(flow * it->volume * gen_range(p, TAG_MIP, l->from, l->to, l->item + 7, 0.3, 1.0));
            l->vehicle_cost = gen_round(l->vehicle_capacity * (l->unit_cost / it->volume) * 0.8, 0.01);
            if (l->vehicle_cost < 0.01) l->vehicle_cost = 0.01;
        }
    }
}
