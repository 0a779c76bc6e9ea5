/* summary_json.c - summary.json of a plan (docs/plan.md "summary.json") and
 * scopt_plan_write_dir, which publishes the schedules and the summary together. */
#include <float.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plan_write.h"

static const char *const status_names[] = {"optimal", "feasible", "infeasible", "unbounded", "no_plan", "cancelled"};

const char *scopt_solve_status_name(scopt_solve_status s)
{
    return (unsigned)s < sizeof status_names / sizeof status_names[0] ? status_names[s] : "unknown";
}

static json_t *num_or_null(double v, int known) { return known && isfinite(v) ? json_real(clean_value(v)) : json_null(); }

static json_t *costs_json(const scopt_plan *p)
{
    json_t *c = json_object();
    for (int k = 0; k < COST_COUNT; k++) json_object_set_new(c, cost_kind_names[k], json_real(clean_value(p->costs[k])));
    return c;
}

static json_t *model_json(const scopt_model *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "rows", json_integer(m ? m->nrows : 0));
    json_object_set_new(o, "columns", json_integer(m ? m->ncols : 0));
    json_object_set_new(o, "integers", json_integer(m ? m->nints : 0));
    json_object_set_new(o, "nonzeros", json_integer(m ? (json_int_t)m->nnz : 0));
    json_object_set_new(o, "memory_mb", json_real((double)model_bytes(m) / 1048576.0));
    return o;
}

static json_t *timings_json(const plan_timings *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "read", json_real(t->read));
    json_object_set_new(o, "build", json_real(t->build));
    json_object_set_new(o, "solve", json_real(t->solve));
    json_object_set_new(o, "decode", json_real(t->decode));
    json_object_set_new(o, "write", json_real(t->write));
    json_object_set_new(o, "total", json_real(t->total));
    json_object_set_new(o, "glpk_load", json_real(t->glpk_load));
    json_object_set_new(o, "validate", json_real(t->validate));
    return o;
}

/* the five resources with the highest peak utilization */
/* "solver"."pdlp": what the first-order LP solver did (--lp-method pdlp) */
static json_t *pdlp_json(const plan_pdlp_info *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string(d->status ? d->status : ""));
    json_object_set_new(o, "backend", json_string(d->backend ? d->backend : ""));
    json_object_set_new(o, "device", json_string(d->device));
    json_object_set_new(o, "iterations", json_integer(d->iterations));
    json_object_set_new(o, "restarts", json_integer(d->restarts));
    json_object_set_new(o, "seconds", json_real(d->seconds));
    json_object_set_new(o, "tolerance", json_real(d->tolerance));
    if (d->refine_tolerance > 0) { /* docs/pdlp.md, "The tolerance before the finish" */
        json_object_set_new(o, "refine_tolerance", json_real(d->refine_tolerance));
        json_object_set_new(o, "refined", json_boolean(d->refined));
    }
    json_object_set_new(o, "iterations_at_tolerance", json_integer(d->iterations_at_tolerance));
    if (d->presolve) json_object_set_new(o, "presolved_columns", json_integer(d->presolved_columns));
    if (d->checkpoint) { /* docs/pdlp.md, "Checkpoints" */
        json_t *c = json_object();
        json_object_set_new(c, "file", json_string(d->checkpoint));
        json_object_set_new(c, "resumed_from_iteration", json_integer(d->resumed_from));
        json_object_set_new(c, "saved", json_boolean(d->checkpoint_saved));
        if (d->checkpoint_note[0]) json_object_set_new(c, "note", json_string(d->checkpoint_note));
        json_object_set_new(o, "checkpoint", c);
    }
    json_object_set_new(o, "primal_objective", num_or_null(d->primal_objective, 1));
    json_object_set_new(o, "dual_objective", num_or_null(d->dual_objective, 1));
    json_object_set_new(o, "primal_residual", json_real(d->primal_residual));
    json_object_set_new(o, "dual_residual", json_real(d->dual_residual));
    json_object_set_new(o, "relative_primal_residual", json_real(d->rel_primal_residual));
    json_object_set_new(o, "relative_dual_residual", json_real(d->rel_dual_residual));
    json_object_set_new(o, "relative_gap", json_real(d->rel_gap));
    json_object_set_new(o, "finish", json_string(d->finish ? d->finish : ""));
    if (d->start_basis) json_object_set_new(o, "finish_start_basis", json_string(d->start_basis));
    json_object_set_new(o, "finish_iterations", json_integer(d->finish_iterations));
    json_object_set_new(o, "finish_rounds", json_integer(d->finish_rounds));
    json_object_set_new(o, "finish_iterations_restricted", json_integer(d->finish_iterations_restricted));
    json_object_set_new(o, "finish_seconds", json_real(d->finish_seconds));
    json_object_set_new(o, "finish_stopped", json_boolean(d->finish_stopped));
    if (d->plan_point) json_object_set_new(o, "plan_point", json_string(d->plan_point));
    if (d->finish && !strcmp(d->finish, "polish")) { /* docs/pdlp.md, "Feasibility polishing" */
        json_t *p = json_object();
        json_object_set_new(p, "rounds", json_integer(d->polish_rounds));
        json_object_set_new(p, "iterations", json_integer(d->polish_iterations));
        json_object_set_new(p, "seconds", json_real(d->polish_seconds));
        json_object_set_new(p, "primal_polished", json_boolean(d->polished_primal));
        json_object_set_new(p, "dual_polished", json_boolean(d->polished_dual));
        json_object_set_new(o, "polish", p);
    }
    if (d->plan_point && !strcmp(d->plan_point, "rounded")) { /* docs/pdlp.md, "MIPs without the simplex" */
        json_t *r = json_object();
        json_object_set_new(r, "lp_solves", json_integer(d->mip_lp_solves));
        json_object_set_new(r, "iterations", json_integer(d->mip_iterations));
        json_object_set_new(r, "seconds", json_real(d->mip_seconds));
        json_object_set_new(o, "rounding", r);
    }
    return o;
}

