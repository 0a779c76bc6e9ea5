/* pdlp_restart.c - PDLP's restart cap measured (docs/pdlp.md, "Restarts on long runs"): the same
 * LP solved by PDLP (no finish) once per value of pdlp_params.restart_max_epoch, side by side.
 * Usage:
 *   pdlp_restart DATASET [cpu|gpu] [presolve|plain] [TIME_LIMIT_S] CAP...
 * (CAP 0: cuPDLPx's restart rules alone). Prints one line per cap: status, iterations, restarts,
 * seconds, relative gap and residuals, the objective (with the model's constant, as summary.json
 * gives it) and the ratio of iterations and of seconds to the first cap's run; with
 * PDLP_REFERENCE=OBJ (an exact optimum, e.g. cbc's) also the objective's relative distance. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader.h"
#include "model.h"
#include "pdlp.h"
#include "util.h"

static int solve_once(const pdlp_problem *p, const scopt_backend *be, int presolve, double limit, long cap,
                      pdlp_result *r)
{
    pdlp_params prm;
    scopt_error err;
    pdlp_params_init(&prm);
    prm.backend = be;
    prm.presolve = presolve;
    prm.time_limit = limit;
    prm.restart_max_epoch = cap;
    prm.log_every = -1;
    if (pdlp_solve(p, &prm, r, &err) != SCOPT_OK) {
        fprintf(stderr, "pdlp_restart: %s\n", err.message);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: pdlp_restart DATASET cpu|gpu presolve|plain TIME_LIMIT_S CAP...\n");
        return 1;
    }
    scopt_device dev = !strcmp(argv[2], "gpu") ? SCOPT_DEVICE_GPU : SCOPT_DEVICE_CPU;
    int presolve = !strcmp(argv[3], "presolve");
    double limit = atof(argv[4]);
    const char *ref_s = getenv("PDLP_REFERENCE");
    double ref = ref_s && *ref_s ? atof(ref_s) : 0;
    scopt_network *net = NULL;
    scopt_model *m = NULL;
    diag_sink d;
    diag_init(&d, NULL, NULL);
    if (scopt_network_read_dir(argv[1], NULL, &net, NULL) != SCOPT_OK || model_build(net, &d, &m) != SCOPT_OK) {
        fprintf(stderr, "pdlp_restart: cannot read or build %s\n", argv[1]);
        return 1;
    }
    gpu_backend_choice ch;
    scopt_error err;
    if (gpu_backend_open(dev, &ch, &err) != SCOPT_OK) {
        fprintf(stderr, "pdlp_restart: %s\n", err.message);
        return 1;
    }
    pdlp_problem p = pdlp_problem_of(m);
    printf("%s: %d rows, %d columns, %ld nonzeros; backend %s, %s, time limit %g s\n\n", argv[1], m->nrows, m->ncols,
           (long)m->nnz, ch.backend->name, presolve ? "presolve" : "no presolve", limit);
    printf("| cap | status | iterations | restarts | seconds | gap | rel. primal / dual residual | objective |%s iterations / seconds to the first |\n",
           ref ? " distance to the reference |" : "");
    printf("|---|---|---|---|---|---|---|---|%s---|\n", ref ? "---|" : "");
    double it0 = 0, s0 = 0;
    int rc = 0;
    for (int k = 5; k < argc && !rc; k++) {
        pdlp_result r;
        if ((rc = solve_once(&p, ch.backend, presolve, limit, atol(argv[k]), &r))) break;
        double obj = r.primal_obj + m->obj_constant;
        if (k == 5) it0 = (double)r.iterations, s0 = r.seconds;
        printf("| %s | %s | %ld | %d | %.1f | %.1e | %.1e / %.1e | %.10g |", argv[k], pdlp_status_name(r.status),
               r.iterations, r.restarts, r.seconds, r.rel_gap, r.rel_primal_residual, r.rel_dual_residual, obj);
        if (ref) printf(" %+.3f%% |", 100.0 * (obj - ref) / ref);
        printf(" %.2f / %.2f |\n", it0 > 0 ? (double)r.iterations / it0 : 0, s0 > 0 ? r.seconds / s0 : 0);
        fflush(stdout);
        pdlp_result_free(&r);
    }
    gpu_backend_close(&ch);
    model_free(m);
    scopt_network_free(net);
    return rc ? 1 : 0;
}
