/* solve.c - scopt_solve: build the model of a network, solve it with GLPK, decode the
 * plan; explain an infeasible one. Options: command line > settings.csv > defaults. */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "explain.h"
#include "glpk_driver.h"
#include "loader.h"
#include "plan.h"

/* scopt_pdlp_finish's values by name (summary.json's options, the check of the option) */
static const char *const pdlp_finish_names[] = {"simplex", "none", "restricted", "polish"};
#define PDLP_FINISHES (int)(sizeof pdlp_finish_names / sizeof pdlp_finish_names[0])

static void options_json(const scopt_options *o, char *buf, size_t n)
{
    size_t k = (size_t)snprintf(buf, n, "{");
#define ADD(...) if (k < n) k += (size_t)snprintf(buf + k, n - k, __VA_ARGS__)
    if (o->mip_gap >= 0) ADD("%s\"mip_gap\": %g", k > 1 ? ", " : "", o->mip_gap);
    if (o->time_limit >= 0) ADD("%s\"time_limit\": %g", k > 1 ? ", " : "", o->time_limit);
    if (o->device != SCOPT_DEVICE_AUTO) ADD("%s\"device\": \"%s\"", k > 1 ? ", " : "", o->device == SCOPT_DEVICE_CPU ? "cpu" : "gpu");
    static const char *const lpm[] = {"auto", "simplex", "interior", "pdlp"};
    if (o->lp_method != SCOPT_LP_AUTO) ADD("%s\"lp_method\": \"%s\"", k > 1 ? ", " : "", lpm[o->lp_method & 3]);
    if (o->pdlp_tol > 0) ADD("%s\"pdlp_tol\": %g", k > 1 ? ", " : "", o->pdlp_tol);
    if (o->pdlp_finish != SCOPT_PDLP_FINISH_SIMPLEX) /* checked: one of pdlp_finish_names */
        ADD("%s\"pdlp_finish\": \"%s\"", k > 1 ? ", " : "", pdlp_finish_names[o->pdlp_finish]);
    if (o->pdlp_presolve) ADD("%s\"pdlp_presolve\": true", k > 1 ? ", " : "");
    if (o->threads > 1) ADD("%s\"threads\": %d", k > 1 ? ", " : "", o->threads);
    if (o->threads == SCOPT_THREADS_ALL_CORES) ADD("%s\"threads\": \"all cores\"", k > 1 ? ", " : "");
    if (!o->cuts) ADD("%s\"cuts\": false", k > 1 ? ", " : "");
    if (o->mip_strategy == SCOPT_MIP_GLPK) ADD("%s\"mip_strategy\": \"glpk\"", k > 1 ? ", " : "");
    if (o->heuristics) ADD("%s\"heuristics\": true", k > 1 ? ", " : "");
    ADD("}");
#undef ADD
}

static void fill_params(const scopt_network *net, const scopt_options *o, solve_params *p)
{
    memset(p, 0, sizeof *p);
    p->mip_gap = o->mip_gap >= 0 ? o->mip_gap : net->settings.has_mip_gap ? net->settings.mip_gap : 1e-4;
    p->time_limit = o->time_limit >= 0 ? o->time_limit : net->settings.has_time_limit ? net->settings.time_limit : 0;
    p->lp_method = o->lp_method;
    p->cuts = o->cuts;
    p->heuristics = o->heuristics;
    p->on_log = o->on_log;
    p->log_user = o->log_user;
    p->quiet = o->on_log == NULL;
    p->on_progress = o->on_progress;
    p->progress_user = o->progress_user;
    p->cancel = o->cancel;
    p->start_time = now_seconds();
    p->device = o->device;
    p->pdlp_tol = o->pdlp_tol;
    p->pdlp_finish = o->pdlp_finish;
    p->pdlp_checkpoint = o->pdlp_checkpoint && *o->pdlp_checkpoint ? o->pdlp_checkpoint : NULL;
    p->pdlp_presolve = o->pdlp_presolve != 0;
    p->threads = o->threads == 0 ? 1 : o->threads;
    p->mip_strategy = o->mip_strategy;
}