static json_t *busiest_json(const scopt_plan *p)
{
    json_t *a = json_array();
    const scopt_network *n = p->net;
    size_t T = (size_t)p->model->T, nr = n->res.len;
    int pick[5], npick = 0;
    double peak_of[5];
    int period_of[5];
    for (size_t r = 0; r < nr; r++) {
        double peak = -1;
        int at = 1;
        for (size_t t = 1; t <= T; t++) {
            double cap = model_res_cap(p->model, (int)r, (int)t), load = p->res_run[r * T + t - 1] + p->res_setup[r * T + t - 1];
            double u = cap > 0 ? load / cap : (load > 0 ? 1e9 : 0);
            if (u > peak) { peak = u; at = (int)t; }
        }
        if (npick == 5 && peak <= peak_of[4]) continue;
        int k = npick < 5 ? npick++ : 4; /* insert into the sorted top five */
        for (; k > 0 && peak_of[k - 1] < peak; k--) {
            pick[k] = pick[k - 1];
            peak_of[k] = peak_of[k - 1];
            period_of[k] = period_of[k - 1];
        }
        pick[k] = (int)r;
        peak_of[k] = peak;
        period_of[k] = at;
    }
    for (int k = 0; k < npick; k++) {
        json_t *o = json_object();
        json_object_set_new(o, "resource", json_string(res_name(n, pick[k])));
        json_object_set_new(o, "period", json_integer(period_of[k]));
        json_object_set_new(o, "utilization", json_real(clean_value(peak_of[k])));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *sites_json(const scopt_plan *p, int want_open)
{
    json_t *a = json_array();
    for (size_t s = 0; s < p->net->sites.len; s++) {
        int j = p->model->open_col[s];
        if (j >= 0 && (p->x[j] > 0.5) == want_open) json_array_append_new(a, json_string(site_name(p->net, (int)s)));
    }
    return a;
}

char *plan_summary_json(const scopt_plan *p)
{
    json_t *root = json_object();
    int sol = p->has_solution;
    json_object_set_new(root, "status", json_string(scopt_solve_status_name(p->status)));
    json_object_set_new(root, "objective", num_or_null(p->objective, sol));
    json_object_set_new(root, "objective_constant", json_real(p->model ? clean_value(p->model->obj_constant) : 0));
    json_object_set_new(root, "best_bound", num_or_null(p->best_bound, p->best_bound > -DBL_MAX));
    json_object_set_new(root, "lp_bound", num_or_null(p->lp_bound, p->lp_bound > -DBL_MAX));
    json_object_set_new(root, "gap", num_or_null(p->gap, p->gap >= 0));
    json_object_set_new(root, "costs", sol ? costs_json(p) : json_null());
    json_object_set_new(root, "fill_rate", num_or_null(p->fill_rate, sol));
    json_object_set_new(root, "ordered", json_real(clean_value(p->ordered)));
    json_object_set_new(root, "delivered", num_or_null(p->delivered, sol));
    json_object_set_new(root, "lost", num_or_null(p->lost, sol));
    json_object_set_new(root, "model", model_json(p->model));
    if (sol) {
        json_object_set_new(root, "open_sites", sites_json(p, 1));
        json_object_set_new(root, "closed_sites", sites_json(p, 0));
        json_object_set_new(root, "busiest_resources", busiest_json(p));
    }
    json_t *solver = json_object();
    json_object_set_new(solver, "method", json_string(p->method ? p->method : ""));
    json_object_set_new(solver, "iterations", json_integer(p->iterations));
    json_object_set_new(solver, "nodes", json_integer(p->nodes));
    if (p->model && p->model->nints) json_object_set_new(solver, "heuristic_plans", json_integer(p->heuristic_plans));
    json_object_set_new(solver, "glpk_peak_mb", json_real(p->glpk_peak_mb));
    if (p->pdlp.used) json_object_set_new(solver, "pdlp", pdlp_json(&p->pdlp));
    json_object_set_new(root, "solver", solver);
    json_object_set_new(root, "timings", timings_json(&p->timings));
    json_t *opts = json_loads(p->options_json[0] ? p->options_json : "{}", 0, NULL);
    json_object_set_new(root, "options", opts ? opts : json_object());
    json_t *ex = json_array();
    for (int k = 0; k < p->nexplanation; k++) json_array_append_new(ex, json_string(p->explanation[k]));
    json_object_set_new(root, "explanation", ex);
    json_object_set_new(root, "version", json_string(scopt_version()));
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    json_decref(root);
    return text;
}

char *scopt_plan_summary_json(const scopt_plan *p) { return p ? plan_summary_json(p) : NULL; }

scopt_status scopt_plan_write_dir(const scopt_plan *p, const char *dir, scopt_error *err)
{
    atomic_dir a;
    error_clear(err);
    if (!p || !dir) return error_set(err, SCOPT_EUSAGE, "scopt_plan_write_dir: plan and dir are required");
    double t0 = now_seconds();
    scopt_status s = atomic_dir_begin(&a, dir, err);
    if (s != SCOPT_OK) return s;
    s = plan_write_files(p, &a, err);
    if (s == SCOPT_OK) {
        ((scopt_plan *)p)->timings.write = now_seconds() - t0; /* reported in the summary below */
        ((scopt_plan *)p)->timings.total += ((scopt_plan *)p)->timings.write;
        char *json = plan_summary_json(p);
        FILE *f = json ? atomic_dir_open(&a, "summary.json", err) : NULL;
        if (!json) s = error_set(err, SCOPT_ENOMEM, "out of memory for summary.json");
        else if (!f) s = SCOPT_EIO;
        else {
            fputs(json, f);
            fputc('\n', f);
            s = atomic_dir_close_file(&a, f, "summary.json", err);
        }
        free(json);
    }
    if (s == SCOPT_OK) s = atomic_dir_commit(&a, err);
    if (s != SCOPT_OK) atomic_dir_abort(&a);
    return s;
}
