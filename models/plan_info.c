/* plan_info.c - a plan's KPIs through the API (scopt_plan_info_get and shortcuts): the
 * numbers of summary.json without the lists. */
#include <float.h>
#include <math.h>
#include <string.h>
#include "plan.h"

static double known_bound(double b) { return b > -DBL_MAX ? b : -HUGE_VAL; }

static void costs_of(const scopt_plan *p, scopt_plan_costs *c)
{
    double *f[COST_COUNT] = {&c->purchase, &c->order, &c->production, &c->setup, &c->transport, &c->vehicles,
                             &c->holding, &c->overtime, &c->fixed, &c->lost, &c->backorder, &c->shortfall};
    for (int k = 0; k < COST_COUNT; k++) *f[k] = p->has_solution ? clean_value(p->costs[k]) : 0.0;
}

scopt_status scopt_plan_info_get(const scopt_plan *p, scopt_plan_info *info)
{
    if (!p || !info) return SCOPT_EUSAGE;
    memset(info, 0, sizeof *info);
    const scopt_model *m = p->model;
    info->status = p->status;
    info->has_plan = p->has_solution;
    info->objective = p->has_solution ? clean_value(p->objective) : 0.0;
    info->objective_constant = m ? clean_value(m->obj_constant) : 0.0;
    info->best_bound = known_bound(p->best_bound);
    info->lp_bound = known_bound(p->lp_bound);
    info->gap = p->gap >= 0 ? p->gap : -1;
    info->fill_rate = p->has_solution ? p->fill_rate : 0.0;
    info->ordered = clean_value(p->ordered);
    info->delivered = p->has_solution ? clean_value(p->delivered) : 0.0;
    info->lost = p->has_solution ? clean_value(p->lost) : 0.0;
    costs_of(p, &info->costs);
    info->method = p->method ? p->method : "";
    info->iterations = p->iterations;
    info->nodes = p->nodes;
    if (m) {
        info->rows = m->nrows;
        info->columns = m->ncols;
        info->integers = m->nints;
        info->nonzeros = (long)m->nnz;
    }
    info->seconds_build = p->timings.build;
    info->seconds_solve = p->timings.solve;
    info->seconds_decode = p->timings.decode;
    info->seconds_total = p->timings.total;
    return SCOPT_OK;
}

double scopt_plan_best_bound(const scopt_plan *p) { return p ? known_bound(p->best_bound) : -HUGE_VAL; }
double scopt_plan_gap(const scopt_plan *p) { return p && p->gap >= 0 ? p->gap : -1; }
