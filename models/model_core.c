/* model_core.c - growing the model's arrays (columns, rows, triplets), the buffer look-up
 * and model_build, which runs the constraint families in order. */
#include <stdlib.h>
#include <string.h>
#include "model.h"

static int grow_cols(scopt_model *m)
{
    int cap = m->cols_cap ? m->cols_cap * 2 : 1024;
    double *lb = realloc(m->lb, (size_t)cap * sizeof *lb);
    if (lb) m->lb = lb;
    double *ub = realloc(m->ub, (size_t)cap * sizeof *ub);
    if (ub) m->ub = ub;
    double *cost = realloc(m->cost, (size_t)cap * sizeof *cost);
    if (cost) m->cost = cost;
    char *is_int = realloc(m->is_int, (size_t)cap);
    if (is_int) m->is_int = is_int;
    meaning *cm = realloc(m->cm, (size_t)cap * sizeof *cm);
    if (cm) m->cm = cm;
    if (!lb || !ub || !cost || !is_int || !cm) return -1;
    m->cols_cap = cap;
    return 0;
}

int model_add_col(scopt_model *m, var_kind kind, int a, int t, double lb, double ub, double cost, int is_int)
{
    if (m->ncols == m->cols_cap && grow_cols(m)) { m->nomem = 1; return -1; }
    int j = m->ncols++;
    m->lb[j] = lb;
    m->ub[j] = ub;
    m->cost[j] = cost;
    m->is_int[j] = (char)is_int;
    m->cm[j] = (meaning){(unsigned char)kind, a, t};
    m->nints += is_int != 0;
    return j;
}

static int grow_rows(scopt_model *m)
{
    int cap = m->rows_cap ? m->rows_cap * 2 : 1024;
    double *lo = realloc(m->rlo, (size_t)cap * sizeof *lo);
    if (lo) m->rlo = lo;
    double *hi = realloc(m->rhi, (size_t)cap * sizeof *hi);
    if (hi) m->rhi = hi;
    meaning *rm = realloc(m->rm, (size_t)cap * sizeof *rm);
    if (rm) m->rm = rm;
    if (!lo || !hi || !rm) return -1;
    m->rows_cap = cap;
    return 0;
}

int model_add_row(scopt_model *m, row_kind kind, int a, int t, double lo, double hi)
{
    if (m->nrows == m->rows_cap && grow_rows(m)) { m->nomem = 1; return -1; }
    int i = m->nrows++;
    m->rlo[i] = lo;
    m->rhi[i] = hi;
    m->rm[i] = (meaning){(unsigned char)kind, a, t};
    return i;
}

void model_add_coef(scopt_model *m, int row, int col, double v)
{
    if (row < 0 || col < 0 || v == 0.0) return;
    if (m->nnz == m->nnz_cap) {
        size_t cap = m->nnz_cap ? m->nnz_cap * 2 : 4096;
        int *ai = realloc(m->ai, cap * sizeof *ai);
        if (ai) m->ai = ai;
        int *aj = realloc(m->aj, cap * sizeof *aj);
        if (aj) m->aj = aj;
        double *av = realloc(m->av, cap * sizeof *av);
        if (av) m->av = av;
        if (!ai || !aj || !av) { m->nomem = 1; return; }
        m->nnz_cap = cap;
    }
    m->ai[m->nnz] = row;
    m->aj[m->nnz] = col;
    m->av[m->nnz] = v;
    m->nnz++;
}

int model_buffer_find(const scopt_model *m, int site, int item)
{
    return keymap_get(&m->buffer_of, site, item, 0, 0);
}

void model_add_balance(scopt_model *m, int site, int item, int t, int col, double v)
{
    int b = model_buffer_find(m, site, item);
    if (b < 0 || t < 1 || t > m->T) return;
    m->buffers[b].has_flow = 1;
    model_add_coef(m, m->buffers[b].bal_row + t - 1, col, v);
}

double model_res_cap(const scopt_model *m, int r, int t) { return m->res_cap[(size_t)r * (size_t)m->T + (size_t)(t - 1)]; }
double model_sup_cap(const scopt_model *m, int k, int t) { return m->sup_cap[(size_t)k * (size_t)m->T + (size_t)(t - 1)]; }