/* --lp-method auto (docs/pdlp.md): PDLP only where measurements say it wins: on a GPU that the
 * user asked for, or on a usable GPU for models of at least PDLP_AUTO_MIN_NNZ nonzeros; on any
 * backend for LPs (not MIPs) of at least PDLP_AUTO_MIN_LP_COLS columns, where PDLP and its
 * sifting finish beat GLPK's simplex on the CPU in every measured case (docs/pdlp.md "When auto
 * picks PDLP": 19k to 199k columns, two network shapes, 1.2x to 3.5x and more; at 15k the
 * simplex won by 7-40%, at 10k by 1.5x), and on an H100 by 4.6x to 16.7x from 51k columns. */
#define PDLP_AUTO_MIN_NNZ 2000000
#define PDLP_AUTO_MIN_LP_COLS 20000
static scopt_lp_method auto_lp_method(const scopt_model *m, const scopt_options *o, scopt_error *err)
{
    if (o->lp_method != SCOPT_LP_AUTO) return o->lp_method;
    if (o->device == SCOPT_DEVICE_GPU) return SCOPT_LP_PDLP;
    if (m->nints == 0 && m->ncols >= PDLP_AUTO_MIN_LP_COLS) return SCOPT_LP_PDLP;
    if (o->device == SCOPT_DEVICE_CPU || m->nnz < PDLP_AUTO_MIN_NNZ) return SCOPT_LP_SIMPLEX;
    gpu_backend_choice ch;
    int gpu = gpu_backend_open(SCOPT_DEVICE_AUTO, &ch, err) == SCOPT_OK && !strcmp(ch.backend->name, "cuda");
    gpu_backend_close(&ch);
    return gpu ? SCOPT_LP_PDLP : SCOPT_LP_SIMPLEX;
}

static scopt_status check_options(const scopt_options *o, scopt_error *err)
{
    if (o->mip_gap > 1) return error_set(err, SCOPT_EUSAGE, "mip_gap %g: expected a relative gap between 0 and 1", o->mip_gap);
    if (o->pdlp_tol > 1) return error_set(err, SCOPT_EUSAGE, "pdlp_tol %g: expected a relative tolerance below 1", o->pdlp_tol);
    if ((int)o->pdlp_finish < 0 || (int)o->pdlp_finish >= PDLP_FINISHES)
        return error_set(err, SCOPT_EUSAGE, "pdlp_finish %d: expected simplex, none, restricted or polish",
                         (int)o->pdlp_finish);
    if (o->threads < SCOPT_THREADS_ALL_CORES || o->threads > 4096)
        return error_set(err, SCOPT_EUSAGE, "threads %d: expected a number of threads from 1 to 4096 or "
                         "SCOPT_THREADS_ALL_CORES (-1)", o->threads);
    if (o->mip_strategy != SCOPT_MIP_AUTO && o->mip_strategy != SCOPT_MIP_GLPK)
        return error_set(err, SCOPT_EUSAGE, "mip_strategy %d: expected auto or glpk", (int)o->mip_strategy);
    if (o->device == SCOPT_DEVICE_GPU) { /* fail before building anything when no GPU can be used */
        gpu_backend_choice ch;
        scopt_status s = gpu_backend_open(SCOPT_DEVICE_GPU, &ch, err);
        gpu_backend_close(&ch);
        return s;
    }
    return SCOPT_OK;
}

static scopt_status cancelled_before_solving(solve_result *r)
{
    memset(r, 0, sizeof *r);
    r->cancelled = 1;
    r->best_bound = r->lp_bound = -DBL_MAX;
    r->gap = -1;
    r->method = "none";
    return SCOPT_OK;
}

static scopt_plan *plan_new(const scopt_network *net)
{
    scopt_plan *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->net = net;
    p->best_bound = p->lp_bound = -DBL_MAX;
    p->gap = -1;
    return p;
}

