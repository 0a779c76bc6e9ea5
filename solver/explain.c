/* explain.c - see explain.h. The elastic model keeps every column and row of the plan's
 * model with zero costs, lifts stock maxima into rows, and gives each hard row slack
 * columns of cost 1: its optimum is the smallest total violation, and the rows whose slack
 * is used are what makes the plan infeasible. Demand, safety-stock and linking rows can
 * always be met and get no slack. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "explain.h"

#define MAX_LINES 20

static int needs_slack(row_kind k)
{
    return k == R_BALANCE || k == R_RESOURCE || k == R_LANE_CAP || k == R_STORAGE || k == R_ORDER_MIN ||
           k == R_SETUP_MIN || k == R_STOCK_MAX;
}

/* Slack on a balance costs more than slack on a capacity, so that a violation is blamed on the
 * capacity a planner can change (storage, max stock, resource) rather than on the balance. */
static void add_slacks(scopt_model *e, int r)
{
    double cost = e->rm[r].kind == R_BALANCE ? 10.0 : 1.0;
    if (e->rlo[r] > -SCOPT_INF) model_add_coef(e, r, model_add_col(e, V_SLACK, r, 1, 0, SCOPT_INF, cost, 0), 1.0);
    if (e->rhi[r] < SCOPT_INF) model_add_coef(e, r, model_add_col(e, V_SLACK, r, -1, 0, SCOPT_INF, cost, 0), -1.0);
}

static scopt_model *elastic_copy(const scopt_model *m)
{
    scopt_model *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    *e = (scopt_model){.net = m->net, .T = m->T, .buffers = m->buffers, .nbuffers = m->nbuffers,
                       .lane_items = m->lane_items, .nlane_items = m->nlane_items, .demands = m->demands,
                       .ndemands = m->ndemands};
    for (int j = 0; j < m->ncols; j++) {
        int stockmax = m->cm[j].kind == V_STOCK && m->ub[j] < SCOPT_INF;
        model_add_col(e, (var_kind)m->cm[j].kind, m->cm[j].a, m->cm[j].t, m->lb[j], stockmax ? SCOPT_INF : m->ub[j], 0,
                      m->is_int[j]);
    }
    for (int i = 0; i < m->nrows; i++) model_add_row(e, (row_kind)m->rm[i].kind, m->rm[i].a, m->rm[i].t, m->rlo[i], m->rhi[i]);
    for (size_t k = 0; k < m->nnz; k++) model_add_coef(e, m->ai[k], m->aj[k], m->av[k]);
    for (int j = 0; j < m->ncols; j++)
        if (m->cm[j].kind == V_STOCK && m->ub[j] < SCOPT_INF) {
            int r = model_add_row(e, R_STOCK_MAX, m->cm[j].a, m->cm[j].t, -SCOPT_INF, m->ub[j]);
            model_add_coef(e, r, j, 1.0);
        }
    for (int i = 0, n = e->nrows; i < n; i++)
        if (needs_slack((row_kind)e->rm[i].kind)) add_slacks(e, i);
    return e;
}

static void elastic_free(scopt_model *e)
{
    e->buffers = NULL; e->lane_items = NULL; e->demands = NULL; e->ndemands = 0; /* borrowed */
    model_free(e);
}

static void describe(const scopt_model *e, int r, int sign, double v, char *buf, size_t n)
{
    const scopt_network *net = e->net;
    meaning rm = e->rm[r];
    switch ((row_kind)rm.kind) {
    case R_BALANCE: {
        const model_buffer *b = &e->buffers[rm.a];
        if (sign > 0)
            snprintf(buf, n, "(%s, %s) in period %d: %g units of initial stock or receipts can go nowhere (no room to "
                     "store, ship, use or deliver them)", site_name(net, b->site), item_name(net, b->item), rm.t, v);
        else
            snprintf(buf, n, "(%s, %s) in period %d: %g units are needed that no supply, production or stock provides",
                     site_name(net, b->site), item_name(net, b->item), rm.t, v);
        break;
    }
    case R_STORAGE:
        snprintf(buf, n, "storage at %s in period %d: the stock that must be held exceeds storage_capacity %g by %g",
                 site_name(net, rm.a), rm.t, net->sites.data[rm.a].storage_capacity, v);
        break;
    case R_STOCK_MAX: {
        const model_buffer *b = &e->buffers[rm.a];
        snprintf(buf, n, "stock of %s at %s in period %d: the stock that must be held exceeds its max %g by %g",
                 item_name(net, b->item), site_name(net, b->site), rm.t, e->rhi[r], v);
        break;
    }
    case R_RESOURCE:
        snprintf(buf, n, "resource %s in period %d: the load that must be carried exceeds capacity %g plus overtime by %g",
                 res_name(net, rm.a), rm.t, e->rhi[r], v);
        break;
    default: {
        char name[600];
        model_row_name(e, r, name, sizeof name);
        snprintf(buf, n, "constraint %s cannot be met: short by %g", name, v);
    }
    }
}

static void add_line(scopt_plan *p, const char *text)
{
    char **ex = realloc(p->explanation, (size_t)(p->nexplanation + 1) * sizeof *ex);
    if (!ex) return;
    p->explanation = ex;
    if ((ex[p->nexplanation] = str_dup(text))) p->nexplanation++;
}

void explain_infeasible(scopt_plan *p, const solve_params *sp)
{
    scopt_model *e = elastic_copy(p->model);
    solve_result r;
    solve_params q = *sp;
    char line[1200];
    q.time_limit = 60;
    q.start_time = now_seconds();
    q.on_progress = NULL;
    q.quiet = 1;
    if (!e || e->nomem || glpk_solve(e, &q, &r, NULL) != SCOPT_OK || !r.has_solution) {
        add_line(p, "the constraints cannot all be met (no explanation could be computed)");
        if (e) elastic_free(e);
        return;
    }
    int shown = 0;
    for (int j = p->model->ncols; j < e->ncols; j++) {
        if (e->cm[j].kind != V_SLACK || r.x[j] <= 1e-6) continue;
        if (shown++ == MAX_LINES) { add_line(p, "... (more constraints cannot be met)"); break; }
        describe(e, e->cm[j].a, e->cm[j].t, clean_value(r.x[j]), line, sizeof line);
        add_line(p, line);
    }
    if (!shown) add_line(p, "the constraints cannot all be met (the elastic model found no violation to report)");
    solve_result_free(&r);
    elastic_free(e);
}
