/* test_threads.c - several threads solving different networks at once (ARCHITECTURE.md
 * section 7): 4 threads x 10 solves, each on its own network handle (seven lot-sizing MIPs
 * built through the in-memory API, three CSV datasets read from disk), with log and progress
 * callbacks installed; every result must equal the one computed alone in the main thread
 * before (status, objective bit for bit, summary.json without timings, the plan's rows).
 * Built with -fsanitize=thread by `make test` (build/tsan), so a data race anywhere in
 * libscopt (or in what it calls) fails the run. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include "harness.h"
#include "lotsize_net.h"

#define NNETS 10
#define NTHREADS 4

static const char *const csv_sets[] = {"tests/data/conformance/lp-tiny", "tests/data/conformance/mip-tiny-all",
                                       "tests/data/conformance/lp-tiny-bom"};

static scopt_network *network_of(int k)
{
    scopt_network *n = NULL;
    if (k < 7) return lotsize_network(2 + k % 2, 4 + (k / 2) % 2, (unsigned)(k + 1));
    return scopt_network_read_dir(csv_sets[k - 7], NULL, &n, NULL) == SCOPT_OK ? n : NULL;
}

typedef struct result {
    scopt_solve_status status;
    double objective;
    char *summary;      /* summary.json without timings */
    unsigned long rows; /* a hash of every plan row's numbers */
} result;

typedef struct logs { long lines, progress; } logs;
static void on_log(const char *line, void *user) { (void)line; ((logs *)user)->lines++; }
static void on_progress(const scopt_progress *p, void *user) { (void)p; ((logs *)user)->progress++; }

static unsigned long hash_num(unsigned long h, double v)
{
    unsigned char b[sizeof v];
    memcpy(b, &v, sizeof v);
    for (size_t k = 0; k < sizeof v; k++) h = h * 1099511628211ul ^ b[k];
    return h;
}

static unsigned long rows_hash(const scopt_plan *p)
{
    unsigned long h = 14695981039346656037ul;
    scopt_inventory_row inv;
    scopt_delivery_row dl;
    scopt_production_row pr;
    for (long i = 0; scopt_plan_inventory(p, i, &inv) == SCOPT_OK; i++) h = hash_num(hash_num(h, inv.on_hand), inv.period);
    for (long i = 0; scopt_plan_delivery(p, i, &dl) == SCOPT_OK; i++) h = hash_num(hash_num(h, dl.delivered), dl.lost);
    for (long i = 0; scopt_plan_production(p, i, &pr) == SCOPT_OK; i++) h = hash_num(h, pr.quantity);
    return h;
}

static int solve_one(int k, result *out)
{
    logs lg = {0, 0};
    scopt_options opt;
    scopt_options_init(&opt);
    opt.on_log = on_log;
    opt.log_user = &lg;
    opt.on_progress = on_progress;
    opt.progress_user = &lg;
    scopt_network *n = network_of(k);
    scopt_plan *p = NULL;
    int ok = n && scopt_solve(n, &opt, &p, NULL) == SCOPT_OK;
    if (ok) {
        char *js = scopt_plan_summary_json(p);
        json_t *j = json_loads(js, 0, NULL);
        json_object_del(j, "timings");
        out->summary = json_dumps(j, JSON_SORT_KEYS);
        json_decref(j);
        scopt_free(js);
        out->status = scopt_plan_status(p);
        out->objective = scopt_plan_objective(p);
        out->rows = rows_hash(p);
    }
    scopt_plan_free(p);
    scopt_network_free(n);
    return ok && lg.lines > 0 ? 0 : -1;
}

static result alone[NNETS];

typedef struct worker { int id, mismatches, failures; } worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (int s = 0; s < NNETS; s++) {
        int k = (w->id * 3 + s) % NNETS; /* the threads are on different networks at a time */
        result r = {0};
        if (solve_one(k, &r)) { w->failures++; continue; }
        if (r.status != alone[k].status || r.objective != alone[k].objective || r.rows != alone[k].rows ||
            strcmp(r.summary, alone[k].summary))
            w->mismatches++;
        free(r.summary);
    }
    return NULL;
}

TEST(threads_give_the_single_threaded_results)
{
    for (int k = 0; k < NNETS; k++) CHECK_EQ_INT(solve_one(k, &alone[k]), 0);
    pthread_t th[NTHREADS];
    worker w[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        w[t] = (worker){t, 0, 0};
        CHECK_EQ_INT(pthread_create(&th[t], NULL, work, &w[t]), 0);
    }
    for (int t = 0; t < NTHREADS; t++) {
        pthread_join(th[t], NULL);
        CHECK_EQ_INT(w[t].failures, 0);
        CHECK_EQ_INT(w[t].mismatches, 0);
    }
    for (int k = 0; k < NNETS; k++) free(alone[k].summary);
}

HARNESS_MAIN("threads", T(threads_give_the_single_threaded_results))