scopt_status scopt_solve(const scopt_network *net, const scopt_options *opt, scopt_plan **out, scopt_error *err)
{
    scopt_options defaults;
    diag_sink d;
    solve_params sp;
    solve_result r;
    error_clear(err);
    if (!out || !net) return error_set(err, SCOPT_EUSAGE, "scopt_solve: network and out are required");
    if (network_check_ready(net, "scopt_solve", err) != SCOPT_OK) return SCOPT_EUSAGE;
    *out = NULL;
    if (!opt) { scopt_options_init(&defaults); opt = &defaults; }
    scopt_status s = check_options(opt, err);
    if (s != SCOPT_OK) return s;
    double t0 = now_seconds();
    scopt_plan *p = plan_new(net);
    if (!p) return error_set(err, SCOPT_ENOMEM, "out of memory");
    options_json(opt, p->options_json, sizeof p->options_json);
    diag_init(&d, opt, err);
    s = model_build(net, &d, &p->model);
    if (s != SCOPT_OK) {
        scopt_plan_free(p);
        return s == SCOPT_ENOMEM ? error_set(err, s, "out of memory while building the model") : s;
    }
    p->timings.build = now_seconds() - t0;
    fill_params(net, opt, &sp);
    sp.lp_method = auto_lp_method(p->model, opt, err);
    sp.lp_start = glpk_lp_start_for(p->model, &sp);
    if (cancel_requested(opt->cancel)) s = cancelled_before_solving(&r); /* a plan without solution */
    else s = glpk_solve(p->model, &sp, &r, err);
    p->timings.solve = now_seconds() - t0 - p->timings.build;
    if (s != SCOPT_OK) { solve_result_free(&r); scopt_plan_free(p); return s; }
    p->status = r.cancelled ? SCOPT_SOLVE_CANCELLED : r.status;
    p->has_solution = r.has_solution;
    p->objective = r.objective;
    p->best_bound = r.best_bound;
    p->lp_bound = r.lp_bound;
    p->gap = r.gap;
    p->iterations = r.iterations;
    p->nodes = r.nodes;
    p->heuristic_plans = r.heuristic_plans;
    p->method = r.method;
    p->pdlp = r.pdlp;
    p->timings.glpk_load = r.load_seconds;
    p->glpk_peak_mb = r.glpk_peak_mb;
    p->x = r.x;
    double t1 = now_seconds();
    if (p->has_solution && decode_plan(p)) { scopt_plan_free(p); return error_set(err, SCOPT_ENOMEM, "out of memory"); }
    sp.pdlp_finish = SCOPT_PDLP_FINISH_SIMPLEX; /* explanations name exact amounts */
    if (p->status == SCOPT_SOLVE_INFEASIBLE) explain_infeasible(p, &sp);
    p->timings.decode = now_seconds() - t1;
    p->timings.read = net->read_seconds;
    p->timings.validate = net->validate_seconds;
    p->timings.total = now_seconds() - t0 + net->read_seconds;
    *out = p;
    return SCOPT_OK;
}

void scopt_plan_free(scopt_plan *p)
{
    if (!p) return;
    model_free(p->model);
    free(p->x);
    free(p->res_run);
    free(p->res_setup);
    free(p->res_overtime);
    for (int k = 0; k < p->nexplanation; k++) free(p->explanation[k]);
    free(p->explanation);
    plan_rows_free(p);
    free(p);
}

scopt_solve_status scopt_plan_status(const scopt_plan *p) { return p ? p->status : SCOPT_SOLVE_NO_PLAN; }
double scopt_plan_objective(const scopt_plan *p) { return p && p->has_solution ? p->objective : 0.0; }
int scopt_plan_explanation_count(const scopt_plan *p) { return p ? p->nexplanation : 0; }
const char *scopt_plan_explanation(const scopt_plan *p, int i)
{
    return p && i >= 0 && i < p->nexplanation ? p->explanation[i] : NULL;
}
