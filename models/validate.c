/* validate.c - checks that need the whole network (ARCHITECTURE.md section 2b):
 * the horizon T and rows beyond it, BOM cycles, setups without a finite bound, demand
 * that no chain can reach and operations whose output can never reach demand. */
#include <stdlib.h>
#include <string.h>
#include "network.h"

static void set_horizon(scopt_network *n, diag_sink *d)
{
    int last = 0;
    for (size_t k = 0; k < n->demand.len; k++)
        if (n->demand.data[k].period > last) last = n->demand.data[k].period;
    n->T = n->settings.periods ? n->settings.periods : last;
#define BEYOND(vec, tab, pcol, what)                                                          \
    for (size_t k = 0; k < n->vec.len; k++)                                                   \
        if (n->vec.data[k].period > n->T)                                                     \
            net_report(n, d, SCOPT_SEV_WARNING, tab, n->vec.data[k].line, pcol,                \
                       what " in period %d lies beyond the horizon of %d periods and is ignored", \
                       n->vec.data[k].period, n->T);
    BEYOND(demand, T_DEMAND, 2, "demand")
    BEYOND(receipts, T_RECEIPTS, 2, "receipt")
    BEYOND(calendar, T_CALENDAR, 1, "calendar capacity")
    BEYOND(supply_calendar, T_SUPPLY_CALENDAR, 2, "supply calendar capacity")
#undef BEYOND
}

/* ---- BOM cycles: edges input item -> output item, iterative DFS with colours ---- */
typedef struct { int *start, *adj, *edge_line; } item_graph;

static int build_graph(const scopt_network *n, item_graph *g)
{
    size_t ni = n->items.len, ne = n->bom.len;
    g->start = calloc(ni + 1, sizeof *g->start);
    g->adj = malloc((ne + 1) * sizeof *g->adj);
    g->edge_line = malloc((ne + 1) * sizeof *g->edge_line);
    if (!g->start || !g->adj || !g->edge_line) return -1;
    for (size_t k = 0; k < ne; k++) g->start[n->bom.data[k].item + 1]++;
    for (size_t i = 0; i < ni; i++) g->start[i + 1] += g->start[i];
    int *fill = calloc(ni + 1, sizeof *fill);
    if (!fill) return -1;
    for (size_t k = 0; k < ne; k++) {
        int from = n->bom.data[k].item, pos = g->start[from] + fill[from]++;
        g->adj[pos] = n->ops.data[n->bom.data[k].operation].item;
        g->edge_line[pos] = n->bom.data[k].line;
    }
    free(fill);
    return 0;
}

static void report_cycle(const scopt_network *n, diag_sink *d, const int *stack, const int *edge, int depth,
                         int target)
{
    char path[900] = "";
    int k = depth - 1;
    while (k > 0 && stack[k] != target) k--;
    for (int j = k; j < depth; j++) {
        strncat(path, item_name(n, stack[j]), sizeof path - strlen(path) - 1);
        strncat(path, " -> ", sizeof path - strlen(path) - 1);
    }
    strncat(path, item_name(n, target), sizeof path - strlen(path) - 1);
    net_report(n, d, SCOPT_SEV_ERROR, T_BOM, edge[depth - 1], 1,
               "bill-of-materials cycle: %s; expected bills of materials without cycles", path);
}

static int check_bom_cycles(const scopt_network *n, diag_sink *d)
{
    size_t ni = n->items.len;
    item_graph g = {0};
    char *colour = calloc(ni + 1, 1);
    int *stack = malloc((ni + 1) * sizeof *stack), *pos = malloc((ni + 1) * sizeof *pos);
    int *edge = malloc((ni + 1) * sizeof *edge);
    int rc = 0;
    if (!colour || !stack || !pos || !edge || build_graph(n, &g)) { d->nomem = 1; rc = -1; goto done; }
    for (size_t root = 0; root < ni && !rc; root++) {
        if (colour[root]) continue;
        int depth = 0;
        stack[depth] = (int)root; pos[depth] = g.start[root]; colour[root] = 1; depth++;
        while (depth > 0 && !rc) {
            int v = stack[depth - 1];
            if (pos[depth - 1] == g.start[v + 1]) { colour[v] = 2; depth--; continue; }
            int e = pos[depth - 1]++, w = g.adj[e];
            edge[depth - 1] = g.edge_line[e];
            if (colour[w] == 1) { report_cycle(n, d, stack, edge, depth, w); rc = 1; }
            else if (!colour[w]) { stack[depth] = w; pos[depth] = g.start[w]; colour[w] = 1; depth++; }
        }
    }
done:
    free(colour); free(stack); free(pos); free(edge);
    free(g.start); free(g.adj); free(g.edge_line);
    return rc;
}

/* ---- setups need a finite bound M (section 2b "Setups") ---- */
static void check_setup_bounds(const scopt_network *n, diag_sink *d)
{
    size_t no = n->ops.len;
    char *setup = calloc(no + 1, 1), *bounded = calloc(no + 1, 1);
    if (!setup || !bounded) { d->nomem = 1; free(setup); free(bounded); return; }
    for (size_t k = 0; k < n->use.len; k++) {
        const net_resource_use *u = &n->use.data[k];
        if (u->setup_usage > 0) setup[u->operation] = 1;
        if (u->usage > 0) bounded[u->operation] = 1;
    }
    for (size_t o = 0; o < no; o++) {
        const net_operation *op = &n->ops.data[o];
        if (op->min_lot > 0 || op->setup_cost > 0) setup[o] = 1;
        if (!is_inf(op->max_per_period)) bounded[o] = 1;
        if (setup[o] && !bounded[o])
            net_report(n, d, SCOPT_SEV_ERROR, T_OPERATIONS, op->line, 8,
                       "operation '%s' has a setup (min_lot, setup_cost or setup_usage) but no bound on "
                       "its quantity; expected a max_per_period or a resource with usage > 0",
                       op_name(n, (int)o));
    }
    free(setup);
    free(bounded);
}

int reachability_check(scopt_network *n, diag_sink *d); /* reach.c */

int network_validate(scopt_network *n, diag_sink *d)
{
    int before = d->errors;
    set_horizon(n, d);
    if (n->T < 1)
        net_report(n, d, SCOPT_SEV_ERROR, T_DEMAND, 0, -1,
                   "no planning horizon; expected demand rows or settings 'periods'");
    check_bom_cycles(n, d);
    check_setup_bounds(n, d);
    if (d->errors == before && !d->nomem) reachability_check(n, d);
    return d->errors - before;
}