void model_free(scopt_model *m)
{
    if (!m) return;
    free(m->lb); free(m->ub); free(m->cost); free(m->is_int); free(m->cm);
    free(m->rlo); free(m->rhi); free(m->rm);
    free(m->ai); free(m->aj); free(m->av);
    free(m->buffers);
    keymap_free(&m->buffer_of);
    keymap_free(&m->demand_of);
    free(m->lane_items);
    for (int k = 0; k < m->ndemands; k++) {
        model_demand *d = &m->demands[k];
        free(d->slot); free(d->qty); free(d->unmet); free(d->backorder); free(d->has_row);
    }
    free(m->demands);
    free(m->buy_col); free(m->order_col); free(m->make_col); free(m->setup_col); free(m->make_ub);
    free(m->veh_col); free(m->ot_col); free(m->open_col); free(m->res_cap); free(m->sup_cap);
    free(m);
}

size_t model_bytes(const scopt_model *m)
{
    if (!m) return 0;
    const scopt_network *n = m->net;
    size_t T = (size_t)m->T, bytes = (size_t)m->cols_cap * (3 * sizeof(double) + 1 + sizeof(meaning));
    bytes += (size_t)m->rows_cap * (2 * sizeof(double) + sizeof(meaning));
    bytes += m->nnz_cap * (2 * sizeof(int) + sizeof(double));
    bytes += m->buffers_cap * sizeof(model_buffer) + m->lane_items_cap * sizeof(model_lane_item);
    bytes += (size_t)m->ndemands * (sizeof(model_demand) + T * (sizeof(int) + 3 * sizeof(double) + 1));
    bytes += (2 * n->supply.len + 3 * n->ops.len + n->lanes.len + n->sites.len) * sizeof(int);
    bytes += n->ops.len * T * sizeof(double) + n->res.len * (sizeof(int) + T * sizeof(double));
    return bytes;
}

static int fill_capacities(scopt_model *m)
{
    m->res_cap = network_capacity_table(m->net, T_RESOURCES, m->T);
    m->sup_cap = network_capacity_table(m->net, T_SUPPLY, m->T);
    return m->res_cap && m->sup_cap ? 0 : -1;
}

static int alloc_index(scopt_model *m)
{
    const scopt_network *n = m->net;
#define ALLOC_NEG(field, count)                                        \
    do {                                                               \
        m->field = malloc(((count) + 1) * sizeof *m->field);           \
        if (!m->field) return -1;                                      \
        for (size_t _k = 0; _k < (count); _k++) m->field[_k] = -1;     \
    } while (0)
    ALLOC_NEG(buy_col, n->supply.len);
    ALLOC_NEG(order_col, n->supply.len);
    ALLOC_NEG(make_col, n->ops.len);
    ALLOC_NEG(setup_col, n->ops.len);
    ALLOC_NEG(veh_col, n->lanes.len);
    ALLOC_NEG(ot_col, n->res.len);
    ALLOC_NEG(open_col, n->sites.len);
#undef ALLOC_NEG
    return fill_capacities(m);
}

scopt_status model_build(const scopt_network *net, diag_sink *d, scopt_model **out)
{
    *out = NULL;
    scopt_model *m = calloc(1, sizeof *m);
    if (!m) return SCOPT_ENOMEM;
    m->net = net;
    m->T = net->T;
    keymap_init(&m->buffer_of);
    keymap_init(&m->demand_of);
    int errors = d->errors;
    int rc = alloc_index(m) || build_buffers(m, d) || build_stock(m) || build_purchases(m) ||
             build_production(m) || build_transport(m) || build_demand(m) || build_resources(m) ||
             build_open_sites(m, d) || build_storage_and_safety(m);
    for (size_t s = 0; s < net->sites.len && !rc; s++)
        if (m->open_col[s] < 0) m->const_fixed += net->sites.data[s].fixed_cost;
    m->obj_constant = m->const_fixed + m->const_shortfall;
    if (rc || m->nomem || d->errors > errors) {
        scopt_status s = (m->nomem || d->nomem || d->errors == errors) ? SCOPT_ENOMEM : SCOPT_EINPUT;
        model_free(m);
        return s;
    }
    *out = m;
    return SCOPT_OK;
}
